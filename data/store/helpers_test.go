package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
)

// sample returns a distinct valid annotation (without id or times).
func sample(i int) data.Annotation {
	lon, lat := -17+float64(i%50)*1.1, 1+float64(i%37)
	a := data.Annotation{
		Title:  fmt.Sprintf("Note %d", i),
		Text:   "first line\nsecond line",
		Tags:   []string{"mali", "visit"},
		Colour: "#c0392b",
		Author: "A. Analyst",
	}
	switch i % 3 {
	case 0:
		a.Geometry = orb.Point{lon, lat}
	case 1:
		a.Geometry = orb.LineString{{lon, lat}, {lon + 0.5, lat + 0.25}}
		a.EventID = fmt.Sprintf("ev-%d", i)
	case 2:
		a.Geometry = orb.Polygon{{{lon, lat}, {lon + 1, lat}, {lon + 1, lat + 1}, {lon, lat + 1}, {lon, lat}}}
		a.From = data.D(2023, time.July, 26)
		a.To = data.D(2023, time.August, 2)
	}
	return a
}

// openTest opens a store in a fresh folder and closes it at the end.
func openTest(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ws", "workspace.db")
	s, rec, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if rec != nil {
		t.Fatalf("Open of a new store reported a repair: %v", rec)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// openWithin opens path in a goroutine and fails the test if Open panics or
// has not returned after d.
func openWithin(t testing.TB, path string, d time.Duration) (*Store, *Recovery, error) {
	t.Helper()
	type result struct {
		s   *Store
		rec *Recovery
		err error
		pan any
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			r.pan = recover()
			done <- r
		}()
		r.s, r.rec, r.err = Open(path)
	}()
	select {
	case r := <-done:
		if r.pan != nil {
			t.Fatalf("Open(%s) panicked: %v", path, r.pan)
		}
		return r.s, r.rec, r.err
	case <-time.After(d):
		t.Fatalf("Open(%s) did not return within %v", path, d)
	}
	return nil, nil, nil
}

// ids returns the ids of as, in order.
func ids(as []data.Annotation) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

// writeFile writes data to a new store file in a fresh folder.
func writeFile(t testing.TB, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "workspace.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
