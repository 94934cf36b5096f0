package article

import (
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

// The dates a sentence gives, written as Proposal.DateString writes them,
// with the end of a range; the publication date is Wednesday 12 March
// 2025 and the article gave 2019 before.
func TestDates(t *testing.T) {
	tests := []struct {
		text, date, end string
		ongoing         bool
	}{
		{"On April 9, 2025, they met.", "2025-04-09", "", false},
		{"They met on 9 April 2025.", "2025-04-09", "", false},
		{"Ils se sont vus le 16 avril 2024.", "2024-04-16", "", false},
		{"Ils se sont vus le 1er avril 2024.", "2024-04-01", "", false},
		{"It happened on 15/08/2025.", "2025-08-15", "", false},
		{"It happened on 2025-08-15.", "2025-08-15", "", false},
		{"He stayed from January 11-13, 2025.", "2025-01-11", "2025-01-13", false},
		{"Il est resté du 11 au 13 janvier 2025.", "2025-01-11", "2025-01-13", false},
		{"In September 2022 they left.", "2022-09", "", false},
		{"En août 2020, il a été renversé.", "2020-08", "", false},
		{"Towards the end of January, it was published.", "--01", "", false},
		{"Mi-septembre, ils ont manifesté.", "--09", "", false},
		{"On February 7, he spoke.", "--02-07", "", false},
		{"Le 7 février, il a parlé.", "--02-07", "", false},
		{"He came in 2013.", "2013", "", false},
		{"Reports in 2023 and 2024 said so.", "2023", "2024", false},
		{"Since 2021, they have been there.", "2021", "", true},
		{"Depuis 2021, ils sont là.", "2021", "", true},
		{"He left on Friday.", "2025-03-07", "", false},
		{"He left last Wednesday.", "2025-03-05", "", false},
		{"Il est parti ce mercredi.", "2025-03-12", "", false},
		{"Il est parti mardi dernier.", "2025-03-11", "", false},
		{"He left yesterday.", "2025-03-11", "", false},
		{"Il est parti hier.", "2025-03-11", "", false},
		{"Il part demain.", "2025-03-13", "", false},
		{"They met last month.", "2025-02", "", false},
		{"Ils se sont vus le mois dernier.", "2025-02", "", false},
		{"They met last year.", "2024", "", false},
		{"That year, they met.", "2019", "", false},
		{"He may come.", "", "", false},
		{"He spoke on Mars to 300 people.", "", "", false},
	}
	for _, tt := range tests {
		ss := sentences(tt.text)
		d := &dater{toks: ss[0].toks, published: data.D(2025, 3, 12), lastYear: 2019}
		ws := d.all()
		got, end, ongoing := "", "", false
		if len(ws) > 0 {
			p := Proposal{Start: ws[0].start, End: ws[0].end, Precision: ws[0].prec, NoYear: ws[0].noYear}
			got, end, ongoing = p.DateString(), p.EndString(), ws[0].ongoing
		}
		if got != tt.date || end != tt.end || ongoing != tt.ongoing {
			t.Errorf("%q: date %q end %q ongoing %v; want %q %q %v", tt.text, got, end, ongoing, tt.date, tt.end, tt.ongoing)
		}
	}
}

// A planned event's weekday is the next one.
func TestPlannedWeekday(t *testing.T) {
	res := testExtractor().Extract("The Malian president will visit Niamey on Friday.", Options{Published: data.D(2025, 3, 12)})
	if len(res.Proposals) != 1 || res.Proposals[0].DateString() != "2025-03-14" || res.Proposals[0].Status != Planned {
		t.Fatalf("got %+v, want one planned visit on 2025-03-14", res.Proposals)
	}
}

// Sentences end at a full stop before a capital, not after an initial or
// an abbreviation, and at line ends.
func TestSentences(t *testing.T) {
	text := "At the U.S.\nEmbassy in Bamako, Gen. Smith spoke. He left at 5 p.m. and flew on.\nA headline\nHe met Diop.Burkina Faso left.The end!"
	var got []string
	for _, s := range sentences(text) {
		got = append(got, text[s.start:s.end])
	}
	want := []string{"At the U.S.\nEmbassy in Bamako, Gen. Smith spoke.", "He left at 5 p.m. and flew on.", "A headline", "He met Diop.", "Burkina Faso left.", "The end!"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d: %q, want %q", i, got[i], want[i])
		}
	}
}
