package scene

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo/layout"
)

// Encode writes to a stream the bytes Write writes to a file.
func TestEncodeMatchesWrite(t *testing.T) {
	s := testScene(t)
	made := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	series := Snapshot{Every: StepMonth, From: data.D(2025, 1, 1), To: data.D(2025, 3, 31)}
	for _, f := range []Format{FormatPNG, FormatSVG, FormatPDF, FormatGIF} {
		for _, o := range []Snapshot{{}, series} {
			if f == FormatSVG && o.Every != "" || f == FormatPNG && o.Every != "" {
				continue // a series is a PDF, a GIF or a folder of PNG frames
			}
			o.Format, o.Width, o.Height = f, 96, 54
			o.Layout = layout.Options{Title: "Sahel", MadeAt: made}
			file := filepath.Join(t.TempDir(), "map."+string(f))
			if err := Write(s, file, o); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Encode(context.Background(), s, &buf, o); err != nil {
				t.Fatal(err)
			}
			want, _ := os.ReadFile(file)
			same := bytes.Equal(buf.Bytes(), want)
			if f == FormatPDF { // each PDF names its font afresh
				pages := []byte("/Type /Page\n")
				same = len(want) == buf.Len() && bytes.HasPrefix(want, []byte("%PDF")) && bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) &&
					bytes.Count(want, pages) == bytes.Count(buf.Bytes(), pages)
			}
			if !same {
				t.Errorf("%s every %q: Encode wrote %d bytes, Write %d, not the same", f, o.Every, buf.Len(), len(want))
			}
		}
	}
}

// Encode refuses what needs a file: a series of PNG frames, a world file,
// and a snapshot without a format.
func TestEncodeRefuses(t *testing.T) {
	s := testScene(t)
	for _, o := range []Snapshot{
		{Format: FormatPNG, Every: StepMonth, From: data.D(2025, 1, 1), To: data.D(2025, 3, 31)},
		{Format: FormatPNG, WorldFile: true},
		{},
	} {
		o.Width, o.Height = 32, 18
		var buf bytes.Buffer
		if err := Encode(context.Background(), s, &buf, o); !errors.Is(err, ErrBadSnapshot) || buf.Len() != 0 {
			t.Errorf("Encode(%+v): %v, %d bytes", o, err, buf.Len())
		}
	}
}

// WriteContext with a context already done writes nothing, leaves no
// temporary file or folder, and returns the context's cause.
func TestWriteContextStopped(t *testing.T) {
	s := testScene(t)
	stop := errors.New("stopped by the analyst")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(stop)
	series := Snapshot{Width: 32, Height: 18, Every: StepMonth, From: data.D(2025, 1, 1), To: data.D(2025, 3, 31)}
	for _, name := range []string{"map.png", "map.svg", "map.pdf", "map.gif", "q.pdf", "q.gif", "frames"} {
		o := Snapshot{Width: 32, Height: 18}
		if name == "q.pdf" || name == "q.gif" || name == "frames" {
			o = series
		}
		dir := t.TempDir()
		if err := WriteContext(ctx, s, filepath.Join(dir, name), o); !errors.Is(err, stop) {
			t.Errorf("%s: error %v, want the context's cause", name, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s: left %v", name, entries)
		}
		var buf bytes.Buffer
		if o.Every == "" {
			o.Format = FormatPNG
		} else {
			o.Format = FormatGIF
		}
		if err := Encode(ctx, s, &buf, o); !errors.Is(err, stop) || buf.Len() != 0 {
			t.Errorf("Encode %s: %v, %d bytes", name, err, buf.Len())
		}
	}
}

// A series stopped between frames removes the frames or the temporary
// file it wrote.
func TestWriteContextStopsBetweenFrames(t *testing.T) {
	s := testScene(t)
	dir := t.TempDir()
	for _, name := range []string{"frames", "q.pdf", "q.gif"} {
		path := filepath.Join(dir, name)
		ctx, cancel := context.WithCancel(context.Background())
		o := Snapshot{Width: 32, Height: 18, Every: StepMonth, From: data.D(2025, 1, 1), To: data.D(2025, 6, 30),
			Progress: func(done, total int) {
				if done != 3 {
					return
				}
				if entries, _ := os.ReadDir(dir); len(entries) != 1 {
					t.Errorf("%s: %d entries after the third frame, want the folder or the temporary file", name, len(entries))
				}
				if entries, _ := os.ReadDir(path); name == "frames" && len(entries) != 3 {
					t.Errorf("%d frames written after the third", len(entries))
				}
				cancel()
			}}
		if err := WriteContext(ctx, s, path, o); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: error %v, want context.Canceled", name, err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Errorf("%s: left %v", name, entries)
		}
		cancel()
	}
}
