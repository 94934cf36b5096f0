package data

import (
	"fmt"
	"math/rand/v2"

	"github.com/paulmach/orb"
)

// syntheticCountries are the countries synthetic events are spread over.
var syntheticCountries = []string{
	"MLI", "SDN", "FRA", "NER", "BFA", "TCD", "DZA", "LBY", "EGY", "SEN",
	"MRT", "GIN", "CIV", "CAF", "SSD", "ETH", "ERI", "USA", "RUS", "DEU",
}

// SyntheticEvents returns a dataset of n random but valid events, the same
// for the same seed, for benchmarks and for trying the map with many events:
// 500 places in lon −18..40, lat 0..40 (the Sahel and Europe), 200 actors,
// one source, dates from 2000 to 2025 with mostly day precision (80 %), some
// month (15 %) and year (5 %) events.
func SyntheticEvents(n int, seed int64) *Dataset {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5a4e1a71a5))
	src := &Source{Document: "synthetic", Headline: fmt.Sprintf("SyntheticEvents(%d, %d)", n, seed)}
	places := make([]*Place, 500)
	for i := range places {
		places[i] = &Place{
			ID:      fmt.Sprintf("p%d", i),
			Name:    fmt.Sprintf("Place %d", i),
			Point:   orb.Point{-18 + 58*rng.Float64(), 40 * rng.Float64()},
			Country: syntheticCountries[rng.IntN(len(syntheticCountries))],
		}
	}
	actors := make([]*Actor, 200)
	for i := range actors {
		actors[i] = &Actor{
			ID:      fmt.Sprintf("a%d", i),
			Name:    fmt.Sprintf("Actor %d", i),
			Kind:    ActorPerson,
			Country: syntheticCountries[rng.IntN(len(syntheticCountries))],
		}
	}
	first := D(2000, 1, 1).Days()
	last := D(2025, 12, 31).Days()
	events := make([]*Event, n)
	for i := range events {
		kind := Kinds[rng.IntN(len(Kinds))]
		place := places[rng.IntN(len(places))]
		e := &Event{
			ID:        fmt.Sprintf("e%d", i),
			Kind:      kind,
			Title:     fmt.Sprintf("Synthetic %s %d at %s", kind, i, place.Name),
			Summary:   "A synthetic event for benchmarks.",
			Place:     place.ID,
			Actors:    []string{actors[rng.IntN(100)].ID, actors[100+rng.IntN(100)].ID},
			Countries: []string{place.Country, syntheticCountries[rng.IntN(len(syntheticCountries))]},
			Sources:   []SourceRef{{Document: src.Document}},
		}
		if e.Countries[0] == e.Countries[1] {
			e.Countries = e.Countries[:1]
		}
		start := DateFromDays(first + rng.Int32N(last-first+1))
		switch p := rng.IntN(100); {
		case p < 80:
			e.Precision = PrecisionDay
			e.Start = start
			e.End = start.AddDays(rng.IntN(4)) // up to four days
		case p < 95:
			e.Precision = PrecisionMonth
			e.Start = D(start.Year(), start.Month(), 1)
			e.End = D(start.Year(), start.Month(), daysIn(start.Month(), start.Year()))
		default:
			e.Precision = PrecisionYear
			e.Start = D(start.Year(), 1, 1)
			e.End = D(start.Year(), 12, 31)
		}
		events[i] = e
	}
	d, err := New([]*Source{src}, places, actors, events, nil)
	if err != nil {
		panic("data: SyntheticEvents made an invalid dataset (a bug): " + err.Error())
	}
	return d
}
