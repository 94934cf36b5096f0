package data

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadJSONSaysWhere: a dataset file that does not decode is named
// with the line where it failed, for a syntax error, a value of the wrong
// type, an unknown field and a file cut short; one that decodes fills v.
func TestReadJSONSaysWhere(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       string // in the error; "" for none
	}{
		{"good", "[\n {\"id\": \"bamako\", \"name\": \"Bamako\"}\n]\n", ""},
		{"syntax", "[\n {\"id\": \"bamako\",\n  \"name\" \"Bamako\"}\n]\n", "places.json line 3: invalid character"},
		{"type", "[\n {\"id\": \"bamako\",\n\n  \"name\": 12}\n]\n", "places.json line 4: json: cannot unmarshal number"},
		// json names an unknown field once the whole list is read: the
		// line is where the list ends.
		{"unknown field", "[\n {\"id\": \"bamako\",\n  \"nom\": \"Bamako\"\n }\n]\n", "places.json line 5: json: unknown field \"nom\""},
		// json gives no offset for a file cut short: the line is the first.
		{"cut short", "[\n {\"id\": \"bamako\",\n", "places.json line 1: unexpected EOF"},
		{"missing", "", "cannot read places.json"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			if c.name != "missing" {
				fsys[PlacesFile] = &fstest.MapFile{Data: []byte(c.text)}
			}
			var places []*Place
			err := readJSON(fsys, PlacesFile, &places)
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("readJSON: %v", err)
			case c.want == "":
				if len(places) != 1 || places[0].ID != "bamako" || places[0].Name != "Bamako" {
					t.Errorf("read %+v, want Bamako", places)
				}
			case err == nil || !strings.Contains(err.Error(), c.want):
				t.Errorf("readJSON: %v, want an error holding %q", err, c.want)
			}
		})
	}
}
