package exchange

import (
	"bytes"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
)

// TestXLSXOverCap: a workbook larger than the cap is refused, streamed or
// not, saying why a workbook has a cap at all and what to do, in English
// and in French.
func TestXLSXOverCap(t *testing.T) {
	in := workbook(t, "dd/mm/yyyy", acledSheet())
	max := int64(len(in) / 2)
	want := "exchange: a.xlsx is larger than 0 MiB, the most a workbook may be: a workbook must be read whole; save the sheet as CSV to import a larger one"
	wantFR := "exchange: a.xlsx dépasse 0 Mio, le plus qu’un classeur peut faire : un classeur doit être lu en entier ; enregistrez la feuille en CSV pour en importer un plus grand"
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"whole", Options{MaxFileSize: max}},
		{"streamed", Options{MaxFileSize: max, Stream: func([]data.Record) error { return nil }}},
		{"named xlsx, streamed", Options{MaxFileSize: max, Format: FormatXLSX, Stream: func([]data.Record) error { return nil }}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Import(bytes.NewReader(in), "a.xlsx", tc.opts)
			if err == nil || err.Error() != want {
				t.Fatalf("got %v, want %s", err, want)
			}
			if got := Say(lang.French, err.Error()); got != wantFR {
				t.Errorf("in French %q, want %q", got, wantFR)
			}
		})
	}
}
