package draw

import (
	"bytes"
	"encoding/xml"
	"math"
	"regexp"
	"strconv"
	"testing"
)

// Issue 13 item 7: an SVG writes text as the glyph outlines of the Go
// font by default, one <path> a text, where the raster draws it: the
// outline's box lies within the measured box, and fills most of its width.
func TestSVGOutlineText(t *testing.T) {
	num := regexp.MustCompile(`-?[0-9.]+`)
	for _, c := range []struct {
		name   string
		text   string
		st     TextStyle
		glyphs bool // the text has ink
	}{
		{"centred", "Bamako", TextStyle{Size: 20, Colour: black}, true},
		{"left, bold, halo", "Port Sudan", TextStyle{Size: 14, Bold: true, Colour: black, Halo: white, Anchor: AnchorLeft}, true},
		{"right, accents", "Ségou, Côte d'Ivoire", TextStyle{Size: 12, Colour: black, Anchor: AnchorRight}, true},
		{"spaces only", "   ", TextStyle{Size: 12, Colour: black}, false},
	} {
		var buf bytes.Buffer
		s := NewSVG(&buf, 400, 100)
		s.Text(200, 50, c.text, c.st)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Paths []struct {
				D      string `xml:"d,attr"`
				Stroke string `xml:"stroke,attr"`
			} `xml:"path"`
			Texts []string `xml:"text"`
		}
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("%s: SVG does not parse: %v", c.name, err)
		}
		if len(doc.Texts) != 0 {
			t.Errorf("%s: %d <text> elements, want outlines only", c.name, len(doc.Texts))
		}
		if !c.glyphs {
			if len(doc.Paths) != 0 {
				t.Errorf("%s: %d paths for a text with no ink, want none", c.name, len(doc.Paths))
			}
			continue
		}
		if len(doc.Paths) != 1 {
			t.Fatalf("%s: %d paths, want one for the text", c.name, len(doc.Paths))
		}
		if (c.st.Halo.A > 0) != (doc.Paths[0].Stroke != "") {
			t.Errorf("%s: halo stroke %q, want one exactly when the style has a halo", c.name, doc.Paths[0].Stroke)
		}
		xs := math.Inf(1)
		x1, ys, y1 := math.Inf(-1), math.Inf(1), math.Inf(-1)
		for i, n := range num.FindAllString(doc.Paths[0].D, -1) {
			v, err := strconv.ParseFloat(n, 64)
			if err != nil {
				t.Fatalf("%s: path data %q", c.name, n)
			}
			if i%2 == 0 {
				xs, x1 = math.Min(xs, v), math.Max(x1, v)
			} else {
				ys, y1 = math.Min(ys, v), math.Max(y1, v)
			}
		}
		tb := s.faces.layout(200, 50, c.text, c.st)
		if xs < tb.left-1 || x1 > tb.left+tb.width+1 || ys < tb.baseline-tb.ascent-1 || y1 > tb.baseline+tb.descent+1 {
			t.Errorf("%s: outlines span x %.1f–%.1f y %.1f–%.1f, outside the text's box x %.1f–%.1f y %.1f–%.1f",
				c.name, xs, x1, ys, y1, tb.left, tb.left+tb.width, tb.baseline-tb.ascent, tb.baseline+tb.descent)
		}
		if x1-xs < 0.9*tb.width {
			t.Errorf("%s: outlines %.1f px wide, the text measures %.1f", c.name, x1-xs, tb.width)
		}
	}
}
