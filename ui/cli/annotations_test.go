package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// runCLI runs sahelatlas with args in this process.
func runCLI(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	status, ok := Run(args, &out, &errb)
	if !ok {
		t.Fatalf("Run(%q) did not find the command", args)
	}
	return status, out.String(), errb.String()
}

func TestAnnotationsAddListExportImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "ws", "workspace.db")
	var added []string
	for _, args := range [][]string{
		{"--lon", "-8.0", "--lat", "12.65", "--title", "Bamako talks", "--text", "line one\nline two", "--tags", "mali,talks", "--store", db},
		{"--store", db, "--title", "Khartoum", "--lon", "32.53", "--lat", "15.5", "--colour", "#112233", "--from", "2023-04-15", "--to", "2023-05-01", "--author", "R. Analyst"},
	} {
		status, out, errs := runCLI(t, append([]string{"annotations", "add"}, args...)...)
		id := strings.TrimSpace(out)
		if status != ExitOK || !data.ValidAnnotationID(id) || errs != "" {
			t.Fatalf("add: status %d, stdout %q, stderr %q", status, out, errs)
		}
		added = append(added, id)
	}

	status, out, _ := runCLI(t, "annotations", "list", "--store", db)
	want := fmt.Sprintf("%s\t-8.000000,12.650000\tBamako talks\n%s\t32.530000,15.500000\tKhartoum\n", added[0], added[1])
	if status != ExitOK || out != want {
		t.Fatalf("list: status %d\n%q\nwant\n%q", status, out, want)
	}

	// The store is chosen by $SAHELATLAS_STORE when --store is not given.
	t.Setenv(store.EnvStore, db)
	geo := filepath.Join(dir, "out.geojson")
	if status, _, errs := runCLI(t, "annotations", "export", "--format", "geojson", "-o", geo); status != ExitOK {
		t.Fatalf("export: %d %s", status, errs)
	}
	_, stdoutExport, _ := runCLI(t, "annotations", "export")
	if data, _ := os.ReadFile(geo); string(data) != stdoutExport {
		t.Errorf("export to a file and to stdout differ")
	}

	db2 := filepath.Join(dir, "other.db")
	status, out, errs := runCLI(t, "annotations", "import", geo, "--store", db2)
	if status != ExitOK || out != "imported 2 annotations\n" {
		t.Fatalf("import: %d %q %q", status, out, errs)
	}
	_, again, _ := runCLI(t, "annotations", "export", "--store", db2)
	if again != stdoutExport {
		t.Errorf("export after import differs:\n%s\nwant\n%s", again, stdoutExport)
	}
	s, _, err := store.Open(db2)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.Get(added[1])
	if err != nil || a.Author != "R. Analyst" || a.Colour != "#112233" || a.From.String() != "2023-04-15" {
		t.Errorf("imported annotation: %+v %v", a, err)
	}
}

