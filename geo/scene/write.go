package scene

import (
	"bufio"
	"context"
	"fmt"
	"image"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/files"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
)

// Render draws the snapshot o of the scene as one raster page, as Write
// would write it to a PNG, without writing anything: the window's Export
// dialog previews with it.
func Render(s *Scene, o Snapshot) (*image.RGBA, error) {
	o.Format, o.Every, o.WorldFile = FormatPNG, "", false
	o, err := o.Complete(s, "")
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

// Write draws the snapshot o of the scene and writes it to path, or a
// series when o.Every is set. Each file is written to a temporary file and
// renamed, so a failed export leaves no broken file. It builds its own
// layers (Scene.NewLayers), so the window can export while it draws.
func Write(s *Scene, path string, o Snapshot) error {
	return WriteContext(context.Background(), s, path, o)
}

// WriteContext is Write, stopping once ctx is done: before each frame of a
// series, and before a file drawn is put in place. It then removes what it
// wrote (temporary files, the frames of a series, their folder if it made
// it) and returns context.Cause(ctx).
func WriteContext(ctx context.Context, s *Scene, path string, o Snapshot) error {
	o, err := o.Complete(s, path)
	if err != nil {
		return err
	}
	windows, err := o.windows()
	if err != nil {
		return err
	}
	if o.Format == FormatPNG && o.Every != "" {
		fr, err := newFramer(s, o)
		if err != nil {
			return err
		}
		return writePNGFrames(ctx, path, fr, o, windows)
	}
	write, err := fileOf(ctx, s, o, windows)
	if err != nil {
		return err
	}
	var v geo.Viewport
	var frame image.Rectangle
	err = files.WriteAtomic(path, func(w io.Writer) (err error) {
		v, frame, err = write(w)
		return err
	})
	if err != nil {
		return err
	}
	if o.WorldFile {
		if err := writeWorldFile(path, v, frame); err != nil {
			return err
		}
	}
	report(o.Progress, len(windows), len(windows))
	return nil
}

// Encode draws the snapshot o of the scene as one file and writes it to w
// (standard output, say): a PNG, SVG, PDF or GIF, or a series as the pages
// of a PDF or the frames of a GIF. o.Format must be set: there is no file
// name to tell it from. A series of PNG frames, which needs a folder, and
// a world file, which goes beside a file, are refused (ErrBadSnapshot). It
// stops before each frame once ctx is done, returning context.Cause(ctx);
// w then holds part of a file.
func Encode(ctx context.Context, s *Scene, w io.Writer, o Snapshot) error {
	if o.Format == "" {
		return fmt.Errorf("%w: without a file name, give the format: png, svg, pdf or gif", ErrBadSnapshot)
	}
	o, err := o.Complete(s, "")
	if err != nil {
		return err
	}
	switch {
	case o.Format == FormatPNG && o.Every != "":
		return fmt.Errorf("%w: a series of PNG frames is written to a folder, not a stream: name a folder, or write a PDF or GIF", ErrBadSnapshot)
	case o.WorldFile:
		return fmt.Errorf("%w: a world file is written beside a PNG file, not a stream: name a file", ErrBadSnapshot)
	}
	windows, err := o.windows()
	if err != nil {
		return err
	}
	write, err := fileOf(ctx, s, o, windows)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if _, _, err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	report(o.Progress, len(windows), len(windows))
	return nil
}

// writeFile writes a snapshot's file on w and returns its last page's
// view and map frame, for a world file.
type writeFile func(w io.Writer) (geo.Viewport, image.Rectangle, error)

// fileOf is how to write the snapshot o (complete) of s as one file of
// the pages of windows: the file drawn ahead for it when there is one
// (takeDrawn), else drawn now (drawNow). Both stop with
// context.Cause(ctx) before writing once ctx is done.
func fileOf(ctx context.Context, s *Scene, o Snapshot, windows [][2]data.Date) (writeFile, error) {
	if a := takeDrawn(s, o); a != nil {
		return func(w io.Writer) (geo.Viewport, image.Rectangle, error) {
			if err := stopped(ctx); err != nil {
				return a.view, a.frame, err
			}
			_, err := w.Write(a.file)
			return a.view, a.frame, err
		}, nil
	}
	return drawNow(ctx, s, o, windows)
}

// drawNow is how to draw the snapshot o (complete) of s as one file of
// the pages of windows (encode); making its framer may fail first.
func drawNow(ctx context.Context, s *Scene, o Snapshot, windows [][2]data.Date) (writeFile, error) {
	fr, err := newFramer(s, o)
	if err != nil {
		return nil, err
	}
	return func(w io.Writer) (geo.Viewport, image.Rectangle, error) { return encode(ctx, w, fr, o, windows) }, nil
}

// windows are the date windows of o's pages: one, or a series's.
func (o Snapshot) windows() ([][2]data.Date, error) {
	if o.Every == "" {
		return [][2]data.Date{{o.From, o.To}}, nil
	}
	windows, err := SeriesWindows(o.From, o.To, o.Every)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadSnapshot, err)
	}
	return windows, nil
}

