package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

// TestImportMessagesFrench: with --lang fr, import's refusals, the
// problems of the rows it skips and a file's errors are in French, with
// the same exit statuses as in English.
func TestImportMessagesFrench(t *testing.T) {
	t.Cleanup(func() { lang.Set(lang.English) })
	dir := t.TempDir()
	db := filepath.Join(dir, "ws", "workspace.db")
	bad := writeFile(t, dir, "bad.csv", acledSample+
		"MLI4,2025-02-30,2025,1,,Battles,Armed clash,X,,,,,,,,466,,,,,,Gao,16.27,-0.04,1,,,,,,1\n"+
		"MLI5,2025-05-01,2025,1,,Battles,Armed clash,X,,,,,,,,466,,,,,,Gao,116.27,-0.04,1,,,,,,1\n")
	empty := writeFile(t, dir, "empty.csv", "")
	cases := []struct {
		name   string
		args   []string
		status int
		errs   []string
	}{
		{"refused", []string{"import", "--lang", "fr", bad, "--store", db}, ExitFailed, []string{
			"bad.csv a été refusé, rien n’a été importé (2 problème(s) de 2 sortes)",
			`ligne 5 : event_date : la date "2025-02-30" n’existe pas`,
			"ligne 6 : la latitude 116.27 sort de -90..90",
		}},
		{"skipped rows", []string{"import", "--lang", "fr", bad, "--store", db, "--skip-invalid"}, ExitOK, []string{
			`ligne 5 : event_date : la date "2025-02-30" n’existe pas`,
		}},
		{"an empty file", []string{"import", "--lang", "fr", empty, "--store", db}, ExitFailed, []string{
			"empty.csv est vide ; un fichier CSV a besoin d’une ligne d’en-tête qui nomme ses colonnes",
		}},
		{"refused in English", []string{"import", "--lang", "en", bad, "--store", db}, ExitFailed, []string{
			"bad.csv was refused, nothing imported (2 problem(s) of 2 sorts)",
			`line 5: event_date: date "2025-02-30" does not exist`,
		}},
	}
	for _, c := range cases {
		status, out, errs := runCLI(t, c.args...)
		if status != c.status {
			t.Errorf("%s: status %d, want %d (stdout %q, stderr %q)", c.name, status, c.status, out, errs)
		}
		for _, want := range c.errs {
			if !strings.Contains(errs, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", c.name, want, errs)
			}
		}
	}
}
