package data

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sahelatlas/sahelatlas/assets"
)

func bundled(t testing.TB) *Dataset {
	t.Helper()
	d, err := LoadBundled()
	if err != nil {
		t.Fatalf("LoadBundled: %v", err)
	}
	return d
}

// The events the app's later work is checked against, with the dates,
// places and sources the seed documents give.
func TestBundledKeyEvents(t *testing.T) {
	d := bundled(t)
	const (
		s0 = "000_0ddf7597853a97e6.txt"
		s1 = "001_6b3fcda3f690157c.txt"
		s2 = "002_3d1edc860a2a075c.txt"
		s3 = "003_8a392f5eaed6f0a4.txt"
		s4 = "004_46b10dd9ae859979.txt"
	)
	cases := []struct {
		id         string
		start, end string // "" for events with no year on the calendar
		precision  Precision
		kind       Kind
		place      string
		origin     string
		actors     []string
		sources    []string
		noYear     *MonthDay
	}{
		{"2024-06-05-kabbashi-visits-bamako", "2024-06-05", "2024-06-05", PrecisionDay, KindVisit, "bamako", "port-sudan", []string{"kabbashi"}, []string{s0}, nil},
		{"2025-01-11-burhan-visits-bamako", "2025-01-11", "2025-01-13", PrecisionDay, KindVisit, "bamako", "port-sudan", []string{"burhan"}, []string{s0}, nil},
		{"2025-04-09-kone-meets-burhan-port-sudan", "2025-04-09", "2025-04-09", PrecisionDay, KindVisit, "port-sudan", "bamako", []string{"kone", "burhan", "mufaddal", "goita"}, []string{s0}, nil},
		{"2025-07-08-atallah-mission-bamako", "2025-07-08", "2025-07-10", PrecisionDay, KindVisit, "bamako", "washington", []string{"atallah", "korhonen"}, []string{s2}, &MonthDay{time.July, 8}},
		{"2025-07-09-us-mali-talks-bamako", "2025-07-09", "2025-07-09", PrecisionDay, KindTalks, "bamako", "", []string{"atallah", "diop"}, []string{s2}, &MonthDay{time.July, 9}},
		{"2025-08-15-mali-detains-french-national", "2025-08-15", "2025-08-15", PrecisionDay, KindArrest, "bamako", "", []string{"fra-detainee"}, []string{s1, s4}, nil},
		{"2025-09-14-mali-expels-french-diplomats", "2025-09-14", "2025-09-14", PrecisionDay, KindExpulsion, "bamako", "", []string{"state-mli", "state-fra"}, []string{s1, s4}, nil},
		{"2025-09-19-france-expels-malian-diplomats", "2025-09-19", "2025-09-20", PrecisionDay, KindExpulsion, "paris", "", []string{"state-fra", "state-mli"}, []string{s1, s4}, nil},
		{"2025-09-19-france-suspends-counter-terrorism-cooperation", "2025-09-19", "2025-09-19", PrecisionDay, KindSuspension, "paris", "", []string{"state-fra", "state-mli"}, []string{s1, s4}, nil},
		{"2013-hollande-visits-bamako", "2013-01-01", "2013-12-31", PrecisionYear, KindVisit, "bamako", "paris", []string{"hollande"}, []string{s1}, nil},
		{"2013-operation-serval", "2013-01-01", "2013-12-31", PrecisionYear, KindOperation, "bamako", "", []string{"fra-armed-forces"}, []string{s1}, nil},
		{"2020-08-mali-coup", "2020-08-01", "2020-08-31", PrecisionMonth, KindCoup, "bamako", "", []string{"goita", "keita"}, []string{s1}, nil},
		{"2021-05-mali-coup", "2021-05-01", "2021-05-31", PrecisionMonth, KindCoup, "bamako", "", []string{"goita", "ndaw"}, []string{s1, s2}, nil},
		{"2022-gossi-accusations", "2022-01-01", "2022-12-31", PrecisionYear, KindAccusation, "gossi", "", []string{"fra-armed-forces"}, []string{s1}, nil},
		{"2023-niger-coup", "2023-01-01", "2023-12-31", PrecisionYear, KindCoup, "niamey", "", []string{"bazoum"}, []string{s1}, nil},
		{"2023-2024-reports-russian-advisers-crackdown", "2023-01-01", "2024-12-31", PrecisionYear, KindReport, "bamako", "", []string{"rus-advisers"}, []string{s1}, nil},
		{"2025-02-us-mali-military-meeting", "2025-02-01", "2025-02-28", PrecisionMonth, KindMeeting, "bamako", "", []string{"usa-military", "mli-armed-forces"}, []string{s2}, nil},
		{"diop-speech-economic-ties-moscow", "", "", PrecisionDay, KindStatement, "bamako", "", []string{"diop"}, []string{s3}, &MonthDay{time.February, 7}},
		{"dirpa-monthly-report-january", "", "", PrecisionMonth, KindReport, "bamako", "", []string{"mli-dirpa"}, []string{s3}, &MonthDay{time.January, 0}},
		{"lavrov-remarks-russian-airpower-mali", "", "", PrecisionUnknown, KindStatement, "moscow", "", []string{"lavrov"}, []string{s3}, nil},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			e := d.Event(c.id)
			if e == nil {
				t.Fatal("missing")
			}
			if e.Start.String() != c.start || e.End.String() != c.end || e.Precision != c.precision {
				t.Errorf("dates %q–%q (%s), want %q–%q (%s)", e.Start, e.End, e.Precision, c.start, c.end, c.precision)
			}
			if e.Kind != c.kind || e.Place != c.place || e.Origin != c.origin {
				t.Errorf("kind/place/origin = %s/%s/%s, want %s/%s/%s", e.Kind, e.Place, e.Origin, c.kind, c.place, c.origin)
			}
			for _, a := range c.actors {
				if !slices.Contains(e.Actors, a) {
					t.Errorf("actors %v lack %q", e.Actors, a)
				}
			}
			var docs []string
			for _, s := range e.Sources {
				docs = append(docs, s.Document)
			}
			if !slices.Equal(docs, c.sources) {
				t.Errorf("sources %v, want %v", docs, c.sources)
			}
			switch {
			case c.noYear == nil && e.NoYear != nil, c.noYear != nil && (e.NoYear == nil || *e.NoYear != *c.noYear):
				t.Errorf("no_year = %v, want %v", e.NoYear, c.noYear)
			}
			if c.noYear != nil && e.Dated() && !strings.Contains(e.YearInferred, "inferred") {
				t.Errorf("a year was given to a yearless date without saying it was inferred: %q", e.YearInferred)
			}
			if (c.noYear != nil || c.precision == PrecisionUnknown) && e.DateNote == "" {
				t.Error("yearless or undated event has no date_note")
			}
		})
	}
}

