package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/prefs"
	"github.com/sahelatlas/sahelatlas/data/store"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

func init() {
	Register(Command{
		Name:    "snapshot",
		Summary: "draw a titled, dated, credited map to PNG, SVG, PDF or GIF without a window: " + snapshotUsage,
		Run:     runSnapshot,
	})
}

const snapshotUsage = "snapshot -o FILE.png|.svg|.pdf|.gif [--view sahel|mali|sudan|france|world|W,S,E,N] " +
	"[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--every day|week|month] [--size WxH | --paper a4|a3|letter|slide|4k] " +
	"[--title T] [--subtitle S] [--caveat C] [--no-legend] [--no-scale] [--no-north] [--no-credits] [--world-file] " +
	"[--kind K,...] [--actor ID] [--country ISO3,...] [--store PATH]"

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
	kinds, countries string
	actor            string
	store            string

	width, height int // from size
}

// bind declares the flags on fs, with their defaults.
func (o *snapshotOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.out, "o", "", "file to write: .png, .svg, .pdf or .gif; for a series of PNG frames, a folder")
	fs.StringVar(&o.format, "format", "", "png, svg, pdf or gif (default: from the extension of -o)")
	fs.StringVar(&o.view, "view", "sahel", "sahel, mali, sudan, france, world, or W,S,E,N in degrees")
	fs.StringVar(&o.size, "size", "", "page size in pixels, WIDTHxHEIGHT (default 1920x1080; 960x540 for a GIF)")
	fs.StringVar(&o.paper, "paper", "", "a4, a3, letter (landscape, 300 dpi), slide (1920x1080) or 4k")
	fs.Float64Var(&o.dpi, "dpi", 0, "resolution recorded in a PNG (default: the paper's, else 96)")
	fs.StringVar(&o.from, "from", "", "first day of the date window, YYYY-MM-DD (default: the first event)")
	fs.StringVar(&o.to, "to", "", "last day of the date window, YYYY-MM-DD (default: the last event)")
	fs.StringVar(&o.every, "every", "", "day, week or month: a series over --from..--to")
	fs.StringVar(&o.title, "title", "", "title (default: Sahel Atlas and the view)")
	fs.StringVar(&o.subtitle, "subtitle", "", "subtitle (default: the date window)")
	fs.StringVar(&o.caveat, "caveat", "", "caveat or classification line, top and bottom; remembered for the next snapshot (\"\" clears it)")
	fs.BoolVar(&o.noLegend, "no-legend", false, "leave out the legend")
	fs.BoolVar(&o.noScale, "no-scale", false, "leave out the scale bar")
	fs.BoolVar(&o.noNorth, "no-north", false, "leave out the north arrow")
	fs.BoolVar(&o.noCredits, "no-credits", false, "leave out the credits")
	fs.BoolVar(&o.noTitle, "no-title", false, "leave out the title")
	fs.BoolVar(&o.noSub, "no-subtitle", false, "leave out the subtitle")
	fs.BoolVar(&o.noTime, "no-timestamp", false, "leave out when the snapshot was made")
	fs.BoolVar(&o.noRelations, "no-relations", false, "leave out the relation lines")
	fs.BoolVar(&o.noVisits, "no-visits", false, "leave out the visit arcs")
	fs.BoolVar(&o.worldFile, "world-file", false, "write FILE.pgw and FILE.prj (Web Mercator) beside a PNG")
	fs.StringVar(&o.kinds, "kind", "", "only events of these kinds, comma-separated")
	fs.StringVar(&o.actor, "actor", "", "only events of this actor (an id), whose itinerary is drawn")
	fs.StringVar(&o.countries, "country", "", "only events of these countries, ISO 3166 alpha-3, comma-separated")
	fs.StringVar(&o.store, "store", "", "annotations store to draw from (default: none)")
}

// check validates what bind cannot and fills the derived fields.
func (o *snapshotOptions) check() error {
	if o.out == "" {
		return errors.New("-o FILE is required")
	}
	if o.size != "" {
		w, h, ok := parseSize(o.size)
		if !ok {
			return fmt.Errorf("--size %q is not WIDTHxHEIGHT with each side 1 to %d pixels", o.size, scene.MaxSide)
		}
		o.width, o.height = w, h
		if o.paper != "" {
			return errors.New("give --size or --paper, not both")
		}
	}
	if o.dpi < 0 {
		return fmt.Errorf("--dpi %g is negative", o.dpi)
	}
	return nil
}

// parseSize reads "1920x1080".
func parseSize(s string) (w, h int, ok bool) {
	ws, hs, found := strings.Cut(strings.ToLower(s), "x")
	if !found {
		return 0, 0, false
	}
	w, errW := strconv.Atoi(ws)
	h, errH := strconv.Atoi(hs)
	if errW != nil || errH != nil || w < 1 || h < 1 || w > scene.MaxSide || h > scene.MaxSide {
		return 0, 0, false
	}
	return w, h, true
}

