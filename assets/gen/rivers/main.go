// Command rivers makes assets/rivers/rivers.bin, the rivers and lakes the
// map draws, from GSHHG (WDBII rivers, lake shorelines) through GMT's
// `gmt coast`. It is run by hand when the source changes; building or
// running the app never needs it. See README.md.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"
	"github.com/sahelatlas/sahelatlas/assets/rivers"
)

// region is the area dumped, W/E/S/N: Africa north of the equator's
// belt, Europe, Arabia and Central Asia, wider than every frame the atlas
// names; west, east, south and north are its edges as numbers.
const (
	region                   = "-40/80/-25/70"
	west, east, south, north = -40.0, 80.0, -25.0, 70.0
)

// level says what one level of detail keeps.
type level struct {
	minZoom    float64
	riverLevel []int   // WDBII river levels: 1 major permanent, 2 additional major
	minRiver   float64 // rivers shorter than this, in degrees, are dropped
	minLake    int     // lakes smaller than this, in km², are dropped (gmt coast -A)
	tolerance  float64 // Douglas–Peucker, in degrees
}

var levels = []level{
	{minZoom: 3.5, riverLevel: []int{1}, minRiver: 0.3, minLake: 1500, tolerance: 0.03},
	{minZoom: 5.5, riverLevel: []int{1, 2}, minRiver: 0.3, minLake: 150, tolerance: 0.01},
}

func main() {
	out := flag.String("o", "assets/rivers/rivers.bin", "file to write")
	flag.Parse()
	var lvs []rivers.Level
	for _, l := range levels {
		var rs orb.MultiLineString
		for _, rl := range l.riverLevel {
			segs, err := coast("-I"+strconv.Itoa(rl), "-Dh")
			if err != nil {
				log.Fatal(err)
			}
			for _, r := range join(segs, 0) {
				r = simplify.DouglasPeucker(l.tolerance).LineString(r)
				if planar.Length(r) >= l.minRiver && len(r) >= 2 {
					rs = append(rs, r)
				}
			}
		}
		segs, err := coast("-W2/0.1p", "-Dh", fmt.Sprintf("-A%d/2/2", l.minLake))
		if err != nil {
			log.Fatal(err)
		}
		var lakes orb.MultiPolygon
		open := 0
		for _, ring := range join(segs, 0.05) {
			if ring[0] != ring[len(ring)-1] || onEdge(ring) {
				open++ // cut by the region's edge (or a gap too wide to close): a lake half drawn misleads
				continue
			}
			r := simplify.DouglasPeucker(l.tolerance).Ring(orb.Ring(ring))
			if len(r) >= 4 {
				lakes = append(lakes, orb.Polygon{r})
			}
		}
		points := 0
		for _, r := range rs {
			points += len(r)
		}
		for _, p := range lakes {
			points += len(p[0])
		}
		log.Printf("zoom ≥ %.1f: %d rivers, %d lakes (%d shore pieces left open), %d points", l.minZoom, len(rs), len(lakes), open, points)
		lvs = append(lvs, rivers.Level{MinZoom: l.minZoom, Rivers: rs, Lakes: lakes})
	}
	b := rivers.Encode(nil, lvs)
	if _, err := rivers.Decode(b); err != nil {
		log.Fatalf("the file written does not read back: %v", err)
	}
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s, %d bytes", *out, len(b))
}

// onEdge reports whether a vertex of ring lies on the region's edge, where
// gmt coast cut a lake.
func onEdge(ring orb.LineString) bool {
	for _, p := range ring {
		if p[0] <= west+1e-6 || p[0] >= east-1e-6 || p[1] <= south+1e-6 || p[1] >= north-1e-6 {
			return true
		}
	}
	return false
}

// coast runs gmt coast over region with args and -M, and reads the
// segments it prints.
func coast(args ...string) ([]orb.LineString, error) {
	cmd := exec.Command("gmt", append([]string{"coast", "-R" + region, "-M"}, args...)...)
	dir, err := os.MkdirTemp("", "rivers-gmt-") // gmt leaves gmt.history where it runs
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("gmt coast %s: %v: %s (install Debian's gmt and gmt-gshhg-high)", strings.Join(args, " "), err, stderr.String())
	}
	var segs []orb.LineString
	var cur orb.LineString
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, ">") {
			if len(cur) > 1 {
				segs = append(segs, cur)
			}
			cur = nil
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		x, err1 := strconv.ParseFloat(f[0], 64)
		y, err2 := strconv.ParseFloat(f[1], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("gmt coast %s: cannot read %q", strings.Join(args, " "), line)
		}
		cur = append(cur, orb.Point{x, y})
	}
	if len(cur) > 1 {
		segs = append(segs, cur)
	}
	return segs, nil
}

// join chains segments whose ends meet: gmt coast cuts every line at the
// edges of GSHHG's bins, and a river's pieces do not all run the same
// way. A chain grows at both ends: by a piece starting or ending where it
// ends, equal to a micro-degree; then, when gap is positive, by the
// piece with the nearest end within gap degrees (a lake's shore walks
// along a bin's edge between two pieces). A chain whose ends then lie
// within gap is closed.
func join(segs []orb.LineString, gap float64) []orb.LineString {
	key := func(p orb.Point) [2]int64 {
		return [2]int64{int64(math.Round(p[0] * 1e6)), int64(math.Round(p[1] * 1e6))}
	}
	used := make([]bool, len(segs))
	ends := map[[2]int64][]int{}
	for i, s := range segs {
		ends[key(s[0])] = append(ends[key(s[0])], i)
		ends[key(s[len(s)-1])] = append(ends[key(s[len(s)-1])], i)
	}
	// next finds an unused piece with an end at p (exactly, or within
	// gap) and returns it running away from p.
	next := func(p orb.Point, exactOnly bool) orb.LineString {
		best, bestD := -1, math.Inf(1)
		for _, j := range ends[key(p)] {
			if !used[j] {
				best, bestD = j, 0
				break
			}
		}
		if best < 0 && !exactOnly && gap > 0 {
			for j, s := range segs {
				if used[j] {
					continue
				}
				for _, q := range []orb.Point{s[0], s[len(s)-1]} {
					if d := planar.Distance(p, q); d <= gap && d < bestD {
						best, bestD = j, d
					}
				}
			}
		}
		if best < 0 {
			return nil
		}
		used[best] = true
		s := segs[best]
		if planar.Distance(p, s[len(s)-1]) < planar.Distance(p, s[0]) {
			s = s.Clone()
			s.Reverse()
		}
		return s
	}
	grow := func(chain orb.LineString) orb.LineString {
		for _, exact := range []bool{true, false} {
			for {
				end := chain[len(chain)-1]
				if chain[0] == end && len(chain) > 2 {
					return chain
				}
				s := next(end, exact)
				if s == nil {
					break
				}
				if s[0] == end {
					s = s[1:]
				}
				chain = append(chain, s...)
			}
		}
		return chain
	}
	var out []orb.LineString
	for i := range segs {
		if used[i] {
			continue
		}
		used[i] = true
		chain := grow(append(orb.LineString(nil), segs[i]...))
		if chain[0] != chain[len(chain)-1] {
			chain.Reverse()
			chain = grow(chain)
		}
		if gap > 0 && chain[0] != chain[len(chain)-1] && planar.Distance(chain[0], chain[len(chain)-1]) <= gap {
			chain = append(chain, chain[0])
		}
		out = append(out, chain)
	}
	return out
}
