package exchange

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
)

// acledHeader is the current 31-column ACLED header.
const acledHeader = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"

// acledRow is one ACLED row with the fields tests vary.
type acledRow struct {
	id, date, timePrec, etype, subtype, actor1, assoc1, actor2, iso, location, lat, lon, geoPrec, notes, timestamp string
}

func (r acledRow) String() string {
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	return strings.Join([]string{
		r.id, q(r.date), "2025", r.timePrec, "Political violence", r.etype, r.subtype, q(r.actor1), q(r.assoc1), "State forces",
		q(r.actor2), "", "Rebel group", "12", "", r.iso, "Western Africa", "Mali", "Mopti", "Douentza", "", q(r.location),
		r.lat, r.lon, r.geoPrec, "RFI", "International", q(r.notes), "3", "", r.timestamp,
	}, ",")
}

// okRow is a good row; tests change one field at a time.
func okRow(id string) acledRow {
	return acledRow{
		id: id, date: "2025-05-16", timePrec: "1", etype: "Battles", subtype: "Armed clash",
		actor1: "Military Forces of Mali (2021-)", assoc1: "Wagner Group", actor2: "JNIM: Group for Support of Islam and Muslims",
		iso: "466", location: "Boni", lat: "15.0167", lon: "-1.8", geoPrec: "1", notes: "Clashes near Boni.", timestamp: "1747500000",
	}
}

// acledFile joins a header and rows into a file.
func acledFile(rows ...acledRow) []byte {
	var b bytes.Buffer
	b.WriteString(acledHeader + "\n")
	for _, r := range rows {
		b.WriteString(r.String() + "\n")
	}
	return b.Bytes()
}

var syntheticTypes = [][2]string{
	{"Battles", "Armed clash"}, {"Explosions/Remote violence", "Air/drone strike"},
	{"Violence against civilians", "Attack"}, {"Protests", "Peaceful protest"},
	{"Riots", "Mob violence"}, {"Strategic developments", "Agreement"},
	{"Strategic developments", "Arrests"}, {"Battles", "Government regains territory"},
}

// SyntheticACLED returns an ACLED export of n rows, the same for the same
// seed: Sahel countries, 400 locations, 300 actors, dates 2018–2025 in the
// three date layouts, all three time precisions.
func SyntheticACLED(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 0xac1ed))
	isos := []string{"466", "729", "562", "854", "148", "478"}
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	var b bytes.Buffer
	b.Grow(n * 420)
	b.WriteString("\uFEFF" + acledHeader + "\n")
	for i := range n {
		y, m, d := 2018+rng.IntN(8), 1+rng.IntN(12), 1+rng.IntN(28)
		var date string
		switch i % 3 {
		case 0:
			date = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		case 1:
			date = fmt.Sprintf("%d %s %d", d, months[m-1], y)
		default:
			date = fmt.Sprintf("%02d-%02d-%04d", d, m, y)
		}
		t := syntheticTypes[rng.IntN(len(syntheticTypes))]
		loc := rng.IntN(400)
		r := acledRow{
			id: fmt.Sprintf("SYN%d", i), date: date, timePrec: fmt.Sprint(1 + rng.IntN(3)),
			etype: t[0], subtype: t[1],
			actor1: fmt.Sprintf("Actor %d", rng.IntN(150)), assoc1: fmt.Sprintf("Militia %d", rng.IntN(50)),
			actor2: fmt.Sprintf("Actor %d", 150+rng.IntN(150)), iso: isos[loc%len(isos)],
			location: fmt.Sprintf("Town %d", loc), lat: fmt.Sprintf("%.4f", 5+float64(loc%97)*0.2),
			lon: fmt.Sprintf("%.4f", -15+float64(loc%89)*0.5), geoPrec: fmt.Sprint(1 + rng.IntN(3)),
			notes: fmt.Sprintf("On %s, synthetic event %d near Town %d.", date, i, loc), timestamp: fmt.Sprint(1700000000 + i),
		}
		b.WriteString(r.String())
		b.WriteByte('\n')
	}
	return b.Bytes()
}