// parseSnapshot parses the command's arguments.
func parseSnapshot(args []string) (snapshotOptions, error) {
	var o snapshotOptions
	fs := flag.NewFlagSet("snapshot", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // one line of our own instead of flag's usage dump
	o.bind(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, errors.New("help requested")
		}
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	fs.Visit(func(f *flag.Flag) { o.caveatGiven = o.caveatGiven || f.Name == "caveat" })
	return o, o.check()
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
		return snap, fmt.Errorf("--format %q: use png, svg, pdf or gif", o.format)
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
			return snap, fmt.Errorf("%s %q is not a date YYYY-MM-DD", d.flag, d.in)
		}
	}
	if snap.Every != "" && (o.from == "" || o.to == "") {
		return snap, errors.New("--every needs --from and --to")
	}
	for _, k := range splitList(o.kinds) {
		if !data.Kind(k).Valid() {
			return snap, fmt.Errorf("--kind %q is not a kind of event (kinds: %s)", k, kindNames())
		}
		snap.Filter.Kinds = append(snap.Filter.Kinds, data.Kind(k))
	}
	for _, c := range splitList(o.countries) {
		snap.Filter.Countries = append(snap.Filter.Countries, strings.ToUpper(c))
	}
	if o.actor != "" {
		if s.Data.Actor(o.actor) == nil {
			return snap, fmt.Errorf("--actor %q: no actor has that id", o.actor)
		}
		snap.Filter.Actors, snap.Actor = []string{o.actor}, o.actor
	}
	snap.Layout = layout.Options{Title: o.title, Subtitle: o.subtitle}
	if snap.Layout.Title == "" {
		snap.Layout.Title = "Sahel Atlas"
		if v := strings.ToLower(strings.TrimSpace(o.view)); v != "" && !strings.Contains(v, ",") {
			snap.Layout.Title += ": " + strings.ToUpper(v[:1]) + v[1:]
		}
	}
	for _, h := range []struct {
		off bool
		e   layout.Element
	}{
		{o.noLegend, layout.Legend}, {o.noScale, layout.ScaleBar}, {o.noNorth, layout.NorthArrow},
		{o.noCredits, layout.Credits}, {o.noTitle, layout.Title}, {o.noSub, layout.Subtitle}, {o.noTime, layout.MadeAt},
	} {
		if h.off {
			snap.Layout.Hide |= h.e
		}
	}
	return snap, nil
}

// splitList splits a comma-separated flag, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// kindNames lists the kinds of event for a message.
func kindNames() string {
	names := make([]string, len(data.Kinds))
	for i, k := range data.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// runSnapshot draws a snapshot or a series to a file.
func runSnapshot(args []string, stdout, stderr io.Writer) int {
	fail := func(status int, msg string) int {
		fmt.Fprintf(stderr, "sahelatlas snapshot: %s\n", strings.ReplaceAll(msg, "\n", "; "))
		return status
	}
	usage := func(msg string) int {
		return fail(ExitUsage, msg+" (usage: sahelatlas "+snapshotUsage+")")
	}
	o, err := parseSnapshot(args)
	if err != nil {
		return usage(err.Error())
	}
	sc, err := scene.Load()
	if err != nil {
		return fail(ExitFailed, err.Error())
	}
	snap, err := o.snapshot(sc)
	if err != nil {
		return usage(err.Error())
	}
	saved, err := prefs.LoadSnapshot()
	if err != nil {
		return fail(ExitUsage, err.Error())
	}
	snap.Layout.Caveat = saved.Caveat
	if o.caveatGiven {
		snap.Layout.Caveat = o.caveat
	}
	if o.store != "" {
		notes, status := snapshotAnnotations(o.store, stderr)
		if status != ExitOK {
			return status
		}
		snap.Annotations = notes
	}
	done, err := snap.Complete(sc, o.out)
	if err == nil {
		err = scene.Write(sc, o.out, done)
	}
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), scene.ErrBadSnapshot.Error()+": ")
		if errors.Is(err, scene.ErrBadSnapshot) {
			return usage(msg)
		}
		return fail(ExitUsage, msg)
	}
	if o.caveatGiven && o.caveat != saved.Caveat {
		saved.Caveat = o.caveat
		if err := prefs.SaveSnapshot(saved); err != nil {
			fmt.Fprintf(stderr, "sahelatlas snapshot: wrote %s but could not remember the caveat: %v\n", o.out, err)
		}
	}
	what := string(done.Format)
	if done.Every != "" {
		what += " series every " + string(done.Every)
	}
	fmt.Fprintf(stdout, "wrote %s (%s, %s to %s, view %s)\n", o.out, what, done.From, done.To, o.view)
	return ExitOK
}

// snapshotAnnotations reads every annotation of the store at path.
func snapshotAnnotations(path string, stderr io.Writer) ([]data.Annotation, int) {
	st, rec, err := store.Open(path)
	switch {
	case errors.Is(err, store.ErrLocked):
		fmt.Fprintf(stderr, "sahelatlas snapshot: %v\n", err)
		return nil, ExitLocked
	case err != nil:
		fmt.Fprintf(stderr, "sahelatlas snapshot: --store %s: %v\n", path, err)
		return nil, ExitUsage
	}
	defer st.Close()
	if rec != nil {
		fmt.Fprintln(stderr, rec)
	}
	notes, err := st.List()
	if err != nil {
		fmt.Fprintf(stderr, "sahelatlas snapshot: --store %s: %v\n", path, err)
		return nil, ExitUsage
	}
	return notes, ExitOK
}

