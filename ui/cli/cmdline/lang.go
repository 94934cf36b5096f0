package cmdline

import (
	"strings"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

// Lang is the language a command line asks for: the last --lang among
// args (before a "--") that names one, else the environment's
// (lang.FromEnv). A bad --lang is left for the flag parser to report.
func Lang(args []string) lang.Tag {
	t := lang.FromEnv()
	for _, v := range langValues(args) {
		if tag, err := lang.Parse(v); err == nil {
			t = tag
		}
	}
	return t
}

// langValues are the values of the --lang arguments among args, before a
// "--", in order, as Lang reads them (the value of another flag that
// looks like one, "--title --lang=en", included).
func langValues(args []string) []string {
	var vs []string
	for i, a := range args {
		if a == "--" {
			break
		}
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 < len(args) {
				vs = append(vs, args[i+1])
			}
		case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
			vs = append(vs, a[strings.IndexByte(a, '=')+1:])
		}
	}
	return vs
}

// DropLeadingLang removes a --lang given before the command
// ("sahelatlas --lang fr help"), which Lang has read.
func DropLeadingLang(args []string) []string {
	if len(args) == 0 {
		return args
	}
	switch a := args[0]; {
	case (a == "--lang" || a == "-lang") && len(args) > 1:
		if _, err := lang.Parse(args[1]); err == nil {
			return args[2:]
		}
	case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
		if _, err := lang.Parse(a[strings.IndexByte(a, '=')+1:]); err == nil {
			return args[1:]
		}
	}
	return args
}
