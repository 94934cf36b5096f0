package scene

import (
	"bytes"
	"context"
	"image"
	"reflect"
	"sync"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
)

// ahead is a snapshot drawn into memory before its command asked for it
// (PreloadAndDraw): done is closed once the rest is set.
type ahead struct {
	asked chan struct{} // closed once scene, o and lang are set, or nothing is drawn
	done  chan struct{}
	scene *Scene
	o     Snapshot // complete, as Snapshot.Complete returns it
	lang  lang.Tag // the language it was drawn in
	file  []byte   // nil when nothing was drawn
	view  geo.Viewport
	frame image.Rectangle // the map's frame on the page, for a world file
}

var (
	aheadMu    sync.Mutex
	drawnAhead *ahead // begun by PreloadAndDraw, not yet taken
)

// PreloadAndDraw is PreloadAfter(first) that, once the scene is loaded,
// asks ask what snapshot to draw (complete, as Snapshot.Complete returns
// it; false for none) and draws it into memory on the same goroutine.
// The next Write, WriteContext or Encode then writes that file instead of
// drawing it again, when its snapshot is the same (but for when it was
// made: the page says when its drawing began), of the same scene, in the
// same language; else it draws its own. ui/startup calls it for a brief
// snapshot command, while the program's remaining packages initialise.
// While a page drawn ahead earlier is not yet taken, it is PreloadAfter.
func PreloadAndDraw(first func(), ask func(*Scene) (Snapshot, bool)) {
	a := &ahead{asked: make(chan struct{}), done: make(chan struct{})}
	aheadMu.Lock()
	if drawnAhead != nil {
		aheadMu.Unlock()
		PreloadAfter(first)
		return
	}
	drawnAhead = a
	aheadMu.Unlock()
	started := preloadThen(first, func(s *Scene) {
		defer close(a.done)
		if s == nil {
			close(a.asked)
			return
		}
		o, ok := ask(s)
		if ok {
			a.scene, a.o, a.lang = s, o, lang.Current()
		}
		close(a.asked)
		if ok {
			a.file, a.view, a.frame = drawInMemory(s, o)
		}
	})
	if !started {
		close(a.asked)
		close(a.done)
	}
}

// drawInMemory is the file of the snapshot o, complete, drawn as
// WriteContext would write it, with its last page's view and map frame;
// nil for a series of PNG frames (a folder) or when drawing fails (the
// command will draw it again and say why).
func drawInMemory(s *Scene, o Snapshot) ([]byte, geo.Viewport, image.Rectangle) {
	if o.Format == FormatPNG && o.Every != "" {
		return nil, geo.Viewport{}, image.Rectangle{}
	}
	windows, err := o.windows()
	if err != nil {
		return nil, geo.Viewport{}, image.Rectangle{}
	}
	write, err := drawNow(context.Background(), s, o, windows)
	if err != nil {
		return nil, geo.Viewport{}, image.Rectangle{}
	}
	var buf bytes.Buffer
	v, frame, err := write(&buf)
	if err != nil {
		return nil, geo.Viewport{}, image.Rectangle{}
	}
	return buf.Bytes(), v, frame
}

// takeDrawn returns the file drawn ahead for the snapshot o (complete) of
// s, once its drawing is done, or nil when none was or it was asked for
// another snapshot, scene or language (then at once, while the drawing
// goes on, the scene being safe for concurrent use). Only the first call
// after PreloadAndDraw can return one.
func takeDrawn(s *Scene, o Snapshot) *ahead {
	aheadMu.Lock()
	a := drawnAhead
	drawnAhead = nil
	aheadMu.Unlock()
	if a == nil {
		return nil
	}
	<-a.asked // another snapshot is drawn at once, not after this one
	if a.scene == nil || a.scene != s || a.lang != lang.Current() || !sameSnapshot(a.o, o) {
		return nil
	}
	<-a.done
	if a.file == nil {
		return nil
	}
	return a
}

// sameSnapshot reports whether a and b draw the same file but for the
// time each was made at.
func sameSnapshot(a, b Snapshot) bool {
	a.Progress, b.Progress = nil, nil
	a.Layout.MadeAt = b.Layout.MadeAt
	return reflect.DeepEqual(a, b)
}
