package cmdline

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/data/prefs"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

// Limits of --dpi, the resolution a PNG records.
const (
	minDPI = 1
	maxDPI = 10000
)

// Snapshot holds the snapshot command's flags once parsed. To add a flag,
// add a field, bind it in Bind, check it in Check and use it in Request.
type Snapshot struct {
	Out, Format      string // -o, --format
	View             string // --view, a name or W,S,E,N
	Size, Paper      string // --size WIDTHxHEIGHT, --paper
	DPI              float64
	From, To         string
	Every            string
	Title, Subtitle  string
	Caveat           string
	NoLegend         bool
	NoScale, NoNorth bool
	NoCredits        bool
	NoTitle, NoSub   bool
	NoTime           bool
	NoRelations      bool
	NoVisits         bool
	WorldFile        bool
	SVGText          string // --svg-text: outlines or editable
	NoEventList      bool
	Kinds, Countries string
	Actor            string
	Store            string

	// CaveatGiven is whether --caveat was given (an empty one clears the
	// caveat remembered), set by Check.
	CaveatGiven bool
	// Width and Height are --size's, set by Check; zero without --size.
	Width, Height int

	fs *flag.FlagSet // the flag set Bind declared the flags on
}

// Bind declares the flags on fs, with their defaults.
func (o *Snapshot) Bind(fs *flag.FlagSet) {
	o.fs = fs
	fs.StringVar(&o.Out, "o", "", "`FILE` to write: .png, .svg, .pdf or .gif; for a series of PNG frames, a folder; - for standard output")
	fs.StringVar(&o.Format, "format", "", "`FORMAT`: png, svg, pdf or gif (default: from the extension of -o)")
	fs.StringVar(&o.View, "view", "sahel", "`VIEW`: sahel, mali, sudan, france, world, or W,S,E,N in degrees")
	fs.StringVar(&o.Size, "size", "", fmt.Sprintf("page size in pixels, `WIDTHxHEIGHT`, each side 1 to %d (default 1920x1080; 960x540 for a GIF)", scene.MaxSide))
	fs.StringVar(&o.Paper, "paper", "", "`PAPER`: a4, a3, letter (landscape, 300 dpi), slide (1920x1080) or 4k")
	NumberVar(fs, &o.DPI, "dpi", 0, minDPI, maxDPI, fmt.Sprintf("resolution recorded in a PNG, `DPI` from %d to %d (default: the paper's, else 96)", minDPI, maxDPI))
	fs.StringVar(&o.From, "from", "", "first day of the date window, `YYYY-MM-DD` (default: the first event)")
	fs.StringVar(&o.To, "to", "", "last day of the date window, `YYYY-MM-DD` (default: the last event)")
	fs.StringVar(&o.Every, "every", "", "`STEP`: day, week or month, for a series over --from..--to")
	fs.StringVar(&o.Title, "title", "", "`TITLE` (default: Sahel Atlas and the view)")
	fs.StringVar(&o.Subtitle, "subtitle", "", "`SUBTITLE` (default: the date window)")
	fs.StringVar(&o.Caveat, "caveat", "", "`CAVEAT` or classification line, top and bottom; remembered for the next snapshot (\"\" clears it)")
	fs.BoolVar(&o.NoLegend, "no-legend", false, "leave out the legend")
	fs.BoolVar(&o.NoScale, "no-scale", false, "leave out the scale bar")
	fs.BoolVar(&o.NoNorth, "no-north", false, "leave out the north arrow")
	fs.BoolVar(&o.NoCredits, "no-credits", false, "leave out the credits")
	fs.BoolVar(&o.NoTitle, "no-title", false, "leave out the title")
	fs.BoolVar(&o.NoSub, "no-subtitle", false, "leave out the subtitle")
	fs.BoolVar(&o.NoTime, "no-timestamp", false, "leave out when the snapshot was made")
	fs.BoolVar(&o.NoRelations, "no-relations", false, "leave out the relation lines")
	fs.BoolVar(&o.NoVisits, "no-visits", false, "leave out the visit arcs")
	fs.StringVar(&o.SVGText, "svg-text", "outlines", "how an SVG writes its text, `MODE`: outlines (looks the same in every program) or editable (<text> with the font embedded)")
	fs.BoolVar(&o.NoEventList, "no-event-list", false, "leave out the numbers of the events on the map and their list")
	fs.BoolVar(&o.WorldFile, "world-file", false, "write FILE.pgw, FILE.prj and FILE.png.aux.xml (Web Mercator, for GDAL) beside a PNG")
	fs.StringVar(&o.Kinds, "kind", "", "only events of these `KINDS`, comma-separated")
	fs.StringVar(&o.Actor, "actor", "", "only events of this actor (an `ID`), whose itinerary is drawn")
	fs.StringVar(&o.Countries, "country", "", "only events of these `COUNTRIES`, ISO 3166 alpha-3, comma-separated")
	fs.StringVar(&o.Store, "store", "", "workspace store `PATH` whose annotations and imported events (the layers the window shows) are drawn too (default: none)")
}

// Check validates, once the flags are parsed, what Bind cannot, and
// fills the derived fields: Width and Height, CaveatGiven, and the
// format of a page written to standard output (PNG unless --format
// says otherwise).
func (o *Snapshot) Check() error {
	if o.Out == "" {
		return errors.New(lang.T("-o FILE is required"))
	}
	if o.Size != "" {
		w, h, err := ParseSize(o.Size)
		if err != nil {
			return fmt.Errorf("--size %q: %v", o.Size, err)
		}
		o.Width, o.Height = w, h
		if o.Paper != "" {
			return errors.New(lang.T("give --size or --paper, not both"))
		}
	}
	if o.fs != nil {
		o.fs.Visit(func(f *flag.Flag) { o.CaveatGiven = o.CaveatGiven || f.Name == "caveat" })
	}
	if o.Out == "-" && o.Format == "" {
		o.Format = string(scene.FormatPNG)
	}
	return nil
}

// ParseSize reads "1920x1080", each side within the limits of every
// snapshot (scene.CheckSize), the Export dialog's too.
func ParseSize(s string) (w, h int, err error) {
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

// Path is where the page goes, as scene.Snapshot.Complete wants it: -o,
// or "" for standard output.
func (o *Snapshot) Path() string {
	if o.Out == "-" {
		return ""
	}
	return o.Out
}

// WithCaveat is snap with the caveat the page carries: --caveat's when
// given, else the one remembered from the last snapshot (saved).
func (o *Snapshot) WithCaveat(snap scene.Snapshot, saved prefs.Snapshot) scene.Snapshot {
	snap.Layout.Caveat = saved.Caveat
	if o.CaveatGiven {
		snap.Layout.Caveat = o.Caveat
	}
	return snap
}
