package exchange

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sahelatlas/sahelatlas/data"
)

func TestCountryOfFIPS(t *testing.T) {
	for _, c := range []struct{ fips, want string }{
		{"ML", "MLI"}, {"SU", "SDN"}, {"NG", "NER"}, {"CD", "TCD"}, {"UV", "BFA"},
		{"MR", "MRT"}, {"AG", "DZA"}, {"FR", "FRA"}, {"NI", "NGA"}, {"OD", "SSD"},
		{"SG", "SEN"}, {"LY", "LBY"}, {"EG", "EGY"}, {"ET", "ETH"}, {"ER", "ERI"},
		{"IV", "CIV"}, {"GV", "GIN"}, {"CT", "CAF"}, {"UK", "GBR"}, {"GM", "DEU"},
		{"RS", "RUS"}, {"US", "USA"}, {"CH", "CHN"}, {"TU", "TUR"}, {"TC", "ARE"},
		{"KV", "KOS"}, // the atlas's code, not the package's XKX
		{"GZ", "PSE"}, {"WE", "PSE"},
		{"ml", "MLI"}, {" SU ", "SDN"},
		{"BQ", ""}, // Navassa Island in FIPS 10-4: left out
		{"OS", ""}, {"", ""}, {"MLI", ""},
	} {
		if got := countryOfFIPS(c.fips); got != c.want {
			t.Errorf("countryOfFIPS(%q) = %q, want %q", c.fips, got, c.want)
		}
	}
}

func TestFIPSTableCodes(t *testing.T) {
	known := 0
	for fips, iso := range fipsCountries {
		if len(fips) != 2 || !isAlpha3(iso) {
			t.Errorf("fipsCountries[%q] = %q: want two letters to three", fips, iso)
		}
		if countries().codes[iso] {
			known++
		}
	}
	if known < 200 {
		t.Errorf("only %d of %d FIPS codes lead to a country of the atlas", known, len(fipsCountries))
	}
}