// Every seed document is cited, every cited document exists among the seeds
// (when ../../shared/seeds is there), and no event is in the dataset twice.
func TestBundledSources(t *testing.T) {
	d := bundled(t)
	cited := map[string]bool{}
	titles := map[string]string{}
	for _, e := range d.Events {
		for _, s := range e.Sources {
			cited[s.Document] = true
		}
		if other, dup := titles[e.Title]; dup {
			t.Errorf("events %q and %q have the same title", other, e.ID)
		}
		titles[e.Title] = e.ID
	}
	for _, s := range d.Sources {
		if !cited[s.Document] {
			t.Errorf("source %s is cited by no event", s.Document)
		}
	}
	seeds := filepath.Join("..", "..", "shared", "seeds")
	names, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(names) == 0 {
		t.Skipf("no seed documents at %s", seeds)
	}
	for _, n := range names {
		if d.Source(filepath.Base(n)) == nil {
			t.Errorf("seed %s is not a source of the dataset", filepath.Base(n))
		}
	}
	for doc := range cited {
		if _, err := os.Stat(filepath.Join(seeds, doc)); err != nil {
			t.Errorf("cited document %s is not among the seeds", doc)
		}
	}
}

// Summaries are ours: no run of eight words is copied from a seed document.
func TestBundledSummariesAreOwnWords(t *testing.T) {
	d := bundled(t)
	seeds := filepath.Join("..", "..", "shared", "seeds")
	names, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if len(names) == 0 {
		t.Skipf("no seed documents at %s", seeds)
	}
	const run = 8
	shingles := map[string]string{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		w := strings.Fields(Fold(string(b)))
		for i := 0; i+run <= len(w); i++ {
			shingles[strings.Join(w[i:i+run], " ")] = filepath.Base(n)
		}
	}
	for _, e := range d.Events {
		w := strings.Fields(Fold(e.Summary))
		for i := 0; i+run <= len(w); i++ {
			if doc, ok := shingles[strings.Join(w[i:i+run], " ")]; ok {
				t.Errorf("event %s copies %q from %s", e.ID, strings.Join(w[i:i+run], " "), doc)
			}
		}
	}
}

