package lang

import (
	"fmt"
	"os"
	"strings"
	"sync/atomic"
)

// Tag is a language Sahel Atlas speaks: English or French.
type Tag string

// The languages.
const (
	English Tag = "en"
	French  Tag = "fr"
)

// Tags are the languages, English first (the fallback).
var Tags = []Tag{English, French}

// Name is the language's name in itself ("English", "Français").
func (t Tag) Name() string {
	if t == French {
		return "Français"
	}
	return "English"
}

// Parse reads a language as the user writes it: "fr", "FR", "en",
// "french", "français", or a locale such as "fr_FR.UTF-8" or "en-GB".
func Parse(s string) (Tag, error) {
	if t, ok := fromLocale(s); ok {
		return t, nil
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "english", "anglais":
		return English, nil
	case "french", "français", "francais":
		return French, nil
	}
	return "", fmt.Errorf("lang: no language %q: use en or fr", s)
}

// fromLocale reads the language of a locale name ("fr_FR.UTF-8@euro",
// "fr-CA", "en"); C and POSIX are English.
func fromLocale(s string) (Tag, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	switch strings.ToLower(s) {
	case "fr":
		return French, true
	case "en", "c", "posix":
		return English, true
	}
	return "", false
}

// FromEnv is the language of the environment, as gettext reads it:
// LANGUAGE (its first language we speak), then the first of LC_ALL,
// LC_MESSAGES and LANG that is set. English when none says.
func FromEnv() Tag {
	return fromEnv(os.Getenv)
}

// fromEnv is FromEnv reading the environment through getenv.
func fromEnv(getenv func(string) string) Tag {
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(env)
		if v == "" {
			continue
		}
		if t, ok := fromLocale(v); ok && t == English && !strings.EqualFold(v[:min(2, len(v))], "en") {
			return English // C or POSIX: gettext ignores LANGUAGE
		}
		break
	}
	for _, l := range strings.Split(getenv("LANGUAGE"), ":") {
		if t, ok := fromLocale(l); ok && l != "" {
			return t
		}
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(env); v != "" {
			if t, ok := fromLocale(v); ok {
				return t
			}
			return English
		}
	}
	return English
}

// current is the language of the process (a Tag).
var current atomic.Value

// Current is the language Sahel Atlas speaks now: the last Set, English
// until then. The commands and the window Set it (from --lang, the
// preferences or FromEnv) before they write anything; a library or a test
// that sets nothing writes English whatever the machine's locale.
func Current() Tag {
	if t, ok := current.Load().(Tag); ok {
		return t
	}
	return English
}

// Set makes t the language of what is written from now on: pages,
// messages, dates. The command line sets it from --lang, the window from
// the preferences.
func Set(t Tag) {
	if t != French {
		t = English
	}
	current.Store(t)
}