func TestAnnotationsBadInput(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "workspace.db")
	bad := filepath.Join(dir, "bad.geojson")
	os.WriteFile(bad, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[200,95]},"properties":{"title":"x"}}]}`), 0o600)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"unknown sub-command", []string{"remove"}, "unknown sub-command"},
		{"unknown flag", []string{"add", "--lon", "1", "--lat", "2", "--title", "x", "--nope"}, "not defined"},
		{"no position", []string{"add", "--title", "x"}, "--lon and --lat are required"},
		{"no title", []string{"add", "--lon", "1", "--lat", "2"}, "--title is required"},
		{"not a number", []string{"add", "--lon", "east", "--lat", "2", "--title", "x"}, "invalid value"},
		{"latitude 95", []string{"add", "--lon", "1", "--lat", "95", "--title", "x"}, "outside"},
		{"bad date", []string{"add", "--lon", "1", "--lat", "2", "--title", "x", "--from", "May"}, "YYYY-MM-DD"},
		{"bad colour", []string{"add", "--lon", "1", "--lat", "2", "--title", "x", "--colour", "red"}, "#rrggbb"},
		{"export as kml", []string{"export", "--format", "kml"}, "only --format geojson"},
		{"import nothing", []string{"import"}, "exactly one"},
		{"import a missing file", []string{"import", filepath.Join(dir, "none.geojson")}, "no such file"},
		{"import bad coordinates", []string{"import", bad}, "nothing imported"},
	}
	if status, _, errs := runCLI(t, "annotations"); status != ExitUsage || !strings.Contains(errs, "missing sub-command") {
		t.Errorf("no sub-command: %d %q", status, errs)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, out, errs := runCLI(t, append(append([]string{"annotations"}, tc.args...), "--store", db)...)
			if status != ExitUsage || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tc.want) {
				t.Fatalf("status %d, stdout %q, stderr %q; want %d and one line containing %q", status, out, errs, ExitUsage, tc.want)
			}
		})
	}
	if _, err := os.Stat(db); err == nil {
		t.Errorf("bad input created the store %s", db)
	}
}

// TestAnnotationsLocked: with the store held by another Sahel Atlas (here
// this process), add in a child process is refused (after the store's
// second of retries, not timed here: a loaded machine stretches it), with
// one line and status 3, and changes nothing.
func TestAnnotationsLocked(t *testing.T) {
	db := filepath.Join(t.TempDir(), "workspace.db")
	s, _, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before, _ := os.ReadFile(db)

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperCLI$", "-test.count=1")
	cmd.Env = append(os.Environ(), "SAHELATLAS_CLI_TEST_ARGS=annotations\tadd\t--lon\t1\t--lat\t2\t--title\tx\t--store\t"+db)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != ExitLocked {
		t.Fatalf("child: %v, stderr %q", err, stderr.String())
	}
	if stdout.Len() != 0 || strings.Count(stderr.String(), "\n") != 1 || !strings.Contains(stderr.String(), "another Sahel Atlas") || !strings.Contains(stderr.String(), db) {
		t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, before) {
		t.Errorf("the refused command changed the store")
	}

	// In this process too, list is refused with status 3.
	if status, _, errs := runCLI(t, "annotations", "list", "--store", db); status != ExitLocked {
		t.Errorf("list on a held store: %d %q", status, errs)
	}
}

// TestHelperCLI is not a test: it runs the CLI in a child process for
// TestAnnotationsLocked and TestSnapshotSignal, and returns at once
// otherwise.
func TestHelperCLI(t *testing.T) {
	args := os.Getenv("SAHELATLAS_CLI_TEST_ARGS")
	if args == "" {
		return
	}
	if frame := os.Getenv("SAHELATLAS_CLI_TEST_SIGNAL_AT"); frame != "" {
		seriesProgress = waitForSignalAt(frame)
	}
	if n := os.Getenv("SAHELATLAS_CLI_TEST_IMPORT_SIGNAL_AT"); n != "" {
		importProgressHook = waitForImportSignalAt(n)
	}
	status, _ := Run(strings.Split(args, "\t"), os.Stdout, os.Stderr)
	os.Exit(status)
}

// TestAnnotationsRepairReported: a damaged store is repaired on open and
// the report goes to stderr, while the command still works.
func TestAnnotationsRepairReported(t *testing.T) {
	db := filepath.Join(t.TempDir(), "workspace.db")
	status, out, _ := runCLI(t, "annotations", "add", "--lon", "2", "--lat", "13.5", "--title", "Niamey", "--store", db)
	if status != ExitOK {
		t.Fatal(status)
	}
	f, _ := os.OpenFile(db, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("*3\r\n$3\r\nset\r\n$5000000000000000000\r\n")
	f.Close()
	status, list, errs := runCLI(t, "annotations", "list", "--store", db)
	if status != ExitOK || !strings.HasPrefix(list, strings.TrimSpace(out)) {
		t.Fatalf("list of a damaged store: %d %q %q", status, list, errs)
	}
	sc := bufio.NewScanner(strings.NewReader(errs))
	if !sc.Scan() || !strings.Contains(sc.Text(), "damaged") || !strings.Contains(errs, ".damaged-") {
		t.Errorf("no repair report on stderr: %q", errs)
	}
}

// The author defaults to $SAHELATLAS_AUTHOR, else to nothing: never the
// login name, which would go into exports unasked.
func TestAnnotationsAuthorDefault(t *testing.T) {
	t.Setenv("SAHELATLAS_AUTHOR", "")
	if got := annotationsAuthor(""); got != "" {
		t.Errorf("author with no flag and no $SAHELATLAS_AUTHOR = %q, want none", got)
	}
	t.Setenv("SAHELATLAS_AUTHOR", "Desk 3")
	if got := annotationsAuthor(""); got != "Desk 3" {
		t.Errorf("author = %q, want $SAHELATLAS_AUTHOR", got)
	}
	if got := annotationsAuthor("A. Analyst"); got != "A. Analyst" {
		t.Errorf("author = %q, want the flag's", got)
	}
}
