package exchange

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// readACLEDJSONStream is readACLEDJSON for Options.Stream: the records of
// the data list are read one at a time with the JSON decoder, mapped and
// passed on, so memory holds a record and a batch of events, not the
// file; one record (or one value beside the list) may be at most
// MaxFeatureSize. The keys around "data" may come in any order.
//
// The table's columns are the first record's keys, in their order: a key
// only later records have (ACLED's API gives every record the same keys)
// cannot become a column once rows are passed on, so its values are left
// out and a note says so. An answer that says it is an error (success
// false, or an error) refuses the file as the whole read does; when that
// comes after the data, it is met once the records were passed, and the
// import fails then (what Stream received must not be used).
func readACLEDJSONStream(in io.Reader, name string, f Format, opts Options, res *Result) error {
	vc := &valueCap{r: in, max: MaxFeatureSize, what: "a record"}
	vc.reset()
	dec := json.NewDecoder(vc)
	dec.UseNumber()
	bad := func(format string, a ...any) error {
		return fmt.Errorf("exchange: %s is not ACLED's JSON: %s (at byte %d)", name, fmt.Sprintf(format, a...), dec.InputOffset())
	}
	var header []string
	col := map[string]bool{}
	headerDone := false // the first record was read
	var late []string   // keys the first record lacks, in the order met
	lateSeen := map[string]bool{}
	lateRecords := 0
	lateHere := false
	addKey := func(k string) {
		switch {
		case col[k]:
		case !headerDone:
			col[k] = true
			header = append(header, k)
		default:
			lateHere = true
			if !lateSeen[k] {
				lateSeen[k] = true
				late = append(late, k)
			}
		}
	}
	var apiErr string
	object, inList, sawData := false, false, false
	n := 0
	// openList reads the '[' of a data list.
	openList := func() error {
		vc.reset()
		t, err := dec.Token()
		if err != nil {
			return bad("%v", err)
		}
		if d, ok := t.(json.Delim); !ok || d != '[' {
			return bad("data is not a list")
		}
		inList = true
		return nil
	}
	// keys reads the top-level object's keys up to its next data list, and
	// opens it; past the last, inList stays false.
	keys := func() error {
		for dec.More() {
			vc.reset()
			kt, err := dec.Token()
			if err != nil {
				return bad("%v", err)
			}
			key, _ := kt.(string)
			if key == "data" {
				sawData = true
				return openList()
			}
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				return bad("%s: %v", key, err)
			}
			if key == "success" && string(v) == "false" || key == "error" && string(v) != "null" && string(v) != `""` {
				apiErr += " " + key + "=" + jsonText(v)
			}
		}
		return nil
	}
	// next reads the next record, and its number; io.EOF past the last.
	next := func() (map[string]string, int, error) {
		for {
			vc.reset() // what comes before a record counts towards it
			if inList && dec.More() {
				lateHere = false
				rec, err := jsonRecord(dec, addKey)
				if err != nil {
					return nil, 0, bad("record %d: %v", n+1, err)
				}
				n++
				if lateHere {
					lateRecords++
				}
				if apiErr != "" {
					continue // an error's answer: read, not imported
				}
				return rec, n, nil
			}
			if inList {
				vc.reset()
				if _, err := dec.Token(); err != nil {
					return nil, 0, bad("%v", err)
				}
				inList = false
				if object {
					if err := keys(); err != nil {
						return nil, 0, err
					}
					if inList {
						continue // another data list: read on, as the whole read does
					}
				}
			}
			if apiErr != "" {
				return nil, 0, fmt.Errorf("exchange: %s is an error from ACLED's API, not events:%s", name, apiErr)
			}
			if object && !sawData {
				return nil, 0, bad("it has no data list")
			}
			return nil, 0, io.EOF
		}
	}
	t, err := dec.Token()
	if err != nil {
		return bad("%v", err)
	}
	switch t {
	case json.Delim('['):
		inList = true
	case json.Delim('{'):
		object = true
		if err := keys(); err != nil {
			return err
		}
	default:
		return bad("it does not start with an object or a list")
	}
	first, firstAt, err := next()
	headerDone = true
	if err != nil && err != io.EOF {
		return err
	}
	read := func() ([]string, int, error) {
		m, at := first, firstAt
		if m != nil {
			first = nil
		} else {
			var err error
			if m, at, err = next(); err != nil {
				return nil, 0, err
			}
		}
		rec := make([]string, len(header))
		for i, k := range header {
			rec[i] = m[k]
		}
		return rec, at, nil
	}
	tbl, err := newRows(name, header, read, res)
	if err != nil {
		return err
	}
	tbl.records = true
	if err := readTable(tbl, name, f, opts, res); err != nil {
		return err
	}
	if len(late) > 0 {
		// Read once every record was: the reader's goroutine is done.
		res.Notes = append(res.Notes, fmt.Sprintf("%d record(s) have keys the first record lacks (%s); read as a stream, the columns are the first record's keys, so those values were left out", lateRecords, strings.Join(late, ", ")))
	}
	return nil
}
