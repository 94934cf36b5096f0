package draw

import (
	"bytes"
	"encoding/xml"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A frame moves the origin and clips: a square far bigger than the frame
// fills exactly the frame's pixels.
func TestRasterFrame(t *testing.T) {
	r := NewRaster(image.NewRGBA(image.Rect(0, 0, 100, 100)))
	r.Clear(white)
	if !BeginFrame(r, 10, 20, 30, 40) {
		t.Fatal("Raster is not a Framer")
	}
	if w, h := r.Size(); w != 30 || h != 40 {
		t.Errorf("size in frame = %dx%d, want 30x40", w, h)
	}
	var p Path
	p.AddPolygon(square(-50, -50, 150, 150))
	r.FillPath(p, red)
	r.Marker(0, 0, Marker{Shape: Square, Size: 4, Fill: blue}) // the frame's corner
	EndFrame(r)
	if w, h := r.Size(); w != 100 || h != 100 {
		t.Errorf("size after frame = %dx%d, want 100x100", w, h)
	}
	for _, tc := range []struct {
		x, y int
		want bool // inside the frame
	}{
		{12, 22, true}, {39, 59, true}, {25, 40, true},
		{9, 30, false}, {40, 30, false}, {20, 19, false}, {20, 60, false}, {0, 0, false},
	} {
		got := r.Image().RGBAAt(tc.x, tc.y)
		if in := got == red; in != tc.want {
			t.Errorf("pixel %d,%d = %v; filled = %v, want %v", tc.x, tc.y, got, in, tc.want)
		}
	}
	if got := r.Image().RGBAAt(10, 20); got != blue {
		t.Errorf("marker at the frame's origin: pixel 10,20 = %v, want %v", got, blue)
	}
}

func TestSVGFrame(t *testing.T) {
	var buf bytes.Buffer
	s := NewSVG(&buf, 200, 100)
	s.SetTextMode(TextEditable)
	BeginFrame(s, 10, 20, 50, 30)
	if w, h := s.Size(); w != 50 || h != 30 {
		t.Errorf("size in frame = %dx%d, want 50x30", w, h)
	}
	drawSample(s)
	// Left open: Close must close it.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Defs []struct {
			Clip struct {
				ID   string `xml:"id,attr"`
				Rect struct {
					W string `xml:"width,attr"`
					H string `xml:"height,attr"`
				} `xml:"rect"`
			} `xml:"clipPath"`
		} `xml:"defs"`
		G []struct {
			Transform string `xml:"transform,attr"`
			Inner     struct {
				Clip string   `xml:"clip-path,attr"`
				Text []string `xml:"text"`
			} `xml:"g"`
		} `xml:"g"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("SVG does not parse: %v\n%s", err, buf.String())
	}
	if len(doc.Defs) == 0 || doc.Defs[0].Clip.ID != "frame1" || doc.Defs[0].Clip.Rect.W != "50" || doc.Defs[0].Clip.Rect.H != "30" {
		t.Errorf("clip path = %+v, want frame1 50x30", doc.Defs)
	}
	if len(doc.G) != 1 || doc.G[0].Transform != "translate(10 20)" || doc.G[0].Inner.Clip != "url(#frame1)" {
		t.Fatalf("frame groups = %+v", doc.G)
	}
	if len(doc.G[0].Inner.Text) != 1 {
		t.Errorf("texts in the frame = %q, want the sample's one", doc.G[0].Inner.Text)
	}
}

// Frames and pages in a PDF: text drawn in a frame is on the page, and
// NewPage adds pages.
func TestPDFFrameAndPages(t *testing.T) {
	p := NewPDF(400, 300, PageA4Landscape)
	BeginFrame(p, 100, 100, 200, 100)
	if w, h := p.Size(); w != 200 || h != 100 {
		t.Errorf("size in frame = %dx%d, want 200x100", w, h)
	}
	p.Text(100, 50, "inside", TextStyle{Size: 12, Colour: black})
	EndFrame(p)
	p.Text(200, 20, "first", TextStyle{Size: 12, Colour: black})
	p.NewPage()
	BeginFrame(p, 0, 0, 400, 300) // left open: Output closes it
	p.Text(200, 20, "second", TextStyle{Size: 12, Colour: black})
	if n := p.PageCount(); n != 2 {
		t.Errorf("PageCount = %d, want 2", n)
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) not installed: pages not checked")
	}
	file := filepath.Join(t.TempDir(), "pages.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command(filepath.Join(filepath.Dir(pdftotext), "pdfinfo"), "-f", "1", "-l", "2", file).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	if n := strings.Count(string(info), "841.89 x 595.28 pts"); n != 2 {
		t.Errorf("want both pages A4 landscape (841.89 x 595.28 pts); pdfinfo says\n%s", info)
	}
	for page, want := range []string{"inside", "second"} {
		n := []string{"1", "2"}[page]
		out, err := exec.Command(pdftotext, "-f", n, "-l", n, file, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		if !strings.Contains(string(out), want) {
			t.Errorf("page %s: pdftotext found no %q in %q", n, want, out)
		}
	}
}
