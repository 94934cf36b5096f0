package lang

import (
	"bytes"
	"slices"
	"testing"
)

// TestCatalogsLoadPerLanguage checks that a language's catalog is parsed
// on its first use, once, and that using English parses no other.
func TestCatalogsLoadPerLanguage(t *testing.T) {
	for _, c := range []struct {
		name string
		use  []Tag
		want []Tag
	}{
		{"nothing used", nil, nil},
		{"English only", []Tag{English, English}, []Tag{English}},
		{"French only", []Tag{French}, []Tag{French}},
		{"both, twice", []Tag{French, English, French, English}, []Tag{French, English}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var loaded []Tag
			cats := newCatalogs(func(tag Tag) map[string]string {
				loaded = append(loaded, tag)
				return map[string]string{"k": string(tag)}
			})
			for _, tag := range c.use {
				if got := cats[tag]()["k"]; got != string(tag) {
					t.Errorf("catalog of %s holds %q", tag, got)
				}
			}
			if !slices.Equal(loaded, c.want) {
				t.Errorf("parsed %v, want %v", loaded, c.want)
			}
		})
	}
}

// TestCatalogJSONIsCatalogs: the bytes loadCatalog decodes are each
// language's file in Catalogs, the ones the window hands Fyne.
func TestCatalogJSONIsCatalogs(t *testing.T) {
	for _, tag := range Tags {
		want, err := Catalogs.ReadFile(CatalogDir + "/" + string(tag) + ".json")
		if err != nil {
			t.Fatal(err)
		}
		got, err := catalogJSON(tag)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("catalogJSON(%s) is %d bytes, not Catalogs' %d", tag, len(got), len(want))
		}
	}
}
