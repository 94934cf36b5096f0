package scene

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A GIF written a frame at a time decodes as one animation: every frame,
// its delay, the shared palette and the loop.
func TestGIFStream(t *testing.T) {
	pal := color.Palette{color.RGBA{0, 0, 0, 255}, color.RGBA{255, 0, 0, 255}, color.RGBA{0, 0, 255, 255}}
	var buf bytes.Buffer
	g := &gifStream{w: &buf, palette: pal, width: 8, height: 4}
	for i := range 5 {
		img := image.NewPaletted(image.Rect(0, 0, 8, 4), pal)
		img.SetColorIndex(i, 1, 1+uint8(i%2)) // a dot that moves
		if err := g.frame(img, 10*(i+1)); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.close(); err != nil {
		t.Fatal(err)
	}
	anim, err := gif.DecodeAll(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("the stream is not a GIF: %v", err)
	}
	if len(anim.Image) != 5 || anim.LoopCount != 0 {
		t.Fatalf("%d frames, loop count %d; want 5 frames looping forever", len(anim.Image), anim.LoopCount)
	}
	for i, img := range anim.Image {
		if anim.Delay[i] != 10*(i+1) {
			t.Errorf("frame %d: delay %d, want %d", i, anim.Delay[i], 10*(i+1))
		}
		if got := img.ColorIndexAt(i, 1); got != 1+uint8(i%2) {
			t.Errorf("frame %d: the dot has colour %d, want %d", i, got, 1+uint8(i%2))
		}
	}
	// A real client reads it too.
	if identify, err := exec.LookPath("identify"); err == nil {
		path := filepath.Join(t.TempDir(), "a.gif")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(identify, path).Output()
		if err != nil || strings.Count(string(out), "GIF 8x4") != 5 {
			t.Errorf("identify reads %q (%v), want 5 frames of 8x4", out, err)
		}
	}
}

func TestSplitGIFRefuses(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":      nil,
		"not a GIF":  []byte("PNG\x89 and more bytes;"),
		"no trailer": []byte("GIF89a\x08\x00\x04\x00\x00\x00\x00,"),
		"truncated":  []byte("GIF89a\x08\x00\x04\x00\xf7\x00\x00;"),
	} {
		if _, _, err := splitGIF(b); err == nil {
			t.Errorf("%s: split without an error", name)
		}
	}
}

func TestSampleFrames(t *testing.T) {
	for n, want := range map[int][]int{0: nil, 1: {0}, 2: {0, 1}, 3: {0, 1, 2}, 12: {0, 6, 11}} {
		got := sampleFrames(n)
		if len(got) != len(want) {
			t.Errorf("sampleFrames(%d) = %v, want %v", n, got, want)
			continue
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("sampleFrames(%d) = %v, want %v", n, got, want)
			}
		}
	}
}

// A raster page whose pixels would need more than about 1 GiB to draw is
// refused with the largest size allowed; a vector page of the same size is
// not.
func TestSnapshotPixelBudget(t *testing.T) {
	s := testScene(t)
	cases := []struct {
		format Format
		w, h   int
		ok     bool
	}{
		{FormatPNG, 8192, 8192, true},
		{FormatPNG, 16384, 16384, false},
		{FormatGIF, 10000, 8000, false},
		{FormatSVG, 16384, 16384, true},
		{FormatPDF, 16384, 16384, true},
	}
	for _, tc := range cases {
		_, err := Snapshot{Format: tc.format, Width: tc.w, Height: tc.h}.Complete(s, "")
		if tc.ok && err != nil {
			t.Errorf("%s %dx%d refused: %v", tc.format, tc.w, tc.h, err)
		}
		if !tc.ok && (!errors.Is(err, ErrBadSnapshot) || !strings.Contains(fmt.Sprint(err), "8192x8192")) {
			t.Errorf("%s %dx%d: error %v, want a bad snapshot naming the largest size", tc.format, tc.w, tc.h, err)
		}
	}
}
