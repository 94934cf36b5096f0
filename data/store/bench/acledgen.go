//go:build ignore

// acledgen writes a synthetic ACLED export of N rows to standard output,
// the same for the same seed: Sahel countries, 400 locations, 300 actors,
// dates from 1997 to 2025 written as ACLED writes them (YYYY-MM-DD), newest
// first as ACLED exports them. It feeds bench.sh; the file is not committed.
//
//	go run acledgen.go -n 1000000 > /tmp/acled-1m.csv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
)

const header = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"

var types = [][2]string{
	{"Battles", "Armed clash"}, {"Explosions/Remote violence", "Air/drone strike"},
	{"Violence against civilians", "Attack"}, {"Protests", "Peaceful protest"},
	{"Riots", "Mob violence"}, {"Strategic developments", "Agreement"},
	{"Strategic developments", "Arrests"}, {"Battles", "Government regains territory"},
}

var countries = []struct{ iso, name string }{
	{"466", "Mali"}, {"854", "Burkina Faso"}, {"562", "Niger"}, {"148", "Chad"}, {"478", "Mauritania"}, {"729", "Sudan"},
}

func main() {
	n := flag.Int("n", 1_000_000, "rows")
	seed := flag.Uint64("seed", 1, "seed")
	flag.Parse()
	rng := rand.New(rand.NewPCG(*seed, 0xac1ed))
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	w.WriteString(header + "\n")
	const first, last = 1997, 2025
	days := (last - first + 1) * 12 * 28
	for i := range *n {
		// Newest first, spread evenly over the years.
		k := days - 1 - i*days / *n
		y, m, d := first+k/(12*28), 1+k/28%12, 1+k%28
		date := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		t := types[rng.IntN(len(types))]
		loc := rng.IntN(400)
		c := countries[loc%len(countries)]
		notes := fmt.Sprintf("On %s, synthetic event %d near Town %d.", date, i, loc)
		row := []string{
			fmt.Sprintf("SYN%d", i), date, fmt.Sprint(y), fmt.Sprint(1 + rng.IntN(3)), "Political violence", t[0], t[1],
			q(fmt.Sprintf("Actor %d", rng.IntN(150))), q(fmt.Sprintf("Militia %d", rng.IntN(50))), "State forces",
			q(fmt.Sprintf("Actor %d", 150+rng.IntN(150))), "", "Rebel group", "12", "", c.iso, "Western Africa", c.name,
			"Mopti", "Douentza", "", q(fmt.Sprintf("Town %d", loc)),
			fmt.Sprintf("%.4f", 5+float64(loc%97)*0.2), fmt.Sprintf("%.4f", -15+float64(loc%89)*0.5), fmt.Sprint(1 + rng.IntN(3)),
			"RFI", "International", q(notes), fmt.Sprint(rng.IntN(20)), "", fmt.Sprint(1700000000 + i),
		}
		w.WriteString(strings.Join(row, ","))
		w.WriteByte('\n')
	}
}
