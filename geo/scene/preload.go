package scene

import (
	"sync"

	"github.com/sahelatlas/sahelatlas/data/lang"
)

// preload is a Load begun by Preload: done is closed once scene and err
// are set.
type preload struct {
	done  chan struct{}
	scene *Scene
	err   error
}

var (
	preloadMu sync.Mutex
	preloaded *preload // begun by Preload, not yet taken by Load
)

// Preload begins Load's work on a goroutine of its own and returns at
// once: decoding the levels file, the bundled dataset and the capitals,
// and parsing the English message catalog (every command's help and
// messages read it). The next Load waits for that work and returns its
// Scene, the same as it would have made itself; later calls load anew.
// ui/startup calls it while the program's remaining packages initialise,
// so that on two cores a snapshot's fixed work overlaps theirs. Preload
// does nothing while an earlier one is not yet taken.
func Preload() { PreloadAfter(nil) }

// PreloadAfter is Preload that first calls first, when not nil, on the
// preload's goroutine: ui/startup collects there the heap it prepared,
// while the remaining packages initialise on the main goroutine.
func PreloadAfter(first func()) { preloadThen(first, nil) }

// preloadThen is PreloadAfter that then calls then on the same goroutine,
// when not nil, with the scene loaded (nil when it failed to load), once
// Load may take it. It reports false, doing nothing, while an earlier
// preload is not yet taken.
func preloadThen(first func(), then func(*Scene)) bool {
	preloadMu.Lock()
	defer preloadMu.Unlock()
	if preloaded != nil {
		return false
	}
	p := &preload{done: make(chan struct{})}
	preloaded = p
	go func() {
		if first != nil {
			first()
		}
		lang.English.LoadCatalog()
		p.scene, p.err = load()
		close(p.done)
		if then != nil {
			then(p.scene)
		}
	}()
	return true
}

// takePreloaded returns the preload that Load should wait for, if any,
// and forgets it.
func takePreloaded() *preload {
	preloadMu.Lock()
	defer preloadMu.Unlock()
	p := preloaded
	preloaded = nil
	return p
}
