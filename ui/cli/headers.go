package cli

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
)

// withHeaders wraps a CSV writer so that its header row is in the
// language of --headers: "en" (the documented columns, which scripts
// read) leaves it; "fr" names each of our columns from the catalog
// ("csv.start" is "début") and keeps the events' own fields as they are.
func withHeaders(write func(io.Writer, []*data.Event, *data.Dataset) error, headers string) (func(io.Writer, []*data.Event, *data.Dataset) error, error) {
	t, err := lang.Parse(headers)
	if err != nil {
		return nil, fmt.Errorf("--headers %q: use en or fr", headers)
	}
	if t == lang.English {
		return write, nil
	}
	return func(w io.Writer, events []*data.Event, d *data.Dataset) error {
		var buf bytes.Buffer
		if err := write(&buf, events, d); err != nil {
			return err
		}
		br := bufio.NewReader(&buf)
		first, err := br.ReadBytes('\n')
		if err != nil && err != io.EOF {
			return err
		}
		header, err := csv.NewReader(bytes.NewReader(first)).Read()
		if err != nil {
			return fmt.Errorf("cli: cannot read the CSV header back to translate it: %w", err)
		}
		for i, h := range header {
			if lang.English.Has("csv." + h) {
				header[i] = t.T("csv." + h)
			}
		}
		cw := csv.NewWriter(w)
		cw.Write(header)
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
		_, err = br.WriteTo(w)
		return err
	}, nil
}
