package cli

import (
	"flag"
	"strings"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/ui/cli/cmdline"
)

// The language of the command line: every command and the window take
// --lang en|fr; without it the environment says (LANGUAGE, LC_ALL,
// LC_MESSAGES, LANG). Help, messages and pages follow it. The help's
// French comes from the catalogs: a command's summary and notes under
// "cmd.NAME.summary" and "cmd.NAME.notes", a flag's description under
// "flag.NAME.FLAG" or, when every command that has it says the same,
// "flag.FLAG" (spaces in NAME become "_").

// addLangFlag declares --lang on fs: it sets the language as it is parsed.
func addLangFlag(fs *flag.FlagSet) {
	fs.Func("lang", lang.English.T("flag.lang"), func(s string) error {
		t, err := lang.Parse(s)
		if err != nil {
			return err
		}
		lang.Set(t)
		return nil
	})
}

// chooseLang sets the language before anything is written: from --lang
// among args when it names one, else from the environment
// (cmdline.Lang). A bad --lang is left for the flag parser to report.
func chooseLang(args []string) { lang.Set(cmdline.Lang(args)) }

// key is a command's name as a catalog key: "events add" is "events_add".
func key(name string) string { return strings.ReplaceAll(name, " ", "_") }

// tr is the catalog's text for key in the current language when English
// says the same as english, the text the code holds; else english. So a
// catalog that lags behind the code shows the code's English, never a
// stale translation.
func tr(k, english string) string {
	if english == "" || lang.English.T(k) != english {
		return english
	}
	return lang.T(k)
}

// trFlag is f's description, as flagDescription writes it, in the
// current language.
func trFlag(cmd string, f *flag.Flag) string {
	if lang.Current() == lang.English {
		return flagDescription(f)
	}
	usage := f.Usage
	if k, ok := flagKey(cmd, f); ok {
		usage = lang.T(k)
	}
	usage = strings.ReplaceAll(usage, "`", "")
	switch f.DefValue {
	case "", "0", "false", "NaN":
	default:
		usage += lang.T("cli.help.default", f.DefValue)
	}
	return usage
}

// flagKey is the catalog key of f's description: "flag.CMD.FLAG" or
// "flag.FLAG", or any other key of a flag of that name whose English is
// f's (events edit shares events add's); ok is false when there is none.
func flagKey(cmd string, f *flag.Flag) (k string, ok bool) {
	for _, k := range []string{"flag." + key(cmd) + "." + f.Name, "flag." + f.Name} {
		if lang.English.T(k) == f.Usage {
			return k, true
		}
	}
	for _, k := range lang.English.Keys() {
		if strings.HasPrefix(k, "flag.") && strings.HasSuffix(k, "."+f.Name) && lang.English.T(k) == f.Usage {
			return k, true
		}
	}
	return "", false
}

// flagError is an error of the flag package in the current language.
func flagError(err error) string {
	msg := err.Error()
	if lang.Current() == lang.English {
		return msg
	}
	for _, p := range []struct{ prefix, key string }{
		{"flag provided but not defined: ", "cli.err.undefined_flag"},
		{"flag needs an argument: ", "cli.err.needs_arg"},
		{"invalid value ", "cli.err.bad_value"},
		{"invalid boolean value ", "cli.err.bad_value"},
	} {
		if rest, ok := strings.CutPrefix(msg, p.prefix); ok {
			return lang.T(p.key, rest)
		}
	}
	return msg
}

// dropLeadingLang removes a --lang given before the command
// ("sahelatlas --lang fr help"), which chooseLang has read.
var dropLeadingLang = cmdline.DropLeadingLang
