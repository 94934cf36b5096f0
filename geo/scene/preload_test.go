package scene

import (
	"testing"
)

// TestPreload checks that the Load after Preload returns the scene
// Preload made, equal to one Load makes itself, that a second Preload
// before that Load starts nothing, and that the Load after loads anew.
func TestPreload(t *testing.T) {
	Preload()
	first := preloaded
	Preload()
	if preloaded != first {
		t.Fatal("a second Preload replaced the first before any Load")
	}
	got, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if got != first.scene {
		t.Error("Load did not return the preloaded scene")
	}
	if preloaded != nil {
		t.Error("Load left the preload for the next Load")
	}
	want, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if want == got || want.Data == got.Data || want.Map == got.Map {
		t.Error("the Load after the preloaded one returned the same scene, dataset or map")
	}
	if len(got.Data.Events) != len(want.Data.Events) || len(got.Data.Events) == 0 {
		t.Errorf("preloaded %d events, Load %d", len(got.Data.Events), len(want.Data.Events))
	}
	if got.Atlas != want.Atlas {
		t.Error("the preloaded scene has an atlas of its own, not the shared one")
	}
	for i, e := range want.Data.Events {
		if got.Data.Events[i].ID != e.ID {
			t.Fatalf("event %d is %s preloaded, %s loaded", i, got.Data.Events[i].ID, e.ID)
		}
	}
}

// TestPreloadAfter checks that PreloadAfter calls its function once, on
// the preload's goroutine before the scene is made, and that Load still
// returns the preloaded scene.
func TestPreloadAfter(t *testing.T) {
	calls := 0
	var sawScene bool
	began := make(chan *preload, 1)
	PreloadAfter(func() {
		calls++
		sawScene = (<-began).scene != nil
	})
	p := preloaded
	began <- p
	got, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 {
		t.Errorf("the function ran %d times, want once", calls)
	}
	if sawScene {
		t.Error("the function ran after the scene was made")
	}
	if p == nil || got != p.scene {
		t.Error("Load did not return the scene PreloadAfter made")
	}
}
