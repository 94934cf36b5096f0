package exchange

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

// Import's reasons, fixes, notes and errors are written in English, as
// the package keeps them (Problem.Reason, Result.Notes, Skip.Reason, an
// error's text). Say gives one in the user's language when the catalogs
// hold its wording: under "exchange.msg." and the English format as it is
// in the code, with its verbs ("date %q is not a day"); a text no wording
// fits stays English.

// prefix is the package's mark on its errors, kept in every language.
const prefix = "exchange: "

// wording is one English format of the catalogs, matched as a pattern.
type wording struct {
	key   string
	match *regexp.Regexp
	verbs []byte // each verb's letter, in order: q, d, x, s (s, v or w)
}

var (
	wordingsOnce sync.Once
	wordings     []wording
	verbRE       = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0-9.]*([a-zA-Z%])`)
)

// loadWordings compiles the catalog's "exchange.msg." formats, the most
// specific (the longest literal text) first.
func loadWordings() []wording {
	wordingsOnce.Do(func() {
		type scored struct {
			w       wording
			literal int
		}
		var all []scored
		for _, key := range lang.English.Keys() {
			format, ok := strings.CutPrefix(key, "exchange.msg.")
			if !ok {
				continue
			}
			var re strings.Builder
			var verbs []byte
			re.WriteString("^")
			last, literal := 0, 0
			for _, m := range verbRE.FindAllStringSubmatchIndex(format, -1) {
				re.WriteString(regexp.QuoteMeta(format[last:m[0]]))
				literal += m[0] - last
				last = m[1]
				switch v := format[m[4]]; v {
				case '%':
					re.WriteString("%")
					continue
				case 'q':
					re.WriteString(`("(?:[^"\\]|\\.)*")`)
				case 'd':
					re.WriteString(`(-?\d+)`)
				case 'x':
					re.WriteString(`(0x[0-9a-f]+|[0-9a-f]+)`)
				default: // s, v, w: any text, itself perhaps a wording
					re.WriteString(`(.+?)`)
					v = 's'
				}
				verbs = append(verbs, format[m[4]])
			}
			re.WriteString(regexp.QuoteMeta(format[last:]))
			literal += len(format) - last
			re.WriteString("$")
			all = append(all, scored{wording{key: key, match: regexp.MustCompile(re.String()), verbs: verbs}, literal})
		}
		sort.SliceStable(all, func(i, j int) bool { return all[i].literal > all[j].literal })
		for _, s := range all {
			wordings = append(wordings, s.w)
		}
	})
	return wordings
}

// Say is msg, an English reason, fix, note, skip or error of this package,
// in t's words: "date \"31/02/2025\" does not exist" is "la date
// \"31/02/2025\" n’existe pas" in French. The values it quotes are kept;
// a text it holds (%s, %v) is said in t's words in turn. A text no wording
// of the catalogs fits is returned as it is, and so is every text in
// English.
func Say(t lang.Tag, msg string) string {
	if t == lang.English || msg == "" {
		return msg
	}
	return say(t, msg, 0)
}

// say is Say at a depth of nested texts, bounded.
func say(t lang.Tag, msg string, depth int) string {
	if depth > 4 {
		return msg
	}
	if rest, ok := strings.CutPrefix(msg, prefix); ok {
		return prefix + say(t, rest, depth+1)
	}
	for _, w := range loadWordings() {
		m := w.match.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := m[1:]
		for i, v := range w.verbs {
			if v == 's' || v == 'v' || v == 'w' {
				args[i] = say(t, args[i], depth+1)
			}
		}
		return fill(t.T(w.key), args)
	}
	// "column: reason", as a reader prefixes a reason with its column.
	if col, rest, ok := strings.Cut(msg, ": "); ok && !strings.ContainsAny(col, " \"") {
		if said := say(t, rest, depth+1); said != rest {
			return col + t.T("exchange.colon") + said
		}
	}
	return msg
}

// fill writes format with each verb replaced by the text matched for it:
// the i-th verb by args[i], or %[n]v by args[n-1].
func fill(format string, args []string) string {
	var b strings.Builder
	last, next := 0, 0
	for _, m := range verbRE.FindAllStringSubmatchIndex(format, -1) {
		b.WriteString(format[last:m[0]])
		last = m[1]
		if format[m[4]] == '%' {
			b.WriteByte('%')
			continue
		}
		i := next
		if m[2] >= 0 {
			n, _ := strconv.Atoi(format[m[2]:m[3]])
			i = n - 1
		}
		next = i + 1
		if i >= 0 && i < len(args) {
			b.WriteString(args[i])
		}
	}
	b.WriteString(format[last:])
	return b.String()
}
