// Package cli holds Sahel Atlas's command-line commands (snapshot, events,
// annotations, import). They never open a window and work with no display.
//
// Each command lives in its own file and registers itself with Register
// from an init function, so main.go only asks Run whether the first
// argument names a command.
package cli

import (
	"fmt"
	"io"
	"sort"
)

// Exit statuses shared by every command.
const (
	ExitOK     = 0 // the command did what it was asked
	ExitFailed = 1 // the command ran but its work failed (for instance a refused import)
	ExitUsage  = 2 // bad flags, bad input, or a file that could not be written
	ExitLocked = 3 // the store is held by another Sahel Atlas
)

// Command is one sub-command of the sahelatlas binary.
type Command struct {
	Name    string // the word after sahelatlas, e.g. "snapshot"
	Summary string // one line for the usage text
	// Run executes the command with the arguments after its name and
	// returns the process's exit status.
	Run func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]Command{}

// Register adds a command; it panics on a duplicate name (a programming error).
func Register(c Command) {
	if _, dup := commands[c.Name]; dup {
		panic("cli: command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

// Run runs the command named by args[0]. It reports ok=false when args is
// empty or does not start with a known command, so the caller can open the
// window instead.
func Run(args []string, stdout, stderr io.Writer) (status int, ok bool) {
	if len(args) == 0 {
		return 0, false
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		Usage(stdout)
		return ExitOK, true
	}
	c, found := commands[args[0]]
	if !found {
		return 0, false
	}
	return c.Run(args[1:], stdout, stderr), true
}

// Usage writes the list of commands.
func Usage(w io.Writer) {
	fmt.Fprintln(w, "usage: sahelatlas [COMMAND] [FLAGS]")
	fmt.Fprintln(w, "With no command, opens the Sahel Atlas window.")
	fmt.Fprintln(w, "Commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].Summary)
	}
}
