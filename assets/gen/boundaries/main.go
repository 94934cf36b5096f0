// Command boundaries turns Natural Earth admin-0 countries (as GeoJSON made by
// prepare.sh from world-atlas@2.0.2) into the compact files in
// assets/boundaries. It is run by hand, never at build time; see README.md.
//
//	go run ./assets/gen/boundaries -src DIR [-out assets/boundaries]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/sahelatlas/sahelatlas/assets/boundaries"
)

// scales are the Natural Earth scales world-atlas ships, finest first.
var scales = []string{"10m", "50m", "110m"}

func main() {
	src := flag.String("src", "", "folder holding countries-{10m,50m,110m}.geojson from prepare.sh")
	out := flag.String("out", "assets/boundaries", "folder to write countries-{10m,50m,110m}.bin to")
	flag.Parse()
	if *src == "" {
		fmt.Fprintln(os.Stderr, "usage: go run ./assets/gen/boundaries -src DIR [-out assets/boundaries]  (DIR from prepare.sh)")
		os.Exit(2)
	}
	for _, scale := range scales {
		if err := generate(filepath.Join(*src, "countries-"+scale+".geojson"), filepath.Join(*out, "countries-"+scale+".bin")); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// generate converts one GeoJSON file into one boundaries file.
func generate(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("boundaries: %w (run prepare.sh first and pass its folder as -src)", err)
	}
	var topo struct {
		Transform struct {
			Scale     orb.Point `json:"scale"`
			Translate orb.Point `json:"translate"`
		} `json:"transform"`
	}
	if err := json.Unmarshal(data, &topo); err != nil {
		return fmt.Errorf("boundaries: %s: %w", in, err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return fmt.Errorf("boundaries: %s: %w", in, err)
	}
	grid := boundaries.Grid{Scale: topo.Transform.Scale, Translate: topo.Transform.Translate}
	countries, err := convert(fc, grid)
	if err != nil {
		return fmt.Errorf("boundaries: %s: %w", in, err)
	}
	enc, err := boundaries.Encode(nil, grid, countries)
	if err != nil {
		return fmt.Errorf("boundaries: %s: %w", in, err)
	}
	if err := check(enc, countries); err != nil {
		return fmt.Errorf("boundaries: %s: %w", out, err)
	}
	if err := os.WriteFile(out, enc, 0o644); err != nil {
		return fmt.Errorf("boundaries: %w", err)
	}
	points := 0
	for _, c := range countries {
		for _, p := range c.Geometry {
			for _, r := range p {
				points += len(r)
			}
		}
	}
	fmt.Printf("%s: %d countries, %d points, %d bytes\n", out, len(countries), points, len(enc))
	return nil
}

// convert gives every feature its code and proper name, splits geometry at
// ±180°, orients rings (exterior counter-clockwise, holes clockwise, as RFC
// 7946 asks) and sorts the countries by code. It fails on a feature with no
// geometry, no code, a duplicate code or an abbreviated name.
func convert(fc *geojson.FeatureCollection, grid boundaries.Grid) ([]boundaries.Country, error) {
	seen := map[string]string{}
	var countries []boundaries.Country
	for i, f := range fc.Features {
		name := f.Properties.MustString("name", "")
		numeric, _ := f.ID.(string)
		code := codeByName[name]
		if code == "" {
			code = alpha3[numeric]
		}
		if code == "" {
			return nil, fmt.Errorf("feature %d (%q, id %q) has no code: add its id to alpha3 or its name to codeByName in codes.go", i, name, numeric)
		}
		if other, dup := seen[code]; dup {
			return nil, fmt.Errorf("features %q and %q both get code %s: give one its own in codeByName", other, name, code)
		}
		seen[code] = name
		if proper, ok := properName[name]; ok {
			name = proper
		}
		if name == "" || strings.Contains(name, ".") {
			return nil, fmt.Errorf("feature %s has name %q: add a proper English name to properName in codes.go", code, name)
		}
		var mp orb.MultiPolygon
		switch g := f.Geometry.(type) {
		case orb.Polygon:
			mp = orb.MultiPolygon{g}
		case orb.MultiPolygon:
			mp = g
		default:
			return nil, fmt.Errorf("feature %s (%s) has geometry %T, want a polygon or multipolygon", code, name, f.Geometry)
		}
		var split orb.MultiPolygon
		for _, p := range mp {
			split = append(split, splitAntimeridian(p, grid)...)
		}
		for _, p := range split {
			for j, r := range p {
				if (j == 0) != (r.Orientation() == orb.CCW) {
					r.Reverse()
				}
			}
		}
		countries = append(countries, boundaries.Country{Code: code, Numeric: numeric, Name: name, Geometry: split})
	}
	slices.SortFunc(countries, func(a, b boundaries.Country) int { return strings.Compare(a.Code, b.Code) })
	return countries, nil
}

// check decodes what is about to be written and verifies it: the same
// countries, every coordinate within a grid step of the original and no edge
// jumping across the antimeridian.
func check(enc []byte, want []boundaries.Country) error {
	grid, got, err := boundaries.Decode(enc)
	if err != nil {
		return err
	}
	if len(got) != len(want) {
		return fmt.Errorf("decoded %d countries, wrote %d", len(got), len(want))
	}
	tol := math.Max(grid.Scale[0], grid.Scale[1])
	for i, c := range got {
		w := want[i]
		if c.Code != w.Code || c.Name != w.Name || c.Numeric != w.Numeric || len(c.Geometry) != len(w.Geometry) {
			return fmt.Errorf("country %d decoded as %s %q, wrote %s %q", i, c.Code, c.Name, w.Code, w.Name)
		}
		for j, p := range c.Geometry {
			if crossesAntimeridian(p) {
				return fmt.Errorf("%s: polygon %d still crosses ±180°", c.Code, j)
			}
			for k, r := range p {
				for l, pt := range r {
					if o := w.Geometry[j][k][l]; math.Abs(pt[0]-o[0]) > tol || math.Abs(pt[1]-o[1]) > tol {
						return fmt.Errorf("%s: point %v decoded as %v", c.Code, w.Geometry[j][k][l], pt)
					}
				}
			}
		}
	}
	return nil
}
