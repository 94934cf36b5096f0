package render

import (
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// The same Map draws through the vector backends. The names are read back
// from editable text (outlines, the default, have no words to read).
func TestDrawSVG(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{Capitals: sahelCapitals})
	var buf bytes.Buffer
	s := draw.NewSVG(&buf, 1920, 1080)
	s.SetTextMode(draw.TextEditable)
	m.RenderTo(s, view(t, a, "sahel"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Groups []struct {
			ID    string     `xml:"id,attr"`
			Paths []struct{} `xml:"path"`
			Texts []string   `xml:"text"`
			Uses  []struct{} `xml:"use"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("SVG does not parse: %v", err)
	}
	groups := map[string]int{}
	var texts []string
	for _, g := range doc.Groups {
		groups[g.ID] = len(g.Paths) + len(g.Texts) + len(g.Uses)
		texts = append(texts, g.Texts...)
	}
	for _, id := range []string{"countries", "borders", "capitals", "names"} {
		if groups[id] == 0 {
			t.Errorf("group %q is missing or empty (groups: %v)", id, groups)
		}
	}
	joined := strings.Join(texts, "|")
	for _, name := range []string{"Mali", "Sudan", "France", "Bamako"} {
		if !strings.Contains(joined, name) {
			t.Errorf("no text %q in the SVG", name)
		}
	}
}

func TestDrawPDF(t *testing.T) {
	a := testAtlas(t)
	m := New(a, Options{Capitals: sahelCapitals})
	p := draw.NewPDF(1920, 1080, draw.PageA4Landscape)
	m.RenderTo(p, view(t, a, "mali"))
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) not installed: text not checked")
	}
	file := filepath.Join(t.TempDir(), "mali.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, name := range []string{"Mali", "Bamako"} {
		if !strings.Contains(string(out), name) {
			t.Errorf("pdftotext found no %q in %q", name, out)
		}
	}
}
