package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/data/store"
	"github.com/sahelatlas/sahelatlas/ui/cli/cmdline"
)

// command is one command or sub-command of the sahelatlas binary: its
// name, its usage line, its one-line summary and its flags. Every command
// parses, answers --help and reports bad flags the same way (see run).
type command struct {
	name    string // the words after sahelatlas: "snapshot", "annotations add"
	args    string // the positional arguments of the usage line ("FILE"); "" for none
	summary string // one line, for the list of commands and the top of --help
	notes   string // more lines for --help, after the flags; "" for none
	// flags declares the command's flags on fs and returns the function
	// that runs it once they are parsed, with the positional arguments.
	// Nil for a command that only has sub-commands; a command with both
	// (events) runs its flags when its first argument is not a
	// sub-command's word.
	flags func(fs *flag.FlagSet) runFunc
	subs  []*command // the sub-commands (annotations add, list...)
}

// runFunc runs a command whose flags are parsed, with its positional
// arguments, and returns the process's exit status.
type runFunc func(con console, args []string) int

// console is where a running command writes: its result on stdout, and
// one-line messages, prefixed with its name, on stderr.
type console struct {
	cmd            *command
	stdout, stderr io.Writer
}

// failf writes one line on stderr and returns status.
func (con console) failf(status int, format string, a ...any) int {
	msg := strings.ReplaceAll(strings.TrimSpace(fmt.Sprintf(format, a...)), "\n", "; ")
	fmt.Fprintf(con.stderr, "sahelatlas %s: %s\n", con.cmd.name, msg)
	return status
}

// usagef writes one line on stderr ending with where to find the usage,
// and returns ExitUsage.
func (con console) usagef(format string, a ...any) int {
	return con.failf(ExitUsage, lang.T("cli.err.usage"),
		fmt.Sprintf(format, a...), con.cmd.usageLine(), con.cmd.name)
}

// usageLine is the command's name and arguments, e.g. "import FILE [flags]".
func (c *command) usageLine() string {
	line := c.name
	if c.subs != nil && c.flags == nil {
		return line + " " + c.subNames("|") + " ..."
	}
	if c.subs != nil {
		line += " [" + c.subNames("|") + " ...]"
	}
	if c.args != "" {
		line += " " + c.args
	}
	return line + " [flags]"
}

// subNames lists the sub-commands' last words, joined by sep.
func (c *command) subNames(sep string) string {
	names := make([]string, len(c.subs))
	for i, s := range c.subs {
		names[i] = s.word()
	}
	return strings.Join(names, sep)
}

// word is the last word of the command's name ("add" of "annotations add").
func (c *command) word() string {
	return c.name[strings.LastIndexByte(c.name, ' ')+1:]
}

// flagSet is a new, silent flag set with the command's flags, and the
// function that runs the command (nil for a command with sub-commands).
func (c *command) flagSet() (*flag.FlagSet, runFunc) {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are one line of ours, help is ours
	var run runFunc
	if c.flags != nil {
		run = c.flags(fs)
	}
	// Every command takes --lang for its messages, but for extract's it is
	// the article's language (auto, en or fr), which also names the
	// messages' language when it is en or fr (chooseLang).
	if fs.Lookup("lang") == nil {
		addLangFlag(fs)
	}
	return fs, run
}

// isHelp reports whether arg asks for help.
func isHelp(arg string) bool {
	switch arg {
	case "-h", "-help", "--help", "help":
		return true
	}
	return false
}

// run runs the command with the arguments after its name: --help or -h
// print its help on stdout (status 0); a bad flag gives one line on stderr
// with the usage and status 2; otherwise its runFunc says the status.
func (c *command) run(args []string, stdout, stderr io.Writer) int {
	con := console{cmd: c, stdout: stdout, stderr: stderr}
	if c.subs != nil && c.flags != nil && len(args) > 0 {
		for _, s := range c.subs {
			if s.word() == args[0] {
				return s.run(args[1:], stdout, stderr)
			}
		}
	}
	if c.subs != nil && c.flags == nil {
		if len(args) == 0 {
			return con.usagef(lang.T("cli.err.missing_sub"), c.subNames(", "))
		}
		if isHelp(args[0]) {
			c.help(stdout)
			return ExitOK
		}
		for _, s := range c.subs {
			if s.word() == args[0] {
				return s.run(args[1:], stdout, stderr)
			}
		}
		return con.usagef(lang.T("cli.err.unknown_sub"), args[0], c.subNames(", "))
	}
	fs, runf := c.flagSet()
	rest, err := parseFlags(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		c.help(stdout)
		return ExitOK
	}
	if err != nil {
		return con.usagef("%v", flagError(err))
	}
	return runf(con, rest)
}

// parseFlags parses args with flags before, between or after the
// positional arguments, which it returns in order. After "--" everything
// is positional. It checks what every command's flags share: a --store
// given must name a file.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	rest, err := cmdline.Parse(fs, args)
	if err != nil {
		return nil, err
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "store" && f.Value.String() == "" {
			err = errors.New(`--store "" names no file: give a path, or leave --store out for $` + store.EnvStore + ` or the default`)
		}
	})
	return rest, err
}

// help writes the command's usage, summary and every flag on w.
func (c *command) help(w io.Writer) {
	fmt.Fprintf(w, "%s\n\n%s\n", lang.T("cli.help.usage", c.usageLine()), capitalise(tr("cmd."+key(c.name)+".summary", c.summary)))
	if c.subs != nil {
		fmt.Fprintln(w, "\n"+lang.T("cli.help.subs"))
		for _, s := range c.subs {
			fmt.Fprintf(w, "  %-8s %s\n", s.word(), tr("cmd."+key(s.name)+".summary", s.summary))
		}
		fmt.Fprintf(w, "\n"+lang.T("cli.help.run_sub")+"\n", c.name)
		if c.flags == nil {
			return
		}
	}
	fs, _ := c.flagSet()
	fmt.Fprintln(w, "\n"+lang.T("cli.help.flags"))
	writeFlags(w, fs)
	if c.notes != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(tr("cmd."+key(c.name)+".notes", c.notes)))
	}
}

// writeFlags writes every flag of fs, with its value's name, its
// description and its default, then -h.
func writeFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(w, "  %s\n        %s\n", flagSynopsis(f), trFlag(fs.Name(), f))
	})
	fmt.Fprintln(w, "  -h, --help\n        "+lang.T("cli.help.help"))
}

// flagSynopsis is how the flag is written: "-o FILE", "--view VIEW",
// "--no-legend".
func flagSynopsis(f *flag.Flag) string {
	s := "--" + f.Name
	if len(f.Name) == 1 {
		s = "-" + f.Name
	}
	if name, _ := flag.UnquoteUsage(f); name != "" && !isBool(f) {
		if name == "value" || name == "string" || name == "float" || name == "int" {
			name = strings.ToUpper(f.Name)
		}
		s += " " + name
	}
	return s
}

// flagDescription is the flag's usage text with its default, if not zero.
func flagDescription(f *flag.Flag) string {
	_, usage := flag.UnquoteUsage(f)
	switch f.DefValue {
	case "", "0", "false", "NaN": // NaN: a number that must be given
	default:
		usage += fmt.Sprintf(" (default %s)", f.DefValue)
	}
	return usage
}

// isBool reports whether f is a flag given without a value.
func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// capitalise makes a summary a sentence.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
