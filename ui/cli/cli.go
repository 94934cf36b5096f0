// Package cli holds Sahel Atlas's command line: the commands (snapshot,
// events, annotations, import, help, version), which never open a window
// and work with no display, and the window's own flags (ParseWindow). It
// parses flags and prints; the work is done by geo/scene, data/store,
// data/exchange and data/files.
//
// Every command is a command value (command.go) registered from an init
// function in its own file, so main.go only asks Run whether the first
// argument names a command. They share one convention: flags before or
// after the positional arguments, --help and -h print every flag on stdout
// with status 0, and a bad flag is one line on stderr with status 2.
package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

// Exit statuses shared by every command.
const (
	ExitOK      = 0   // the command did what it was asked
	ExitFailed  = 1   // the command ran but its work failed (for instance a refused import)
	ExitUsage   = 2   // bad flags, bad input, or a file that could not be written
	ExitLocked  = 3   // the store is held by another Sahel Atlas
	ExitSIGINT  = 130 // interrupted by Ctrl-C (SIGINT); what the command had begun is removed
	ExitSIGTERM = 143 // stopped by SIGTERM; what the command had begun is removed
)

// Version is the version --version prints. main sets it from FyneApp.toml,
// which it embeds (see VersionOf), so the two cannot differ.
var Version = "unknown"

// VersionOf returns the Version of the [Details] of a FyneApp.toml, or ""
// when it has none.
func VersionOf(fyneAppTOML []byte) string {
	section := ""
	for _, line := range bytes.Split(fyneAppTOML, []byte("\n")) {
		l := strings.TrimSpace(string(line))
		if strings.HasPrefix(l, "[") {
			section = l
			continue
		}
		key, value, ok := strings.Cut(l, "=")
		if ok && section == "[Details]" && strings.TrimSpace(key) == "Version" {
			return strings.Trim(strings.TrimSpace(value), `"`)
		}
	}
	return ""
}

// commands are the registered commands by name.
var commands = map[string]*command{}

// register adds a command; it panics on a duplicate name (a programming
// error).
func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("cli: command registered twice: " + c.name)
	}
	commands[c.name] = c
}

func init() {
	register(&command{
		name: "help", args: "[COMMAND [SUB-COMMAND]]",
		summary: "list the commands and the window's flags, or show a command's flags",
		flags:   func(*flag.FlagSet) runFunc { return runHelp },
	})
	register(&command{
		name: "version", summary: "print the version of Sahel Atlas (also: sahelatlas --version)",
		flags: func(*flag.FlagSet) runFunc { return runVersion },
	})
}

// Run runs the command named by args[0]. It reports ok=false when args is
// empty or does not start with a command (nor with --help or --version),
// so the caller can open the window instead.
func Run(args []string, stdout, stderr io.Writer) (status int, ok bool) {
	chooseLang(args)
	args = dropLeadingLang(args)
	if len(args) == 0 {
		return 0, false
	}
	name := args[0]
	switch {
	case isHelp(name):
		name = "help"
	case name == "--version" || name == "-version":
		name = "version"
	}
	c, found := commands[name]
	if !found {
		return 0, false
	}
	return c.run(args[1:], stdout, stderr), true
}

// runHelp is "sahelatlas help [COMMAND [SUB-COMMAND]]".
func runHelp(con console, args []string) int {
	if len(args) == 0 {
		Usage(con.stdout)
		return ExitOK
	}
	c, found := commands[args[0]]
	for _, word := range args[1:] {
		if !found || c.subs == nil {
			break
		}
		found = false
		for _, s := range c.subs {
			if s.word() == word {
				c, found = s, true
			}
		}
	}
	if !found {
		return con.usagef(lang.T("cli.err.no_command"), strings.Join(args, " "))
	}
	c.help(con.stdout)
	return ExitOK
}

// runVersion is "sahelatlas version".
func runVersion(con console, args []string) int {
	if len(args) > 0 {
		return con.usagef(lang.T("cli.err.unexpected"), args[0])
	}
	fmt.Fprintln(con.stdout, "sahelatlas", Version)
	return ExitOK
}

// Usage writes how to open the window with its flags, and the list of
// commands.
func Usage(w io.Writer) {
	fmt.Fprintln(w, lang.T("cli.usage.window"))
	fmt.Fprintln(w, lang.T("cli.usage.command"))
	fmt.Fprintln(w, lang.T("cli.usage.help"))
	fmt.Fprintln(w, "\n"+lang.T("cli.usage.commands"))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, tr("cmd."+key(n)+".summary", commands[n].summary))
	}
	fmt.Fprintln(w, "\n"+lang.T("cli.usage.window_flags"))
	var o WindowOptions
	writeFlags(w, o.flagSet())
}
