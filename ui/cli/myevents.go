package cli

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/data/store"
)

// myEventCommands are events add, edit and delete: the analyst's own
// events ("My events") in the workspace store.
var myEventCommands = []*command{
	{
		name: "events add", summary: "record an event of your own in the workspace store and print its id once it is saved",
		notes: `--date is YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD (--MM) for a day (month) given with no year;
--end ends a range and is written like --date. The place is found by name in the gazetteer
(as the places command finds it), or given as --lon and --lat. --actor is a NAME or ROLE:NAME
(ROLE visitor, host or party; party by default) and may be repeated; known actors are matched
by name or alias, case and diacritics ignored. Bad input: one line on stderr, status 2, nothing stored.`,
		flags: func(fs *flag.FlagSet) runFunc {
			o := myEventFlags(fs)
			return func(con console, args []string) int { return runMyEventAdd(con, fs, o, args) }
		},
	},
	{
		name: "events edit", args: "ID", summary: "change an event of your own: only the flags given change",
		notes: `The flags are those of events add. Status 1 when the store holds no event of yours with this ID.`,
		flags: func(fs *flag.FlagSet) runFunc {
			o := myEventFlags(fs)
			return func(con console, args []string) int { return runMyEventEdit(con, fs, o, args) }
		},
	},
	{
		name: "events delete", args: "ID", summary: "delete an event of your own from the workspace store",
		flags: func(fs *flag.FlagSet) runFunc {
			var path string
			fs.StringVar(&path, "store", "", "the workspace store at `PATH` (default $SAHELATLAS_STORE, else the default store)")
			return func(con console, args []string) int { return runMyEventDelete(con, path, args) }
		},
	},
}

// myEventOptions are the flags of events add and edit.
type myEventOptions struct {
	store, title, kind, date, end, summary, confidence, author string
	place, origin, placePrecision                              string
	lon, lat                                                   float64
	actors                                                     listFlag
	outlet, headline, sourceAuthor, sourceDate, url            string
}

// listFlag is a flag that may be repeated.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ", ") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func myEventFlags(fs *flag.FlagSet) *myEventOptions {
	o := &myEventOptions{lon: math.NaN(), lat: math.NaN()}
	fs.StringVar(&o.store, "store", "", "the workspace store at `PATH` (default $SAHELATLAS_STORE, else the default store)")
	fs.StringVar(&o.title, "title", "", "the event's `TITLE`, one line")
	fs.StringVar(&o.kind, "kind", "", "the `KIND`: visit, meeting, talks, statement, agreement, expulsion, coup, ...")
	fs.StringVar(&o.date, "date", "", "the `DATE`: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD with no year")
	fs.StringVar(&o.end, "end", "", "the last `DATE` of a range, written like --date")
	fs.StringVar(&o.place, "place", "", "where it happened: a place `NAME` from the gazetteer")
	fs.Float64Var(&o.lon, "lon", math.NaN(), "where it happened: `LONGITUDE` in degrees (with --lat)")
	fs.Float64Var(&o.lat, "lat", math.NaN(), "where it happened: `LATITUDE` in degrees (with --lon)")
	fs.StringVar(&o.placePrecision, "place-precision", "", "how exact the place is: `PRECISION` exact, town, region, country or inferred (default town for --place, exact for --lon/--lat)")
	fs.StringVar(&o.origin, "origin", "", "for a visit, the place `NAME` the visitor came from")
	fs.Var(&o.actors, "actor", "an actor, `NAME` or ROLE:NAME (visitor, host, party); repeat for several")
	fs.StringVar(&o.summary, "summary", "", "what happened, in a few sentences (`TEXT`)")
	fs.StringVar(&o.confidence, "confidence", "", "what is uncertain or inferred (`TEXT`)")
	fs.StringVar(&o.author, "author", "", "`AUTHOR` who recorded it (default $SAHELATLAS_AUTHOR, else none)")
	fs.StringVar(&o.outlet, "source-outlet", "", "the source's `OUTLET`")
	fs.StringVar(&o.headline, "source-headline", "", "the source's `HEADLINE`")
	fs.StringVar(&o.sourceAuthor, "source-author", "", "the source's `AUTHOR`")
	fs.StringVar(&o.sourceDate, "source-date", "", "the source's publication `DATE`, YYYY-MM-DD")
	fs.StringVar(&o.url, "source-url", "", "the source's `URL`")
	return o
}

// given lists the flags set on the command line.
func given(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
}