func TestGDELTKind(t *testing.T) {
	for _, c := range []struct {
		code string
		want data.Kind // "" for none
	}{
		{"040", data.KindMeeting}, {"041", data.KindTalks}, {"042", data.KindVisit}, {"043", data.KindVisit},
		{"044", data.KindMeeting}, {"045", data.KindTalks}, {"046", data.KindTalks},
		{"010", data.KindStatement}, {"0141", data.KindStatement}, {"057", data.KindAgreement},
		{"112", data.KindAccusation}, {"1123", data.KindAccusation}, {"111", 0},
		{"141", data.KindProtest}, {"1452", data.KindProtest},
		{"154", data.KindDeployment}, {"151", 0},
		{"160", data.KindSuspension}, {"161", data.KindSuspension}, {"163", data.KindSuspension}, {"164", data.KindSuspension},
		{"166", data.KindExpulsion}, {"1661", data.KindExpulsion}, {"1663", data.KindExpulsion},
		{"173", data.KindArrest}, {"174", data.KindDeportation}, {"172", 0}, {"1721", 0},
		{"181", data.KindArrest}, {"183", data.KindAttack}, {"186", data.KindAttack},
		{"190", data.KindOperation}, {"192", data.KindOperation}, {"193", data.KindAttack}, {"195", data.KindAttack},
		{"201", data.KindDeportation}, {"202", data.KindAttack},
		{"020", 0}, {"036", 0}, {"0871", 0}, {"1", 0}, {"", 0},
	} {
		k, label, ok := GDELTKind(c.code)
		if k != c.want || ok != (c.want != 0) || ok && label == "" {
			t.Errorf("GDELTKind(%q) = %q, %q, %v; want %q", c.code, k, label, ok, c.want)
		}
		if ok && !k.Valid() {
			t.Errorf("GDELTKind(%q) = %q, not a kind", c.code, k)
		}
	}
	// The codes data.Kind names as its own map back onto the same kind.
	for _, k := range data.Kinds {
		if c := k.CAMEO(); c != "" {
			if got, _, _ := GDELTKind(c); got != k && !(k == data.KindArmedConflict && got == data.KindOperation) {
				t.Errorf("GDELTKind(%q) = %q, but %q.CAMEO() is %q", c, got, k, c)
			}
		}
	}
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "gdelt", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func importGDELT(t *testing.T, name string, opts Options) *Result {
	t.Helper()
	res, err := Import(bytes.NewReader(readTestdata(t, name)), name, opts)
	if err != nil {
		t.Fatalf("Import(%s): %v", name, err)
	}
	if res.Format != FormatGDELT {
		t.Fatalf("Import(%s) read it as %q, want gdelt", name, res.Format)
	}
	if _, err := Merge(nil, res.Records); err != nil {
		t.Fatalf("the records of %s do not make a dataset: %v", name, err)
	}
	return res
}

func byID(res *Result) map[string]*data.Record {
	m := map[string]*data.Record{}
	for i := range res.Records {
		m[res.Records[i].Event.ID] = &res.Records[i]
	}
	return m
}

func TestImportGDELT2(t *testing.T) {
	res := importGDELT(t, "20250120143000.export.CSV", Options{})
	recs := byID(res)
	if len(res.Records) != 10 {
		t.Errorf("%d records, want 10 (13 lines: one code with no kind, one without a place, one duplicate)", len(res.Records))
	}
	for _, c := range []struct {
		id, place, country string
		kind               data.Kind
		countries          []string
	}{
		{"gdelt-1217480788", "Bamako, Bamako, Mali", "MLI", data.KindVisit, []string{"MLI", "FRA"}},
		{"gdelt-1217480790", "Bamako, Bamako, Mali", "MLI", data.KindVisit, []string{"MLI", "BFA"}},
		{"gdelt-1217480791", "Niamey, Niamey, Niger", "NER", data.KindMeeting, []string{"NER", "MLI", "BFA"}},
		{"gdelt-1217480795", "Khartoum, Khartoum, Sudan", "SDN", data.KindTalks, []string{"SDN", "FRA"}},
		{"gdelt-1217480801", "Bamako, Bamako, Mali", "MLI", data.KindSuspension, []string{"MLI", "FRA"}},
		{"gdelt-1217480802", "Niamey, Niamey, Niger", "NER", data.KindExpulsion, []string{"NER", "FRA"}},
		{"gdelt-1217480803", "N'Djamena, Chari-Baguirmi, Chad", "TCD", data.KindArrest, []string{"TCD"}},
		{"gdelt-1217480804", "Nouakchott, Nouakchott, Mauritania", "MRT", data.KindDeportation, []string{"MRT"}},
		{"gdelt-1217480807", "Tamanrasset, Tamanghasset, Algeria", "DZA", data.KindAttack, []string{"DZA", "MLI"}},
		{"gdelt-1217480808", "Gao, Mali", "MLI", data.KindOperation, []string{"MLI"}},
	} {
		r := recs[c.id]
		if r == nil {
			t.Errorf("%s is missing", c.id)
			continue
		}
		if r.Place.Name != c.place || r.Place.Country != c.country || r.Event.Kind != c.kind || !slices.Equal(r.Event.Countries, c.countries) {
			t.Errorf("%s: place %q in %s, kind %s, countries %v; want %q in %s, %s, %v",
				c.id, r.Place.Name, r.Place.Country, r.Event.Kind, r.Event.Countries, c.place, c.country, c.kind, c.countries)
		}
	}
	visit := recs["gdelt-1217480788"]
	if visit == nil {
		t.Fatal("the visit is missing")
	}
	e := visit.Event
	if e.Start != data.D(2025, 1, 20) || e.End != e.Start || e.Precision != data.PrecisionDay {
		t.Errorf("visit dated %v–%v (%v), want 2025-01-20", e.Start, e.End, e.Precision)
	}
	url := "https://www.example.org/afrique/2025/01/20/visite-bamako"
	if len(visit.Sources) != 1 || visit.Sources[0].Document != url || visit.Sources[0].Outlet != "example.org" ||
		len(e.Sources) != 1 || e.Sources[0].Document != url {
		t.Errorf("visit sources %+v cites %+v, want the SOURCEURL %s", visit.Sources, e.Sources, url)
	}
	if got := visit.Get("NumMentions"); got != "16" || visit.Version != 20250120144500 {
		t.Errorf("the duplicate kept NumMentions %s, DATEADDED %d; want the copy added last (16, 20250120144500)", got, visit.Version)
	}
	if visit.From.Line != 13 || res.Records[0].Event.ID != e.ID {
		t.Errorf("the collapsed event is record %s from line %d; want it first (where the file first gives it), from line 13 (the copy kept)",
			res.Records[0].Event.ID, visit.From.Line)
	}
	if visit.OriginPlace == nil || visit.OriginPlace.Name != "France" || e.Origin != visit.OriginPlace.ID {
		t.Errorf("the visitor's origin is %+v (event origin %q), want France from Actor1Geo", visit.OriginPlace, e.Origin)
	}
	if len(visit.Actors) != 2 || visit.Actors[0].Name != "FRANCE" || visit.Actors[0].Kind != data.ActorState ||
		visit.Actors[1].Name != "MALI (MLIGOV)" || visit.Actors[1].Kind != data.ActorGovernment || visit.Actors[1].Country != "MLI" {
		t.Errorf("visit actors %+v %+v, want FRANCE (state) and MALI (MLIGOV) (government body of MLI)", visit.Actors[0], visit.Actors[1])
	}
	if !strings.HasPrefix(e.Title, "Make a visit: FRANCE → MALI, Bamako") || !strings.Contains(e.Confidence, "GDELT") {
		t.Errorf("visit title %q, confidence %q", e.Title, e.Confidence)
	}
	if got := visit.Get("GDELT"); got != "2.0" || visit.Get("ActionGeo_ADM2Code") != "21180" || visit.Get("EventCode") != "042" {
		t.Errorf("visit extra %v, want GDELT 2.0, ADM2 21180, EventCode 042", visit.Extra)
	}
	if g := recs["gdelt-1217480808"]; g != nil && !strings.Contains(g.Event.Confidence, "province") {
		t.Errorf("an ADM1-level place says %q, want it to say it is a province's centre", g.Event.Confidence)
	}
	wantSkipped := map[string]int{
		"CAMEO 03 express intent to cooperate: no Sahel Atlas kind":                    1,
		"no ActionGeo coordinates: GDELT could not place the event":                    1,
		"duplicate GLOBALEVENTID: collapsed into one event (the copy added last kept)": 1,
	}
	if len(res.Skipped) != len(wantSkipped) || res.SkippedCount() != 3 {
		t.Errorf("skipped %+v, want %v", res.Skipped, wantSkipped)
	}
	for _, s := range res.Skipped {
		if wantSkipped[s.Reason] != s.Count {
			t.Errorf("skipped %d for %q, want %d", s.Count, s.Reason, wantSkipped[s.Reason])
		}
	}
}

func TestImportGDELT1(t *testing.T) {
	daily := importGDELT(t, "20130415.export.CSV", Options{})
	recs := byID(daily)
	if len(daily.Records) != 2 || recs["gdelt-254981512"] == nil || recs["gdelt-254981544"] == nil {
		t.Fatalf("daily file gave %d records, want the visit and the talks (0871 has no kind)", len(daily.Records))
	}
	v := recs["gdelt-254981512"]
	if v.Event.Kind != data.KindVisit || v.Place.Country != "MLI" || v.Event.Start != data.D(2013, 4, 15) ||
		v.Version != 20130415 || v.Get("GDELT") != "1.0" || v.Sources[0].Document != "http://www.example.com/2013/04/15/paris-bamako" {
		t.Errorf("1.0 visit: %+v", v)
	}
	if talks := recs["gdelt-254981544"]; !slices.Equal(talks.Event.Countries, []string{"SDN", "SSD"}) {
		t.Errorf("1.0 talks countries %v, want SDN SSD", talks.Event.Countries)
	}

	hist := importGDELT(t, "1990.csv", Options{})
	if len(hist.Records) != 2 {
		t.Fatalf("historical file gave %d records, want 2", len(hist.Records))
	}
	h := hist.Records[0]
	if h.Event.Start != data.D(1990, 3, 12) || h.Event.Kind != data.KindVisit || len(h.Event.Sources) != 1 ||
		h.Event.Sources[0].Document != "1990.csv" || h.Event.Sources[0].Note != "line 1" {
		t.Errorf("a line with no SOURCEURL should cite the file and line: %+v", h.Event)
	}
}

func TestGDELTFilters(t *testing.T) {
	for _, c := range []struct {
		cameo, countries string
		want             []string // GLOBALEVENTIDs kept
	}{
		{"", "", []string{"788", "790", "791", "795", "801", "802", "803", "804", "807", "808"}},
		{"04", "", []string{"788", "790", "791", "795"}},
		{"042,043", "", []string{"788", "790"}},
		{"16", "", []string{"801", "802"}},
		{"04,16", "", []string{"788", "790", "791", "795", "801", "802"}},
		{"1661", "", []string{"802"}},
		{"", "MLI", []string{"788", "790", "791", "801", "807", "808"}},
		{"", "BFA", []string{"790", "791"}},
		{"", "MLI,BFA", []string{"788", "790", "791", "801", "807", "808"}},
		{"", "Niger, sdn", []string{"791", "795", "802"}},
		{"04,16", "MLI,BFA", []string{"788", "790", "791", "801"}},
		{"17", "FRA", nil},
	} {
		f, err := ParseGDELTFilter(c.cameo, c.countries)
		if err != nil {
			t.Fatalf("ParseGDELTFilter(%q, %q): %v", c.cameo, c.countries, err)
		}
		res := importGDELT(t, "20250120143000.export.CSV", Options{GDELT: f})
		var got []string
		for _, r := range res.Records {
			got = append(got, strings.TrimPrefix(r.Event.ID, "gdelt-1217480"))
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("--cameo %q --country %q kept %v, want %v (skipped %+v)", c.cameo, c.countries, got, c.want, res.Skipped)
		}
		if (c.cameo != "" || c.countries != "") && res.SkippedCount() == 0 {
			t.Errorf("--cameo %q --country %q: nothing counted as skipped", c.cameo, c.countries)
		}
	}
	for _, c := range []struct{ cameo, countries string }{{"4a", ""}, {"04211", ""}, {"", "Atlantis"}, {"", "ML"}} {
		if _, err := ParseGDELTFilter(c.cameo, c.countries); err == nil {
			t.Errorf("ParseGDELTFilter(%q, %q) took it", c.cameo, c.countries)
		}
	}
}

func TestSniffGDELT(t *testing.T) {
	v2 := readTestdata(t, "20250120143000.export.CSV")
	v1 := readTestdata(t, "20130415.export.CSV")
	hist := readTestdata(t, "1990.csv")
	header := append([]byte("GLOBALEVENTID\tSQLDATE"+strings.Repeat("\tx", 59)+"\n"), v2...)
	for _, c := range []struct {
		name string
		head []byte
		want Format
	}{
		{"20250120143000.export.CSV", v2, FormatGDELT},
		{"20250120143000.export.csv", []byte("anything"), FormatGDELT},
		{"gdelt.tsv", v2, FormatGDELT},
		{"gdelt.csv", v1, FormatGDELT},
		{"1990.csv", hist, FormatGDELT},
		{"events", v2, FormatGDELT},
		{"with-header.tsv", header, FormatGDELT},
		{"crlf.CSV", bytes.ReplaceAll(v2, []byte("\n"), []byte("\r\n")), FormatGDELT},
		{"gdelt.json", v2, FormatGeoJSON},
		{"sixty-one.tsv", []byte("id\tdate" + strings.Repeat("\tx", 59) + "\n"), FormatCSV},
		{"not-a-date.tsv", []byte("1\t2025-01-20" + strings.Repeat("\tx", 59) + "\n"), FormatCSV},
		{"sixty.tsv", []byte("1\t20250120" + strings.Repeat("\tx", 58) + "\n"), FormatCSV},
		{"commas.csv", []byte("1,20250120" + strings.Repeat(",x", 59) + "\n"), FormatCSV},
	} {
		if got := Sniff(c.name, c.head); got != c.want {
			t.Errorf("Sniff(%s) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestImportGDELTBadLines(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(string(readTestdata(t, "20250120143000.export.CSV"))), "\n")
	field := func(line string, i int, v string) string {
		f := strings.Split(line, "\t")
		f[i] = v
		return strings.Join(f, "\t")
	}
	bad := []string{
		lines[0],
		"GLOBALEVENTID\tSQLDATE" + strings.Repeat("\tx", 59), // a header someone added: read past
		field(lines[1], gdDate, "2025-01-20"),
		field(lines[2], gdID, "12a"),
		field(lines[3], gdEventCode, "4x"),
		strings.Join(strings.Split(lines[4], "\t")[:60], "\t"),
		field(lines[5], gdGeo+2*8+5, "95.5"), // ActionGeo_Lat
		field(lines[6], gdA1Name, "BAD\x01NAME"),
		lines[7],
	}
	in := strings.Join(bad, "\n") + "\n"
	_, err := Import(strings.NewReader(in), "bad.export.CSV", Options{})
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("Import of bad lines: %v, want a *RefusedError", err)
	}
	res, err := Import(strings.NewReader(in), "bad.export.CSV", Options{SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	wantLines := []int{3, 4, 5, 6, 7, 8}
	var gotLines []int
	for _, p := range res.Rejected {
		gotLines = append(gotLines, p.Line)
	}
	if !slices.Equal(gotLines, wantLines) || len(res.Records) != 2 {
		t.Errorf("rejected lines %v (%v) and kept %d; want lines %v rejected and 2 kept", gotLines, res.Rejected, len(res.Records), wantLines)
	}
	for _, p := range res.Rejected {
		if p.Line == 6 && !strings.Contains(p.Reason, "60 tab-separated columns") {
			t.Errorf("line 6: %q, want it to say the line has 60 columns", p.Reason)
		}
	}
}

// endless is a GDELT file that never ends: the same lines over and over,
// each "@@" in them replaced by a new GLOBALEVENTID.
type endless struct {
	lines []byte
	n     int
	buf   []byte
	read  int64
}

func (e *endless) Read(p []byte) (int, error) {
	if len(e.buf) == 0 {
		parts := bytes.Split(e.lines, []byte("@@"))
		for i, part := range parts {
			e.buf = append(e.buf, part...)
			if i < len(parts)-1 {
				e.n++
				e.buf = strconv.AppendInt(e.buf, int64(e.n), 10)
			}
		}
	}
	n := copy(p, e.buf)
	e.buf = e.buf[n:]
	e.read += int64(n)
	return n, nil
}

// TestScanGDELTStreams reads a file with no end: the reader hands each
// event on as its line is read, holding one line at a time, so it stops as
// soon as it is told to, having read little more than the lines it used.
func TestScanGDELTStreams(t *testing.T) {
	lines := strings.Split(string(readTestdata(t, "20250120143000.export.CSV")), "\n")
	visit := strings.Replace(lines[0], "1217480788", "@@", 1) + "\n"
	intent := strings.Replace(lines[8], "1217480805", "@@", 1) + "\n" // CAMEO 036: skipped
	in := &endless{lines: []byte(intent + intent + intent + visit)}
	res := &Result{}
	skipped := tally{}
	var got []string
	err := scanGDELT(in, "endless.export.CSV", Options{}, res, skipped, func(r data.Record) bool {
		got = append(got, r.Event.ID)
		return len(got) < 1000
	})
	if err != nil || len(got) != 1000 || len(res.Rejected) != 0 {
		t.Fatalf("scanGDELT: %v, %d events, %v", err, len(got), res.Rejected)
	}
	if skipped["CAMEO 03 express intent to cooperate: no Sahel Atlas kind"] != 3000 {
		t.Errorf("skipped %v, want the 3000 lines of CAMEO 036 counted", skipped)
	}
	perCycle := int64(len(in.lines)) + 4*8
	if in.read > 1001*perCycle+64<<10 {
		t.Errorf("read %d bytes for 1000 events of %d bytes each: it read ahead", in.read, perCycle)
	}
}

// zipOf returns a zip archive holding the given files, in order.
func zipOf(t *testing.T, files ...[2]string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, f := range files {
		fw, err := w.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(f[1]))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestImportGDELTZip(t *testing.T) {
	v2 := string(readTestdata(t, "20250120143000.export.CSV"))
	hist := string(readTestdata(t, "1990.csv"))
	for _, c := range []struct {
		name string
		zip  []byte
		want int // events; -1: not read as GDELT
	}{
		{"20250120143000.export.CSV.zip", zipOf(t, [2]string{"20250120143000.export.CSV", v2}), 10},
		{"download.zip", zipOf(t, [2]string{"20250120143000.export.CSV", v2}), 10},
		{"1990.zip", zipOf(t, [2]string{"1990.csv", hist}), 2},
		{"translated.zip", zipOf(t, [2]string{"20250120143000.translation.export.CSV", v2}), 10},
		{"places.kmz", zipOf(t, [2]string{"doc.kml", "<kml/>"}), -1},
		{"notes.zip", zipOf(t, [2]string{"notes.csv", v2}), -1},
	} {
		if got := Sniff(c.name, c.zip); (got == FormatGDELT) != (c.want >= 0) {
			t.Errorf("Sniff(%s) = %q", c.name, got)
			continue
		}
		if c.want < 0 {
			continue
		}
		res, err := Import(bytes.NewReader(c.zip), c.name, Options{})
		if err != nil {
			t.Errorf("Import(%s): %v", c.name, err)
			continue
		}
		if len(res.Records) != c.want || res.Format != FormatGDELT || res.Records[0].From.File != c.name {
			t.Errorf("Import(%s): %d events as %s from %s, want %d", c.name, len(res.Records), res.Format, res.Records[0].From.File, c.want)
		}
	}
	// A zip named by the analyst is read as GDELT when told so.
	res, err := Import(bytes.NewReader(zipOf(t, [2]string{"notes.csv", v2})), "notes.zip", Options{Format: FormatGDELT})
	if err != nil || len(res.Records) != 10 {
		t.Errorf("Import(notes.zip, gdelt): %v", err)
	}
	if _, err := Import(bytes.NewReader(zipOf(t, [2]string{"doc.kml", "<kml/>"})), "x.zip", Options{Format: FormatGDELT}); err == nil ||
		!strings.Contains(err.Error(), "holds no GDELT event file") {
		t.Errorf("a KMZ read as GDELT: %v", err)
	}
}
