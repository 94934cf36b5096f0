package cli

import (
	"flag"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// allCommands are the registered commands and their sub-commands, each
// with the words that run it.
func allCommands() map[string]*command {
	all := map[string]*command{}
	var add func(c *command)
	add = func(c *command) {
		all[c.name] = c
		for _, s := range c.subs {
			add(s)
		}
	}
	for _, c := range commands {
		add(c)
	}
	return all
}

// wantFlags checks that help describes every flag of fs: how it is
// written and its description.
func wantFlags(t *testing.T, help string, fs *flag.FlagSet) {
	t.Helper()
	n := 0
	fs.VisitAll(func(f *flag.Flag) {
		n++
		if syn := flagSynopsis(f); !strings.Contains(help, "  "+syn+"\n") {
			t.Errorf("help does not show the flag %s", syn)
		}
		if _, usage := flag.UnquoteUsage(f); usage == "" || !strings.Contains(help, usage) {
			t.Errorf("help does not describe the flag %s (%q)", f.Name, usage)
		}
	})
	if !strings.Contains(help, "-h, --help") {
		t.Error("help does not mention -h, --help")
	}
}

// Every command and sub-command answers --help and -h with status 0, on
// stdout, describing every flag its flag set defines.
func TestHelpDescribesEveryFlag(t *testing.T) {
	all := allCommands()
	for _, name := range []string{"snapshot", "events", "import", "annotations", "annotations add", "annotations list",
		"annotations export", "annotations import", "help", "version"} {
		if all[name] == nil {
			t.Errorf("no command %q", name)
		}
	}
	for name, c := range all {
		for _, help := range []string{"--help", "-h", "-help"} {
			t.Run(name+" "+help, func(t *testing.T) {
				args := append(strings.Fields(name), help)
				status, out, errs := runCLI(t, args...)
				if status != ExitOK || errs != "" {
					t.Fatalf("status %d, stderr %q", status, errs)
				}
				if !strings.HasPrefix(out, "usage: sahelatlas "+name) || !strings.Contains(out, capitalise(c.summary)) {
					t.Errorf("help does not start with the usage and summary:\n%s", out)
				}
				if c.subs != nil {
					for _, s := range c.subs {
						if !strings.Contains(out, "  "+s.word()+" ") {
							t.Errorf("help does not list the sub-command %s", s.word())
						}
					}
					return
				}
				fs, _ := c.flagSet()
				wantFlags(t, out, fs)
			})
		}
	}
	// sahelatlas help COMMAND [SUB-COMMAND] is the same help.
	for name := range all {
		_, want, _ := runCLI(t, append(strings.Fields(name), "--help")...)
		status, got, errs := runCLI(t, append([]string{"help"}, strings.Fields(name)...)...)
		if status != ExitOK || got != want || errs != "" {
			t.Errorf("help %s: status %d, stderr %q, output differs from %s --help", name, status, errs, name)
		}
	}
}

// sahelatlas --help, -h and help list every command and every flag of the
// window.
func TestUsageListsCommandsAndWindowFlags(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"-help"}, {"help"}} {
		status, out, errs := runCLI(t, args...)
		if status != ExitOK || errs != "" {
			t.Fatalf("%v: status %d, stderr %q", args, status, errs)
		}
		for name, c := range commands {
			if !strings.Contains(out, "  "+name+" ") || !strings.Contains(out, c.summary) {
				t.Errorf("%v does not list %s", args, name)
			}
		}
		var o WindowOptions
		wantFlags(t, out, o.flagSet())
	}
}

// A bad flag, sub-command or argument is one line on stderr naming the
// way to the help, with status 2 and nothing on stdout.
func TestBadFlagIsOneLine(t *testing.T) {
	for name, c := range allCommands() {
		for _, bad := range []string{"--no-such-flag", "-x"} {
			t.Run(name+" "+bad, func(t *testing.T) {
				status, out, errs := runCLI(t, append(strings.Fields(name), bad)...)
				if status != ExitUsage || out != "" || strings.Count(errs, "\n") != 1 {
					t.Fatalf("status %d, stdout %q, stderr %q; want %d and one line", status, out, errs, ExitUsage)
				}
				if !strings.HasPrefix(errs, "sahelatlas "+c.name+": ") || !strings.Contains(errs, "sahelatlas "+c.name+" --help") {
					t.Errorf("stderr %q does not name the command and its --help", errs)
				}
			})
		}
	}
	if status, _, errs := runCLI(t, "help", "nothing"); status != ExitUsage || !strings.Contains(errs, `"nothing"`) {
		t.Errorf("help nothing: %d %q", status, errs)
	}
	if status, _, errs := runCLI(t, "version", "extra"); status != ExitUsage || strings.Count(errs, "\n") != 1 {
		t.Errorf("version extra: %d %q", status, errs)
	}
}

