package exchange

import (
	"slices"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// TestImportGDELTFromTheWild reads excerpts of GDELT event files found in
// public repositories, as GDELT wrote them (GDELT's data may be used for
// any purpose):
//
//   - 20191024143000-excerpt.export.CSV: lines 1, 2, 48, 120, 365, 1503,
//     1590 and 1685 of logs/20191024143000.export.CSV in
//     github.com/arekziobrowski/gdelt-big-data (blob 6852e17a), a GDELT 2.0
//     15-minute file of 2,111 lines.
//   - events-1982-2016-excerpt.csv: lines 1, 2 (57 columns, a GDELT 1.0
//     historical file) and 43, 116, 132, 137, 139 (58 columns, a 1.0 daily
//     file) of data_related/sample_data/events.csv in
//     github.com/reed9999/gdelt-demo (blob e2526771), 710 lines of both
//     layouts in one file.
func TestImportGDELTFromTheWild(t *testing.T) {
	for _, c := range []struct {
		file    string
		ids     []string // the events kept, in file order
		skipped int
		id      string // one event looked at closely
		version string
		kind    data.Kind
		place   string
		country string
		day     data.Date
		added   int64
	}{
		{"20191024143000-excerpt.export.CSV",
			[]string{"gdelt-881990833", "gdelt-881990879", "gdelt-881991196", "gdelt-881992334", "gdelt-881992421", "gdelt-881992516"}, 2,
			"gdelt-881992516", "2.0", data.KindOperation, "Algeria", "DZA", data.D(2019, 10, 24), 20191024143000},
		{"events-1982-2016-excerpt.csv",
			[]string{"gdelt-564138168", "gdelt-564138218"}, 5,
			"gdelt-564138168", "1.0", data.KindOperation, "Sirte, Sha`biyat Surt, Libya", "LBY", data.D(2016, 7, 28), 20160728},
	} {
		t.Run(c.file, func(t *testing.T) {
			res := importGDELT(t, c.file, Options{})
			var ids []string
			for _, r := range res.Records {
				ids = append(ids, r.Event.ID)
			}
			if !slices.Equal(ids, c.ids) || res.SkippedCount() != c.skipped || len(res.Rejected) != 0 {
				t.Fatalf("events %v, %d skipped, rejected %v; want %v, %d skipped", ids, res.SkippedCount(), res.Rejected, c.ids, c.skipped)
			}
			r := byID(res)[c.id]
			if r.Get("GDELT") != c.version || r.Event.Kind != c.kind || r.Place.Name != c.place || r.Place.Country != c.country ||
				r.Event.Start != c.day || r.Version != c.added {
				t.Errorf("%s: GDELT %s, %s at %q in %s on %v, added %d", c.id, r.Get("GDELT"), r.Event.Kind, r.Place.Name, r.Place.Country,
					r.Event.Start, r.Version)
			}
		})
	}
}
