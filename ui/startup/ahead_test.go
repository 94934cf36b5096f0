package startup

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo/scene"
	"github.com/sahelatlas/sahelatlas/ui/cli"
	"github.com/sahelatlas/sahelatlas/ui/cli/cmdline"
)

// TestCommandWritesThePageDrawnAhead runs the snapshot command as main
// does after init has begun drawing it ahead (ask), for command lines in
// both languages, three formats, both outputs and a world file (a PDF records when
// its file was written and orders its fonts at random, so two of one
// page differ): the command must write the page
// drawn ahead, byte for byte. ask's page is marked with a made-at time
// of its own (2001), so the test tells it from one the command would
// draw itself; it fails if ask and the command ask for different
// snapshots, since the command then draws its own.
func TestCommandWritesThePageDrawnAhead(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("LANG", "C")
	t.Cleanup(func() { lang.Set(lang.English) })
	marked := time.Date(2001, 2, 3, 4, 5, 0, 0, time.UTC)
	dir := t.TempDir()
	for _, c := range []struct {
		name string
		args []string
	}{
		{"sahel.png", []string{"snapshot", "--view", "sahel", "--size", "320x180", "-o", "OUT"}},
		{"mali.png", []string{"--lang", "fr", "snapshot", "--view", "mali", "--size", "640x360", "-o", "OUT"}},
		{"world.svg", []string{"snapshot", "-o", "OUT", "--view", "world", "--size", "480x270", "--caveat", "EXERCISE"}},
		{"sudan.gif", []string{"snapshot", "--view", "sudan", "-o", "OUT", "--lang=fr", "--kind", "visit,attack"}},
		{"stdout", []string{"snapshot", "--view", "sahel", "--size", "320x180", "-o", "-", "--format", "svg"}},
		{"world.png", []string{"snapshot", "--view", "world", "--size", "320x180", "-o", "OUT", "--world-file"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string(nil), c.args...)
			out := filepath.Join(dir, c.name)
			for i, a := range args {
				if a == "OUT" {
					args[i] = out
				}
			}
			o, ok := cmdline.ParseSnapshot(args)
			if !ok || !o.Brief() {
				t.Fatalf("%q is not a brief snapshot", args)
			}
			var drawnAhead scene.Snapshot
			var sc *scene.Scene
			scene.PreloadAndDraw(nil, func(s *scene.Scene) (scene.Snapshot, bool) {
				snap, ok := ask(o, args)(s)
				snap.Layout.MadeAt = marked
				drawnAhead, sc = snap, s
				return snap, ok
			})
			var stdout, stderr bytes.Buffer
			status, ran := cli.Run(args, &stdout, &stderr)
			if !ran || status != cli.ExitOK {
				t.Fatalf("status %d: %s", status, stderr.String())
			}
			written := stdout.Bytes()
			if o.Out != "-" {
				var err error
				if written, err = os.ReadFile(out); err != nil {
					t.Fatal(err)
				}
			}
			// The page drawn ahead, drawn again.
			var want bytes.Buffer
			if o.WorldFile {
				again := filepath.Join(t.TempDir(), "again.png")
				if err := scene.Write(sc, again, drawnAhead); err != nil {
					t.Fatal(err)
				}
				for _, ext := range []string{".png", ".pgw"} {
					got, err1 := os.ReadFile(strings.TrimSuffix(out, ".png") + ext)
					want, err2 := os.ReadFile(strings.TrimSuffix(again, ".png") + ext)
					if err1 != nil || err2 != nil || !bytes.Equal(got, want) {
						t.Errorf("%s: the command wrote %d bytes (%v), not the %d of the page drawn ahead (%v)", ext, len(got), err1, len(want), err2)
					}
				}
				return
			}
			if err := scene.Encode(t.Context(), sc, &want, drawnAhead); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(written, want.Bytes()) {
				t.Errorf("the command wrote %d bytes, not the %d of the page drawn ahead", len(written), want.Len())
			}
		})
	}
}
