package exchange

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
)

// gdeltRow maps one line of a GDELT file onto a record. It returns the
// reason to leave a good line out (a filter, a code with no kind, no
// coordinates), or an error for a bad line; a header line gives neither,
// and a record with no id.
func (b *builder) gdeltRow(raw []byte, n int, fields *[]string, filter *GDELTFilter) (data.Record, string, error) {
	var r data.Record
	raw = bytes.TrimRight(raw, "\r\n")
	cols := bytes.Count(raw, []byte{'\t'}) + 1
	l, ok := gdeltLayoutOf(cols)
	if !ok {
		return r, "", fmt.Errorf("has %d tab-separated columns; a GDELT event line has 61 (GDELT 2.0), 58 (1.0 daily files) or 57 (1.0 historical files)", cols)
	}
	// Most lines of a large file are left out by the code: look at it
	// before the line becomes strings.
	if bytes.EqualFold(nthField(raw, gdID), []byte("GLOBALEVENTID")) {
		return r, "", nil
	}
	codeB := nthField(raw, gdEventCode)
	if len(codeB) < 2 || len(codeB) > 4 || !allDigits(codeB) {
		return r, "", fmt.Errorf("EventCode %q is not a CAMEO code of 2 to 4 digits", codeB)
	}
	code := string(codeB)
	if !filter.keepsCode(code) {
		return r, "outside the --cameo filter", nil
	}
	kind, label, ok := GDELTKind(code)
	if !ok {
		return r, "CAMEO " + cameoRootName(code) + ": no Sahel Atlas kind", nil
	}
	line := string(raw)
	if _, err := cleanText("the line", line); err != nil {
		return r, "", err
	}
	f := splitTabs(line, (*fields)[:0])
	*fields = f
	if len(f[gdID]) == 0 || !allDigits([]byte(f[gdID])) {
		return r, "", fmt.Errorf("GLOBALEVENTID %q is not a number", f[gdID])
	}
	day, err := gdeltDay(f[gdDate])
	if err != nil {
		return r, "", err
	}
	action := l.geo(f, 2)
	if action.lat == "" && action.lon == "" {
		return r, "no ActionGeo coordinates: GDELT could not place the event", nil
	}
	lon, lat, err := gdeltPoint(action, "ActionGeo")
	if err != nil {
		return r, "", err
	}
	country := countryOfFIPS(action.country)
	if country == "" {
		country = b.countryAt(lon, lat)
	}
	countries := []string{country}
	for _, c := range []string{f[gdA1Country], f[gdA1Country+gdActorWidth]} {
		if c = countryNamed(c); c != "" && !slices.Contains(countries, c) {
			countries = append(countries, c)
		}
	}
	if !filter.keepsCountries(countries) {
		return r, "outside the --country filter", nil
	}

	r.From = data.Provenance{File: b.file, Line: n}
	e := &r.Event
	e.ID = "gdelt-" + f[gdID]
	e.Start, e.End, e.Precision = day, day, data.PrecisionDay
	e.Kind = kind
	e.Countries = countries
	if len(countries) == 1 {
		e.Countries = b.countryList(country)
	}
	placeName := action.name
	if placeName == "" {
		placeName = fmt.Sprintf("%.4f, %.4f", lat, lon)
	}
	r.Place = b.place(placeName, lon, lat, country)
	e.Place = r.Place.ID
	if o := b.gdeltOrigin(l, f, code, action); o != nil {
		r.OriginPlace = o
		e.Origin = o.ID
	}
	var names []string
	for _, a := range []int{0, gdActorWidth} {
		name := f[gdA1Name+a]
		if name == "" {
			continue
		}
		names = append(names, name)
		acode, acountry := f[gdA1Code+a], countryNamed(f[gdA1Country+a])
		full := name
		if acode != "" && acode != f[gdA1Country+a] {
			full = name + " (" + acode + ")" // PRESIDENT (MLIGOV), not every president
		}
		act := b.actor(full, gdeltActorKind(acode, f[gdA1Country+a], f[gdA1Type+a:gdA1Type+a+3]), acountry)
		if !slices.Contains(e.Actors, act.ID) {
			r.Actors = append(r.Actors, act)
			e.Actors = append(e.Actors, act.ID)
		}
	}
	e.Title = label + ": " + strings.Join(names, " → ")
	if len(names) > 0 {
		e.Title += ", "
	}
	e.Title += placeName
	e.Summary = gdeltSummary(f, code, label)
	e.Confidence = "Machine-coded by GDELT from news reports; not checked by a person."
	switch action.typ {
	case "1":
		e.Confidence += " GDELT places it at the centre of the country (ActionGeo_Type 1)."
	case "2", "5":
		e.Confidence += " GDELT places it at the centre of a province or state (ActionGeo_Type " + action.typ + ")."
	}
	if u := l.sourceURL(f); u != "" {
		doc := data.Source{Document: u, Outlet: hostOf(u)}
		r.Sources = []data.Source{doc}
		e.Sources = []data.SourceRef{{Document: u, Note: "GDELT event " + f[gdID] + ", " + r.From.String()}}
	} else {
		e.Sources = b.provenanceRef(r.From)
		r.Sources = b.source
	}
	if s := l.dateAdded(f); s != "" {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v < 0 {
			return r, "", fmt.Errorf("DATEADDED %q is not a date written 20250516 or 20250516101500", s)
		}
		r.Version = v
	}
	r.Extra = gdeltExtra(l, f, action)
	return r, "", nil
}

