package data

import (
	"bytes"
	"strconv"
	"sync"

	"github.com/sahelatlas/sahelatlas/assets"
)

// MinTownPopulation is the least population of a town BundledTowns keeps,
// unless it is the seat of a region.
const MinTownPopulation = 5000

var bundledTowns struct {
	once   sync.Once
	places []*Place
	err    error
}

// BundledTowns returns the towns of the embedded gazetteer a map may
// name as it zooms in: the seats of first-level regions (feature PPLA,
// such as Kidal and Ménaka) and the places of at least MinTownPopulation
// people, capitals left out. It is read once and shared: do not modify
// the places. It skips the other lines without parsing them and reads no
// alternate names, so it costs a fraction of the whole gazetteer's read.
func BundledTowns() ([]*Place, error) {
	bundledTowns.once.Do(func() {
		bundledTowns.places, bundledTowns.err = readGazetteer(bytes.NewReader(assets.Gazetteer), isTown)
	})
	return bundledTowns.places, bundledTowns.err
}

// isTown reports whether a gazetteer line is a town BundledTowns keeps.
func isTown(line []byte) bool {
	if hasFeature(line, "PPLC") {
		return false
	}
	if hasFeature(line, "PPLA") {
		return true
	}
	f := bytes.SplitN(line, []byte{'\t'}, 6)
	if len(f) < 6 {
		return true // let the parser report the broken line
	}
	n, err := strconv.Atoi(string(f[4]))
	return err != nil || n >= MinTownPopulation
}
