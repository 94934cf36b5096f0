package ui

import (
	"os"
	"path/filepath"
	"testing"
)

// TestColumnDialogDateLayout: the column dialog says how the date column's
// first rows write their dates, and its day/month choice becomes the
// import's date format.
func TestColumnDialogDateLayout(t *testing.T) {
	ui := newTestWindow(t)
	cases := []struct {
		csv, want string
	}{
		{"titre,date,lat,lon\nA,05/06/2021,12,-8\nB,16/06/2021,12,-8\n", "d/m/yyyy"},
		{"titre,date,lat,lon\nA,05/06/2021,12,-8\nB,06/07/2021,12,-8\n", "d/m/yyyy or m/d/yyyy; these rows cannot tell whether the day or the month comes first"},
		{"titre,date_evenement,lat,lon\nA,12-September-22,12,-8\nB,15-Jul-22,12,-8\n", "d-Month-yy, d-Mon-yy"},
	}
	for _, c := range cases {
		path := filepath.Join(t.TempDir(), "dates.csv")
		if err := os.WriteFile(path, []byte(c.csv), 0o644); err != nil {
			t.Fatal(err)
		}
		d := ui.Imports.prepare(path)
		if d == nil {
			t.Fatal("no column dialog")
		}
		if got := d.dates.Text; got != c.want {
			t.Errorf("date layout %q, want %q", got, c.want)
		}
		if got := d.options().DateFormat; got != "" {
			t.Errorf("date format %q before any choice", got)
		}
		d.order.SetSelected(orderMonFirst)
		if got := d.options().DateFormat; got != "m/d/yyyy" {
			t.Errorf("date format %q, want m/d/yyyy", got)
		}
		d.fields["Date"].SetSelected("(none)")
		if d.dates.Text != "no date column chosen" {
			t.Errorf("no date column: %q", d.dates.Text)
		}
		d.dialog.Hide()
	}
}
