package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/store"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// Format is a snapshot's file format.
type Format string

// The snapshot formats.
const (
	FormatPNG Format = "png" // raster, resolution recorded, optional world file
	FormatSVG Format = "svg" // vector: paths and text, editable
	FormatPDF Format = "pdf" // vector, font embedded; a series has a page a step
	FormatGIF Format = "gif" // animated for a series, one frame otherwise
)

// FormatOf is the format named by path's extension.
func FormatOf(path string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))); f {
	case FormatPNG, FormatSVG, FormatPDF, FormatGIF:
		return f, nil
	}
	return "", fmt.Errorf("cannot tell the format of %q from its extension: name it .png, .svg, .pdf or .gif, or give --format", path)
}

// Paper is a preset page: its size in device pixels (PNG, SVG, GIF) at
// DPI, and the page a PDF gets.
type Paper struct {
	Width, Height int
	DPI           float64
	Page          draw.Page
}

// Papers are the presets by name: a 16:9 slide, 4K, and A4, A3 and US
// Letter landscape at 300 dpi. A PDF's drawing is twice its page in
// points, so text and symbols keep their slide proportions.
var Papers = map[string]Paper{
	"slide":  {1920, 1080, 96, draw.Page{Width: 960, Height: 540}},
	"4k":     {3840, 2160, 192, draw.Page{Width: 960, Height: 540}},
	"a4":     {3508, 2480, 300, draw.PageA4Landscape},
	"a3":     {4961, 3508, 300, draw.PageA3Landscape},
	"letter": {3300, 2550, 300, draw.Page{Width: 792, Height: 612}},
}

// Step is how far a dated series moves from one frame to the next.
type Step string

// The steps of a series.
const (
	StepDay   Step = "day"
	StepWeek  Step = "week"
	StepMonth Step = "month"
)

// Snapshot says what an export shows and how it is written. The zero
// value of most fields means the usual: see each field.
type Snapshot struct {
	Format Format // zero: from the file's extension
	// Width and Height are the page in device pixels (PNG, GIF) or in
	// drawing pixels (SVG, PDF); zero means Paper's, else 1920×1080
	// (960×540 for a GIF).
	Width, Height int
	Paper         string  // a key of Papers; "" for none
	DPI           float64 // recorded in a PNG; zero: Paper's, else 96
	// Bound is the lon/lat area the map shows, fitted to the map's frame.
	Bound orb.Bound
	// From and To are the date window (inclusive); zero means the whole
	// span of the data, as the window opens.
	From, To data.Date
	Filter   data.Filter
	// Actor follows one actor's visits as an itinerary ("" for none).
	Actor                     string
	HideRelations, HideVisits bool
	// Annotations are drawn over the map, those dated in the window.
	Annotations []data.Annotation
	// Layout holds the title, caveat and hidden elements. An empty
	// Subtitle becomes the date window; empty Credits and a zero MadeAt
	// are filled in (Natural Earth, GeoNames, the documents of the
	// events shown; now).
	Layout layout.Options
	// WorldFile writes FILE.pgw and FILE.prj beside a PNG.
	WorldFile bool
	// Every makes a series from From to To: a PDF page, a GIF frame or a
	// PNG file (in the folder named by the path) per step.
	Every Step
	// Progress, when set, is called after every frame with how many are
	// done out of total.
	Progress func(done, total int)
}

// RenderSnapshot draws the snapshot o of the scene as one raster page, as
// WriteSnapshot would write it to a PNG, without writing anything: the
// window's Export dialog previews with it.
func RenderSnapshot(s *Scene, o Snapshot) (*image.RGBA, error) {
	o.Format, o.Every, o.WorldFile = FormatPNG, "", false
	o, err := o.complete(s, "")
	if err != nil {
		return nil, err
	}
	fr, err := newFramer(s, o)
	if err != nil {
		return nil, err
	}
	img, _, _ := fr.raster(o.From, o.To)
	return img, nil
}

// ErrBadSnapshot wraps what is wrong with a Snapshot or its path, as
// opposed to a failure while drawing or writing.
var ErrBadSnapshot = errors.New("bad snapshot")

