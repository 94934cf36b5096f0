package ui

import (
	"fyne.io/fyne/v2"

	"github.com/sahelatlas/sahelatlas/assets"
)

// arabicFont is the embedded Noto Sans Arabic the window draws Arabic
// with (assets.WindowArabicFont).
var arabicFont = fyne.NewStaticResource("NotoSansArabic-Window.ttf", assets.WindowArabicFont)

// atlasTheme is the window's theme: base's in all but the text font,
// where it gives the embedded Arabic font. Fyne draws each letter in the
// first font that has it, theme's font first and its own Noto Sans next
// (then the system's), and the Arabic font maps only Arabic letters,
// spaces and the few signs Noto Sans lacks (−), so Latin text looks as
// it does with base, and Arabic place names (الفاشر) show on a machine
// with no Arabic font, where they were boxes. Monospace and symbol text
// keep base's fonts.
type atlasTheme struct{ fyne.Theme }

// newAtlasTheme is atlasTheme over base (theme.DefaultTheme() in the app).
func newAtlasTheme(base fyne.Theme) fyne.Theme { return atlasTheme{base} }

// Font is the embedded Arabic font for text, base's font for monospace
// and symbol text.
func (t atlasTheme) Font(style fyne.TextStyle) fyne.Resource {
	if style.Monospace || style.Symbol {
		return t.Theme.Font(style)
	}
	return arabicFont
}
