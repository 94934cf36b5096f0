package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/data/prefs"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

func init() {
	register(&command{
		name: "snapshot", args: "-o FILE",
		summary: "draw a titled, dated, credited map to PNG, SVG, PDF or GIF without a window",
		notes: `-o - writes to standard output (PNG unless --format says otherwise).
With --every, a series: a PDF page, a GIF frame or a PNG file in the folder -o per step.
Ctrl-C (SIGINT) or SIGTERM during a series stops it and removes what was begun;
the status is then 130 or 143.`,
		flags: func(fs *flag.FlagSet) runFunc {
			o := &snapshotOptions{}
			o.bind(fs)
			return func(con console, args []string) int { return runSnapshot(con, fs, o, args) }
		},
	})
}

// Limits of --dpi, the resolution a PNG records.
const (
	minDPI = 1
	maxDPI = 10000
)

// snapshotOptions are the snapshot command's flags once parsed. To add a
// flag, add a field, bind it in bind and check it in check.
type snapshotOptions struct {
	out, format      string // -o, --format
	view             string // --view, a name or W,S,E,N
	size, paper      string // --size WIDTHxHEIGHT, --paper
	dpi              float64
	from, to         string
	every            string
	title, subtitle  string
	caveat           string
	caveatGiven      bool
	noLegend         bool
	noScale, noNorth bool
	noCredits        bool
	noTitle, noSub   bool
	noTime           bool
	noRelations      bool
	noVisits         bool
	worldFile        bool
	svgText          string // --svg-text: outlines or editable
	noEventList      bool
	kinds, countries string
	actor            string
	store            string

	width, height int // from size
}

// bind declares the flags on fs, with their defaults.
func (o *snapshotOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.out, "o", "", "`FILE` to write: .png, .svg, .pdf or .gif; for a series of PNG frames, a folder; - for standard output")
	fs.StringVar(&o.format, "format", "", "`FORMAT`: png, svg, pdf or gif (default: from the extension of -o)")
	fs.StringVar(&o.view, "view", "sahel", "`VIEW`: sahel, mali, sudan, france, world, or W,S,E,N in degrees")
	fs.StringVar(&o.size, "size", "", fmt.Sprintf("page size in pixels, `WIDTHxHEIGHT`, each side 1 to %d (default 1920x1080; 960x540 for a GIF)", scene.MaxSide))
	fs.StringVar(&o.paper, "paper", "", "`PAPER`: a4, a3, letter (landscape, 300 dpi), slide (1920x1080) or 4k")
	numberVar(fs, &o.dpi, "dpi", 0, minDPI, maxDPI, fmt.Sprintf("resolution recorded in a PNG, `DPI` from %d to %d (default: the paper's, else 96)", minDPI, maxDPI))
	fs.StringVar(&o.from, "from", "", "first day of the date window, `YYYY-MM-DD` (default: the first event)")
	fs.StringVar(&o.to, "to", "", "last day of the date window, `YYYY-MM-DD` (default: the last event)")
	fs.StringVar(&o.every, "every", "", "`STEP`: day, week or month, for a series over --from..--to")
	fs.StringVar(&o.title, "title", "", "`TITLE` (default: Sahel Atlas and the view)")
	fs.StringVar(&o.subtitle, "subtitle", "", "`SUBTITLE` (default: the date window)")
	fs.StringVar(&o.caveat, "caveat", "", "`CAVEAT` or classification line, top and bottom; remembered for the next snapshot (\"\" clears it)")
	fs.BoolVar(&o.noLegend, "no-legend", false, "leave out the legend")
	fs.BoolVar(&o.noScale, "no-scale", false, "leave out the scale bar")
	fs.BoolVar(&o.noNorth, "no-north", false, "leave out the north arrow")
	fs.BoolVar(&o.noCredits, "no-credits", false, "leave out the credits")
	fs.BoolVar(&o.noTitle, "no-title", false, "leave out the title")
	fs.BoolVar(&o.noSub, "no-subtitle", false, "leave out the subtitle")
	fs.BoolVar(&o.noTime, "no-timestamp", false, "leave out when the snapshot was made")
	fs.BoolVar(&o.noRelations, "no-relations", false, "leave out the relation lines")
	fs.BoolVar(&o.noVisits, "no-visits", false, "leave out the visit arcs")
	fs.StringVar(&o.svgText, "svg-text", "outlines", "how an SVG writes its text, `MODE`: outlines (looks the same in every program) or editable (<text> with the font embedded)")
	fs.BoolVar(&o.noEventList, "no-event-list", false, "leave out the numbers of the events on the map and their list")
	fs.BoolVar(&o.worldFile, "world-file", false, "write FILE.pgw, FILE.prj and FILE.png.aux.xml (Web Mercator, for GDAL) beside a PNG")
	fs.StringVar(&o.kinds, "kind", "", "only events of these `KINDS`, comma-separated")
	fs.StringVar(&o.actor, "actor", "", "only events of this actor (an `ID`), whose itinerary is drawn")
	fs.StringVar(&o.countries, "country", "", "only events of these `COUNTRIES`, ISO 3166 alpha-3, comma-separated")
	fs.StringVar(&o.store, "store", "", "workspace store `PATH` whose annotations and imported events (the layers the window shows) are drawn too (default: none)")
}

