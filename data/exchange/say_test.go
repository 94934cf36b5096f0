package exchange

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

// sampleArgs are values for a format's verbs, as a reader would give them.
func sampleArgs(format string) []any {
	var args []any
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		switch m[2] {
		case "%":
		case "q":
			args = append(args, `Tombouctou "nord"`)
		case "d":
			args = append(args, 17)
		case "x":
			args = append(args, 0x1f)
		default:
			args = append(args, "XYZ")
		}
	}
	return args
}

// TestSayEveryWording: each English wording of the catalogs, filled in,
// is said in French with its own French wording, and in English as it is.
func TestSayEveryWording(t *testing.T) {
	n := 0
	for _, key := range lang.English.Keys() {
		format, ok := strings.CutPrefix(key, "exchange.msg.")
		if !ok {
			continue
		}
		n++
		args := sampleArgs(format)
		msg := fmt.Sprintf(format, args...)
		if got := Say(lang.English, msg); got != msg {
			t.Errorf("%q in English is %q", msg, got)
		}
		want := fmt.Sprintf(lang.French.T(key), args...)
		if got := Say(lang.French, msg); got != want {
			t.Errorf("%q in French is %q, want %q", msg, got, want)
		}
	}
	if n < 150 {
		t.Errorf("the catalogs hold %d of import's wordings", n)
	}
}

// TestSay: reasons as the readers write them, nested, prefixed with the
// package or a column, and unknown.
func TestSay(t *testing.T) {
	tests := []struct {
		name, msg, want string
	}{
		{"a reason", `date "2025-02-31" does not exist`, `la date "2025-02-31" n’existe pas`},
		{"a column's reason", `event_date: date "2025-02-31" does not exist`, `event_date : la date "2025-02-31" n’existe pas`},
		{"nested", `latitude: "x" is not a number`, `latitude : "x" n’est pas un nombre`},
		{"a word within", `date "13/05/2025" can only be day/month, not month/day as --date-format says`,
			`la date "13/05/2025" ne peut être que jour/mois, et non mois/jour comme le dit --date-format`},
		{"a file's refusal", "exchange: empty.csv is empty; a CSV file needs a header row naming its columns",
			"exchange: empty.csv est vide ; un fichier CSV a besoin d’une ligne d’en-tête qui nomme ses colonnes"},
		{"a quote with a quote", `place "Gao \"nord\"" is not in the gazetteer and the row has no latitude and longitude`,
			`le lieu "Gao \"nord\"" n’est pas dans le répertoire des lieux et la ligne n’a ni latitude ni longitude`},
		{"a GDELT skip", "CAMEO 03 express intent to cooperate: no Sahel Atlas kind", "CAMEO 03 express intent to cooperate : aucun type de Sahel Atlas"},
		{"a note", `read the first sheet, "Feuil1", of 2 (Feuil1, Notes); choose another with --sheet`,
			`lu la première feuille, "Feuil1", sur 2 (Feuil1, Notes) ; choisissez-en une autre avec --sheet`},
		{"unknown", "something no wording says", "something no wording says"},
		{"a column's unknown reason", "notes: something else", "notes: something else"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := Say(lang.French, tt.msg); got != tt.want {
			t.Errorf("%s: Say(%q) = %q, want %q", tt.name, tt.msg, got, tt.want)
		}
	}
}

// TestImportReportFrench: a refused file's report, its groups and its
// problems in French when the language is French, in English otherwise.
func TestImportReportFrench(t *testing.T) {
	t.Cleanup(func() { lang.Set(lang.English) })
	csv := "id,title,date,latitude,longitude,kind\n" +
		"x1,A,2025-02-31,12,-8,visit\nx2,B,2025-02-30,12,-8,visit\nx3,C,2025-01-01,95,-8,visit\nx4,D,2025-01-01,,,visit\n"
	tests := []struct {
		tag  lang.Tag
		want []string
	}{
		{lang.French, []string{
			"exchange: bad.csv a été refusé, rien n’a été importé (4 problème(s) de 3 sortes) ; corrigez le fichier ou importez avec --skip-invalid pour garder les bonnes lignes :",
			`  2 lignes (lignes 2, 3), la première : date : la date "2025-02-31" n’existe pas`,
			"  ligne 4 : la latitude 95 sort de -90..90",
			"  ligne 5 : n’a ni latitude et longitude, ni lieu",
		}},
		{lang.English, []string{
			"exchange: bad.csv was refused, nothing imported (4 problem(s) of 3 sorts); fix the file or import with --skip-invalid to keep the good rows:",
			`  2 rows (lines 2, 3), the first: date: date "2025-02-31" does not exist`,
			"  line 4: latitude 95 is outside -90..90",
			"  line 5: has neither latitude and longitude nor a place",
		}},
	}
	for _, tt := range tests {
		lang.Set(tt.tag)
		_, err := Import(strings.NewReader(csv), "bad.csv", Options{})
		if err == nil {
			t.Fatalf("%s: the file was not refused", tt.tag)
		}
		if got := strings.Split(err.Error(), "\n"); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s: the refusal says\n%s\nwant\n%s", tt.tag, err, strings.Join(tt.want, "\n"))
		}
		if got, want := ProblemsText([]Problem{{Reason: "x"}}, 3), "x\n"+tt.tag.T("exchange.more_problems", 3)+"\n"; got != want {
			t.Errorf("%s: ProblemsText says %q, want %q", tt.tag, got, want)
		}
	}
}
