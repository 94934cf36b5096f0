package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/article"
)

// proposalsHead is how much of a .geojson or .json file is read to tell
// a proposals file: extract writes the article it read as the second key
// of the collection, so a file without it in its first bytes is some
// other GeoJSON, read by the importers as a stream, not whole.
const proposalsHead = 4 << 10

// proposalsFile reads a .geojson or .json file whole when it is a
// proposals file written by extract, and returns its bytes; otherwise it
// rewinds the file for the other importers and returns nil.
func proposalsFile(in io.ReadSeeker, name string) []byte {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".geojson", ".json":
	default:
		return nil
	}
	head := make([]byte, proposalsHead)
	n, _ := io.ReadFull(in, head)
	raw := []byte(nil)
	var err error
	if bytes.Contains(head[:n], []byte(`"article"`)) {
		if _, err = in.Seek(0, io.SeekStart); err == nil {
			raw, err = io.ReadAll(io.LimitReader(in, 64<<20))
		}
	}
	if _, serr := in.Seek(0, io.SeekStart); raw == nil || err != nil || serr != nil || !article.IsProposals(raw) {
		return nil
	}
	return raw
}

// importProposals records the proposals of an extract file as the
// analyst's own events ("My events"), citing the article the file holds,
// and prints their ids. A bad proposal refuses the whole file.
func importProposals(con console, o *importOptions, raw []byte, file string) int {
	ps, info, err := article.ReadGeoJSON(bytes.NewReader(raw))
	if err != nil {
		return con.failf(ExitFailed, "%s: %v", file, err)
	}
	gaz, known, status := lookups(con, o.store)
	if gaz == nil {
		return status
	}
	if info.File == "" || info.File == "-" {
		info.File = "" // the article's first line names it
	}
	src := info.Source()
	events := make([]data.MyEvent, 0, len(ps))
	for i := range ps {
		p, err := ps[i].Proposal(gaz, known)
		if err != nil {
			return con.failf(ExitFailed, "%s: proposal %d: %v; nothing imported", file, i+1, strings.TrimPrefix(err.Error(), "article: "))
		}
		m := p.MyEvent(src)
		m.Author = os.Getenv("SAHELATLAS_AUTHOR")
		m.Event.ID = data.NewAnnotationID()
		if err := m.Validate(); err != nil {
			return con.failf(ExitFailed, "%s: proposal %d: %v; nothing imported", file, i+1, strings.TrimPrefix(err.Error(), "data: "))
		}
		events = append(events, m)
	}
	if len(events) == 0 {
		return con.failf(ExitFailed, "nothing to import in %s: it proposes no events; the store is unchanged", file)
	}
	s, status := openStore(con, o.store)
	if s == nil {
		return status
	}
	defer s.Close()
	for i, m := range events {
		if _, err := s.AddEvent(m); err != nil {
			return con.failf(ExitFailed, "%v (%d of %d proposals recorded)", err, i, len(events))
		}
		fmt.Fprintln(con.stdout, m.Event.ID)
	}
	fmt.Fprintf(con.stderr, "sahelatlas import: %s: %d proposals recorded as your events (My events) in %s\n", file, len(events), s.Path())
	return ExitOK
}