// --version, -version and version print the version of FyneApp.toml,
// which main embeds and hands to the package with VersionOf.
func TestVersion(t *testing.T) {
	toml, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	v := VersionOf(toml)
	if !regexp.MustCompile(`^\d+\.\d+\.\d+`).MatchString(v) {
		t.Fatalf("VersionOf(FyneApp.toml) = %q, want a version such as 0.1.0", v)
	}
	old := Version
	Version = v
	t.Cleanup(func() { Version = old })
	for _, arg := range []string{"--version", "-version", "version"} {
		status, out, errs := runCLI(t, arg)
		if status != ExitOK || out != "sahelatlas "+v+"\n" || errs != "" {
			t.Errorf("%s: status %d, stdout %q, stderr %q; want sahelatlas %s", arg, status, out, errs, v)
		}
	}
}

func TestVersionOf(t *testing.T) {
	cases := []struct{ toml, want string }{
		{"[Details]\n  Name = \"Sahel Atlas\"\n  Version = \"1.2.3\"\n  Build = 4\n", "1.2.3"},
		{"[Other]\nVersion = \"9.9.9\"\n[Details]\nVersion=\"0.2.0\"\n", "0.2.0"},
		{"[Details]\nName = \"x\"\n", ""},
		{"Version = \"1.0.0\"\n", ""},
	}
	for _, tc := range cases {
		if got := VersionOf([]byte(tc.toml)); got != tc.want {
			t.Errorf("VersionOf(%q) = %q, want %q", tc.toml, got, tc.want)
		}
	}
}

// Flags may come before, between or after the positional arguments; after
// "--" everything is positional.
func TestParseFlags(t *testing.T) {
	cases := []struct {
		args  []string
		rest  []string
		store string
		skip  bool
		err   string
	}{
		{args: []string{"a.csv"}, rest: []string{"a.csv"}},
		{args: []string{"--store", "s.db", "a.csv"}, rest: []string{"a.csv"}, store: "s.db"},
		{args: []string{"a.csv", "--store", "s.db", "--skip"}, rest: []string{"a.csv"}, store: "s.db", skip: true},
		{args: []string{"a.csv", "--skip", "b.csv", "--store=s.db"}, rest: []string{"a.csv", "b.csv"}, store: "s.db", skip: true},
		{args: []string{"--skip", "--", "--store", "a.csv"}, rest: []string{"--store", "a.csv"}, skip: true},
		{args: []string{"a.csv", "--nope"}, err: "not defined: -nope"},
		{args: []string{"--store", ""}, err: `--store ""`},
		{args: []string{"--store="}, err: `--store ""`},
	}
	for _, tc := range cases {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(new(strings.Builder))
		store := fs.String("store", "", "")
		skip := fs.Bool("skip", false, "")
		rest, err := parseFlags(fs, tc.args)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want one containing %q", tc.args, err, tc.err)
			}
			continue
		}
		if err != nil || !slices.Equal(rest, tc.rest) || *store != tc.store || *skip != tc.skip {
			t.Errorf("%q: rest %q store %q skip %v err %v; want %q %q %v", tc.args, rest, *store, *skip, err, tc.rest, tc.store, tc.skip)
		}
	}
}

// --store "" is refused by every command that takes --store, and by the
// window, rather than meaning the default store.
func TestEmptyStoreRefused(t *testing.T) {
	t.Setenv("SAHELATLAS_STORE", t.TempDir()+"/env.db")
	n := 0
	for name, c := range allCommands() {
		if c.subs != nil {
			continue
		}
		if fs, _ := c.flagSet(); fs.Lookup("store") == nil {
			continue
		}
		n++
		status, out, errs := runCLI(t, append(strings.Fields(name), "--store", "")...)
		if status != ExitUsage || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, `--store ""`) {
			t.Errorf("%s --store \"\": status %d, stdout %q, stderr %q", name, status, out, errs)
		}
	}
	if n < 6 {
		t.Errorf("only %d commands take --store", n)
	}
	if _, err := ParseWindow([]string{"--store", ""}); err == nil || !strings.Contains(err.Error(), `--store ""`) {
		t.Errorf("the window's --store \"\": %v", err)
	}
	if _, err := os.Stat(os.Getenv("SAHELATLAS_STORE")); !os.IsNotExist(err) {
		t.Errorf("a refused --store \"\" made the store of $SAHELATLAS_STORE")
	}
}
