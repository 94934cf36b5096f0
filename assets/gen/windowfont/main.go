// Command windowfont writes assets/fonts/NotoSansArabic-Window.ttf: the
// embedded Noto Sans Arabic of geo/draw as the window puts it first among
// its fonts (ui's theme), so Fyne draws Arabic place names with it on a
// machine that has no Arabic font of its own.
//
// Fyne picks, letter by letter, the first of the theme's font and its
// own Noto Sans that maps the letter, so the file keeps from Noto Sans
// Arabic only the letters of the Arabic blocks, the spaces, the joiners
// and the few signs Noto Sans lacks (− U+2212, the zoom-out button's):
// its Latin letters and digits would otherwise replace Noto Sans's. It
// takes Noto Sans's line metrics (a line of the window keeps its height).
// Only the cmap, hhea and OS/2 tables change; the glyphs and the shaping
// tables are Noto Sans Arabic's. Both fonts are under the SIL Open Font
// License 1.1 (assets/fonts/OFL.txt). Run it by hand after either font
// changes, then go test ./ui/ and commit the file:
//
//	go run ./assets/gen/windowfont [-arabic geo/draw/fonts/NotoSansArabic-Regular.ttf] \
//	    [-latin $(go list -m -f '{{.Dir}}' fyne.io/fyne/v2)/theme/font/NotoSans-Regular.ttf] \
//	    [-o assets/fonts/NotoSansArabic-Window.ttf]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	arabic := flag.String("arabic", "geo/draw/fonts/NotoSansArabic-Regular.ttf", "Noto Sans Arabic `FILE`")
	latin := flag.String("latin", "", "Fyne's Noto Sans Regular `FILE` (default: from the module cache)")
	out := flag.String("o", "assets/fonts/NotoSansArabic-Window.ttf", "`FILE` to write")
	flag.Parse()
	if err := run(*arabic, *latin, *out); err != nil {
		fmt.Fprintln(os.Stderr, "windowfont:", err)
		os.Exit(1)
	}
}

func run(arabicPath, latinPath, out string) error {
	if latinPath == "" {
		dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
		if err != nil {
			return fmt.Errorf("cannot find Fyne's module (give -latin): %w", err)
		}
		latinPath = filepath.Join(strings.TrimSpace(string(dir)), "theme", "font", "NotoSans-Regular.ttf")
	}
	arabic, err := os.ReadFile(arabicPath)
	if err != nil {
		return err
	}
	latin, err := os.ReadFile(latinPath)
	if err != nil {
		return err
	}
	b, err := windowFont(arabic, latin)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	fmt.Printf("windowfont: wrote %s (%d bytes)\n", out, len(b))
	return nil
}
