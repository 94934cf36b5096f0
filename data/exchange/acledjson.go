package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// readACLEDJSON reads what ACLED's API answers,
// {"status":200,"success":true,"count":N,"data":[{…},…]}, or a bare list
// of such records, as a table whose columns are the records' keys (in the
// order first met) and hands it to readTable: the records are read as the
// rows of an export with the same columns. Values may be strings, numbers
// or null; a record's position is its number in the list.
//
// With Options.Stream the records are read one at a time instead (see
// readACLEDJSONStream).
func readACLEDJSON(in io.Reader, name string, f Format, opts Options, res *Result) error {
	if opts.Stream != nil {
		return readACLEDJSONStream(in, name, f, opts, res)
	}
	dec := json.NewDecoder(in)
	dec.UseNumber()
	bad := func(format string, a ...any) error {
		return fmt.Errorf("exchange: %s is not ACLED's JSON: %s (at byte %d)", name, fmt.Sprintf(format, a...), dec.InputOffset())
	}
	var records []map[string]string
	var header []string
	col := map[string]bool{}
	// readList reads a list of records; open is true when its '[' is read.
	readList := func(open bool) error {
		if !open {
			t, err := dec.Token()
			if err != nil {
				return bad("%v", err)
			}
			if d, ok := t.(json.Delim); !ok || d != '[' {
				return bad("data is not a list")
			}
		}
		for dec.More() {
			rec, err := jsonRecord(dec, func(k string) {
				if !col[k] {
					col[k] = true
					header = append(header, k)
				}
			})
			if err != nil {
				return bad("record %d: %v", len(records)+1, err)
			}
			records = append(records, rec)
		}
		if _, err := dec.Token(); err != nil {
			return bad("%v", err)
		}
		return nil
	}
	t, err := dec.Token()
	if err != nil {
		return bad("%v", err)
	}
	var apiErr string
	switch t {
	case json.Delim('['):
		if err := readList(true); err != nil {
			return err
		}
	case json.Delim('{'):
		sawData := false
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return bad("%v", err)
			}
			switch key, _ := kt.(string); key {
			case "data":
				sawData = true
				if err := readList(false); err != nil {
					return err
				}
			case "success", "error", "messages", "status":
				var v json.RawMessage
				if err := dec.Decode(&v); err != nil {
					return bad("%s: %v", key, err)
				}
				if key == "success" && string(v) == "false" || key == "error" && string(v) != "null" && string(v) != `""` {
					apiErr += " " + key + "=" + jsonText(v)
				}
			default:
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					return bad("%s: %v", key, err)
				}
			}
		}
		if apiErr != "" {
			return fmt.Errorf("exchange: %s is an error from ACLED's API, not events:%s", name, apiErr)
		}
		if !sawData {
			return bad("it has no data list")
		}
	default:
		return bad("it does not start with an object or a list")
	}
	n := 0
	read := func() ([]string, int, error) {
		if n == len(records) {
			return nil, 0, io.EOF
		}
		rec := make([]string, len(header))
		for i, k := range header {
			rec[i] = records[n][k]
		}
		records[n] = nil
		n++
		return rec, n, nil
	}
	tbl, err := newRows(name, header, read, res)
	if err != nil {
		return err
	}
	tbl.records = true
	return readTable(tbl, name, f, opts, res)
}

// jsonText is a JSON value as a table cell: a string as it is, null as
// empty, anything else as its JSON text.
func jsonText(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	if bytes.Equal(v, []byte("null")) {
		return ""
	}
	return string(bytes.TrimSpace(v))
}

// looksJSON reports whether a text file starts with an object or a list.
func looksJSON(head []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}

// jsonRecord reads one record, an object of values, telling key each key
// in the order written.
func jsonRecord(dec *json.Decoder, key func(string)) (map[string]string, error) {
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return nil, errors.New("is not an object")
	}
	rec := map[string]string{}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := kt.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		if d := depthOf(v); d > maxJSONNesting {
			return nil, fmt.Errorf("%s nests %d levels deep, more than the %d allowed", k, d, maxJSONNesting)
		}
		key(k)
		rec[k] = jsonText(v)
	}
	_, err = dec.Token()
	return rec, err
}