// WriteSnapshot draws the snapshot o of the scene and writes it to path,
// or a series when o.Every is set. Each file is written to a temporary
// file and renamed, so a failed export leaves no broken file. It builds
// its own layers (Scene.NewLayers) and never changes s.Map's overlays, so
// the window can export while it draws.
func WriteSnapshot(s *Scene, path string, o Snapshot) error {
	o, err := o.complete(s, path)
	if err != nil {
		return err
	}
	if o.Every != "" {
		return writeSeries(s, path, o)
	}
	fr, err := newFramer(s, o)
	if err != nil {
		return err
	}
	defer report(o.Progress, 1, 1)
	switch o.Format {
	case FormatSVG:
		return writeFileAtomic(path, func(w io.Writer) error {
			c := draw.NewSVG(w, o.Width, o.Height)
			fr.draw(c, o.From, o.To)
			return c.Close()
		})
	case FormatPDF:
		return writeFileAtomic(path, func(w io.Writer) error {
			c := draw.NewPDF(o.Width, o.Height, o.page())
			fr.draw(c, o.From, o.To)
			return c.Output(w)
		})
	case FormatGIF:
		return writeGIF(path, fr, o, [][2]data.Date{{o.From, o.To}})
	}
	img, v, frame := fr.raster(o.From, o.To)
	if err := writeFileAtomic(path, func(w io.Writer) error { return layout.EncodePNG(w, img, o.DPI) }); err != nil {
		return err
	}
	if o.WorldFile {
		return writeWorldFile(path, v, frame)
	}
	return nil
}

// complete checks o and fills in its defaults.
func (o Snapshot) complete(s *Scene, path string) (Snapshot, error) {
	bad := func(format string, a ...any) (Snapshot, error) {
		return o, fmt.Errorf("%w: %s", ErrBadSnapshot, fmt.Sprintf(format, a...))
	}
	if o.Format == "" {
		f, err := FormatOf(path)
		if err != nil && !(o.Every != "" && filepath.Ext(path) == "") {
			return bad("%v", err)
		}
		o.Format = f
		if f == "" {
			o.Format = FormatPNG // a series of PNG frames into a folder
		}
	}
	paper, hasPaper := Papers[o.Paper]
	if o.Paper != "" && !hasPaper {
		return bad("no paper %q: use a4, a3, letter, slide or 4k", o.Paper)
	}
	if o.Width == 0 || o.Height == 0 {
		switch {
		case hasPaper && o.Format == FormatPDF:
			o.Width, o.Height = int(2*paper.Page.Width+0.5), int(2*paper.Page.Height+0.5)
		case hasPaper:
			o.Width, o.Height = paper.Width, paper.Height
		case o.Format == FormatGIF:
			o.Width, o.Height = 960, 540
		case o.Format == FormatPDF:
			o.Paper, paper, hasPaper = "a4", Papers["a4"], true
			o.Width, o.Height = int(2*paper.Page.Width+0.5), int(2*paper.Page.Height+0.5)
		default:
			o.Width, o.Height = ReferenceSize()
		}
	}
	if o.Width < 1 || o.Height < 1 || o.Width > maxSnapshotSide || o.Height > maxSnapshotSide {
		return bad("a snapshot of %dx%d pixels: each side must be 1 to %d", o.Width, o.Height, maxSnapshotSide)
	}
	if o.DPI == 0 {
		o.DPI = 96
		if hasPaper {
			o.DPI = paper.DPI
		}
	}
	if o.Bound == (orb.Bound{}) {
		b, err := geo.ViewBound("sahel", s.Atlas)
		if err != nil {
			return o, err
		}
		o.Bound = b
	}
	first, last := DataSpan(s.Data)
	if o.From.IsZero() {
		o.From = first
	}
	if o.To.IsZero() {
		o.To = last
	}
	if o.To.Before(o.From) {
		return bad("the window ends (%s) before it starts (%s)", o.To, o.From)
	}
	if o.WorldFile && (o.Format != FormatPNG || o.Every != "") {
		return bad("a world file goes only with a single PNG")
	}
	switch o.Every {
	case "", StepDay, StepWeek, StepMonth:
	default:
		return bad("--every %q: use day, week or month", o.Every)
	}
	if o.Every != "" && o.Format == FormatSVG {
		return bad("a series is a PDF, a GIF or a folder of PNG frames, not an SVG")
	}
	if o.Layout.MadeAt.IsZero() {
		o.Layout.MadeAt = time.Now()
	}
	return o, nil
}

// ReferenceSize is the default page: a 16:9 slide, 1920×1080.
func ReferenceSize() (w, h int) { return layout.ReferenceWidth, layout.ReferenceHeight }

// page is the PDF page of o: its paper's, or its size at 96 dpi.
func (o Snapshot) page() draw.Page {
	if p, ok := Papers[o.Paper]; ok {
		return p.Page
	}
	return draw.Page{Width: float64(o.Width) * 0.75, Height: float64(o.Height) * 0.75}
}