func TestBundledRelations(t *testing.T) {
	d := bundled(t)
	cases := []struct {
		a, b  string
		day   Date
		want  Status
		event string // one of the events the change names
	}{
		{"FRA", "MLI", D(2025, 9, 20), StatusSuspended, "2025-09-19-france-suspends-counter-terrorism-cooperation"},
		{"MLI", "FRA", D(2025, 9, 30), StatusSuspended, "2025-09-19-france-expels-malian-diplomats"},
		{"FRA", "MLI", D(2025, 9, 15), StatusStrained, "2025-09-14-mali-expels-french-diplomats"},
		{"FRA", "MLI", D(2013, 6, 1), StatusCooperating, "2013-operation-serval"},
		{"FRA", "MLI", D(2021, 1, 1), StatusStrained, "2020-08-mali-coup"},
		{"USA", "MLI", D(2022, 6, 1), StatusSuspended, "2021-05-mali-coup"},
		{"USA", "MLI", D(2025, 3, 1), StatusThawing, "2025-02-us-mali-military-meeting"},
		{"MLI", "USA", D(2025, 7, 9), StatusThawing, "2025-07-08-atallah-mission-bamako"},
		{"RUS", "MLI", D(2024, 1, 1), StatusAllied, "2021-russian-pmcs-in-mali"},
		{"SDN", "MLI", D(2025, 4, 9), StatusCooperating, "2025-04-09-kone-meets-burhan-port-sudan"},
		{"SDN", "MLI", D(2024, 12, 31), StatusCooperating, "2024-06-05-kabbashi-visits-bamako"},
	}
	for _, c := range cases {
		got, ch := d.RelationStatus(c.a, c.b, c.day)
		if got != c.want || ch == nil || !slices.Contains(ch.Events, c.event) {
			t.Errorf("RelationStatus(%s, %s, %s) = %q %+v, want %q caused by %s", c.a, c.b, c.day, got, ch, c.want, c.event)
		}
	}
	// Before the first change, and for a pair with no relation, nothing is known.
	for _, c := range []struct {
		a, b string
		day  Date
	}{{"FRA", "MLI", D(2012, 12, 31)}, {"SDN", "MLI", D(2024, 6, 4)}, {"SDN", "FRA", D(2025, 1, 1)}} {
		if got, ch := d.RelationStatus(c.a, c.b, c.day); got != StatusUnknown || ch != nil {
			t.Errorf("RelationStatus(%s, %s, %s) = %q, want unknown", c.a, c.b, c.day, got)
		}
	}
}

func TestLoadReportsFileAndLine(t *testing.T) {
	good := func() fstest.MapFS {
		m := fstest.MapFS{}
		for _, n := range []string{SourcesFile, PlacesFile, ActorsFile, EventsFile, RelationsFile} {
			b, err := fs.ReadFile(assets.Dataset, "dataset/"+n)
			if err != nil {
				t.Fatal(err)
			}
			m[n] = &fstest.MapFile{Data: b}
		}
		return m
	}
	if _, err := Load(good()); err != nil {
		t.Fatalf("Load of the bundled files: %v", err)
	}
	cases := []struct {
		name   string
		file   string
		edit   func(string) string
		expect []string
	}{
		{"syntax error", EventsFile, func(s string) string { return strings.Replace(s, `"kind": "visit"`, `"kind": "visit",,`, 1) }, []string{"events.json line", "invalid character"}},
		{"unknown field", PlacesFile, func(s string) string { return strings.Replace(s, `"name": "Gossi"`, `"nom": "Gossi"`, 1) }, []string{"places.json line", "unknown field"}},
		{"date not YYYY-MM-DD", EventsFile, func(s string) string { return strings.Replace(s, `"2024-06-05"`, `"5/6/2024"`, 1) }, []string{"events.json", `"5/6/2024" is not written YYYY-MM-DD`}},
		{"unreal date", EventsFile, func(s string) string {
			return strings.Replace(s, `"start": "2025-04-09"`, `"start": "2025-04-31"`, 1)
		}, []string{`events.json: event "2025-04-09-kone-meets-burhan-port-sudan"`, "start date 2025-04-31 does not exist"}},
		{"missing file", RelationsFile, nil, []string{"cannot read relations.json"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := good()
			if c.edit == nil {
				delete(m, c.file)
			} else {
				before := string(m[c.file].Data)
				after := c.edit(before)
				if after == before {
					t.Fatal("the edit changed nothing; fix the test")
				}
				m[c.file] = &fstest.MapFile{Data: []byte(after)}
			}
			_, err := Load(m)
			if err == nil {
				t.Fatal("Load accepted a broken dataset")
			}
			for _, want := range c.expect {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
		})
	}
}

// Issue 13 item 5: the bundled events placed where no source gives a place
// say so, and every one of them says why in its confidence note.
func TestBundledPlacePrecision(t *testing.T) {
	d, err := LoadBundled()
	if err != nil {
		t.Fatal(err)
	}
	count := map[PlacePrecision]int{}
	for _, e := range d.Events {
		count[e.PlacePrecision]++
		if e.PlaceUncertain() && e.Confidence == "" {
			t.Errorf("event %q: place %s with no confidence note saying why", e.ID, e.PlacePrecision)
		}
	}
	for p, want := range map[PlacePrecision]int{PlaceInferred: 21, PlaceApproximate: 1} {
		if count[p] < want {
			t.Errorf("%d bundled events have place precision %q, want at least %d", count[p], p, want)
		}
	}
	for _, c := range []struct {
		id   string
		want PlacePrecision
	}{
		{"2025-09-14-mali-expels-french-diplomats", PlaceInferred},
		{"2025-09-19-france-expels-malian-diplomats", PlaceGiven},
		{"2022-gossi-accusations", PlaceApproximate},
	} {
		if e := d.Event(c.id); e == nil || e.PlacePrecision != c.want {
			t.Errorf("event %q: place precision not %q", c.id, c.want)
		}
	}
}
