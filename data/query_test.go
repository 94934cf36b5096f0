package data

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

func ids(events []*Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.ID
	}
	return out
}

func TestBetweenInclusive(t *testing.T) {
	d := bundled(t)
	const burhan = "2025-01-11-burhan-visits-bamako"
	cases := []struct {
		from, to Date
		want     bool
	}{
		{D(2025, 1, 1), D(2025, 1, 12), true},   // window ends inside the visit
		{D(2025, 1, 13), D(2025, 1, 31), true},  // window starts on its last day
		{D(2025, 1, 11), D(2025, 1, 11), true},  // its first day alone
		{D(2025, 1, 14), D(2025, 2, 28), false}, // after it
		{D(2024, 12, 1), D(2025, 1, 10), false}, // before it
	}
	for _, c := range cases {
		got := slices.Contains(ids(d.Between(c.from, c.to)), burhan)
		if got != c.want {
			t.Errorf("Between(%s, %s) has the Burhan visit = %v, want %v", c.from, c.to, got, c.want)
		}
	}
	// A year-precision event shows in any window inside its year; undated ones never.
	in := ids(d.Between(D(2013, 3, 1), D(2013, 3, 1)))
	if !slices.Contains(in, "2013-operation-serval") {
		t.Errorf("Between(2013-03-01) = %v, want Operation Serval", in)
	}
	for _, e := range d.Between(D(1, 1, 1), D(9999, 12, 31)) {
		if !e.Dated() {
			t.Errorf("Between returned undated event %s", e.ID)
		}
	}
	if got := d.Between(D(2025, 2, 1), D(2025, 1, 1)); len(got) != 0 {
		t.Errorf("Between with from after to = %v, want nothing", ids(got))
	}
}

// Between agrees with a scan on synthetic data, windows of all lengths, and
// returns events in dataset (start date) order.
func TestBetweenMatchesScan(t *testing.T) {
	d := SyntheticEvents(5000, 7)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 120; i++ {
		from := DateFromDays(D(1999, 1, 1).Days() + rng.Int32N(28*365))
		to := from.AddDays([]int{0, 1, 6, 30, 200, 2000}[i%6])
		var want []string
		for _, e := range d.Events {
			if e.Overlaps(from, to) {
				want = append(want, e.ID)
			}
		}
		if got := ids(d.Between(from, to)); !slices.Equal(got, want) {
			t.Fatalf("Between(%s, %s): %d events, scan finds %d", from, to, len(got), len(want))
		}
	}
}

func TestFilterMatch(t *testing.T) {
	d := bundled(t)
	cases := []struct {
		name   string
		f      Filter
		want   []string // must be among the matches
		unwant []string // must not be
	}{
		{"kind", Filter{Kinds: []Kind{KindExpulsion}}, []string{"2025-09-14-mali-expels-french-diplomats", "2025-09-19-france-expels-malian-diplomats"}, []string{"2025-01-11-burhan-visits-bamako"}},
		{"actor", Filter{Actors: []string{"burhan"}}, []string{"2025-01-11-burhan-visits-bamako", "2025-04-09-kone-meets-burhan-port-sudan"}, []string{"2024-06-05-kabbashi-visits-bamako"}},
		{"country", Filter{Countries: []string{"USA"}}, []string{"2025-07-09-us-mali-talks-bamako"}, []string{"2023-niger-coup"}},
		{"text without diacritics finds Goïta", Filter{Text: "Goita"}, []string{"2020-08-mali-coup", "2025-04-09-kone-meets-burhan-port-sudan"}, []string{"2023-niger-coup"}},
		{"text finds Koné by alias", Filter{Text: "kone"}, []string{"2025-04-09-kone-meets-burhan-port-sudan"}, nil},
		{"text with accents", Filter{Text: "KONÉ Port"}, []string{"2025-04-09-kone-meets-burhan-port-sudan"}, []string{"2025-01-11-burhan-visits-bamako"}},
		{"all fields", Filter{Kinds: []Kind{KindVisit}, Countries: []string{"SDN"}, Text: "bamako"}, []string{"2025-01-11-burhan-visits-bamako", "2024-06-05-kabbashi-visits-bamako"}, []string{"2025-07-08-atallah-mission-bamako"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, e := range d.Events {
				if c.f.Match(e) {
					got = append(got, e.ID)
				}
			}
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("matches %v lack %s", got, w)
				}
			}
			for _, u := range c.unwant {
				if slices.Contains(got, u) {
					t.Errorf("matches include %s", u)
				}
			}
		})
	}
	if !(Filter{}).IsZero() || (Filter{Text: "x"}).IsZero() {
		t.Error("IsZero is wrong")
	}
}

