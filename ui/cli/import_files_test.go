package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestImportGroupedReport: a file whose rows share one problem is reported
// in one line with the flag that fixes it, and the flag imports it.
func TestImportGroupedReport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "workspace.db")
	var b strings.Builder
	b.WriteString("title,lat,lon,date,fatalities\n")
	for i := range 40 {
		fmt.Fprintf(&b, "Event %d,14.1,-1.6,%02d/%02d/2021,%d\n", i, 1+i%12, 1+(i+1)%12, i)
	}
	f := writeFile(t, dir, "us.csv", b.String())
	status, out, errs := runCLI(t, "import", f, "--store", db)
	if status != ExitFailed || !strings.Contains(out, "rejected 40") {
		t.Fatalf("status %d, stdout %q", status, out)
	}
	if !strings.Contains(errs, "40 rows (lines 2, 3, 4, 5, 6 and 35 more)") || strings.Count(errs, "\n") > 3 ||
		!strings.Contains(errs, "fix: --date-format d/m/yyyy (day first) or --date-format m/d/yyyy (month first)") {
		t.Errorf("report:\n%s", errs)
	}
	status, out, errs = runCLI(t, "import", f, "--store", db, "--date-format", "m/d/yyyy")
	if status != ExitOK || !strings.HasPrefix(out, "added 40") {
		t.Errorf("--date-format: %d %q %q", status, out, errs)
	}
}

// TestImportWorkbook imports a sheet of an .xlsx workbook chosen with
// --sheet, its dates date cells.
func TestImportWorkbook(t *testing.T) {
	dir := t.TempDir()
	wb := excelize.NewFile()
	wb.SetSheetName("Sheet1", "Notes")
	wb.SetCellValue("Notes", "A1", "Read me first")
	wb.NewSheet("Visites")
	for i, h := range []string{"date", "lieu", "latitude", "longitude", "titre"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		wb.SetCellValue("Visites", cell, h)
	}
	wb.SetCellValue("Visites", "A2", 45428) // 2024-05-16, a date cell
	style, _ := wb.NewStyle(&excelize.Style{NumFmt: 14})
	wb.SetCellStyle("Visites", "A2", "A2", style)
	wb.SetCellValue("Visites", "B2", "Niamey")
	wb.SetCellValue("Visites", "C2", 13.51)
	wb.SetCellValue("Visites", "D2", 2.11)
	wb.SetCellValue("Visites", "E2", "Visite à Niamey")
	f := filepath.Join(dir, "visites.xlsx")
	if err := wb.SaveAs(f); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "workspace.db")
	status, out, errs := runCLI(t, "import", f, "--store", db, "--sheet", "Visites")
	if status != ExitOK || !strings.HasPrefix(out, "added 1") {
		t.Fatalf("%d %q %q", status, out, errs)
	}
	status, out, errs = runCLI(t, "events", "--store", db, "--from", "2024-05-16", "--to", "2024-05-16")
	if status != ExitOK || !strings.Contains(out, "Visite à Niamey") {
		t.Errorf("events: %d %q %q", status, out, errs)
	}
	status, _, errs = runCLI(t, "import", f, "--store", db, "--sheet", "Nope")
	if status != ExitFailed || !strings.Contains(errs, "its sheets are Notes, Visites") {
		t.Errorf("missing sheet: %d %q", status, errs)
	}
}
