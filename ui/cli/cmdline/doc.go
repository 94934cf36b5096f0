// Package cmdline reads what a command line asks for, where more than
// the commands need it: the language (--lang, else the environment), the
// numbers flags take, flags given between other arguments, the snapshot
// command's flags and the snapshot they ask for, and which command lines
// are brief.
//
// ui/cli runs the commands with it; ui/startup reads the same command
// line while the program's packages initialise, before ui/cli exists,
// to begin drawing a brief snapshot on the second core. Both read it
// with this package, so the two cannot disagree on what was asked.
package cmdline
