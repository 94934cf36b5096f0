package draw

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

// drawSample draws one of everything on c.
func drawSample(c Canvas) {
	var p Path
	p.AddPolygon(square(10, 10, 90, 90))
	BeginGroup(c, "countries")
	c.FillPath(p, red)
	c.StrokePath(Path{orb.LineString{{0, 0}, {100, 100}}}, 0.5, black)
	EndGroup(c)
	c.Marker(50, 50, Marker{Shape: Star, Size: 8, Fill: blue, Outline: black})
	c.Marker(60, 50, Marker{Shape: Star, Size: 8, Fill: blue, Outline: black})
	c.Marker(70, 50, Marker{Shape: Circle, Size: 6, Outline: black, Dashed: true})
	c.Text(150, 20, "Côte d'Ivoire <&> Ségou", TextStyle{Size: 12, Colour: black, Halo: white})
}

func TestSVG(t *testing.T) {
	var buf bytes.Buffer
	s := NewSVG(&buf, 300, 80)
	s.SetTextMode(TextEditable)
	drawSample(s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name
		Width   string `xml:"width,attr"`
		Groups  []struct {
			ID    string `xml:"id,attr"`
			Paths []struct {
				D string `xml:"d,attr"`
			} `xml:"path"`
		} `xml:"g"`
		Uses  []struct{} `xml:"use"`
		Texts []string   `xml:"text"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("SVG does not parse: %v\n%s", err, buf.String())
	}
	if doc.XMLName.Local != "svg" || doc.Width != "300" {
		t.Errorf("root = %s width %q, want svg width 300", doc.XMLName.Local, doc.Width)
	}
	if len(doc.Groups) != 1 || doc.Groups[0].ID != "countries" || len(doc.Groups[0].Paths) != 2 {
		t.Fatalf("groups = %+v, want one group of two paths", doc.Groups)
	}
	if d := doc.Groups[0].Paths[0].D; d != "M10 10L90 10 90 90 10 90 10 10Z" {
		t.Errorf("fill path d = %q", d)
	}
	if len(doc.Uses) != 3 {
		t.Errorf("%d <use>, want 3 markers", len(doc.Uses))
	}
	if got := strings.Count(buf.String(), "<defs><g"); got != 2 {
		t.Errorf("%d marker definitions, want 2 (one per distinct marker)", got)
	}
	if got := strings.Count(buf.String(), "@font-face"); got != 2 {
		t.Errorf("%d @font-face rules, want the regular and bold Go fonts", got)
	}
	if len(doc.Texts) != 1 || doc.Texts[0] != "Côte d'Ivoire <&> Ségou" {
		t.Errorf("texts = %q", doc.Texts)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestSVGWriteError(t *testing.T) {
	s := NewSVG(failingWriter{}, 10, 10)
	drawSample(s)
	if err := s.Close(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Close = %v, want the write error", err)
	}
}

func TestAppendNum(t *testing.T) {
	cases := []struct {
		v, per float64
		want   string
	}{
		{12.345, 10, "12.3"},
		{12, 10, "12"},
		{-0.01, 10, "0"},
		{-3.96, 10, "-4"},
		{0.5, 100, "0.5"},
	}
	for _, tc := range cases {
		if got := string(appendNum(nil, tc.v, tc.per)); got != tc.want {
			t.Errorf("appendNum(%v, %v) = %q, want %q", tc.v, tc.per, got, tc.want)
		}
	}
}

func TestPDF(t *testing.T) {
	p := NewPDF(300, 80, PageA4Landscape)
	drawSample(p)
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("PDF starts %q", buf.Bytes()[:min(8, buf.Len())])
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) not installed: text not checked")
	}
	file := filepath.Join(t.TempDir(), "sample.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	if !strings.Contains(string(out), "Côte d'Ivoire <&> Ségou") {
		t.Errorf("pdftotext = %q, want the label", out)
	}
}

func TestPDFWriteError(t *testing.T) {
	p := NewPDF(10, 10, Page{})
	drawSample(p)
	if err := p.Output(io.Writer(failingWriter{})); err == nil {
		t.Error("Output to a failing writer returned no error")
	}
}

func TestPDFOutputTwice(t *testing.T) {
	p := NewPDF(10, 10, Page{})
	if err := p.Output(io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := p.Output(io.Discard); err == nil {
		t.Error("second Output returned no error")
	}
}
