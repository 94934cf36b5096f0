package data

import (
	"bytes"
	"sync"
	"testing"

	"github.com/sahelatlas/sahelatlas/assets"
)

var (
	benchOnce sync.Once
	benchData *Dataset
)

// benchDataset is 100,000 synthetic events, built once for all benchmarks.
func benchDataset(b *testing.B) *Dataset {
	b.Helper()
	benchOnce.Do(func() { benchData = SyntheticEvents(100_000, 1) })
	return benchData
}

// A date-slider step: the events of one month out of 26 years.
func BenchmarkBetweenMonth(b *testing.B) {
	d := benchDataset(b)
	var dst []*Event
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		dst = d.AppendBetween(dst[:0], D(2013, 3, 1), D(2013, 3, 31))
	}
	b.ReportMetric(float64(len(dst)), "events")
}

// A wide window: one year.
func BenchmarkBetweenYear(b *testing.B) {
	d := benchDataset(b)
	var dst []*Event
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		dst = d.AppendBetween(dst[:0], D(2013, 1, 1), D(2013, 12, 31))
	}
	b.ReportMetric(float64(len(dst)), "events")
}

// The same month by a linear scan, for comparison with BetweenMonth.
func BenchmarkScanMonth(b *testing.B) {
	d := benchDataset(b)
	var dst []*Event
	from, to := D(2013, 3, 1), D(2013, 3, 31)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		dst = dst[:0]
		for _, e := range d.Events {
			if e.Overlaps(from, to) {
				dst = append(dst, e)
			}
		}
	}
	b.ReportMetric(float64(len(dst)), "events")
}

// A month window with a kind, a country and a text filter.
func BenchmarkQueryMonthFiltered(b *testing.B) {
	d := benchDataset(b)
	f := Filter{Kinds: []Kind{KindVisit, KindTalks}, Countries: []string{"MLI"}, Text: "place 1"}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d.Query(D(2013, 1, 1), D(2013, 12, 31), f)
	}
}

func BenchmarkByKind(b *testing.B) {
	d := benchDataset(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = d.ByKind(KindExpulsion)
	}
}

func BenchmarkByActor(b *testing.B) {
	d := benchDataset(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = d.ByActor("a42")
	}
}

func BenchmarkByCountry(b *testing.B) {
	d := benchDataset(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = d.ByCountry("MLI")
	}
}

// Text search over all 100,000 events: their shared folded text, their
// actors' names, and their own text matched where it is.
func BenchmarkSearchText(b *testing.B) {
	d := benchDataset(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d.Search("Actor 17")
	}
}

// Text search for a word no event holds: every event's text is read.
func BenchmarkSearchTextAbsent(b *testing.B) {
	d := benchDataset(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d.Search("nowhere")
	}
}

func BenchmarkRelationStatus(b *testing.B) {
	d, err := LoadBundled()
	if err != nil {
		b.Fatal(err)
	}
	day := D(2025, 9, 20)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d.RelationStatus("FRA", "MLI", day)
	}
}

// Building (validating and indexing) a dataset of 100,000 events.
func BenchmarkNew100k(b *testing.B) {
	d := benchDataset(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := New(d.Sources, d.Places, d.Actors, d.Events, d.Relations); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadBundled(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadBundled(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGazetteerLookup(b *testing.B) {
	d, err := LoadBundled()
	if err != nil {
		b.Fatal(err)
	}
	g, err := d.Gazetteer()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		g.Lookup("Ségou")
	}
}

func BenchmarkReadGazetteer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		bundledGaz.once = sync.Once{}
		if _, err := BundledGazetteerPlaces(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadCapitals(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readGazetteer(bytes.NewReader(assets.Gazetteer), func(l []byte) bool { return hasFeature(l, "PPLC") }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadTowns is BundledTowns' read: the towns the map names by
// zoom, read the first time a view is zoomed in enough.
func BenchmarkReadTowns(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readGazetteer(bytes.NewReader(assets.Gazetteer), isTown); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewGazetteer(b *testing.B) {
	places, err := BundledGazetteerPlaces()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		NewGazetteer(places)
	}
}

func BenchmarkGazetteerMatch(b *testing.B) {
	g, err := BundledGazetteer()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		g.Match("Tombouctou", "", 10) // a whole name, then the search within names
	}
}

// Loading the bundled dataset and then searching it once, as the window
// does on its first search: the search text New no longer makes is made
// then.
func BenchmarkLoadBundledFirstSearch(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := LoadBundled()
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Search("Goïta")) == 0 {
			b.Fatal("Goïta finds nothing")
		}
	}
}

// Building a dataset of 100,000 events and searching it once: the
// search text New no longer makes is made by the first search.
func BenchmarkNew100kFirstSearch(b *testing.B) {
	d := benchDataset(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		nd, err := New(d.Sources, d.Places, d.Actors, d.Events, d.Relations)
		if err != nil {
			b.Fatal(err)
		}
		nd.Search("nowhere")
	}
}
