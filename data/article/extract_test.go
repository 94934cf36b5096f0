package article

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

var testExtractor = sync.OnceValue(func() *Extractor {
	d, err := data.LoadBundled()
	if err != nil {
		panic(err)
	}
	g, err := d.Gazetteer()
	if err != nil {
		panic(err)
	}
	return New(g, d.Actors)
})

// want is a proposal a test article must give.
type want struct {
	kind      data.Kind
	date, end string
	place     string
	precision data.PlacePrecision
	status    Status
	actor     string // one of its actors, with its role when given as ROLE:NAME
	origin    string
}

func extractFile(t *testing.T, name string, opts Options) *Result {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return testExtractor().Extract(Text(raw, name), opts)
}

// The test articles, written for these tests in English and French, with
// every event they tell and nothing else.
func TestExtractArticles(t *testing.T) {
	tests := []struct {
		file      string
		published string // the publication date the dateline gives
		lang      string
		want      []want
	}{
		{"en_relative.txt", "2025-03-12", "en", []want{
			{data.KindVisit, "2025-03-10", "", "Bamako", data.PlaceTown, Happened, "visitor:Foreign minister of Chad", "N'Djamena"},
			{data.KindExpulsion, "2025-03-11", "", "Ouagadougou", data.PlaceInferred, Happened, "Burkina Faso", ""},
			{data.KindVisit, "2025-03-18", "", "Niamey", data.PlaceTown, Planned, "visitor:Army chief of Sudan", "Khartoum"},
			{data.KindMeeting, "--03-03", "", "Moscow", data.PlaceTown, Denied, "Russia", ""},
			{data.KindArrest, "2025-02", "", "Kayes", data.PlaceRegion, Happened, "Malian Armed Forces (FAMa)", ""},
			{data.KindAgreement, "--02-07", "", "Niamey", data.PlaceTown, Happened, "Niger", ""},
			{data.KindProtest, "--01", "", "Niamey", data.PlaceTown, Happened, "France", ""},
		}},
		{"fr_relatif.txt", "2024-04-16", "fr", []want{
			{data.KindVisit, "2024-04-16", "", "Niamey", data.PlaceTown, Happened, "visitor:Abdoulaye Diop", "Bamako"},
			{data.KindExpulsion, "2024-04-15", "", "Ouagadougou", data.PlaceInferred, Happened, "France", ""},
			{data.KindVisit, "--05-02", "", "Moscow", data.PlaceTown, Planned, "visitor:Minister of Niger", "Niamey"},
			{data.KindSuspension, "--04-10", "", "N'Djamena", data.PlaceInferred, Denied, "Chad", ""},
			{data.KindCoup, "2023-08", "", "Niamey", data.PlaceTown, Happened, "Mohamed Bazoum", ""},
			{data.KindProtest, "--09", "", "Bamako", data.PlaceTown, Happened, "Russia", ""},
		}},
		{"fr_mali.txt", "2025-02-03", "fr", []want{
			{data.KindExpulsion, "2025-01-28", "", "Bamako", data.PlaceInferred, Happened, "Ambassador of France", ""},
			{data.KindVisit, "--02-10", "", "Ouagadougou", data.PlaceTown, Planned, "visitor:Foreign minister of Niger", "Niamey"},
			{data.KindMeeting, "2025-01", "", "Niamey", data.PlaceInferred, Denied, "Tiani", ""},
			{data.KindSuspension, "2025-01-28", "", "Ouagadougou", data.PlaceInferred, Happened, "Junta of Burkina Faso", ""},
			{data.KindArrest, "2025-01-30", "", "Sikasso", data.PlaceTown, Happened, "Malian Armed Forces (FAMa)", ""},
		}},
		{"en_sudan.md", "2024-06-05", "en", []want{
			{data.KindVisit, "2024-06-02", "", "Cairo", data.PlaceTown, Happened, "visitor:Abdel Fattah al-Burhan", "Khartoum"},
			{data.KindAttack, "2024-06-03", "", "El Fasher", data.PlaceTown, Denied, "Rapid Support Forces (RSF)", ""},
			{data.KindAccusation, "2023", "", "Abu Dhabi", data.PlaceInferred, Happened, "United Arab Emirates", ""},
			{data.KindVisit, "--01-02", "", "Nairobi", data.PlaceTown, Happened, "host:President of Kenya", "Khartoum"},
		}},
		{"page.html", "2025-05-20", "en", []want{
			{data.KindTalks, "2025-05-18", "", "Nouakchott", data.PlaceTown, Happened, "Mauritania", ""},
			{data.KindVisit, "2025-06", "", "Bamako", data.PlaceTown, Planned, "visitor:President of Mauritania", "Nouakchott"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := extractFile(t, tt.file, Options{})
			if res.Published.String() != tt.published || res.Lang != tt.lang {
				t.Errorf("published %s (%s), language %s; want %s, %s", res.Published, res.PublishedFrom, res.Lang, tt.published, tt.lang)
			}
			if len(res.Proposals) != len(tt.want) {
				for _, p := range res.Proposals {
					t.Logf("got %s %s at %s %v: %s", p.Kind, p.DateString(), p.Place.Name, p.ActorNames(), p.Evidence)
				}
				t.Errorf("%d proposals, want %d", len(res.Proposals), len(tt.want))
			}
			for _, w := range tt.want {
				if !slices.ContainsFunc(res.Proposals, func(p Proposal) bool { return w.matches(&p) }) {
					t.Errorf("no proposal %+v", w)
				}
			}
		})
	}
}

func (w *want) matches(p *Proposal) bool {
	if p.Kind != w.kind || p.DateString() != w.date || p.EndString() != w.end || p.Place.Name != w.place ||
		p.PlacePrecision != w.precision || p.Status != w.status {
		return false
	}
	if origin := ""; p.Origin != nil {
		origin = p.Origin.Name
		if origin != w.origin {
			return false
		}
	} else if w.origin != "" {
		return false
	}
	role, name, ok := strings.Cut(w.actor, ":")
	if !ok {
		role, name = "", w.actor
	}
	for _, a := range p.Actors {
		if a.Actor.Name == name && (role == "" || string(a.Role) == role) {
			return true
		}
	}
	return false
}

// Every proposal's evidence is its sentence, its marks lie inside the
// text, and as an event of the analyst's it is valid once it has an id.
func TestProposalsAreValidEvents(t *testing.T) {
	for _, f := range []string{"en_relative.txt", "fr_relatif.txt", "fr_mali.txt", "en_sudan.md", "page.html"} {
		res := extractFile(t, f, Options{})
		for _, p := range res.Proposals {
			if res.Text[p.EvidenceAt[0]:p.EvidenceAt[1]] != p.Evidence {
				t.Errorf("%s: evidence %q is not the text at %v", f, p.Evidence, p.EvidenceAt)
			}
			for _, m := range p.Marks {
				if m[0] < p.EvidenceAt[0] || m[1] > p.EvidenceAt[1] || m[0] >= m[1] {
					t.Errorf("%s: mark %v outside the evidence %v", f, m, p.EvidenceAt)
				}
			}
			m := p.MyEvent(data.Source{Headline: "test", Text: res.Text})
			m.Event.ID = data.NewAnnotationID()
			if err := m.Validate(); err != nil {
				t.Errorf("%s: %s %s: %v", f, p.Kind, p.DateString(), err)
			}
			if m.Sources[0].Text != res.Text {
				t.Errorf("%s: the event does not keep the article's text", f)
			}
		}
	}
}

// A publication date given by the analyst wins over the dateline, and
// relative dates follow it; without one, relative dates make no proposal.
func TestPublishedGiven(t *testing.T) {
	res := extractFile(t, "en_relative.txt", Options{Published: data.D(2025, 3, 19)})
	if res.PublishedFrom != "given" {
		t.Errorf("published from %q, want given", res.PublishedFrom)
	}
	if !slices.ContainsFunc(res.Proposals, func(p Proposal) bool { return p.Kind == data.KindVisit && p.DateString() == "2025-03-17" }) {
		t.Errorf("'on Monday' before 2025-03-19 is not 2025-03-17")
	}
	x := testExtractor()
	res = x.Extract("Malian troops detained two traders near Kayes yesterday.", Options{})
	if len(res.Proposals) != 0 {
		t.Errorf("with no publication date, 'yesterday' gave %d proposals", len(res.Proposals))
	}
}

// Extract gives the same proposals every time.
func TestExtractDeterministic(t *testing.T) {
	a := extractFile(t, "fr_relatif.txt", Options{})
	for i := 0; i < 5; i++ {
		b := extractFile(t, "fr_relatif.txt", Options{})
		if len(a.Proposals) != len(b.Proposals) {
			t.Fatalf("run %d: %d proposals, then %d", i, len(a.Proposals), len(b.Proposals))
		}
		for j := range a.Proposals {
			if a.Proposals[j].Title() != b.Proposals[j].Title() || a.Proposals[j].Confidence != b.Proposals[j].Confidence {
				t.Errorf("run %d: proposal %d differs: %q, %q", i, j, a.Proposals[j].Title(), b.Proposals[j].Title())
			}
		}
	}
}

// A date without a year keeps none unless the analyst accepts the year
// the publication date suggests; it is then flagged with its reason.
func TestMyEventInYear(t *testing.T) {
	res := extractFile(t, "en_relative.txt", Options{})
	i := slices.IndexFunc(res.Proposals, func(p Proposal) bool { return p.Kind == data.KindAgreement })
	if i < 0 {
		t.Fatal("no agreement proposed")
	}
	p := &res.Proposals[i]
	if m := p.MyEvent(data.Source{}); m.Event.Dated() || m.Event.NoYear == nil {
		t.Errorf("accepted as it is, the agreement has a year: %+v", m.Event)
	}
	m, ok := p.MyEventInYear(data.Source{})
	m.Event.ID = data.NewAnnotationID()
	if !ok || m.Event.Start != data.D(2025, 2, 7) || !strings.Contains(m.Event.YearInferred, "publication date 2025-03-12") {
		t.Errorf("with the year inferred: ok %v, %+v", ok, m.Event)
	}
	if err := m.Validate(); err != nil {
		t.Error(err)
	}
	res = extractFile(t, "fr_mali.txt", Options{})
	for _, p := range res.Proposals {
		if p.Status == Planned && p.NoYear != nil && p.YearHint != 2025 {
			t.Errorf("a plan for %s published 2025-02-03 is hinted in %d, want 2025 (the next one)", p.NoYear, p.YearHint)
		}
	}
	if _, ok := res.Proposals[0].MyEventInYear(data.Source{}); ok {
		t.Error("a proposal with a year had one inferred")
	}
}

// Organisations by name or acronym in both languages, and a body named
// without its country ("the junta"), which is the article's main
// country's; "Un" starting a French sentence is not the UN.
func TestActorsOfSentences(t *testing.T) {
	tests := []struct {
		text  string
		actor string
	}{
		{"ECOWAS suspended Niger on 30 July 2023.", "ECOWAS"},
		{"La CEDEAO a suspendu le Niger le 30 juillet 2023.", "ECOWAS"},
		{"The African Union suspended Mali on 1 June 2021.", "African Union"},
		{"Niger is tense. The junta expelled the French ambassador on 2 March 2025.", "Niger's military junta"},
		{"Niger is tense. The junta expelled the French ambassador on 2 March 2025.", "France"},
	}
	x := testExtractor()
	for _, tt := range tests {
		res := x.Extract(tt.text, Options{})
		if len(res.Proposals) != 1 || !hasActor(res.Proposals[0].Actors, tt.actor) {
			var got [][]string
			for _, p := range res.Proposals {
				got = append(got, p.ActorNames())
			}
			t.Errorf("%q: actors %q, want one proposal with %q", tt.text, got, tt.actor)
		}
	}
	res := x.Extract("Un accord a été signé le 3 mars 2025 à Niamey par le Niger et le Tchad.", Options{})
	for _, p := range res.Proposals {
		if hasActor(p.Actors, "United Nations") {
			t.Errorf("'Un accord' names the United Nations: %q", p.ActorNames())
		}
	}
	if len(res.Proposals) != 1 || res.Proposals[0].Kind != data.KindAgreement {
		t.Errorf("got %d proposals, want the agreement", len(res.Proposals))
	}
}

// Two articles with the same first line are two sources; the same article
// read twice is one.
func TestArticleSource(t *testing.T) {
	a := ArticleSource("Mali news\nOne thing.", "", data.D(2025, 1, 2))
	b := ArticleSource("Mali news\nAnother thing.", "", data.D(2025, 1, 2))
	c := ArticleSource("Mali news\nOne thing.", "", data.D(2025, 1, 2))
	if a.Headline != "Mali news" || a.Document == b.Document || a.Document != c.Document || a.Text != "Mali news\nOne thing." {
		t.Errorf("sources %+v, %+v, %+v", a, b, c)
	}
}

// The article's countries choose between places of the same name: Melfi
// is a town of Chad in an article on Chad, of Italy in one on Italy.
func TestHomonyms(t *testing.T) {
	x := testExtractor()
	for _, tt := range []struct{ text, country string }{
		{"Chadian troops clashed with rebels in Melfi on 3 March 2025.", "TCD"},
		{"Italian police arrested two men in Melfi on 3 March 2025.", "ITA"},
	} {
		res := x.Extract(tt.text, Options{})
		if len(res.Proposals) != 1 || res.Proposals[0].Place.Name != "Melfi" || res.Proposals[0].Place.Country != tt.country {
			t.Errorf("%q: %+v, want Melfi in %s", tt.text, res.Proposals, tt.country)
		}
	}
}

// Places are found by their French and Arabic names too.
func TestPlaceNames(t *testing.T) {
	x := testExtractor()
	for _, tt := range []struct{ text, place string }{
		{"The RSF attacked الفاشر on 3 March 2025.", "El Fasher"},
		{"Les FAMa sont arrivées à Tombouctou le 3 mars 2025.", "Timbuktu"},
		{"Burhan visited Port-Soudan on 3 March 2025.", "Port Sudan"},
	} {
		res := x.Extract(tt.text, Options{})
		if len(res.Proposals) != 1 || res.Proposals[0].Place.Name != tt.place {
			t.Errorf("%q: %d proposals, want one at %s", tt.text, len(res.Proposals), tt.place)
			for _, p := range res.Proposals {
				t.Logf("got %s at %s", p.Kind, p.Place.Name)
			}
		}
	}
}
