package exchange

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
)

// sameAsWhole imports in whole and then streamed, as a file called name,
// and fails t where the two differ: the same error, or else the same
// problems (in any order, with the same count beyond them), notes,
// format, rows left out and events, an event the whole import holds more
// than once kept once. A file imported, not refused, must give at least
// one event. It returns the whole import's result, nil after an error.
func sameAsWhole(t *testing.T, in []byte, name string, opts Options) *Result {
	t.Helper()
	whole, werr := Import(bytes.NewReader(in), name, opts)
	kept, res, serr := streamedAs(t, in, name, opts)
	var wr, sr *RefusedError
	if (werr == nil) != (serr == nil) || errors.As(werr, &wr) != errors.As(serr, &sr) {
		t.Fatalf("whole: %v; streamed: %v", werr, serr)
	}
	if werr != nil && wr == nil {
		if werr.Error() != serr.Error() {
			t.Errorf("whole: %v; streamed: %v", werr, serr)
		}
		return nil
	}
	if !reflect.DeepEqual(sortedProblems(res.Rejected), sortedProblems(whole.Rejected)) || res.More != whole.More {
		t.Errorf("streamed rejects %v (+%d), the whole import %v (+%d)", res.Rejected, res.More, whole.Rejected, whole.More)
	}
	if !reflect.DeepEqual(res.Notes, whole.Notes) || res.Format != whole.Format {
		t.Errorf("streamed notes %q (%s), the whole import's %q (%s)", res.Notes, res.Format, whole.Notes, whole.Format)
	}
	if !reflect.DeepEqual(res.Skipped, whole.Skipped) {
		t.Errorf("streamed leaves out %v, the whole import %v", res.Skipped, whole.Skipped)
	}
	if wr != nil {
		return whole
	}
	ids := map[string]bool{}
	for _, want := range whole.Records {
		ids[want.Event.ID] = true
		if got := kept[want.Event.ID]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s streamed\n%+v\nwhole\n%+v", want.Event.ID, got, want)
		}
	}
	if len(ids) == 0 || len(kept) != len(ids) {
		t.Fatalf("streamed keeps %d events, the whole import %d", len(kept), len(ids))
	}
	return whole
}
