package ui

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
)

// EnvProfile names the environment variable that, set to a folder beside
// EnvFrameLog, makes the window profile itself from the first frame drawn
// with its events (the "events" line of EnvFrameLog) until it receives
// SIGUSR1, as ui/smoke/frames.sh sends it before it stops the window:
// cpu.pprof is its CPU profile, allocs-start.pprof and allocs-end.pprof
// the heap profiles at both ends (`go tool pprof -sample_index=alloc_space
// -diff_base allocs-start.pprof allocs-end.pprof` shows what the use
// allocated). It is for measuring the real window under Xvfb.
const EnvProfile = "SAHELATLAS_PROFILE"

// profiler profiles the window between start and SIGUSR1.
type profiler struct {
	dir  string
	once sync.Once
}

// newProfiler returns the profiler $SAHELATLAS_PROFILE asks for, or nil.
func newProfiler() *profiler {
	dir := os.Getenv(EnvProfile)
	if dir == "" {
		return nil
	}
	return &profiler{dir: dir}
}

// start begins the profile, once; SIGUSR1 ends it.
func (p *profiler) start() {
	if p == nil {
		return
	}
	p.once.Do(func() {
		if err := os.MkdirAll(p.dir, 0o755); err != nil {
			fmt.Fprintf(os.Stderr, "sahelatlas: %s: %v (no profile)\n", EnvProfile, err)
			return
		}
		writeHeapProfile(filepath.Join(p.dir, "allocs-start.pprof"))
		f, err := os.Create(filepath.Join(p.dir, "cpu.pprof"))
		if err != nil {
			fmt.Fprintf(os.Stderr, "sahelatlas: %s: %v (no CPU profile)\n", EnvProfile, err)
			return
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "sahelatlas: %s: %v (no CPU profile)\n", EnvProfile, err)
			f.Close()
			return
		}
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, profileEnd)
		go func() {
			<-ch
			signal.Stop(ch)
			pprof.StopCPUProfile()
			f.Close()
			writeHeapProfile(filepath.Join(p.dir, "allocs-end.pprof"))
		}()
	})
}

// writeHeapProfile writes the heap profile (with every allocation since
// the start) to path, after a collection: the profile is as of the last
// one, and a window drawing without garbage may run none for minutes.
func writeHeapProfile(path string) {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "sahelatlas: %s: %v (no heap profile)\n", EnvProfile, err)
		return
	}
	defer f.Close()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		fmt.Fprintf(os.Stderr, "sahelatlas: %s: %v (no heap profile)\n", EnvProfile, err)
	}
}

// allocatedBytes is how many bytes the process has allocated on its heap
// since it started.
func allocatedBytes() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
