package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkExtract1000Words extracts a 1,000-word article (the test
// articles, repeated); the goal is at most 50 ms.
func BenchmarkExtract1000Words(b *testing.B) {
	var parts []string
	for _, f := range []string{"en_relative.txt", "fr_relatif.txt"} {
		raw, err := os.ReadFile(filepath.Join("testdata", f))
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(raw))
	}
	text := strings.Join(parts, "\n")
	for len(strings.Fields(text)) < 1000 {
		text += "\n" + strings.Join(parts, "\n")
	}
	words := strings.Fields(text)[:1000]
	text = strings.Join(words, " ")
	x := testExtractor()
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = len(x.Extract(text, Options{}).Proposals)
	}
	b.ReportMetric(float64(n), "proposals")
}
