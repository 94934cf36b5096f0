package data

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// An ongoing state ("since 2021") is in every window that ends after it
// began, and in none before.
func TestOngoingInEveryLaterWindow(t *testing.T) {
	d := bundled(t)
	const id = "2021-russian-pmcs-in-mali"
	e := d.Event(id)
	if e == nil || !e.Ongoing || e.Start != D(2021, 1, 1) {
		t.Fatalf("%s is missing or not ongoing from 2021: %+v", id, e)
	}
	cases := []struct {
		from, to Date
		want     bool
	}{
		{D(2024, 1, 1), D(2024, 12, 31), true}, // --from 2024
		{D(2025, 9, 19), D(2025, 9, 19), true},
		{D(2021, 6, 1), D(2021, 6, 1), true},
		{D(2099, 1, 1), D(2099, 1, 1), true},
		{D(2020, 1, 1), D(2020, 12, 31), false},
	}
	for _, c := range cases {
		got := slices.Contains(ids(d.Between(c.from, c.to)), id)
		if got != c.want || e.Overlaps(c.from, c.to) != c.want {
			t.Errorf("window %s–%s: Between has it %v, Overlaps %v; want %v", c.from, c.to, got, e.Overlaps(c.from, c.to), c.want)
		}
		q := slices.Contains(ids(d.Query(c.from, c.to, Filter{Kinds: []Kind{KindDeployment}})), id)
		if q != c.want {
			t.Errorf("window %s–%s: Query has it %v, want %v", c.from, c.to, q, c.want)
		}
	}
}

// The index finds ongoing events as a scan does.
func TestBetweenMatchesScanWithOngoing(t *testing.T) {
	s := SyntheticEvents(3000, 11)
	events := make([]*Event, len(s.Events))
	for i, e := range s.Events {
		c := *e
		c.Ongoing = i%7 == 0 && c.Dated()
		events[i] = &c
	}
	d, err := New(s.Sources, s.Places, s.Actors, events, nil)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
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

// The corrections of issue 17 item 7, read against the seeds.
func TestBundledCorrections(t *testing.T) {
	d := bundled(t)
	susp := d.Event("2025-09-19-france-suspends-counter-terrorism-cooperation")
	if susp == nil {
		t.Fatal("the 19 September 2025 suspension is missing")
	}
	for _, a := range susp.Actors {
		if a == "fra-dgse" || a == "fra-drm" {
			t.Errorf("the 2025 suspension names %s, which the seeds name only for 2013", a)
		}
	}
	pc := d.Event("2025-07-atallah-press-conference-bamako")
	if pc == nil {
		t.Fatal("the US embassy press conference is missing")
	}
	if pc.Precision == PrecisionDay || pc.NoYear == nil || pc.NoYear.Day != 0 {
		t.Errorf("the press conference claims a day the text does not give: precision %s, no_year %v", pc.Precision, pc.NoYear)
	}
	b := d.Event("operation-barkhane-formally-ends")
	if b == nil {
		t.Fatal("the formal end of Operation Barkhane (001) is missing")
	}
	if b.Dated() || b.NoYear != nil || b.Precision != PrecisionUnknown || b.DateNote == "" ||
		len(b.Sources) != 1 || b.Sources[0].Document != "001_6b3fcda3f690157c.txt" {
		t.Errorf("the end of Barkhane must be undated, cite 001 and say why: %+v", b)
	}
}
