package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// windows1252 encodes s as Windows-1252, as a spreadsheet on Windows saves it.
func windows1252(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// gridText returns the column dialog's preview grid as rows of cells.
func gridText(c *columnDialog) [][]string {
	cols := max(1, min(len(c.preview.Header), previewColumns))
	var rows [][]string
	for i, o := range c.grid.Objects {
		if i%cols == 0 {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], o.(*widget.Label).Text)
	}
	return rows
}

func TestColumnDialogShowsTheFilesColumns(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		content  func(t *testing.T) []byte
		want     [][]string // the header, then the first rows
		lat      string     // the column picked for the latitude
		encoding string
	}{
		{"semicolons, as French spreadsheets save", "visites.csv",
			func(*testing.T) []byte {
				return []byte("title;date;latitude;longitude;place\nVisite à Bamako;2025-01-11;12,65;-8,00;Bamako\n")
			},
			[][]string{{"title", "date", "latitude", "longitude", "place"}, {"Visite à Bamako", "2025-01-11", "12,65", "-8,00", "Bamako"}},
			"latitude", ""},
		{"Windows-1252", "ministres.csv",
			func(t *testing.T) []byte {
				return windows1252(t, "title,date,lat,lon,résumé\r\nArrivée du ministre à Ségou,2025-02-01,13.43,-6.26,Visite officielle\r\n")
			},
			[][]string{{"title", "date", "lat", "lon", "résumé"}, {"Arrivée du ministre à Ségou", "2025-02-01", "13.43", "-6.26", "Visite officielle"}},
			"lat", "windows-1252"},
		{"Windows-1252 and semicolons", "réunions.csv",
			func(t *testing.T) []byte {
				return windows1252(t, "title;date;latitude;longitude\nRéunion à Niamey;2025-03-02;13,51;2,11\n")
			},
			[][]string{{"title", "date", "latitude", "longitude"}, {"Réunion à Niamey", "2025-03-02", "13,51", "2,11"}},
			"latitude", "windows-1252"},
		{"UTF-16 with a byte-order mark", "utf16.csv",
			func(t *testing.T) []byte {
				b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("title,date,lat,lon\nRéunion à Niamey,2025-03-02,13.51,2.11\n"))
				if err != nil {
					t.Fatal(err)
				}
				return b
			},
			[][]string{{"title", "date", "lat", "lon"}, {"Réunion à Niamey", "2025-03-02", "13.51", "2.11"}},
			"lat", ""},
		{"tabs", "events.tsv",
			func(*testing.T) []byte {
				return []byte("title\tdate\tlat\tlon\nCoup in Niamey\t2023-07-26\t13.51\t2.11\n")
			},
			[][]string{{"title", "date", "lat", "lon"}, {"Coup in Niamey", "2023-07-26", "13.51", "2.11"}},
			"lat", ""},
		{"a UTF-8 byte-order mark", "bom.csv",
			func(*testing.T) []byte {
				return []byte("\ufefftitle,date,lat,lon\nTalks in Doha,2025-05-01,25.29,51.53\n")
			},
			[][]string{{"title", "date", "lat", "lon"}, {"Talks in Doha", "2025-05-01", "25.29", "51.53"}},
			"lat", ""},
	}
	ui := newTestWindow(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			if err := os.WriteFile(path, tt.content(t), 0o644); err != nil {
				t.Fatal(err)
			}
			c := ui.Imports.prepare(path)
			if c == nil {
				t.Fatal("no column dialog for a generic CSV file")
			}
			defer c.dialog.Hide()
			if shownDialog(ui.Win.Canvas(), c.grid) == nil {
				t.Fatal("the column dialog is not shown")
			}
			got := gridText(c)
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("the dialog shows %q, want %q", got, tt.want)
			}
			if sel := c.fields["Latitude"].Selected; sel != tt.lat {
				t.Errorf("latitude column %q, want %q", sel, tt.lat)
			}
			if !slices.Contains(c.fields["Title"].Options, "title") {
				t.Errorf("the column choices are %q", c.fields["Title"].Options)
			}
			if got := c.options().Encoding; got != tt.encoding {
				t.Errorf("imports with encoding %q, want %q", got, tt.encoding)
			}
		})
	}
}

func TestColumnDialogImportsAWindows1252File(t *testing.T) {
	ui := newTestWindow(t)
	q := &uiQueue{ch: make(chan func(), 64)}
	ui.Imports.do = q.do
	path := filepath.Join(t.TempDir(), "ministres.csv")
	csv := "title,date,lat,lon,summary\r\n" +
		"Arrivée du ministre à Ségou,2025-02-01,13.43,-6.26,Visite officielle\r\n" +
		"Départ de Ségou,2025-02-03,13.43,-6.26,Fin de la visite\r\n"
	if err := os.WriteFile(path, windows1252(t, csv), 0o644); err != nil {
		t.Fatal(err)
	}
	c := ui.Imports.prepare(path)
	if c == nil {
		t.Fatal("no column dialog")
	}
	c.dialog.Hide()
	c.importFile()
	for !strings.Contains(ui.Status.Text, "ministres.csv: added") {
		if strings.Contains(ui.Status.Text, "NOT imported") {
			t.Fatal(ui.Status.Text)
		}
		q.next(t)
	}
	if !strings.Contains(ui.Status.Text, "added 2, updated 0, rejected 0") {
		t.Fatalf("the import says %q", ui.Status.Text)
	}
	for ui.Imports.message.Text != "" { // the layer is merged into the window's events
		q.next(t)
	}
	var titles []string
	for _, e := range ui.Explorer.Data.Events {
		if strings.Contains(e.Title, "Ségou") {
			titles = append(titles, e.Title)
		}
	}
	slices.Sort(titles)
	if want := []string{"Arrivée du ministre à Ségou", "Départ de Ségou"}; !slices.Equal(titles, want) {
		t.Fatalf("the window has the events %q, want %q", titles, want)
	}
}