// check validates what bind cannot and fills the derived fields.
func (o *snapshotOptions) check() error {
	if o.out == "" {
		return errors.New(lang.T("-o FILE is required"))
	}
	if o.size != "" {
		w, h, err := parseSize(o.size)
		if err != nil {
			return fmt.Errorf("--size %q: %v", o.size, err)
		}
		o.width, o.height = w, h
		if o.paper != "" {
			return errors.New(lang.T("give --size or --paper, not both"))
		}
	}
	return nil
}

// parseSize reads "1920x1080", each side within the limits of every
// snapshot (scene.CheckSize), the Export dialog's too.
func parseSize(s string) (w, h int, err error) {
	ws, hs, found := strings.Cut(strings.ToLower(s), "x")
	if !found {
		return 0, 0, errors.New(lang.T("not WIDTHxHEIGHT in pixels"))
	}
	w, errW := strconv.Atoi(ws)
	h, errH := strconv.Atoi(hs)
	if errW != nil || errH != nil {
		return 0, 0, fmt.Errorf(lang.T("not WIDTHxHEIGHT in whole pixels, each side 1 to %d"), scene.MaxSide)
	}
	if err := scene.CheckSize(w, h); err != nil {
		return 0, 0, err
	}
	return w, h, nil
}

// snapshot turns the flags into a Snapshot of scene.
func (o *snapshotOptions) snapshot(s *scene.Scene) (scene.Snapshot, error) {
	snap := scene.Snapshot{
		Format: scene.Format(strings.ToLower(o.format)), Width: o.width, Height: o.height,
		Paper: strings.ToLower(o.paper), DPI: o.dpi, Every: scene.Step(o.every),
		HideRelations: o.noRelations, HideVisits: o.noVisits, WorldFile: o.worldFile,
	}
	switch snap.Format {
	case "", scene.FormatPNG, scene.FormatSVG, scene.FormatPDF, scene.FormatGIF:
	default:
		return snap, fmt.Errorf(lang.T("--format %q: use png, svg, pdf or gif"), o.format)
	}
	switch strings.ToLower(o.svgText) {
	case "outlines":
		snap.SVGText = draw.TextOutlines
	case "editable":
		snap.SVGText = draw.TextEditable
	default:
		return snap, fmt.Errorf("--svg-text %q: use outlines or editable", o.svgText)
	}
	b, err := geo.ViewBound(o.view, s.Atlas)
	if err != nil {
		return snap, err
	}
	snap.Bound = b
	for _, d := range []struct {
		flag string
		in   string
		out  *data.Date
	}{{"--from", o.from, &snap.From}, {"--to", o.to, &snap.To}} {
		if d.in == "" {
			continue
		}
		if *d.out, err = data.ParseDate(d.in); err != nil {
			return snap, fmt.Errorf(lang.T("%s %q is not a date YYYY-MM-DD"), d.flag, d.in)
		}
	}
	if snap.Every != "" && (o.from == "" || o.to == "") {
		return snap, errors.New(lang.T("--every needs --from and --to"))
	}
	for _, k := range data.SplitList(o.kinds) {
		kind, ok := data.ParseKind(k)
		if !ok {
			return snap, fmt.Errorf(lang.T("--kind %q is not a kind of event (kinds: %s)"), k, kindNames())
		}
		snap.Filter.Kinds = append(snap.Filter.Kinds, kind)
	}
	for _, c := range data.SplitList(o.countries) {
		snap.Filter.Countries = append(snap.Filter.Countries, strings.ToUpper(c))
	}
	if o.actor != "" {
		if s.Data.Actor(o.actor) == nil {
			return snap, fmt.Errorf(lang.T("--actor %q: no actor has that id"), o.actor)
		}
		snap.Filter.Actors, snap.Actor = []string{o.actor}, o.actor
	}
	snap.Layout = layout.Options{Title: o.title, Subtitle: o.subtitle}
	if snap.Layout.Title == "" {
		snap.Layout.Title = "Sahel Atlas"
		if v := strings.ToLower(strings.TrimSpace(o.view)); v != "" && !strings.Contains(v, ",") {
			snap.Layout.Title += lang.T("page.title.sep") + viewName(v)
		}
	}
	for _, h := range []struct {
		off bool
		e   layout.Element
	}{
		{o.noLegend, layout.Legend}, {o.noScale, layout.ScaleBar}, {o.noNorth, layout.NorthArrow},
		{o.noCredits, layout.Credits}, {o.noTitle, layout.Title}, {o.noSub, layout.Subtitle}, {o.noTime, layout.MadeAt},
		{o.noEventList, layout.EventList},
	} {
		if h.off {
			snap.Layout.Hide |= h.e
		}
	}
	return snap, nil
}

