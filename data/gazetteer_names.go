package data

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
)

// ReadGazetteerNames reads the other names of gazetteer places from
// gzip-compressed TSV as written by assets/gen/gazetteer/names.js: lines
// starting with '#' are comments; each other line is a GeoNames id
// followed by the place's names. It returns them by place id
// ("geonames:2449067").
func ReadGazetteerNames(r io.Reader) (map[string][]string, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("data: gazetteer names are not gzip: %w", err)
	}
	defer zr.Close()
	names := map[string][]string{}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 2 || f[0] == "" || strings.Trim(f[0], "0123456789") != "" {
			return nil, fmt.Errorf("data: gazetteer names line %d: want a GeoNames id and at least one name", line)
		}
		id := "geonames:" + f[0]
		names[id] = append(names[id], f[1:]...)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("data: gazetteer names line %d: %w", line, err)
	}
	return names, nil
}

// withNames gives each place the other names found for its id, after the
// aliases it has.
func withNames(places []*Place, names map[string][]string) {
	for _, p := range places {
		if ns := names[p.ID]; len(ns) > 0 {
			p.Aliases = append(p.Aliases[:len(p.Aliases):len(p.Aliases)], ns...)
		}
	}
}

// mergeAliases returns a copy of own with the names of geo it lacks, for a
// dataset place that stands for a GeoNames place in the gazetteer: the
// dataset keeps its place, the gazetteer finds it by GeoNames' names too.
func mergeAliases(own, geo *Place) *Place {
	c := *own
	have := map[string]bool{}
	for _, n := range own.Names() {
		have[nameKey(n)] = true
	}
	c.Aliases = own.Aliases[:len(own.Aliases):len(own.Aliases)]
	for _, n := range geo.Names() {
		if k := nameKey(n); !have[k] {
			have[k] = true
			c.Aliases = append(c.Aliases, n)
		}
	}
	return &c
}
