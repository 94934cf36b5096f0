package draw

import (
	"fmt"
	"image"
	"strings"
	"testing"
)

// pageParagraphs are texts a briefing page wraps into its event list.
var pageParagraphs = []string{
	"Les ministres des affaires étrangères du Mali, du Burkina Faso et du Niger se réunissent à Bamako pour la confédération de l'Alliance des États du Sahel.",
	"Attaque contre un convoi de ravitaillement près de Tessalit; l'armée annonce des pertes et le retrait vers Kidal.",
	"Visit of the ECOWAS mediator to Niamey; talks on the transition calendar and the reopening of the border with Benin.",
	"Accord de cessez-le-feu signé à Alger entre les mouvements armés du Nord et le gouvernement de transition.",
	"Protest in Ouagadougou against the French military presence; 1 234 people according to the organisers.",
	"El Fasher الفاشر: humanitarian corridor negotiated with the RSF under Saudi and US mediation.",
}

// pageLabels are the names, numbers and captions a page sets on its map,
// legend and footer.
var pageLabels = []string{
	"SAHEL", "Bamako", "Niamey", "Ouagadougou", "Tombouctou", "Gao", "Kidal", "Mopti", "Ségou",
	"Agadez", "Zinder", "Tillabéri", "N'Djamena", "Abéché", "Nouakchott", "Dakar", "Khartoum",
	"MALI", "NIGER", "TCHAD", "BURKINA FASO", "MAURITANIE", "Niger", "Sénégal", "Lac Tchad",
	"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "500 km",
	"Attaques", "Visites", "Accords", "Manifestations", "Relations",
	"Sources : ACLED, Natural Earth — 1 janv. 2024 – 31 oct. 2025", "N", "الفاشر",
}

// textPage sets a page's worth of text on r: wraps every paragraph to a
// column as the page's event list does, then measures and sets every
// label at a fractional position, as the map and legend do.
func textPage(r *Raster) {
	body := TextStyle{Size: 7.5, Colour: black}
	for _, p := range pageParagraphs {
		line := ""
		for _, word := range strings.Fields(p) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if w, _ := r.MeasureText(try, body); w > 120 && line != "" {
				r.Text(10, 10, line, body)
				line = word
				continue
			}
			line = try
		}
		r.Text(10, 10, line, body)
	}
	for i, s := range pageLabels {
		st := TextStyle{Size: 6 + float64(i%4)*1.5, Bold: i%5 == 0, Colour: black, Halo: white}
		w, _ := r.MeasureText(s, st)
		r.Text(20+float64(i*37%260)+w/7, 15+float64(i*13%150)+0.37*float64(i%3), s, st)
	}
}

// BenchmarkTextPage is the text work of a small page on a new Raster:
// cold also empties the process's shared glyph caches first, as a
// snapshot process starts; warm keeps them, as the window does from
// frame to frame.
func BenchmarkTextPage(b *testing.B) {
	for _, cold := range []bool{true, false} {
		b.Run(fmt.Sprintf("cold=%v", cold), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if cold {
					resetTextCaches()
				}
				textPage(NewRaster(image.NewRGBA(image.Rect(0, 0, 320, 180))))
			}
		})
	}
}

// BenchmarkMeasureText is measuring the words and growing lines of the
// paragraphs again on one Raster, as wrapping does page after page.
func BenchmarkMeasureText(b *testing.B) {
	r := NewRaster(image.NewRGBA(image.Rect(0, 0, 320, 180)))
	st := TextStyle{Size: 7.5}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pageParagraphs {
			for _, word := range strings.Fields(p) {
				r.MeasureText(word, st)
			}
		}
	}
}
