//go:build unix

package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/exchange"
)

// TestCancelImport starts a window import of an ACLED file that arrives
// through a named pipe, so the import cannot finish before the test lets
// it: once the first events are counted, Cancel is pressed, then the rest
// of the file comes. The import stops, the window says so, and the store
// holds no import.
func TestCancelImport(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "acled.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err) // not a Unix file system
	}
	header := "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,country,location,latitude,longitude,source,notes,fatalities\n"
	row := func(i int) string {
		return fmt.Sprintf("MLI%d,2025-05-%02d,2025,Battles,Armed clash,FAMa,Mali,Boni,15.03,-2.05,RFI,Clash %d.,1\n", 100000+i, 1+i%28, i)
	}

	ui, q := newTestWindowQueue(t)
	ui.Imports.do = q.do
	ui.Imports.run(fifo, exchange.Options{Format: exchange.FormatACLED})
	run := ui.Imports.running
	if run == nil {
		t.Fatal("no import under way after run")
	}
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0) // blocks until the import opens it
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var first strings.Builder
	first.WriteString(header)
	for i := range 3 * 4096 { // more than two of the stream's batches
		first.WriteString(row(i))
	}
	if _, err := w.WriteString(first.String()); err != nil {
		t.Fatal(err)
	}
	for run.events.Load() == 0 { // refreshes of the dialog come through the queue
		q.next(t)
	}
	run.Cancel()
	var rest strings.Builder
	for i := 3 * 4096; i < 4*4096; i++ {
		rest.WriteString(row(i))
	}
	w.WriteString(rest.String()) // the import may have stopped reading: an error here is fine
	w.Close()
	for !strings.Contains(ui.Status.Text, "import cancelled") {
		if strings.Contains(ui.Status.Text, "added") || strings.Contains(ui.Status.Text, "NOT imported") {
			t.Fatalf("the cancelled import ended with %q", ui.Status.Text)
		}
		q.next(t)
	}
	if ui.Imports.running != nil {
		t.Error("the cancelled import is still under way for the window")
	}
	imports, err := ui.Imports.store().Imports()
	if err != nil || len(imports) != 0 {
		t.Errorf("the store holds %d imports (%v) after a cancelled import", len(imports), err)
	}
}