// apply sets on m what the flags in set say. It returns a usage message
// for bad input, or "".
func (o *myEventOptions) apply(m *data.MyEvent, set map[string]bool, gaz *data.Gazetteer, known []*data.Actor) string {
	e := &m.Event
	if set["title"] {
		e.Title = strings.TrimSpace(o.title)
	}
	if set["kind"] {
		kind, ok := data.ParseKind(o.kind)
		if !ok {
			return fmt.Sprintf("--kind %q is not one of %v", o.kind, data.Kinds)
		}
		e.Kind = kind
	}
	if set["date"] || set["end"] {
		if o.date == "" {
			return "--end needs --date"
		}
		if err := e.SetDate(o.date, o.end); err != nil {
			return strings.TrimPrefix(err.Error(), "data: ")
		}
	}
	if set["summary"] {
		e.Summary = o.summary
	}
	if set["confidence"] {
		e.Confidence = o.confidence
	}
	if set["author"] {
		m.Author = o.author
	}
	if msg := o.applyPlace(m, set, gaz); msg != "" {
		return msg
	}
	if set["actor"] {
		m.Actors = nil
		for _, a := range o.actors {
			p, msg := participant(a, known)
			if msg != "" {
				return msg
			}
			m.Actors = append(m.Actors, p)
		}
	}
	if set["source-outlet"] || set["source-headline"] || set["source-author"] || set["source-date"] || set["source-url"] {
		var s data.Source
		if len(m.Sources) > 0 {
			s = m.Sources[0]
		}
		for _, f := range []struct {
			name string
			to   *string
			v    string
		}{{"source-outlet", &s.Outlet, o.outlet}, {"source-headline", &s.Headline, o.headline},
			{"source-author", &s.Author, o.sourceAuthor}, {"source-url", &s.URL, o.url}} {
			if set[f.name] {
				*f.to = f.v
			}
		}
		if set["source-date"] {
			d, err := data.ParseDate(o.sourceDate)
			if err != nil {
				return fmt.Sprintf("--source-date %q is not a real date written YYYY-MM-DD", o.sourceDate)
			}
			s.Published = d
		}
		if len(m.Sources) > 0 {
			m.Sources[0] = s
		} else {
			m.Sources = []data.Source{s}
		}
	}
	return ""
}

// applyPlace sets the place, its precision and the origin.
func (o *myEventOptions) applyPlace(m *data.MyEvent, set map[string]bool, gaz *data.Gazetteer) string {
	point := set["lon"] || set["lat"]
	switch {
	case point && set["place"]:
		return "give --place or --lon and --lat, not both"
	case point:
		if !set["lon"] || !set["lat"] {
			return "--lon and --lat go together"
		}
		if math.IsNaN(o.lon) || math.IsNaN(o.lat) || o.lon < -180 || o.lon > 180 || o.lat < -90 || o.lat > 90 {
			return fmt.Sprintf("--lon %g --lat %g is outside lon -180..180, lat -90..90", o.lon, o.lat)
		}
		m.Place = data.Place{Name: fmt.Sprintf("%.4f, %.4f", o.lat, o.lon), Point: orb.Point{o.lon, o.lat}}
		if near := gaz.Nearest(m.Place.Point); near != nil {
			m.Place.Country = near.Country
		}
		m.PlacePrecision = data.PlaceExact
	case set["place"]:
		p, msg := findPlace(gaz, "--place", o.place)
		if msg != "" {
			return msg
		}
		m.Place, m.PlacePrecision = p, data.PlaceTown
	}
	if set["place-precision"] {
		pp, ok := data.ParsePlacePrecision(o.placePrecision)
		if !ok {
			return fmt.Sprintf("--place-precision %q is not exact, town, region, country or inferred", o.placePrecision)
		}
		m.PlacePrecision = pp
	}
	if set["origin"] {
		m.Origin = nil
		if o.origin != "" {
			p, msg := findPlace(gaz, "--origin", o.origin)
			if msg != "" {
				return msg
			}
			m.Origin = &p
		}
	}
	return ""
}

// findPlace returns the gazetteer's best match for name.
func findPlace(gaz *data.Gazetteer, flagName, name string) (data.Place, string) {
	ms := gaz.Match(name, "", 1)
	if len(ms) == 0 {
		return data.Place{}, fmt.Sprintf("%s %q: no place of that name (try sahelatlas places %q, or give --lon and --lat)", flagName, name, name)
	}
	return *ms[0].Place, ""
}

