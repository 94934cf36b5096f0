package cli

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// pdfText is what pdftotext reads from pages first–last of file.
func pdfText(t *testing.T, file string, pages ...int) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (Debian's poppler-utils) is not installed")
	}
	args := []string{file, "-"}
	if len(pages) == 2 {
		args = append([]string{"-f", strconv.Itoa(pages[0]), "-l", strconv.Itoa(pages[1])}, args...)
	}
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return string(out)
}

// pdfPages is the page count pdfinfo reads from file.
func pdfPages(t *testing.T, file string) int {
	t.Helper()
	bin, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo (Debian's poppler-utils) is not installed")
	}
	out, err := exec.Command(bin, file).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", file, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(rest))
			return n
		}
	}
	t.Fatalf("pdfinfo gives no page count:\n%s", out)
	return 0
}

// The briefer's single snapshots: September 2025 as PNG, SVG and PDF,
// titled, caveated and credited.
func TestSnapshotFormats(t *testing.T) {
	dir := t.TempDir()
	common := []string{"--from", "2025-09-01", "--to", "2025-09-30", "--title", "Sahel in September",
		"--caveat", "UNCLASSIFIED // FOR TRAINING"}
	run := func(args ...string) {
		t.Helper()
		if status, _, stderr := runSnapshotCLI(t, append(args, common...)...); status != ExitOK {
			t.Fatalf("%v: status %d, stderr %q", args, status, stderr)
		}
	}

	t.Run("png", func(t *testing.T) {
		for _, tc := range []struct {
			args          []string
			width, height int
			dpi           float64
		}{
			{nil, 1920, 1080, 96},
			{[]string{"--paper", "a4"}, 3508, 2480, 300},
			{[]string{"--size", "800x450", "--dpi", "150"}, 800, 450, 150},
		} {
			file := filepath.Join(dir, "sep.png")
			run(append([]string{"-o", file}, tc.args...)...)
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(b))
			if err != nil || cfg.Width != tc.width || cfg.Height != tc.height {
				t.Errorf("%v: PNG %dx%d (err %v), want %dx%d", tc.args, cfg.Width, cfg.Height, err, tc.width, tc.height)
			}
			if x, y, ok := pngDPI(b); !ok || math.Abs(x-tc.dpi) > 0.05 || math.Abs(y-tc.dpi) > 0.05 {
				t.Errorf("%v: pHYs %g×%g dpi (found %v), want %g", tc.args, x, y, ok, tc.dpi)
			}
		}
	})

	t.Run("svg", func(t *testing.T) {
		outlines := filepath.Join(dir, "sep-outlines.svg")
		run("-o", outlines)
		if b, err := os.ReadFile(outlines); err != nil || bytes.Contains(b, []byte("<text")) || !bytes.Contains(b, []byte("Q")) {
			t.Errorf("the default SVG (err %v) holds <text> or no glyph outlines: its text should be outlines", err)
		}
		file := filepath.Join(dir, "sep.svg")
		run("-o", file, "--svg-text", "editable")
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		paths, texts := 0, []string{}
		dec := xml.NewDecoder(bytes.NewReader(b))
		inText := false
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("SVG is not well-formed XML: %v", err)
			}
			switch el := tok.(type) {
			case xml.StartElement:
				paths += boolInt(el.Name.Local == "path")
				inText = el.Name.Local == "text"
			case xml.CharData:
				if inText {
					texts = append(texts, string(el))
				}
			case xml.EndElement:
				inText = false
			}
		}
		if paths < 20 {
			t.Errorf("%d <path> elements: countries and arcs should be paths", paths)
		}
		joined := strings.Join(texts, "|")
		for _, want := range []string{"Sahel in September", "1–30 Sep 2025", "UNCLASSIFIED // FOR TRAINING", "Natural Earth", "GeoNames", "Legend", "Bamako"} {
			if !strings.Contains(joined, want) {
				t.Errorf("no <text> holding %q", want)
			}
		}
	})

	t.Run("pdf", func(t *testing.T) {
		for _, paper := range []string{"a4", "slide", "letter", "a3"} {
			file := filepath.Join(dir, "sep-"+paper+".pdf")
			run("-o", file, "--paper", paper)
			text := pdfText(t, file)
			for _, want := range []string{"Sahel in September", "1–30 Sep 2025", "UNCLASSIFIED // FOR TRAINING", "Natural Earth", "GeoNames", "Made "} {
				if !strings.Contains(text, want) {
					t.Errorf("%s: pdftotext finds no %q", paper, want)
				}
			}
			if strings.Count(text, "UNCLASSIFIED // FOR TRAINING") != 2 {
				t.Errorf("%s: the caveat should be written twice, top and bottom", paper)
			}
			if n := pdfPages(t, file); n != 1 {
				t.Errorf("%s: %d pages, want 1", paper, n)
			}
		}
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// pngDPI reads a PNG's pHYs chunk as dots per inch.
func pngDPI(b []byte) (x, y float64, ok bool) {
	for i := 8; i+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i:]))
		if string(b[i+4:i+8]) == "pHYs" && n == 9 && b[i+16] == 1 {
			return float64(binary.BigEndian.Uint32(b[i+8:])) * 0.0254, float64(binary.BigEndian.Uint32(b[i+12:])) * 0.0254, true
		}
		i += 12 + n
	}
	return 0, 0, false
}
