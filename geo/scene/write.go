package scene

import (
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
	o, err := o.Complete(s, path)
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
		return files.WriteAtomic(path, func(w io.Writer) error {
			c := draw.NewSVG(w, o.Width, o.Height)
			fr.draw(c, o.From, o.To)
			return c.Close()
		})
	case FormatPDF:
		return files.WriteAtomic(path, func(w io.Writer) error {
			c := draw.NewPDF(o.Width, o.Height, o.page())
			fr.draw(c, o.From, o.To)
			return c.Output(w)
		})
	case FormatGIF:
		return writeGIF(path, fr, o, [][2]data.Date{{o.From, o.To}})
	}
	img, v, frame := fr.raster(o.From, o.To)
	if err := files.WriteAtomic(path, func(w io.Writer) error { return layout.EncodePNG(w, img, o.DPI) }); err != nil {
		return err
	}
	if o.WorldFile {
		return writeWorldFile(path, v, frame)
	}
	return nil
}

// writeWorldFile writes the .pgw and .prj of the PNG at path; on failure
// it removes the PNG too.
func writeWorldFile(path string, v geo.Viewport, frame image.Rectangle) error {
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	wf := layout.WorldFile(v, frame)
	err := files.WriteAtomic(stem+".pgw", func(w io.Writer) error { return layout.WriteWorldFile(w, wf) })
	if err == nil {
		err = files.WriteAtomic(stem+".prj", func(w io.Writer) error {
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
