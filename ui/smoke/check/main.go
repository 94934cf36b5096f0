// Command check reads a screenshot of the Sahel Atlas window and fails
// unless the map is drawn: Mali, Sudan and France each show in their own
// colour and their neighbours in the shared tint. ui/smoke/run.sh calls it.
package main

import (
	"fmt"
	"image"
	"image/color"
	_ "image/png"
	"os"

	"github.com/sahelatlas/sahelatlas/geo/render"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: check SCREENSHOT.png")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "check:", err)
		os.Exit(2)
	}
	img, _, err := image.Decode(f)
	f.Close()
	if err != nil {
		fmt.Fprintf(os.Stderr, "check: %s: %v\n", os.Args[1], err)
		os.Exit(2)
	}
	want := []struct {
		name     string
		c        color.RGBA
		minShare float64 // of the screen's pixels
	}{
		{"Mali", render.ColourMali, 0.001}, // lines, clusters and names cover much of it at the Sahel zoom
		{"Sudan", render.ColourSudan, 0.002},
		{"France", render.ColourFrance, 0.0005},
		{"neighbours", render.ColourNeighbour, 0.005},
		{"sea", render.ColourSea, 0.02},
	}
	counts := make([]int, len(want))
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			for i, w := range want {
				if near(uint8(r>>8), w.c.R) && near(uint8(g>>8), w.c.G) && near(uint8(bl>>8), w.c.B) {
					counts[i]++
				}
			}
		}
	}
	total := float64(b.Dx() * b.Dy())
	failed := false
	for i, w := range want {
		share := float64(counts[i]) / total
		status := "ok"
		if share < w.minShare {
			status, failed = "MISSING", true
		}
		fmt.Printf("%-10s %7d px (%.2f%%, need %.2f%%) %s\n", w.name, counts[i], 100*share, 100*w.minShare, status)
	}
	if failed {
		os.Exit(1)
	}
}

func near(a, b uint8) bool { d := int(a) - int(b); return d >= -2 && d <= 2 }
