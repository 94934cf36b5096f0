package exchange

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

// ProblemGroup is the problems of a file that say the same thing of
// different rows: the same reason but for the values it quotes and the
// numbers it gives, and the same fix.
type ProblemGroup struct {
	First Problem // the first problem of the group, as it was reported
	Count int     // how many problems the group holds
	At    []int   // the lines (or features) of the first MaxGroupLines, in file order
}

// MaxGroupLines is how many lines a problem group lists.
const MaxGroupLines = 5

// GroupProblems groups ps by what they say (see ProblemGroup), in the
// order each group first appears; a file whose 254 rows all have the same
// kind of bad date gives one group of 254.
func GroupProblems(ps []Problem) []ProblemGroup {
	var groups []ProblemGroup
	index := map[string]int{}
	for _, p := range ps {
		k := problemKey(p)
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, ProblemGroup{First: p})
		}
		g := &groups[i]
		g.Count++
		if at := max(p.Line, p.Feature); at > 0 && len(g.At) < MaxGroupLines {
			g.At = append(g.At, at)
		}
	}
	return groups
}

// problemKey is a problem's reason with quoted values and numbers masked,
// its fix, and whether it is of a line, a feature or the file.
func problemKey(p Problem) string {
	var b strings.Builder
	switch {
	case p.Line > 0:
		b.WriteString("L|")
	case p.Feature > 0:
		b.WriteString("F|")
	default:
		b.WriteString("-|")
	}
	quoted := false
	digits := false
	for _, r := range p.Reason {
		switch {
		case r == '"':
			if !quoted {
				b.WriteString(`"…"`)
			}
			quoted = !quoted
		case quoted:
		case r >= '0' && r <= '9':
			if !digits {
				b.WriteByte('#')
			}
			digits = true
			continue
		default:
			b.WriteRune(r)
		}
		digits = false
	}
	b.WriteString("|")
	b.WriteString(p.Fix)
	return b.String()
}

// String writes the group as one line in the current language (see Say):
// "254 rows (lines 2, 3, 4, 5, 6 and 249 more), the first: reason; fix:
// …", or the problem itself when it is alone.
func (g ProblemGroup) String() string {
	t := lang.Current()
	if g.Count == 1 {
		return g.First.String()
	}
	units, at := "exchange.group.rows", "exchange.group.atlines"
	if g.First.Line == 0 {
		units, at = "exchange.group.features", "exchange.group.atfeatures"
		if g.First.Feature == 0 {
			units, at = "exchange.group.times", ""
		}
	}
	var b strings.Builder
	b.WriteString(t.T(units, g.Count))
	if at != "" && len(g.At) > 0 {
		lines := make([]string, len(g.At))
		for i, n := range g.At {
			lines[i] = strconv.Itoa(n)
		}
		b.WriteString(t.T(at, strings.Join(lines, ", ")))
		if g.Count > len(g.At) {
			b.WriteString(t.T("exchange.group.more", g.Count-len(g.At)))
		}
		b.WriteString(")")
	}
	b.WriteString(t.T("exchange.group.first"))
	b.WriteString(Say(t, g.First.Reason))
	if g.First.Fix != "" {
		b.WriteString(t.T("exchange.fix"))
		b.WriteString(Say(t, g.First.Fix))
	}
	return b.String()
}

// ProblemsText writes problems grouped, one group a line, with "and N
// more" for problems counted but not listed: the report the command line
// and the window show, in the current language.
func ProblemsText(ps []Problem, more int) string {
	var b strings.Builder
	for _, g := range GroupProblems(ps) {
		b.WriteString(g.String())
		b.WriteByte('\n')
	}
	if more > 0 {
		b.WriteString(lang.Current().T("exchange.more_problems", more))
		b.WriteByte('\n')
	}
	return b.String()
}

// fixError is a row's problem with the flag or step that fixes it.
type fixError struct {
	err error
	fix string
}

func (e *fixError) Error() string { return e.err.Error() }
func (e *fixError) Unwrap() error { return e.err }

// withFix attaches a fix to err.
func withFix(err error, fix string) error { return &fixError{err, fix} }

// problem makes the Problem of a row (line) or feature from err, with the
// fix err carries.
func problem(line, feature int, err error) Problem {
	p := Problem{Line: line, Feature: feature, Reason: shortReason(err.Error())}
	var fe *fixError
	if errors.As(err, &fe) {
		p.Fix = fe.fix
	}
	return p
}

// maxReason bounds a problem's reason: a reason quoting a huge cell quotes
// its start, marked, so a report never grows with a cell.
const maxReason = 400

// shortReason is reason cut to maxReason bytes, marked as an excerpt.
func shortReason(reason string) string {
	if len(reason) <= maxReason {
		return reason
	}
	cut := maxReason
	for cut > 0 && !utf8.RuneStart(reason[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (a reason of %d bytes, cut)", reason[:cut], len(reason))
}
