package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"image"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

func init() {
	Register(Command{
		Name:    "snapshot",
		Summary: "draw the map to a PNG without a window: " + snapshotUsage,
		Run:     runSnapshot,
	})
}

const snapshotUsage = "snapshot -o FILE.png [--view sahel|mali|sudan|france|world|W,S,E,N] [--size WIDTHxHEIGHT]"

// maxSnapshotSide bounds each side of a snapshot: 16384² RGBA is 1 GiB.
const maxSnapshotSide = 16384

// snapshotOptions are the snapshot command's flags once parsed. To add a
// flag, add a field, bind it in bind and check it in check.
type snapshotOptions struct {
	out  string // -o
	view string // --view, a name or W,S,E,N
	size string // --size, WIDTHxHEIGHT

	width, height int // from size
}

// bind declares the flags on fs, with their defaults.
func (o *snapshotOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.out, "o", "", "PNG file to write")
	fs.StringVar(&o.view, "view", "sahel", "sahel, mali, sudan, france, world, or W,S,E,N in degrees")
	fs.StringVar(&o.size, "size", "1920x1080", "image size in pixels, WIDTHxHEIGHT")
}

// check validates what bind cannot and fills the derived fields.
func (o *snapshotOptions) check() error {
	if o.out == "" {
		return errors.New("-o FILE.png is required")
	}
	w, h, ok := parseSize(o.size)
	if !ok {
		return fmt.Errorf("--size %q is not WIDTHxHEIGHT with each side 1 to %d pixels", o.size, maxSnapshotSide)
	}
	o.width, o.height = w, h
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
	return o, o.check()
}

// runSnapshot renders the base map of a view to a PNG file.
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
	// The gazetteer is read while the atlas loads and the map is set up.
	type capitalsResult struct {
		places []render.Place
		err    error
	}
	capitalsDone := make(chan capitalsResult, 1)
	go func() {
		places, err := snapshotCapitals()
		capitalsDone <- capitalsResult{places, err}
	}()
	atlas, err := geo.LoadAtlas()
	if err != nil {
		return fail(ExitFailed, err.Error())
	}
	bound, err := geo.ViewBound(o.view, atlas)
	if err != nil {
		return usage(err.Error())
	}
	v := geo.Fit(bound, o.width, o.height, 1)
	// geo caches the view's projected geometry and the land borders: work
	// them out at once, so render.New and Render find them ready.
	projected := make(chan struct{})
	go func() {
		atlas.Projected(v)
		close(projected)
	}()
	atlas.Neighbours("MLI")
	<-projected
	capitals := <-capitalsDone
	if capitals.err != nil {
		return fail(ExitFailed, capitals.err.Error())
	}
	img := render.New(atlas, render.Options{Capitals: capitals.places}).Render(v)
	if err := writeFileAtomic(o.out, func(w io.Writer) error { return encodePNG(w, img) }); err != nil {
		return fail(ExitUsage, err.Error())
	}
	fmt.Fprintf(stdout, "wrote %s (%dx%d, view %s)\n", o.out, o.width, o.height, o.view)
	return ExitOK
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

// snapshotCapitals are the embedded gazetteer's national capitals, read
// without loading the dataset (the base map needs nothing else from it).
func snapshotCapitals() ([]render.Place, error) {
	places, err := data.BundledGazetteerPlaces()
	if err != nil {
		return nil, err
	}
	return Capitals(places), nil
}

// encodePNG writes img as PNG with draw.EncodePNG: zlib at BestSpeed like
// png.BestSpeed, but without image/png's per-row filter search, which is
// most of its time on a map frame.
func encodePNG(w io.Writer, img *image.RGBA) error {
	return draw.EncodePNG(w, img)
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
