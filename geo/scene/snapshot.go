package scene

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
)

// Format is a snapshot's file format.
type Format string

// The snapshot formats.
const (
	FormatPNG Format = "png" // raster, resolution recorded, optional world file
	FormatSVG Format = "svg" // vector: paths, text as outlines or editable (Snapshot.SVGText)
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

// MaxSide bounds each side of a snapshot, in the window's Export dialog and
// on the command line alike: 16384² RGBA is 1 GiB.
const MaxSide = 16384

// MaxPixels bounds the pixels of a raster page (PNG, GIF): drawing one
// takes about 15 bytes a pixel at its peak (the page, the rasteriser's
// coverage and the encoder's buffers), so 8192×8192 stays under 1 GiB
// (973 MB measured). Vector pages (SVG, PDF) have no such bound.
const MaxPixels = 8192 * 8192

// CheckSize reports whether a page of w×h pixels may be drawn, with a
// message saying the largest size allowed when it may not.
func CheckSize(w, h int) error {
	if w < 1 || h < 1 || w > MaxSide || h > MaxSide {
		return fmt.Errorf("a snapshot of %dx%d pixels: each side must be 1 to %d", w, h, MaxSide)
	}
	return nil
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
	// span of the data (Dataset.Span), as the window opens.
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
	// SVGText is how an SVG writes its text: as glyph outlines, the same
	// in every renderer (the zero value), or editable <text> with the font
	// embedded.
	SVGText draw.TextMode
	// WorldFile writes FILE.pgw and FILE.prj beside a PNG.
	WorldFile bool
	// Every makes a series from From to To: a PDF page, a GIF frame or a
	// PNG file (in the folder named by the path) per step.
	Every Step
	// Progress, when set, is called after every frame with how many are
	// done out of total.
	Progress func(done, total int)
}

// ErrBadSnapshot wraps what is wrong with a Snapshot or its path, as
// opposed to a failure while drawing or writing.
var ErrBadSnapshot = errors.New("bad snapshot")

// ReferenceSize is the default page: a 16:9 slide, 1920×1080.
func ReferenceSize() (w, h int) { return layout.ReferenceWidth, layout.ReferenceHeight }

// Complete checks o against the scene and fills in its defaults: format,
// size, resolution, view, date window and time made. Errors wrap
// ErrBadSnapshot. path is where it will be written ("" for none).
func (o Snapshot) Complete(s *Scene, path string) (Snapshot, error) {
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
	if err := CheckSize(o.Width, o.Height); err != nil {
		return bad("%v", err)
	}
	if px := o.Width * o.Height; px > MaxPixels && (o.Format == FormatPNG || o.Format == FormatGIF) {
		return bad("a %s of %dx%d pixels (%.0f million) needs about %.1f GB to draw; the largest is %d million pixels "+
			"(8192x8192, or 10922x6144 for a 16:9 slide): choose a smaller size, or write an SVG or PDF",
			strings.ToUpper(string(o.Format)), o.Width, o.Height, float64(px)/1e6, float64(px)*15/1e9, MaxPixels/1000000)
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
	first, last := s.Data.Span()
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

// page is the PDF page of o: its paper's, or its size at 96 dpi.
func (o Snapshot) page() draw.Page {
	if p, ok := Papers[o.Paper]; ok {
		return p.Page
	}
	return draw.Page{Width: float64(o.Width) * 0.75, Height: float64(o.Height) * 0.75}
}

// pdfInfo is the title and subject a PDF of o records: its title
// ("Sahel Atlas" when it has none), and its caveat and subtitle.
func (o Snapshot) pdfInfo() (title, subject string) {
	title = strings.TrimSpace(o.Layout.Title)
	if title == "" {
		title = "Sahel Atlas"
	}
	var parts []string
	for _, s := range []string{o.Layout.Caveat, o.Layout.Subtitle} {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return title, strings.Join(parts, " — ")
}

// report calls progress if it is set.
func report(progress func(done, total int), done, total int) {
	if progress != nil {
		progress(done, total)
	}
}
