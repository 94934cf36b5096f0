package exchange

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// streamed imports in with Options.Stream and returns what a store keeps:
// the records passed, amended, the newest copy of each event.
func streamed(t *testing.T, in []byte, opts Options) (map[string]data.Record, *Result, error) {
	t.Helper()
	return streamedAs(t, in, "a.csv", opts)
}

// streamedAs is streamed for a file called name.
func streamedAs(t *testing.T, in []byte, name string, opts Options) (map[string]data.Record, *Result, error) {
	t.Helper()
	var all []data.Record
	opts.Stream = func(b []data.Record) error {
		if len(b) > streamBatch {
			t.Errorf("a batch of %d records, more than %d", len(b), streamBatch)
		}
		all = append(all, b...)
		return nil
	}
	res, err := Import(bytes.NewReader(in), name, opts)
	if err != nil {
		return nil, res, err
	}
	if res.Streamed != len(all) {
		t.Errorf("Streamed %d, %d records passed", res.Streamed, len(all))
	}
	kept := map[string]data.Record{}
	for seq, r := range all {
		if res.Amend != nil && !res.Amend(seq, &r) {
			continue
		}
		if old, ok := kept[r.Event.ID]; ok && r.Version <= old.Version {
			continue
		}
		kept[r.Event.ID] = r
	}
	return kept, res, nil
}

func TestStreamMatchesWholeImport(t *testing.T) {
	mdy := func(id, date string) acledRow { r := okRow(id); r.date = date; return r }
	newer := okRow("A")
	newer.timestamp, newer.notes = "1747600000", "A newer copy."
	for _, tc := range []struct {
		name string
		in   []byte
		opts Options
	}{
		{"synthetic, three date layouts", SyntheticACLED(9000, 3), Options{}},
		// 05-06-2025 waits; 05-16-2025 then shows the month comes first.
		{"month first, settled late", acledFile(mdy("A", "05-06-2025"), mdy("B", "07-08-2025"), mdy("C", "05-16-2025")), Options{}},
		{"a newer copy of an event", acledFile(okRow("A"), okRow("B"), newer), Options{}},
		{"bad rows skipped", acledFile(okRow("A"), mdy("B", "31-31-2025"), okRow("C")), Options{SkipInvalid: true}},
		{"implausible date after the order is settled", acledFile(mdy("A", "01-02-1850"), mdy("B", "05-16-2025")), Options{SkipInvalid: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			whole, werr := Import(bytes.NewReader(tc.in), "a.csv", tc.opts)
			kept, res, serr := streamed(t, tc.in, tc.opts)
			if (werr == nil) != (serr == nil) {
				t.Fatalf("whole: %v; streamed: %v", werr, serr)
			}
			if werr != nil {
				return
			}
			if len(kept) != len(whole.Records) {
				t.Fatalf("streamed keeps %d records, the whole import %d", len(kept), len(whole.Records))
			}
			for _, want := range whole.Records {
				if got := kept[want.Event.ID]; !reflect.DeepEqual(got, want) {
					t.Errorf("%s streamed\n%+v\nwhole\n%+v", want.Event.ID, got, want)
				}
			}
			if !reflect.DeepEqual(res.Rejected, whole.Rejected) || res.More != whole.More {
				t.Errorf("streamed rejects %v (+%d), the whole import %v (+%d)", res.Rejected, res.More, whole.Rejected, whole.More)
			}
			if !reflect.DeepEqual(res.Notes, whole.Notes) {
				t.Errorf("streamed notes %q, the whole import's %q", res.Notes, whole.Notes)
			}
		})
	}
}

// TestStreamNoSizeCap: a CSV read as a stream has no size cap unless one
// is asked for; one given is kept, with or without a stream.
func TestStreamNoSizeCap(t *testing.T) {
	in := SyntheticACLED(200, 1)
	if _, err := Import(bytes.NewReader(in), "a.csv", Options{MaxFileSize: 1000}); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("an explicit cap is not kept: %v", err)
	}
	if _, _, err := streamed(t, in, Options{MaxFileSize: 1000}); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("an explicit cap is not kept by a stream: %v", err)
	}
	kept, _, err := streamed(t, in, Options{})
	if err != nil || len(kept) != 200 {
		t.Fatalf("%d records, %v", len(kept), err)
	}
}

// TestStreamStops shows an error from Stream ends the import with it.
func TestStreamStops(t *testing.T) {
	in := SyntheticACLED(3*streamBatch, 1)
	calls := 0
	_, err := Import(bytes.NewReader(in), "a.csv", Options{Stream: func([]data.Record) error {
		calls++
		return errStop
	}})
	if err != errStop || calls != 1 {
		t.Fatalf("err %v after %d calls; want errStop after 1", err, calls)
	}
}

var errStop = errorString("stop")

type errorString string

func (e errorString) Error() string { return string(e) }