// nthField returns field i of a tab-separated line.
func nthField(line []byte, i int) []byte {
	for ; i > 0; i-- {
		j := bytes.IndexByte(line, '\t')
		if j < 0 {
			return nil
		}
		line = line[j+1:]
	}
	if j := bytes.IndexByte(line, '\t'); j >= 0 {
		line = line[:j]
	}
	return line
}

// splitTabs appends the tab-separated fields of s, trimmed, to dst.
func splitTabs(s string, dst []string) []string {
	for {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			return append(dst, strings.TrimSpace(s))
		}
		dst = append(dst, strings.TrimSpace(s[:i]))
		s = s[i+1:]
	}
}

// gdeltDay reads SQLDATE, written 20250516.
func gdeltDay(s string) (data.Date, error) {
	if len(s) == 8 && allDigits([]byte(s)) {
		y, _ := strconv.Atoi(s[:4])
		m, _ := strconv.Atoi(s[4:6])
		d, _ := strconv.Atoi(s[6:])
		if day := data.D(y, time.Month(m), d); day.Valid() && y > 0 {
			return day, nil
		}
	}
	return data.Date{}, fmt.Errorf("SQLDATE %q is not a date written 20250516", s)
}

// gdeltPoint reads a geography's coordinates.
func gdeltPoint(g gdeltGeo, what string) (lon, lat float64, err error) {
	if lat, err = parseCoord(g.lat); err != nil {
		return 0, 0, fmt.Errorf("%s_Lat: %v", what, err)
	}
	if lon, err = parseCoord(g.lon); err != nil {
		return 0, 0, fmt.Errorf("%s_Long: %v", what, err)
	}
	if err := checkPoint(lon, lat); err != nil {
		return 0, 0, fmt.Errorf("%s: %v", what, err)
	}
	return lon, lat, nil
}

// gdeltOrigin returns where a visitor came from: Actor1's place for 042
// (make a visit), Actor2's for 043 (host a visit), when GDELT gives one
// that is not where the visit took place.
func (b *builder) gdeltOrigin(l gdeltLayout, f []string, code string, action gdeltGeo) *data.Place {
	var g gdeltGeo
	switch {
	case strings.HasPrefix(code, "042"):
		g = l.geo(f, 0)
	case strings.HasPrefix(code, "043"):
		g = l.geo(f, 1)
	default:
		return nil
	}
	if g.lat == "" || g.name == "" || g.feature == action.feature || g.name == action.name {
		return nil
	}
	lon, lat, err := gdeltPoint(g, "origin")
	if err != nil {
		return nil
	}
	country := countryOfFIPS(g.country)
	if country == "" {
		country = b.countryAt(lon, lat)
	}
	p := b.place(g.name, lon, lat, country)
	return &p
}

// gdeltActorKind tells an actor's kind from its CAMEO code and type codes.
func gdeltActorKind(code, country string, types []string) data.ActorKind {
	for _, t := range types {
		switch t {
		case "MIL", "PKO":
			return data.ActorMilitary
		case "REB", "INS", "SEP", "UAF", "IMG":
			return data.ActorArmedGroup
		case "GOV", "LEG", "JUD", "COP", "SPY":
			return data.ActorGovernment
		case "IGO", "NGO", "NGM", "UNO":
			return data.ActorOrganisation
		case "BUS", "MNC", "MED":
			return data.ActorCompany
		}
	}
	if code != "" && code == country {
		return data.ActorState
	}
	return data.ActorPerson
}

// gdeltSummary says what GDELT coded, in words.
func gdeltSummary(f []string, code, label string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "GDELT coded CAMEO %s (%s)", code, strings.ToLower(label))
	if a := f[gdA1Name]; a != "" {
		fmt.Fprintf(&b, " with %s as the source actor", a)
		if t := f[gdA1Name+gdActorWidth]; t != "" {
			fmt.Fprintf(&b, " and %s as the target", t)
		}
	}
	fmt.Fprintf(&b, ". Goldstein scale %s; %s mention(s) in %s source(s), %s article(s); average tone %s.",
		orDash(f[gdGoldstein]), orDash(f[gdMentions]), orDash(f[gdSources]), orDash(f[gdArticles]), orDash(f[gdTone]))
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// gdeltExtra keeps GDELT's own columns that the event model has no field
// for, under GDELT's column names.
func gdeltExtra(l gdeltLayout, f []string, action gdeltGeo) []data.Field {
	x := make([]data.Field, 0, 20)
	x = appendField(x, "GDELT", l.version)
	x = appendField(x, "GLOBALEVENTID", f[gdID])
	x = appendField(x, "EventCode", f[gdEventCode])
	x = appendField(x, "EventBaseCode", f[gdBaseCode])
	x = appendField(x, "EventRootCode", f[gdRootCode])
	x = appendField(x, "QuadClass", f[gdQuad])
	x = appendField(x, "GoldsteinScale", f[gdGoldstein])
	x = appendField(x, "NumMentions", f[gdMentions])
	x = appendField(x, "NumSources", f[gdSources])
	x = appendField(x, "NumArticles", f[gdArticles])
	x = appendField(x, "AvgTone", f[gdTone])
	x = appendField(x, "Actor1Code", f[gdA1Code])
	x = appendField(x, "Actor2Code", f[gdA1Code+gdActorWidth])
	x = appendField(x, "ActionGeo_Type", action.typ)
	x = appendField(x, "ActionGeo_CountryCode", action.country)
	x = appendField(x, "ActionGeo_ADM1Code", action.adm1)
	x = appendField(x, "ActionGeo_ADM2Code", action.adm2)
	x = appendField(x, "ActionGeo_FeatureID", action.feature)
	x = appendField(x, "DATEADDED", l.dateAdded(f))
	return x
}

// hostOf returns the host of a URL without "www.", or "".
func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}
