package geo

import (
	"math"
	"slices"
	"strings"
)

// Neighbours returns the alpha-3 codes, sorted, of the countries sharing a
// land border with the country with code (any case), or nil for an unknown
// code. Borders are found in the 10m geometry: two countries are neighbours
// when they share at least two vertices (Natural Earth draws a shared border
// once, so both sides carry the same vertices; countries meeting at a single
// tripoint share one). They were worked out when the assets were made
// (the levels file), else on the first call.
func (a *Atlas) Neighbours(code string) []string {
	c := a.Country(code)
	if c == nil {
		return nil
	}
	a.neighboursOnce.Do(func() {
		if a.levels != nil {
			a.neighbours = a.levels.neighbours
			return
		}
		a.findNeighbours()
	})
	return slices.Clone(a.neighbours[c.index])
}

// Vertex keys pack a vertex rounded to 1e-5° (about a metre; Natural Earth 10m
// vertices are at least 0.0017° apart) with the index of its country:
// lon in 26 bits, lat in 25, country in 9.
const (
	vertexGrid        = 1e5
	countryBits       = 9
	latitudeBits      = 25
	maxCountries      = 1 << countryBits
	countryMask       = maxCountries - 1
	minSharedVertices = 2
	keyBits           = 26 + latitudeBits + countryBits
)

// radixSort sorts keys of up to keyBits bits, in 15-bit digits, least
// significant first; for half a million keys it took half the time of
// slices.Sort here. It returns the sorted keys, in keys or in a new slice.
func radixSort(keys []uint64) []uint64 {
	const digit = 15
	tmp := make([]uint64, len(keys))
	var count [1 << digit]int
	for shift := 0; shift < keyBits; shift += digit {
		clear(count[:])
		for _, k := range keys {
			count[k>>shift&(1<<digit-1)]++
		}
		sum := 0
		for i, c := range count {
			count[i], sum = sum, sum+c
		}
		for _, k := range keys {
			d := k >> shift & (1<<digit - 1)
			tmp[count[d]] = k
			count[d]++
		}
		keys, tmp = tmp, keys
	}
	return keys
}

// findNeighbours fills a.neighbours by sorting every 10m vertex by position
// and counting, for each pair of countries, the positions they share.
func (a *Atlas) findNeighbours() {
	a.decode()
	a.neighbours = make([][]string, len(a.countries))
	n := 0
	for _, g := range a.geometry[LOD10m] {
		for _, p := range g {
			for _, r := range p {
				n += max(len(r)-1, 0)
			}
		}
	}
	keys := make([]uint64, 0, n)
	for i, g := range a.geometry[LOD10m] {
		for _, p := range g {
			for _, r := range p {
				for _, pt := range r[:max(len(r)-1, 0)] { // the last vertex repeats the first
					lon := uint64(math.Round((pt[0] + 180) * vertexGrid))
					lat := uint64(math.Round((pt[1] + 90) * vertexGrid))
					keys = append(keys, (lon<<latitudeBits|lat)<<countryBits|uint64(i))
				}
			}
		}
	}
	keys = slices.Compact(radixSort(keys)) // Compact: a country touching itself
	shared := map[[2]int]int{}
	for start := 0; start < len(keys); {
		end := start + 1
		for end < len(keys) && keys[end]>>countryBits == keys[start]>>countryBits {
			end++
		}
		for i := start; i < end; i++ {
			for j := i + 1; j < end; j++ {
				ci, cj := int(keys[i]&countryMask), int(keys[j]&countryMask)
				if ci != cj {
					shared[[2]int{ci, cj}]++
				}
			}
		}
		start = end
	}
	for pair, n := range shared {
		if n >= minSharedVertices {
			a.neighbours[pair[0]] = append(a.neighbours[pair[0]], a.countries[pair[1]].Code)
			a.neighbours[pair[1]] = append(a.neighbours[pair[1]], a.countries[pair[0]].Code)
		}
	}
	for _, n := range a.neighbours {
		slices.SortFunc(n, strings.Compare)
	}
}
