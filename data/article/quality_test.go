package article

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// seedsDir is where the five seed documents the bundled dataset was made
// from live beside the repository (../shared/seeds).
var seedsDir = filepath.Join("..", "..", "..", "shared", "seeds")

// TestSeedQuality runs the extractor on the seed documents and compares
// its proposals with the bundled dataset's events that have a date (with
// or without a year): a proposal matches an event of its own document when
// the kind is the same, the date is as precise as the event's and falls
// within it (a day and month without a year match the event's), the
// place is within 50 km, and they share at least one actor. Recall is
// the share of events matched, precision the share of proposals that
// match. BENCHMARKS.md reports the figures.
func TestSeedQuality(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join(seedsDir, "*.txt"))
	if len(names) == 0 {
		t.Skipf("no seed documents at %s", seedsDir)
	}
	d, err := data.LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	g, err := d.Gazetteer()
	if err != nil {
		t.Fatal(err)
	}
	x := New(g, d.Actors)
	matched := map[string]bool{}
	proposals, good, gold := 0, 0, 0
	for _, e := range d.Events {
		if e.Dated() || e.NoYear != nil {
			gold++
		}
	}
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		doc := filepath.Base(name)
		res := x.Extract(Text(raw, name), Options{})
		for i := range res.Proposals {
			p := &res.Proposals[i]
			proposals++
			hit := false
			for _, e := range d.Events {
				if (e.Dated() || e.NoYear != nil) && cites(e, doc) && matches(d, p, e) {
					matched[e.ID] = true
					hit = true
				}
			}
			if hit {
				good++
			} else {
				t.Logf("%s: no event matches %s %s at %s %v: %.90s", doc, p.Kind, p.DateString(), p.Place.Name, p.ActorNames(), p.Evidence)
			}
		}
	}
	for _, e := range d.Events {
		if (e.Dated() || e.NoYear != nil) && !matched[e.ID] {
			t.Logf("missed %s", e.ID)
		}
	}
	recall := float64(len(matched)) / float64(gold)
	precision := float64(good) / float64(proposals)
	t.Logf("recall %d/%d = %.0f%%, precision %d/%d = %.0f%%", len(matched), gold, 100*recall, good, proposals, 100*precision)
	if recall < 0.8 || precision < 0.7 {
		t.Errorf("recall %.2f, precision %.2f: the goal is recall ≥ 0.80 and precision ≥ 0.70", recall, precision)
	}
}

func cites(e *data.Event, doc string) bool {
	for _, s := range e.Sources {
		if s.Document == doc {
			return true
		}
	}
	return false
}

var precisionRank = map[data.Precision]int{data.PrecisionYear: 1, data.PrecisionMonth: 2, data.PrecisionDay: 3}

// matches reports whether proposal p is event e: see TestSeedQuality.
func matches(d *data.Dataset, p *Proposal, e *data.Event) bool {
	if p.Kind != e.Kind || precisionRank[p.Precision] < precisionRank[e.Precision] {
		return false
	}
	switch {
	case p.NoYear != nil:
		if e.NoYear == nil || p.NoYear.Month != e.NoYear.Month || e.NoYear.Day != 0 && p.NoYear.Day != e.NoYear.Day {
			return false
		}
	case e.Dated():
		if p.Start.Before(e.Start) || p.Start.After(e.End) {
			return false
		}
	default:
		return false
	}
	pl := d.Place(e.Place)
	if pl == nil || km(p.Place.Point[0], p.Place.Point[1], pl.Lon(), pl.Lat()) > 50 {
		return false
	}
	for _, a := range p.Actors {
		id := a.Actor.ID
		for _, ea := range e.Actors {
			if id != "" && id == ea {
				return true
			}
		}
	}
	return false
}

// km is the great-circle distance between two points in kilometres.
func km(lon1, lat1, lon2, lat2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}
