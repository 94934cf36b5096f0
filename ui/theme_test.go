package ui

import (
	"bytes"
	"image"
	"image/draw"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// renderText draws s as a canvas text of style with the software painter
// of a test window: in the font source alone when it is given, else in
// the app's theme's fonts (and Fyne's and the system's after them).
func renderText(t *testing.T, s string, style fyne.TextStyle, source fyne.Resource) *image.NRGBA {
	t.Helper()
	txt := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	txt.TextSize = 24
	txt.TextStyle = style
	txt.FontSource = source
	w := test.NewTempWindow(t, txt)
	w.Resize(fyne.NewSize(360, 60))
	img := image.NewNRGBA(image.Rect(0, 0, 360, 60))
	draw.Draw(img, img.Bounds(), w.Canvas().Capture(), image.Point{}, draw.Src)
	return img
}

// inked counts the pixels of img that differ from its top left one.
func inked(img *image.NRGBA) int {
	n := 0
	bg := img.NRGBAAt(0, 0)
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			if img.NRGBAAt(x, y) != bg {
				n++
			}
		}
	}
	return n
}

// TestThemeDrawsArabicInTheEmbeddedFont checks that the window's theme
// draws Arabic place names as the embedded Noto Sans Arabic alone draws
// them (not in a system font, not as boxes), and Latin text as Fyne's
// own theme draws it.
func TestThemeDrawsArabicInTheEmbeddedFont(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		style fyne.TextStyle
		want  fyne.Resource // nil: as the base theme draws it
	}{
		{"Arabic place", "الفاشر", fyne.TextStyle{}, arabicFont},
		{"Arabic two words", "نواكشوط مالي", fyne.TextStyle{}, arabicFont},
		{"Arabic bold", "تمبكتو", fyne.TextStyle{Bold: true}, arabicFont},
		{"minus, which Noto Sans lacks", "−", fyne.TextStyle{}, arabicFont},
		{"Latin", "Kidal, 18,44° N – Gao", fyne.TextStyle{}, nil},
		{"Latin bold", "Bamako 12,65° N", fyne.TextStyle{Bold: true}, nil},
		{"Latin italic", "Tombouctou (inférée)", fyne.TextStyle{Italic: true}, nil},
		{"monospace", "1,5 km", fyne.TextStyle{Monospace: true}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			base := a.Settings().Theme()
			var want *image.NRGBA
			if c.want != nil {
				want = renderText(t, c.text, c.style, c.want)
			} else {
				want = renderText(t, c.text, c.style, nil)
			}
			a.Settings().SetTheme(newAtlasTheme(base))
			got := renderText(t, c.text, c.style, nil)
			if inked(got) < 10 {
				t.Fatalf("%q drew %d pixels of ink: nothing shows", c.text, inked(got))
			}
			if !bytes.Equal(got.Pix, want.Pix) {
				t.Errorf("%q with the window's theme differs from %s", c.text, map[bool]string{true: "the embedded Arabic font's drawing", false: "the base theme's drawing"}[c.want != nil])
			}
		})
	}
}
