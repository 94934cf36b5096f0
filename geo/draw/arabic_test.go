package draw

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"strings"
	"testing"
)

// forms writes runes beyond ASCII as U+XXXX, for readable failures.
func forms(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, " U+%04X ", r)
	}
	return b.String()
}

func TestShapeArabic(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// El Fasher: alef isolated, lam initial, feh medial, alef final, sheen initial, reh final.
		{"الفاشر", "\uFE8D\uFEDF\uFED4\uFE8E\uFEB7\uFEAE"},
		{"لا", "\uFEFB"},               // lam–alef, alone
		{"سلام", "\uFEB3\uFEFC\uFEE1"}, // seen initial, lam–alef final, meem isolated
		{"بيت", "\uFE91\uFEF4\uFE96"},  // beh initial, yeh medial, teh final
		{"Mali", "Mali"},
	}
	for _, tt := range tests {
		if got := shapeArabic(tt.in); got != tt.want {
			t.Errorf("shapeArabic(%q) = %s, want %s", tt.in, forms(got), forms(tt.want))
		}
	}
}

func TestVisual(t *testing.T) {
	fasher := "\uFEAE\uFEB7\uFE8E\uFED4\uFEDF\uFE8D" // الفاشر shaped, drawn right to left
	tests := []struct {
		in, want string
	}{
		{"الفاشر", fasher},
		{"El Fasher (الفاشر)", "El Fasher (" + fasher + ")"},
		{"الفاشر 2024", "2024 " + fasher},
		{"(الفاشر)", "(" + fasher + ")"}, // brackets mirrored in a right-to-left line
		{"Timbuktu, 1–30 sept. 2025", "Timbuktu, 1–30 sept. 2025"},
	}
	for _, tt := range tests {
		got := visual(tt.in)
		if got != tt.want {
			t.Errorf("visual(%q) = %s, want %s", tt.in, forms(got), forms(tt.want))
		}
		if again := visual(got); again != got {
			t.Errorf("visual is not idempotent on %q: %s", tt.in, forms(again))
		}
	}
}

// TestArabicGlyphs: the pages set Arabic in Noto Sans Arabic (the Go font
// has none), so it draws ink rather than empty boxes, and the PDF embeds
// the font.
func TestArabicGlyphs(t *testing.T) {
	fs := faces{}
	ff := fs.face(TextStyle{Size: 24}).(*fallbackFace)
	if ff.pick('\uFEAE') != ff.second || ff.pick('a') != ff.primary {
		t.Fatal("the fallback face does not pick Noto Sans Arabic for Arabic and the Go font for Latin")
	}
	if _, _, ok := ff.second.GlyphBounds('\uFEAE'); !ok {
		t.Fatal("Noto Sans Arabic has no reh, final form")
	}
	// The Go font's notdef box and Noto's letters differ in ink: compare
	// the drawn text with the same count of notdef boxes.
	ink := func(s string, st TextStyle) int {
		img := image.NewRGBA(image.Rect(0, 0, 300, 60))
		r := NewRaster(img)
		r.Text(150, 30, s, st)
		n := 0
		for i := 3; i < len(img.Pix); i += 4 {
			if img.Pix[i] > 128 {
				n++
			}
		}
		return n
	}
	st := TextStyle{Size: 24, Colour: color.RGBA{0, 0, 0, 255}, Anchor: AnchorCentre}
	arabic, boxes := ink("الفاشر", st), ink("\u0378\u0378\u0378\u0378\u0378\u0378", st)
	if arabic == 0 || arabic == boxes {
		t.Errorf("El Fasher in Arabic draws %d inked pixels, six missing-glyph boxes %d", arabic, boxes)
	}

	p := NewPDF(400, 100, Page{})
	p.Text(200, 50, "El Fasher (الفاشر)", st)
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("/BaseFont /utf8arabic")) {
		t.Error("the PDF does not embed Noto Sans Arabic")
	}
}

func TestNeedsFallback(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Tombouctou", false}, {"Ségou – 1 000 km « ok »", false}, {"Кыргызстан", false},
		{"الفاشر", true}, {"\uFEAE", true}, {"שלום", true}, {"\u08A0", true},
	}
	for _, tt := range tests {
		if got := needsFallback(tt.s); got != tt.want {
			t.Errorf("needsFallback(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
