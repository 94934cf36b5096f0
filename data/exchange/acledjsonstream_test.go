package exchange

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

// acledAPIRecords are the records of acledAPI, as its data list holds them.
var acledAPIRecords = acledAPI[strings.Index(acledAPI, `{"event_id_cnty"`):strings.LastIndex(acledAPI, `],"filename"`)]

// TestACLEDJSONStreamMatchesWholeImport: ACLED's JSON read as a stream
// gives the events, problems, notes and errors the whole read gives.
func TestACLEDJSONStreamMatchesWholeImport(t *testing.T) {
	newer := strings.Replace(strings.Replace(acledAPIRecords, `"MLI35002"`, `"MLI35001"`, 1), `"timestamp":1704833945`, `"timestamp":1804833945`, 1)
	for _, tc := range []struct {
		name, in string
		opts     Options
	}{
		{"the API's answer", acledAPI, Options{}},
		{"a bare list", "[" + acledAPIRecords + "]", Options{}},
		{"keys after the data", `{"data":[` + acledAPIRecords + `],"status":200,"success":true,"count":2}`, Options{}},
		{"two copies of an event", `{"data":[` + newer + `]}`, Options{}},
		{"a bad record, refused", strings.Replace(acledAPI, `"latitude":"18.4411"`, `"latitude":"98.4411"`, 1), Options{}},
		{"a bad record, skipped", strings.Replace(acledAPI, `"latitude":"18.4411"`, `"latitude":"98.4411"`, 1), Options{SkipInvalid: true}},
		{"an error before the data", `{"success":false,"error":"Access denied","data":[` + acledAPIRecords + `]}`, Options{}},
		{"an error after the data", `{"data":[` + acledAPIRecords + `],"success":false,"error":"Access denied"}`, Options{}},
		{"an error, no data", `{"status":403,"success":false,"error":{"status":403,"message":"Access denied"},"event_id_cnty":"x"}`, Options{}},
		{"no data list", `{"status":200,"event_id_cnty":"x"}`, Options{}},
		{"an empty data list", `{"status":200,"data":[],"event_id_cnty":"x"}`, Options{}},
		{"a record not an object", `{"data":[` + acledAPIRecords + `,7]}`, Options{}},
		{"data not a list", `{"data":{"event_id_cnty":"x"}}`, Options{}},
		{"cut short", acledAPI[:len(acledAPI)-200], Options{}},
		{"read as a generic table", acledAPI, Options{Format: FormatCSV}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := []byte(tc.in)
			sameAsWhole(t, in, "acled.json", tc.opts)
		})
	}
}

// TestACLEDJSONStreamLateKeys: a key only later records have cannot be a
// column of a streamed read; a note says its values were left out.
func TestACLEDJSONStreamLateKeys(t *testing.T) {
	in := `[{"event_id_cnty":"MLI1","event_date":"2024-01-01","event_type":"Protests","location":"Bamako","latitude":"12.65","longitude":"-8.0","country":"Mali"},` +
		`{"event_id_cnty":"MLI2","event_date":"2024-01-02","event_type":"Protests","location":"Bamako","latitude":"12.65","longitude":"-8.0","country":"Mali","notes":"Late.","fatalities":"0"}]`
	kept, res, err := streamedAs(t, []byte(in), "acled.json", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 2 {
		t.Fatalf("%d events kept", len(kept))
	}
	want := "1 record(s) have keys the first record lacks (notes, fatalities); read as a stream, the columns are the first record's keys, so those values were left out"
	if len(res.Notes) == 0 || res.Notes[len(res.Notes)-1] != want {
		t.Fatalf("notes %q, want the last %q", res.Notes, want)
	}
	fr := "1 enregistrement(s) ont des clés que le premier n’a pas (notes, fatalities) ; lu en flux, les colonnes sont les clés du premier enregistrement, ces valeurs ont donc été laissées de côté"
	if got := Say(lang.French, want); got != fr {
		t.Errorf("in French %q, want %q", got, fr)
	}
}

// acledJSONRecords is ACLED's API answer of n records, made as it is
// read, with pad bytes of white space before each record but the first
// (which shows the format in the file's first bytes).
func acledJSONRecords(n, pad int) io.Reader {
	parts := []io.Reader{strings.NewReader(`{"status":200,"success":true,"data":[`)}
	for i := range n {
		sep := ","
		if i == 0 {
			sep = ""
		}
		rec := fmt.Sprintf(`%s{"event_id_cnty":"MLI%d","event_date":"2024-%02d-%02d","year":"2024","time_precision":"1","event_type":"Protests",`+
			`"sub_event_type":"Peaceful protest","actor1":"Protesters (Mali)","inter1":"6","location":"Bamako","latitude":"12.65","longitude":"-8.0",`+
			`"geo_precision":"1","country":"Mali","notes":"A protest in Bamako.","fatalities":"0","timestamp":"1704833945"}`, sep, i, 1+i/28%12, 1+i%28)
		if pad > 0 && i > 0 {
			parts = append(parts, io.LimitReader(spaces{}, int64(pad)))
		}
		parts = append(parts, strings.NewReader(rec))
	}
	parts = append(parts, strings.NewReader(`],"count":`+fmt.Sprint(n)+`}`))
	return io.MultiReader(parts...)
}

// spaces reads as endless white space.
type spaces struct{}

func (spaces) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// TestACLEDJSONStreamMemoryBounded: streaming ACLED's JSON holds a record
// and a batch, not the file.
func TestACLEDJSONStreamMemoryBounded(t *testing.T) {
	small, nSmall := peakLiveHeap(t, acledJSONRecords(10_000, 0), "acled.json")
	large, nLarge := peakLiveHeap(t, acledJSONRecords(100_000, 0), "acled.json")
	if nSmall != 10_000 || nLarge != 100_000 {
		t.Fatalf("%d and %d events passed", nSmall, nLarge)
	}
	if large > small+24<<20 {
		t.Errorf("100,000 records took %d MiB of heap at most, 10,000 %d MiB: memory grows with the file", large>>20, small>>20)
	}
	t.Logf("peak live heap %d KiB for 10,000 records, %d KiB for 100,000", small>>10, large>>10)
}

// TestACLEDJSONStreamLargerThanCap: a streamed answer larger than
// MaxFileSize is read to its end (six records, 60 MiB of white space
// before each but the first, 300 MiB); read whole, it is refused by its
// size.
func TestACLEDJSONStreamLargerThanCap(t *testing.T) {
	const pad = 60 << 20
	_, n := peakLiveHeap(t, acledJSONRecords(6, pad), "acled.json")
	if n != 6 {
		t.Errorf("%d events passed, want 6", n)
	}
	_, err := Import(acledJSONRecords(6, pad), "acled.json", Options{})
	if err == nil || !strings.Contains(err.Error(), "larger than 256 MiB") {
		t.Errorf("read whole: %v", err)
	}
}