// stopped is context.Cause(ctx) once ctx is done, else nil.
func stopped(ctx context.Context) error {
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	return nil
}

// encode draws the pages of windows and writes them to w as one file of
// o.Format: a page of PNG or SVG, a PDF page or a GIF frame a window. It
// returns the last page's view and map frame, for a world file, and stops
// with context.Cause(ctx) before each page and before writing once ctx is
// done.
func encode(ctx context.Context, w io.Writer, f *framer, o Snapshot, windows [][2]data.Date) (v geo.Viewport, frame image.Rectangle, err error) {
	switch o.Format {
	case FormatSVG:
		if err := stopped(ctx); err != nil {
			return v, frame, err
		}
		c := draw.NewSVG(w, o.Width, o.Height)
		c.SetTextMode(o.SVGText)
		v, frame = f.draw(c, o.From, o.To)
		return v, frame, c.Close()
	case FormatPDF:
		c := draw.NewPDF(o.Width, o.Height, o.page())
		c.SetInfo(o.pdfInfo())
		for i, win := range windows {
			if err := stopped(ctx); err != nil {
				return v, frame, err
			}
			if i > 0 {
				c.NewPage()
			}
			v, frame = f.draw(c, win[0], win[1])
			f.listPages(c)
			if i+1 < len(windows) {
				report(o.Progress, i+1, len(windows))
			}
		}
		if err := stopped(ctx); err != nil {
			return v, frame, err
		}
		return v, frame, c.Output(w)
	case FormatGIF:
		return v, frame, writeGIF(ctx, w, f, o, windows)
	}
	if err := stopped(ctx); err != nil {
		return v, frame, err
	}
	f.once = true // one PNG page: no base image to keep for the next
	img, release := draw.NewPageImage(o.Width, o.Height)
	defer func() {
		f.ras.SetImage(nil)
		release()
	}()
	v, frame = f.rasterOn(img, o.From, o.To)
	if err := stopped(ctx); err != nil {
		return v, frame, err
	}
	return v, frame, layout.EncodePNG(w, img, o.DPI)
}

// writeWorldFile writes the .pgw, the .prj and GDAL's .aux.xml of the PNG
// at path; on failure it removes the PNG too.
func writeWorldFile(path string, v geo.Viewport, frame image.Rectangle) error {
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	wf := layout.WorldFile(v, frame)
	err := files.WriteAtomic(stem+".pgw", func(w io.Writer) error { return layout.WriteWorldFile(w, wf) })
	if err == nil {
		err = files.WriteAtomic(stem+".prj", func(w io.Writer) error {
			_, err := io.WriteString(w, layout.PRJWebMercator+"\n")
			return err
		})
		if err == nil {
			err = files.WriteAtomic(path+".aux.xml", func(w io.Writer) error { return layout.WriteAuxXML(w, wf) })
		}
		if err != nil {
			os.Remove(stem + ".pgw")
			os.Remove(stem + ".prj")
		}
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}
