package lang

import (
	"encoding/json"
	"maps"
	"testing"
)

// TestParseFlatMatchesJSON checks parseFlat against json.Unmarshal on the
// catalogs and on objects with escapes, control characters, invalid
// UTF-8, nulls and every kind of mistake.
func TestParseFlatMatchesJSON(t *testing.T) {
	inputs := []string{
		`{}`, ` { } `, `{"a":"b"}`, "{\n \"a\" : \"b\" ,\n\t\"c\":\"\"\r\n}",
		`{"a":"b","a":"c"}`, `{"q":"say \"hi\"\n\\ \/ \t \u00e9 \ud83d\ude00 \ud800"}`,
		"{\"ctl\":\"a\x01b\"}", "{\"bad\":\"\xff\xfe\"}", `{"é":"ü ‐ —"}`, `{"a":null}`,
		``, `[]`, `{"a"}`, `{"a":1}`, `{"a":"b",}`, `{"a":"b"} x`, `{"a":"b"`, `{"a":"b`, `{"a" "b"}`, `{,}`,
		`{"a":"\x"}`, `{"a":nul}`, `{null:"a"}`, `{"a":true}`, `{"a":["b"]}`,
	}
	for _, tag := range Tags {
		b, err := Catalogs.ReadFile(CatalogDir + "/" + string(tag) + ".json")
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(b))
	}
	for _, in := range inputs {
		var want map[string]string
		wantErr := json.Unmarshal([]byte(in), &want)
		got, err := parseFlat([]byte(in))
		switch {
		case (err == nil) != (wantErr == nil):
			t.Errorf("%.60q: error %v, encoding/json's %v", in, err, wantErr)
		case err == nil && !maps.Equal(got, want):
			t.Errorf("%.60q: %q, encoding/json reads %q", in, got, want)
		}
	}
}

// BenchmarkParseCatalog parses the English catalog, as every command
// does once (warm here: a cold process pays more for json.Unmarshal's
// first use of its reflection).
func BenchmarkParseCatalog(b *testing.B) {
	raw, err := Catalogs.ReadFile(CatalogDir + "/en.json")
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		parse func([]byte) (map[string]string, error)
	}{
		{"parseFlat", parseFlat},
		{"json.Unmarshal", func(b []byte) (map[string]string, error) {
			m := map[string]string{}
			return m, json.Unmarshal(b, &m)
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.parse(raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
