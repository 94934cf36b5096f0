// Package locale quiets Fyne's complaint about the C locale. Imported
// (blank) by main, it runs before Fyne's lang package reads the
// environment: when the messages locale is C or POSIX with an encoding
// ("C.UTF-8", the default on Debian and in CI), Fyne fails to parse "C" and
// logs three lines to standard error, which would break the commands'
// promise of one-line errors. Setting LANGUAGE=en (read by gettext only
// for messages) gives Fyne English and changes nothing else.
package locale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(env)
		if v == "" {
			continue
		}
		if IsC(v) {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}

// IsC reports whether a locale name is the C or POSIX locale with an
// encoding or modifier ("C.UTF-8", "POSIX@x"); plain "C" and "POSIX" Fyne
// already handles.
func IsC(v string) bool {
	for _, c := range []string{"C", "POSIX"} {
		if strings.HasPrefix(v, c+".") || strings.HasPrefix(v, c+"@") {
			return true
		}
	}
	return false
}