func TestIndexesAgreeWithFilter(t *testing.T) {
	d := bundled(t)
	check := func(name string, got []*Event, f Filter) {
		var want []string
		for _, e := range d.Events {
			if f.Match(e) {
				want = append(want, e.ID)
			}
		}
		if !slices.Equal(ids(got), want) {
			t.Errorf("%s = %v, want %v", name, ids(got), want)
		}
	}
	check("ByKind(visit)", d.ByKind(KindVisit), Filter{Kinds: []Kind{KindVisit}})
	check("ByActor(goita)", d.ByActor("goita"), Filter{Actors: []string{"goita"}})
	check("ByCountry(FRA)", d.ByCountry("FRA"), Filter{Countries: []string{"FRA"}})
	check("Search(Keita)", d.Search("Keita"), Filter{Text: "Keita"})
	if len(d.Search("Keita")) == 0 {
		t.Error(`Search("Keita") finds nothing`)
	}
	q := d.Query(D(2025, 1, 1), D(2025, 12, 31), Filter{Countries: []string{"FRA"}})
	for _, e := range q {
		if e.Start.Year() != 2025 && e.End.Year() != 2025 || !slices.Contains(e.Countries, "FRA") {
			t.Errorf("Query returned %s", e.ID)
		}
	}
	if len(q) < 4 {
		t.Errorf("Query(2025, FRA) = %v, want the detention, both expulsions and the suspension", ids(q))
	}
}

func ExampleDataset_RelationStatus() {
	d, err := LoadBundled()
	if err != nil {
		panic(err)
	}
	status, change := d.RelationStatus("FRA", "MLI", D(2025, 9, 30))
	fmt.Println(status, change.From, change.Events)
	// Output:
	// suspended 2025-09-19 [2025-09-19-france-expels-malian-diplomats 2025-09-19-france-suspends-counter-terrorism-cooperation]
}

func ExampleDataset_Between() {
	d, err := LoadBundled()
	if err != nil {
		panic(err)
	}
	for _, e := range d.Between(D(2025, 1, 12), D(2025, 4, 30)) {
		if e.Ongoing {
			fmt.Println(e.Start, "ongoing  ", e.Title)
			continue
		}
		fmt.Println(e.Start, e.End, e.Title)
	}
	// Output:
	// 2021-01-01 ongoing   Russian private military companies begin operating in Mali
	// 2025-01-11 2025-01-13 Burhan visits Bamako
	// 2025-02-01 2025-02-28 First formal US–Mali military meeting in five years
	// 2025-04-09 2025-04-09 Mali's intelligence chief Koné meets Burhan in Port Sudan
}

func TestSpan(t *testing.T) {
	d := bundled(t)
	first, last := d.Span()
	for _, e := range d.Dated() {
		if e.Start.Before(first) || e.End.After(last) {
			t.Errorf("event %s (%s–%s) lies outside the span %s–%s", e.ID, e.Start, e.End, first, last)
		}
	}
	if first != d.Dated()[0].Start {
		t.Errorf("span starts %s, the first dated event %s", first, d.Dated()[0].Start)
	}
	empty := &Dataset{}
	if f, l := empty.Span(); f != D(2024, 1, 1) || l != D(2025, 12, 31) {
		t.Errorf("empty dataset span %s–%s, want 2024-01-01–2025-12-31", f, l)
	}
}

// An odd date that slipped in does not stretch the span over millennia:
// the span is the events' dense span, outliers left to the timeline's
// edges.
func TestSpanLeavesOutOutliers(t *testing.T) {
	events := func(days ...Date) []*Event {
		var out []*Event
		for _, d := range days {
			out = append(out, &Event{Start: d, End: d})
		}
		return out
	}
	cases := []struct {
		name        string
		events      []*Event
		first, last Date
	}{
		{"no outlier", events(D(2013, 1, 1), D(2020, 5, 1), D(2025, 10, 29)), D(2013, 1, 1), D(2025, 10, 29)},
		{"year 1", events(D(1, 1, 1), D(2020, 5, 1), D(2021, 1, 1), D(2025, 10, 29)), D(2020, 5, 1), D(2025, 10, 29)},
		{"year 9999", events(D(2020, 5, 1), D(2021, 1, 1), D(2025, 10, 29), D(9999, 12, 31)), D(2020, 5, 1), D(2025, 10, 29)},
		{"ACLED since 1997", events(D(1997, 1, 1), D(2010, 1, 1), D(2025, 1, 1)), D(1997, 1, 1), D(2025, 1, 1)},
	}
	for _, tc := range cases {
		first, last := denseSpan(tc.events)
		if first != tc.first || last != tc.last {
			t.Errorf("%s: span %s–%s, want %s–%s", tc.name, first, last, tc.first, tc.last)
		}
	}
}