// kindNames lists the kinds of event for a message.
func kindNames() string {
	names := make([]string, len(data.Kinds))
	for i, k := range data.Kinds {
		names[i] = k.String()
	}
	return strings.Join(names, ", ")
}

// seriesProgress, when set, hears of every frame a snapshot draws, with
// the command's context. Tests set it to stop a series at a known frame.
var seriesProgress func(ctx context.Context, done, total int)

// runSnapshot draws a snapshot or a series to a file, or to standard
// output with -o -.
func runSnapshot(con console, fs *flag.FlagSet, o *snapshotOptions, args []string) int {
	if len(args) > 0 {
		return con.usagef(lang.T("unexpected argument %q"), args[0])
	}
	if err := o.check(); err != nil {
		return con.usagef("%v", err)
	}
	fs.Visit(func(f *flag.Flag) { o.caveatGiven = o.caveatGiven || f.Name == "caveat" })
	sc, err := scene.Load()
	if err != nil {
		return con.failf(ExitFailed, "%v", err)
	}
	var notes []data.Annotation
	if o.store != "" {
		ws, status := readWorkspace(con, o.store, sc.Data, true)
		if status != ExitOK {
			return status
		}
		sc, notes = sc.WithData(ws.data), ws.notes
	}
	toStdout := o.out == "-"
	if toStdout && o.format == "" {
		o.format = string(scene.FormatPNG)
	}
	snap, err := o.snapshot(sc)
	if err != nil {
		return con.usagef("%v", err)
	}
	snap.Annotations = notes
	saved, err := prefs.LoadSnapshot()
	if err != nil {
		return con.failf(ExitUsage, "%v", err)
	}
	snap.Layout.Caveat = saved.Caveat
	if o.caveatGiven {
		snap.Layout.Caveat = o.caveat
	}
	path := o.out
	if toStdout {
		path = ""
	}
	done, err := snap.Complete(sc, path)
	if err == nil {
		ctx, release := catchSignals()
		defer release()
		if seriesProgress != nil {
			done.Progress = func(n, total int) { seriesProgress(ctx, n, total) }
		}
		if toStdout {
			err = scene.Encode(ctx, sc, con.stdout, done)
		} else {
			err = scene.WriteContext(ctx, sc, o.out, done)
		}
		if status := signalStatus(ctx); status != 0 && err != nil {
			what := "removed what it had begun"
			if toStdout {
				what = "standard output holds part of a file"
			}
			return con.failf(status, "%v; %s", context.Cause(ctx), what)
		}
	}
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), scene.ErrBadSnapshot.Error()+": ")
		if errors.Is(err, scene.ErrBadSnapshot) {
			return con.usagef("%s", msg)
		}
		return con.failf(ExitUsage, "%s", msg)
	}
	if o.caveatGiven && o.caveat != saved.Caveat {
		saved.Caveat = o.caveat
		if err := prefs.SaveSnapshot(saved); err != nil {
			con.failf(ExitOK, lang.T("wrote %s but could not remember the caveat: %v"), o.out, err)
		}
	}
	// What the reader cannot tell from the page: a remembered caveat, the
	// events left off. On standard error when the file went to standard
	// output.
	var said []string
	if !o.caveatGiven && strings.TrimSpace(done.Layout.Caveat) != "" && done.Layout.Hide&layout.Caveat == 0 {
		said = append(said, lang.T("cli.snapshot.caveat", done.Layout.Caveat))
	}
	for _, s := range done.Omitted(sc).Sentences() {
		said = append(said, lang.T("cli.snapshot.note", s))
	}
	if toStdout {
		for _, n := range said {
			fmt.Fprintln(con.stderr, n)
		}
		return ExitOK
	}
	what := string(done.Format)
	if done.Every != "" {
		what += lang.T("cli.snapshot.series", string(done.Every))
	}
	fmt.Fprintln(con.stdout, lang.T("cli.snapshot.wrote", o.out, what, done.From, done.To, o.view))
	for _, n := range said {
		fmt.Fprintln(con.stdout, n)
	}
	return ExitOK
}
