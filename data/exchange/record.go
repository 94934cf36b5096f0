package exchange

import (
	"fmt"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// Problem is one rejected row, feature or placemark, or something wrong
// with the file as a whole (Line and Feature both zero).
type Problem struct {
	Line    int    // 1-based line of a CSV row (its first line when a field spans lines)
	Feature int    // 1-based feature (GeoJSON) or placemark (KML)
	Reason  string // what is wrong and, where it helps, what to do
}

// String writes "line 12: reason", "feature 3: reason" or the reason.
func (p Problem) String() string {
	switch {
	case p.Line > 0:
		return fmt.Sprintf("line %d: %s", p.Line, p.Reason)
	case p.Feature > 0:
		return fmt.Sprintf("feature %d: %s", p.Feature, p.Reason)
	}
	return p.Reason
}

// Result is what Import read.
type Result struct {
	Name     string        // the file's name, as given to Import
	Format   Format        // the format read
	Records  []data.Record // the good rows, in file order
	Rejected []Problem
	// More counts problems beyond MaxProblems that were not listed.
	More int
	// Skipped counts rows left out on purpose (GDELT: filters, codes with
	// no kind, duplicates), by reason; see Skip.
	Skipped []Skip
}

// RefusedError is returned by Import when the file has problems and
// Options.SkipInvalid is false: nothing from the file may be used.
type RefusedError struct {
	Name     string
	Problems []Problem
	More     int // problems not listed
}

// Error lists every problem, one per line after the first.
func (e *RefusedError) Error() string {
	var b strings.Builder
	n := len(e.Problems) + e.More
	fmt.Fprintf(&b, "exchange: %s was refused, nothing imported (%d problem(s)); fix the file or import with --skip-invalid to keep the good rows:", e.Name, n)
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	if e.More > 0 {
		fmt.Fprintf(&b, "\n  and %d more", e.More)
	}
	return b.String()
}

// Limits on what Import reads.
const (
	MaxFileSize    = 256 << 20 // bytes of a file (uncompressed, for KMZ)
	MaxFieldSize   = 64 << 10  // bytes of one CSV field, property or XML text
	MaxXMLDepth    = 64        // nesting of KML elements
	MaxProblems    = 10_000    // problems listed; more are only counted
	MaxKMZEntries  = 10_000    // files in a KMZ archive
	maxJSONNesting = 32        // nesting of a GeoJSON feature's properties
)

// appendField appends a non-empty value.
func appendField(fs []data.Field, name, value string) []data.Field {
	if value == "" {
		return fs
	}
	return append(fs, data.Field{Name: name, Value: value})
}
