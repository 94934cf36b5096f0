package cli

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

// The tests speak English unless they ask for French (--lang fr), whatever
// the locale of the machine running them.
func init() { os.Setenv("LC_ALL", "C.UTF-8") }

// TestSnapshotFrench draws the September 2025 page with --lang fr as SVG,
// its text editable so that its words can be read, and looks for the French words and for English
// words of our catalogs that must not be there.
func TestSnapshotFrench(t *testing.T) {
	t.Cleanup(func() { lang.Set(lang.English) })
	out := filepath.Join(t.TempDir(), "page.svg")
	status, said, errs := runCLI(t, "snapshot", "--lang", "fr", "-o", out, "--svg-text", "editable", "--from", "2025-09-01", "--to", "2025-09-30")
	if status != ExitOK {
		t.Fatalf("status %d: %s", status, errs)
	}
	if !strings.Contains(said, "remarque : 10 événements n’ont pas de date") || !strings.Contains(said, "écrit ") {
		t.Errorf("the command's report is not French: %q", said)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{"Légende", "Soudan", "Tchad", "sept.", "1–30 sept. 2025", "Frontières", "Algérie", "Mauritanie", "Alger", "Le Caire", "Khartoum", "Événements sur la carte", "Le Mali expulse cinq diplomates français", "↑ Moscou"} {
		if !strings.Contains(page, want) {
			t.Errorf("the French page lacks %q", want)
		}
	}
	for _, english := range []string{"Legend", "Sudan", "Chad", "Algeria", "Algiers", "Cairo", "Boundaries", " Sep ", "Made ", "Moscow"} {
		if strings.Contains(page, english) {
			t.Errorf("the French page says %q", english)
		}
	}
	// Every English text of the pages' keys, up to its first verb, that
	// French says otherwise.
	for _, k := range lang.English.Keys() {
		if !regexp.MustCompile(`^(page|legend|credits|omitted|kind|status)\.`).MatchString(k) {
			continue
		}
		en, _, _ := strings.Cut(lang.English.T(k), "%")
		en = strings.TrimSpace(en)
		if len(en) < 5 || strings.Contains(lang.French.T(k), en) {
			continue
		}
		if strings.Contains(page, ">"+en) {
			t.Errorf("the French page has the English of %s: %q", k, en)
		}
	}
}

// TestHelpFrench checks --help in French: every command's summary and
// every flag's description come from the French catalog, and the English
// catalog says what the code says (so a changed flag shows its new
// English rather than a stale translation).
func TestHelpFrench(t *testing.T) {
	t.Cleanup(func() { lang.Set(lang.English) })
	var walk func(c *command)
	checked := 0
	walk = func(c *command) {
		k := "cmd." + key(c.name) + ".summary"
		if lang.English.T(k) != c.summary {
			t.Errorf("%s: en.json says %q, the code %q", k, lang.English.T(k), c.summary)
		}
		if c.notes != "" && lang.English.T("cmd."+key(c.name)+".notes") != c.notes {
			t.Errorf("cmd.%s.notes: en.json differs from the code", key(c.name))
		}
		if c.flags != nil {
			fs, _ := c.flagSet()
			fs.VisitAll(func(f *flag.Flag) {
				checked++
				if _, ok := flagKey(c.name, f); !ok {
					t.Errorf("%s --%s has no key in the catalogs: %q", c.name, f.Name, f.Usage)
				}
			})
		}
		for _, s := range c.subs {
			walk(s)
		}
	}
	for _, c := range commands {
		walk(c)
	}
	if checked < 50 {
		t.Fatalf("checked %d flags", checked)
	}
	status, out, _ := runCLI(t, "snapshot", "--lang", "fr", "--help")
	for _, want := range []string{"usage : sahelatlas snapshot", "Options :", "omettre la légende", "afficher cette aide", "Dessiner une carte"} {
		if status != ExitOK || !strings.Contains(out, want) {
			t.Errorf("snapshot --lang fr --help (status %d) lacks %q", status, want)
		}
	}
}

// TestErrorsFrench: errors stay one line with the same statuses.
func TestErrorsFrench(t *testing.T) {
	t.Cleanup(func() { lang.Set(lang.English) })
	tests := []struct {
		args   []string
		status int
		want   string
	}{
		{[]string{"events", "--lang", "fr", "--bogus"}, ExitUsage, "option inconnue : -bogus"},
		{[]string{"--lang", "fr", "annotations"}, ExitUsage, "sous-commande manquante"},
		{[]string{"--lang=fr", "version", "extra"}, ExitUsage, "argument inattendu"},
		{[]string{"events", "--lang", "de"}, ExitUsage, `no language "de"`},
		{[]string{"events", "--bogus"}, ExitUsage, "flag provided but not defined"},
	}
	for _, tt := range tests {
		status, _, errs := runCLI(t, tt.args...)
		if status != tt.status || !strings.Contains(errs, tt.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: status %d, stderr %q; want %d and %q on one line", tt.args, status, errs, tt.status, tt.want)
		}
	}
}

// TestEventsHeaders: the CSV keeps the documented English columns under
// --lang fr, and names them in French only with --headers fr.
func TestEventsHeaders(t *testing.T) {
	t.Cleanup(func() { lang.Set(lang.English) })
	tests := []struct {
		args  []string
		first string
	}{
		{[]string{"events", "--format", "csv", "--lang", "fr"}, "id,start,end,precision,kind,"},
		{[]string{"events", "--format", "csv", "--lang", "fr", "--headers", "fr"}, "identifiant,début,fin,précision,type,"},
		{[]string{"events", "--format", "csv", "--headers", "fr"}, "identifiant,début,fin,précision,type,"},
	}
	var rows []int
	for _, tt := range tests {
		status, out, errs := runCLI(t, tt.args...)
		if status != ExitOK || !strings.HasPrefix(out, tt.first) {
			t.Errorf("%q: status %d, stderr %q, first line %q; want it to start %q", tt.args, status, errs, strings.SplitN(out, "\n", 2)[0], tt.first)
		}
		_, body, _ := strings.Cut(out, "\n")
		rows = append(rows, len(body))
	}
	if rows[0] != rows[1] {
		t.Errorf("the French header changed the rows: %d bytes after the header, %d in English", rows[1], rows[0])
	}
}

// TestMessagesFrench: the commands' own messages and the places table in
// French under --lang fr, with the statuses English has.
func TestMessagesFrench(t *testing.T) {
	t.Cleanup(func() { lang.Set(lang.English) })
	tests := []struct {
		args   []string
		status int
		out    string
		errs   string
	}{
		{[]string{"places", "--lang", "fr", "Tombouctou"}, ExitOK, "NOM", ""},
		{[]string{"places", "--lang", "fr", "Zzzqqq"}, ExitFailed, "", "aucun lieu ne s’appelle"},
		{[]string{"snapshot", "--lang", "fr"}, ExitUsage, "", "-o FICHIER est obligatoire"},
		{[]string{"places", "Zzzqqq"}, ExitFailed, "", "no place is called"},
	}
	for _, tt := range tests {
		status, out, errs := runCLI(t, tt.args...)
		if status != tt.status || !strings.Contains(out, tt.out) || !strings.Contains(errs, tt.errs) || strings.Count(errs, "\n") > 1 {
			t.Errorf("%q: status %d, stdout %q, stderr %q; want %d, %q and %q", tt.args, status, out, errs, tt.status, tt.out, tt.errs)
		}
	}
}