// DataSpan is the first start and the last end of the dated events: the
// window the map opens with.
func DataSpan(d *data.Dataset) (first, last data.Date) {
	dated := d.Dated()
	if len(dated) == 0 {
		return data.D(2024, 1, 1), data.D(2025, 12, 31)
	}
	first, last = dated[0].Start, dated[0].End
	for _, e := range dated {
		if e.End.After(last) {
			last = e.End
		}
	}
	return first, last
}

// report calls progress if it is set.
func report(progress func(done, total int), done, total int) {
	if progress != nil {
		progress(done, total)
	}
}

// framer draws pages of one snapshot for any date window: the layers,
// the annotations and the base map, cached as an image for raster pages.
type framer struct {
	scene  *Scene
	opts   Snapshot
	layers *Layers
	notes  *overlay.AnnotationLayer // nil without annotations

	cacheBase bool        // keep the base map as an image: set for raster series
	base      *image.RGBA // the base map of baseView, for raster pages
	baseView  geo.Viewport
}

// newFramer makes the layers of o.
func newFramer(s *Scene, o Snapshot) (*framer, error) {
	l, err := s.NewLayers(o.To)
	if err != nil {
		return nil, err
	}
	l.ShowRelations, l.ShowVisits = !o.HideRelations, !o.HideVisits
	l.SetActor(o.Actor)
	f := &framer{scene: s, opts: o, layers: l}
	if len(o.Annotations) > 0 {
		f.notes = overlay.NewAnnotationLayer()
		f.notes.SetAnnotations(o.Annotations)
	}
	return f, nil
}

// set gives the layers the events of from–to, as the window does, and
// returns them.
func (f *framer) set(from, to data.Date) []*data.Event {
	events := f.scene.Data.Query(from, to, f.opts.Filter)
	f.layers.Set(events, from, to)
	if f.notes != nil {
		f.notes.SetWindow(from, to)
	}
	return events
}

// draw lays out and draws the page of from–to on c.
func (f *framer) draw(c draw.Canvas, from, to data.Date) (geo.Viewport, image.Rectangle) {
	events := f.set(from, to)
	lo := f.opts.Layout
	if lo.Subtitle == "" {
		lo.Subtitle = layout.DateRange(from.Time(), to.Time())
	}
	if lo.Credits == "" {
		lo.Credits = Credits(events)
	}
	page := layout.New(c, lo)
	v := page.Fit(f.opts.Bound)
	page.Draw(c, v, render.LayerFunc(f.drawMap), Legend(f.layers, f.notes, v))
	return v, page.Map
}

// raster draws the page of from–to into a new image.
func (f *framer) raster(from, to data.Date) (*image.RGBA, geo.Viewport, image.Rectangle) {
	img := image.NewRGBA(image.Rect(0, 0, f.opts.Width, f.opts.Height))
	v, frame := f.draw(draw.NewRaster(img), from, to)
	return img, v, frame
}

// drawMap draws the base map and the layers. For a raster series it
// copies the base map from its cache, drawn once per viewport, as
// Map.Render does.
func (f *framer) drawMap(c draw.Canvas, v geo.Viewport) {
	if r, ok := c.(*draw.Raster); ok && f.cacheBase {
		w, h := v.PixelSize()
		if f.base == nil || f.baseView != v {
			f.base = image.NewRGBA(image.Rect(0, 0, w, h))
			f.scene.Map.DrawBase(draw.NewRaster(f.base), v)
			f.baseView = v
		}
		dst := r.Image()
		n := 4 * min(w, dst.Rect.Dx())
		for y := 0; y < min(h, dst.Rect.Dy()); y++ {
			copy(dst.Pix[dst.PixOffset(0, y):][:n], f.base.Pix[f.base.PixOffset(0, y):][:n])
		}
	} else {
		f.scene.Map.DrawBase(c, v)
	}
	for _, l := range f.layers.Overlays() {
		l.Draw(c, v)
	}
	if f.notes != nil {
		f.notes.Draw(c, v)
	}
}

