package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readCounter counts the bytes read through it.
type readCounter struct {
	io.ReadSeeker
	n int
}

func (r *readCounter) Read(p []byte) (int, error) {
	n, err := r.ReadSeeker.Read(p)
	r.n += n
	return n, err
}

// TestProposalsFileReadsLittleOfOtherGeoJSON: telling an extract file
// from other GeoJSON reads the other file's first bytes only, and leaves
// every file rewound for the importer that reads it next.
func TestProposalsFileReadsLittleOfOtherGeoJSON(t *testing.T) {
	dir := t.TempDir()
	extracted := filepath.Join(dir, "proposals.geojson")
	if status, _, stderr := runCLI(t, "extract", testArticle, "-o", extracted); status != ExitOK {
		t.Fatalf("extract: status %d, %s", status, stderr)
	}
	proposals, err := os.ReadFile(extracted)
	if err != nil {
		t.Fatal(err)
	}
	feature := `{"type":"Feature","geometry":{"type":"Point","coordinates":[-8,12.6]},"properties":{"id":"e1","date":"2025-01-02","evidence":"x"}},`
	big := []byte(`{"type":"FeatureCollection","features":[` + strings.Repeat(feature, 20_000) + `{"type":"Feature","geometry":null,"properties":{}}]}`)
	for _, tc := range []struct {
		name      string
		file      []byte
		isExtract bool
		mostRead  int
	}{
		{"extract's proposals", proposals, true, proposalsHead + len(proposals)},
		{"2.6 MB of other GeoJSON", big, false, proposalsHead},
		{"empty", nil, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &readCounter{ReadSeeker: bytes.NewReader(tc.file)}
			raw := proposalsFile(r, "in.geojson")
			if (raw != nil) != tc.isExtract {
				t.Errorf("told a proposals file: %v, want %v", raw != nil, tc.isExtract)
			}
			if tc.isExtract && !bytes.Equal(raw, tc.file) {
				t.Errorf("read %d bytes of a %d-byte proposals file", len(raw), len(tc.file))
			}
			if r.n > tc.mostRead {
				t.Errorf("read %d bytes, want at most %d", r.n, tc.mostRead)
			}
			if at, _ := r.Seek(0, io.SeekCurrent); at != 0 {
				t.Errorf("left the file at %d, want it rewound", at)
			}
		})
	}
}