// participant reads NAME or ROLE:NAME, matching NAME to a known actor.
func participant(s string, known []*data.Actor) (data.Participant, string) {
	role, name := data.RoleParty, strings.TrimSpace(s)
	if r, n, ok := strings.Cut(s, ":"); ok && data.ActorRole(strings.TrimSpace(r)).Valid() {
		role, name = data.ActorRole(strings.TrimSpace(r)), strings.TrimSpace(n)
	}
	if name == "" {
		return data.Participant{}, fmt.Sprintf("--actor %q names no one", s)
	}
	key := data.Fold(name)
	for _, a := range known {
		for _, n := range a.Names() {
			if data.Fold(n) == key {
				return data.Participant{Actor: *a, Role: role}, ""
			}
		}
	}
	return data.Participant{Actor: data.Actor{Name: name}, Role: role}, ""
}

// lookups returns the gazetteer (with the store's places when it exists)
// and the bundled actors.
func lookups(con console, storePath string) (*data.Gazetteer, []*data.Actor, int) {
	gaz, status := storeGazetteer(con, storePath, withStoreIfAny)
	if gaz == nil {
		return nil, nil, status
	}
	d, err := data.LoadBundled()
	if err != nil {
		return nil, nil, con.failf(ExitFailed, "%v", err)
	}
	return gaz, d.Actors, ExitOK
}

func runMyEventAdd(con console, fs *flag.FlagSet, o *myEventOptions, args []string) int {
	if len(args) > 0 {
		return con.usagef(lang.T("unexpected argument %q"), args[0])
	}
	set := given(fs)
	for _, need := range []string{"title", "kind", "date"} {
		if !set[need] {
			return con.usagef(lang.T("--%s is required"), need)
		}
	}
	if !set["place"] && !set["lon"] && !set["lat"] {
		return con.usagef("%s", lang.T("give the place: --place NAME, or --lon and --lat"))
	}
	if !set["actor"] {
		return con.usagef("%s", lang.T("give at least one --actor"))
	}
	gaz, known, status := lookups(con, o.store)
	if gaz == nil {
		return status
	}
	m := data.MyEvent{Author: os.Getenv("SAHELATLAS_AUTHOR")}
	if msg := o.apply(&m, set, gaz, known); msg != "" {
		return con.usagef("%s", msg)
	}
	m.Event.ID = data.NewAnnotationID()
	if err := m.Validate(); err != nil {
		return con.usagef("%s", strings.TrimPrefix(err.Error(), "data: "))
	}
	s, status := openStore(con, o.store)
	if s == nil {
		return status
	}
	defer s.Close()
	m, err := s.AddEvent(m)
	if err != nil {
		return con.failf(ExitFailed, "%v", err)
	}
	fmt.Fprintln(con.stdout, m.Event.ID)
	return ExitOK
}

func runMyEventEdit(con console, fs *flag.FlagSet, o *myEventOptions, args []string) int {
	if len(args) != 1 {
		return con.usagef("%s", lang.T("give the ID of one event of yours"))
	}
	gaz, known, status := lookups(con, o.store)
	if gaz == nil {
		return status
	}
	s, status := openStore(con, o.store)
	if s == nil {
		return status
	}
	defer s.Close()
	m, err := s.Event(args[0])
	if errors.Is(err, store.ErrNoEvent) {
		return con.failf(ExitFailed, lang.T("%v (sahelatlas events --store lists them)"), err)
	}
	if err != nil {
		return con.failf(ExitFailed, "%v", err)
	}
	if msg := o.apply(&m, given(fs), gaz, known); msg != "" {
		return con.usagef("%s", msg)
	}
	if err := m.Validate(); err != nil {
		return con.usagef("%s", strings.TrimPrefix(err.Error(), "data: "))
	}
	if _, err := s.UpdateEvent(m); err != nil {
		return con.failf(ExitFailed, "%v", err)
	}
	fmt.Fprintln(con.stdout, m.Event.ID)
	return ExitOK
}

func runMyEventDelete(con console, path string, args []string) int {
	if len(args) != 1 {
		return con.usagef("%s", lang.T("give the ID of one event of yours"))
	}
	s, status := openStore(con, path)
	if s == nil {
		return status
	}
	defer s.Close()
	m, err := s.DeleteEvent(args[0])
	if err != nil {
		return con.failf(ExitFailed, "%v", err)
	}
	fmt.Fprintf(con.stdout, lang.T("deleted %s (%s)\n"), m.Event.ID, m.Event.Title)
	return ExitOK
}