// Legend lists what the map drawn for v shows, as the window's legend
// does: the kinds of the event symbols, approximate dates, clusters, the
// visit arcs, the itinerary, the relation statuses and annotations; only
// what is on this map. notes may be nil.
func Legend(l *Layers, notes *overlay.AnnotationLayer, v geo.Viewport) []layout.LegendItem {
	var items []layout.LegendItem
	lg := l.Events.Legend(v)
	for _, k := range lg.Kinds {
		items = append(items, layout.LegendItem{Label: string(k), Marker: overlay.StyleFor(k, 1)})
	}
	if lg.Approximate {
		items = append(items, layout.LegendItem{Label: "date approximate", Marker: overlay.ApproximateStyleFor(data.KindVisit, 1)})
	}
	if lg.Clusters {
		items = append(items, layout.LegendItem{Label: "cluster of events", Marker: overlay.ClusterMarker(5, overlay.FamilyDiplomacy, 1)})
	}
	if l.ShowVisits && len(l.Visits.Arcs(v)) > 0 {
		items = append(items, layout.LegendItem{Label: "visit (arc from origin)", Line: overlay.VisitColour})
	}
	if l.Actor != "" && len(l.Itinerary.Stops()) > 0 {
		items = append(items, layout.LegendItem{Label: "itinerary of " + l.Actor, Line: overlay.ItineraryColour})
	}
	if l.ShowRelations {
		for _, st := range l.Relations.StatusesInView(v) {
			items = append(items, layout.LegendItem{Label: "relation: " + string(st), Line: overlay.StatusColour[st]})
		}
	}
	if notes != nil && len(notes.Shown()) > 0 {
		items = append(items, layout.LegendItem{Label: "annotation", Line: overlay.AnnotationColour})
	}
	return items
}

// maxCreditDocuments is how many documents the credits name before
// counting the rest.
const maxCreditDocuments = 12

// Credits is the credit line of a map showing events: Natural Earth's
// boundaries, GeoNames's places, and the documents the events come from.
func Credits(events []*data.Event) string {
	seen := map[string]bool{}
	var docs []string
	for _, e := range events {
		for _, s := range e.Sources {
			if !seen[s.Document] {
				seen[s.Document] = true
				docs = append(docs, s.Document)
			}
		}
	}
	slices.Sort(docs)
	line := "Boundaries: Natural Earth (public domain), via world-atlas. " + data.Credits
	if len(docs) > 0 {
		if len(docs) > maxCreditDocuments {
			docs = append(docs[:maxCreditDocuments], fmt.Sprintf("and %d more", len(docs)-maxCreditDocuments))
		}
		line += " Documents of the events shown: " + strings.Join(docs, ", ") + "."
	}
	return line
}

// writeWorldFile writes the .pgw and .prj of the PNG at path; on failure
// it removes the PNG too.
func writeWorldFile(path string, v geo.Viewport, frame image.Rectangle) error {
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	wf := layout.WorldFile(v, frame)
	err := writeFileAtomic(stem+".pgw", func(w io.Writer) error { return layout.WriteWorldFile(w, wf) })
	if err == nil {
		err = writeFileAtomic(stem+".prj", func(w io.Writer) error {
			_, err := io.WriteString(w, layout.PRJWebMercator+"\n")
			return err
		})
		if err != nil {
			os.Remove(stem + ".pgw")
		}
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// writeGIF writes one GIF frame a window, with a palette made from the
// first frame and the map's symbol and line colours.
func writeGIF(path string, f *framer, o Snapshot, windows [][2]data.Date) error {
	f.cacheBase = true
	anim := &gif.GIF{LoopCount: 0}
	var palette color.Palette
	delay := gifDelay(o.Every)
	for i, w := range windows {
		img, _, _ := f.raster(w[0], w[1])
		if palette == nil {
			palette = layout.Palette(img, mapColours())
		}
		anim.Image = append(anim.Image, layout.Paletted(img, palette))
		anim.Delay = append(anim.Delay, delay)
		report(o.Progress, i+1, len(windows))
	}
	if n := len(anim.Delay); n > 1 {
		anim.Delay[n-1] = 3 * delay // hold the last frame
	}
	return writeFileAtomic(path, func(w io.Writer) error { return gif.EncodeAll(w, anim) })
}

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

// maxSnapshotSide bounds each side of a snapshot: 16384² RGBA is 1 GiB.
const maxSnapshotSide = 16384

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
			return fmt.Errorf("--size %q is not WIDTHxHEIGHT with each side 1 to %d pixels", o.size, maxSnapshotSide)
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
	if errW != nil || errH != nil || w < 1 || h < 1 || w > maxSnapshotSide || h > maxSnapshotSide {
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
func (o *snapshotOptions) snapshot(s *Scene) (Snapshot, error) {
	snap := Snapshot{
		Format: Format(strings.ToLower(o.format)), Width: o.width, Height: o.height,
		Paper: strings.ToLower(o.paper), DPI: o.dpi, Every: Step(o.every),
		HideRelations: o.noRelations, HideVisits: o.noVisits, WorldFile: o.worldFile,
	}
	switch snap.Format {
	case "", FormatPNG, FormatSVG, FormatPDF, FormatGIF:
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
	scene, err := LoadScene()
	if err != nil {
		return fail(ExitFailed, err.Error())
	}
	snap, err := o.snapshot(scene)
	if err != nil {
		return usage(err.Error())
	}
	prefs, err := LoadSnapshotPrefs()
	if err != nil {
		return fail(ExitUsage, err.Error())
	}
	snap.Layout.Caveat = prefs.Caveat
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
	if err := WriteSnapshot(scene, o.out, snap); err != nil {
		msg := strings.TrimPrefix(err.Error(), ErrBadSnapshot.Error()+": ")
		if errors.Is(err, ErrBadSnapshot) {
			return usage(msg)
		}
		return fail(ExitUsage, msg)
	}
	if o.caveatGiven && o.caveat != prefs.Caveat {
		prefs.Caveat = o.caveat
		if err := SaveSnapshotPrefs(prefs); err != nil {
			fmt.Fprintf(stderr, "sahelatlas snapshot: wrote %s but could not remember the caveat: %v\n", o.out, err)
		}
	}
	fmt.Fprintf(stdout, "wrote %s (%s, %s to %s, view %s)\n", o.out, describe(snap, o.out), snapFrom(snap, scene), snapTo(snap, scene), o.view)
	return ExitOK
}

// describe says what was written: format, size and series step.
func describe(s Snapshot, path string) string {
	f := s.Format
	if f == "" {
		if f, _ = FormatOf(path); f == "" {
			f = FormatPNG
		}
	}
	d := string(f)
	if s.Every != "" {
		d += " series every " + string(s.Every)
	}
	return d
}

func snapFrom(s Snapshot, sc *Scene) data.Date {
	if s.From.IsZero() {
		first, _ := DataSpan(sc.Data)
		return first
	}
	return s.From
}

func snapTo(s Snapshot, sc *Scene) data.Date {
	if s.To.IsZero() {
		_, last := DataSpan(sc.Data)
		return last
	}
	return s.To
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

// SnapshotPrefs is what snapshots remember from one export to the next.
type SnapshotPrefs struct {
	// Caveat is the last caveat given, used when none is.
	Caveat string `json:"caveat"`
}

// SnapshotPrefsPath is where SnapshotPrefs are kept:
// os.UserConfigDir()/sahelatlas/snapshot.json (on Linux
// $XDG_CONFIG_HOME or ~/.config).
func SnapshotPrefsPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find the folder for settings: %v", err)
	}
	return filepath.Join(dir, "sahelatlas", "snapshot.json"), nil
}

// LoadSnapshotPrefs reads the remembered preferences; none yet is no
// error.
func LoadSnapshotPrefs() (SnapshotPrefs, error) {
	var p SnapshotPrefs
	path, err := SnapshotPrefsPath()
	if err != nil {
		return p, err
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return p, fmt.Errorf("cannot read %s: %v", path, cause(err))
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return p, fmt.Errorf("%s is not valid JSON (%v): fix or delete it", path, err)
	}
	return p, nil
}

// SaveSnapshotPrefs remembers p for the next snapshot.
func SaveSnapshotPrefs(p SnapshotPrefs) error {
	path, err := SnapshotPrefsPath()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("cannot make %s: %v", filepath.Dir(path), cause(err))
	}
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(append(b, '\n'))
		return err
	})
}

// createTemp creates a new hidden file beside name in dir, with the mode
// os.Create would give (0666 less the umask; os.CreateTemp gives 0600).
func createTemp(dir, name string) (*os.File, error) {
	for {
		tmp := filepath.Join(dir, fmt.Sprintf(".%s.%d.tmp", name, rand.Uint32()))
		f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
		if !errors.Is(err, fs.ErrExist) {
			return f, err
		}
	}
}

// cause is the innermost error of a *os.PathError or *os.LinkError (the
// path is already in our message), or err itself.
func cause(err error) error {
	if inner := errors.Unwrap(err); inner != nil {
		return inner
	}
	return err
}

// writeFileAtomic writes path through write without ever leaving a partial
// file: it writes a temporary file in the same folder, syncs it, renames
// it over path and syncs the folder. On failure the temporary file is
// removed and path is untouched.
func writeFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, filepath.Base(path))
	if err != nil {
		return fmt.Errorf("cannot write %s: %v (check that the folder exists and is writable)", path, cause(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 1<<20)
	if err := write(bw); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %v", path, cause(err))
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // the rename is durable once the folder is synced; not all systems allow it
		d.Close()
	}
	return nil
}
