package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
)

func sameAnnotation(t *testing.T, got, want data.Annotation) {
	t.Helper()
	times := [][2]time.Time{{got.Created, want.Created}, {got.Updated, want.Updated}}
	for _, p := range times {
		if !p[0].Equal(p[1]) {
			t.Errorf("%s: time %v, want %v", want.ID, p[0], p[1])
		}
	}
	got.Created, got.Updated = want.Created, want.Updated
	if !reflect.DeepEqual(got, want) {
		t.Errorf("annotation differs:\n got %#v\nwant %#v", got, want)
	}
}

func TestStoreCRUD(t *testing.T) {
	s, path := openTest(t)
	clock := time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)
	s.now = func() time.Time { return clock }
	var added []data.Annotation
	for i := 0; i < 6; i++ {
		a, err := s.Add(sample(i))
		if err != nil {
			t.Fatalf("Add: %v", err)
		}
		if !data.ValidAnnotationID(a.ID) || !a.Created.Equal(clock) || !a.Updated.Equal(clock) {
			t.Fatalf("Add returned id %q created %v updated %v", a.ID, a.Created, a.Updated)
		}
		added = append(added, a)
	}
	for _, a := range added {
		got, err := s.Get(a.ID)
		if err != nil {
			t.Fatalf("Get(%s): %v", a.ID, err)
		}
		sameAnnotation(t, got, a)
	}

	changed := added[1]
	changed.Title, changed.Tags = "Renamed", []string{"sudan"}
	clock = clock.Add(time.Minute)
	upd, err := s.Update(changed)
	if err != nil {
		t.Fatalf("Update: %v", err)
	}
	if !upd.Created.Equal(added[1].Created) || !upd.Updated.Equal(clock) {
		t.Errorf("Update times: created %v (was %v), updated %v (was %v)", upd.Created, added[1].Created, upd.Updated, added[1].Updated)
	}

	del, err := s.Delete(added[2].ID)
	if err != nil {
		t.Fatalf("Delete: %v", err)
	}
	sameAnnotation(t, del, added[2])
	if _, err := s.Get(added[2].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Delete: %v, want ErrNotFound", err)
	}
	if _, err := s.Delete(added[2].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete: %v, want ErrNotFound", err)
	}
	if _, err := s.Update(del); !errors.Is(err, ErrNotFound) {
		t.Errorf("Update of a deleted annotation: %v, want ErrNotFound", err)
	}

	// Everything survives a reopen, read from disk rather than the cache.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, rec, err := Open(path)
	if err != nil || rec != nil {
		t.Fatalf("reopen: %v, recovery %v", err, rec)
	}
	defer s2.Close()
	list, err := s2.List()
	if err != nil {
		t.Fatal(err)
	}
	want := []data.Annotation{added[0], upd, added[3], added[4], added[5]}
	if len(list) != len(want) {
		t.Fatalf("List after reopen: %v, want %v", ids(list), ids(want))
	}
	for i := range want {
		sameAnnotation(t, list[i], want[i])
	}
}

func TestPutRejects(t *testing.T) {
	s, _ := openTest(t)
	good := sample(0)
	good.ID = data.NewAnnotationID()
	cases := []struct {
		name   string
		change func(a *data.Annotation)
		want   string
	}{
		// Validate's own table is in package data; these show Put calls it.
		{"bad id", func(a *data.Annotation) { a.ID = "x" }, "not a valid id"},
		{"no title", func(a *data.Annotation) { a.Title = "  " }, "no title"},
		{"latitude 95", func(a *data.Annotation) { a.Geometry = orb.Point{10, 95} }, "outside"},
		{"range backwards", func(a *data.Annotation) {
			a.From, a.To = data.D(2024, time.February, 1), data.D(2024, time.January, 1)
		}, "before it starts"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := good
			tc.change(&a)
			err := s.Put(a)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Put: %v, want an error containing %q", err, tc.want)
			}
		})
	}
	if list, _ := s.List(); len(list) != 0 {
		t.Errorf("rejected annotations were stored: %v", ids(list))
	}
}

func TestInView(t *testing.T) {
	s, _ := openTest(t)
	var all []data.Annotation
	for i := 0; i < 120; i++ {
		a, err := s.Add(sample(i))
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, a)
	}
	views := []orb.Bound{
		{Min: orb.Point{-10, 5}, Max: orb.Point{0, 15}},
		{Min: orb.Point{-180, -90}, Max: orb.Point{180, 90}},
		{Min: orb.Point{100, 50}, Max: orb.Point{110, 60}},
		{Min: orb.Point{-16.5, 1.5}, Max: orb.Point{-16.4, 1.6}}, // inside sample(0)'s neighbours' areas only
	}
	for _, v := range views {
		got, err := s.InView(v)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, a := range all {
			if a.Bound().Intersects(v) {
				want = append(want, a.ID)
			}
		}
		if g := ids(got); !reflect.DeepEqual(g, want) && !(len(g) == 0 && len(want) == 0) {
			t.Errorf("InView(%v): %d annotations %v, want %d %v", v, len(g), g, len(want), want)
		}
	}
}

func TestFileModes(t *testing.T) {
	s, path := openTest(t)
	if _, err := s.Add(sample(1)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path string
		want os.FileMode
	}{{path, 0o600}, {filepath.Dir(path), 0o700 | os.ModeDir}} {
		fi, err := os.Stat(c.path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode() != c.want {
			t.Errorf("%s: mode %v, want %v", c.path, fi.Mode(), c.want)
		}
	}
	// An existing world-readable file is made private on open.
	s.Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s2, _, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("reopened store has mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestCompact(t *testing.T) {
	s, path := openTest(t)
	var keep []data.Annotation
	for i := 0; i < 20; i++ {
		a, err := s.Add(sample(i))
		if err != nil {
			t.Fatal(err)
		}
		for j := 0; j < 3; j++ { // history that compaction drops
			a.Text += "\nmore"
			if a, err = s.Update(a); err != nil {
				t.Fatal(err)
			}
		}
		if i%4 == 0 {
			if _, err := s.Delete(a.ID); err != nil {
				t.Fatal(err)
			}
			continue
		}
		keep = append(keep, a)
	}
	before, _ := os.ReadFile(path)
	if err := s.Compact(); err != nil {
		t.Fatalf("Compact: %v", err)
	}
	after, _ := os.ReadFile(path)
	bak, err := os.ReadFile(path + ".bak")
	if err != nil {
		t.Fatalf("no backup: %v", err)
	}
	if string(bak) != string(before) {
		t.Errorf("backup is not the previous file")
	}
	if len(after) >= len(before) {
		t.Errorf("compacted file %d bytes, before %d", len(after), len(before))
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("compacted file mode %v", fi.Mode().Perm())
	}
	// The store keeps working on the new file, and everything is there.
	extra, err := s.Add(sample(99))
	if err != nil {
		t.Fatalf("Add after Compact: %v", err)
	}
	keep = append(keep, extra)
	if got, _ := s.InView(orb.Bound{Min: orb.Point{-180, -90}, Max: orb.Point{180, 90}}); len(got) != len(keep) {
		t.Errorf("InView after Compact: %d, want %d", len(got), len(keep))
	}
	s.Close()
	s2, rec, err := Open(path)
	if err != nil || rec != nil {
		t.Fatalf("reopen after Compact: %v %v", err, rec)
	}
	defer s2.Close()
	list, _ := s2.List()
	if !reflect.DeepEqual(ids(list), ids(keep)) {
		t.Errorf("after Compact and reopen: %v, want %v", ids(list), ids(keep))
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	s, path := openTest(t)
	if _, err := s.Add(sample(0)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, _ := os.ReadFile(path)
	data = appendSet(data, metaSchemaKey, "2", 0)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), "newer Sahel Atlas") {
		t.Fatalf("Open of a newer store: %v", err)
	}
	if now, _ := os.ReadFile(path); string(now) != string(data) {
		t.Errorf("the newer store was changed")
	}
}

func TestResolve(t *testing.T) {
	home := t.TempDir() // absolute on every system ("/data/home" is not on Windows)
	t.Setenv("XDG_DATA_HOME", home)
	t.Setenv(EnvStore, "")
	cases := []struct{ flag, env, want string }{
		{"", "", filepath.Join(home, "sahelatlas", "workspace.db")},
		{"", "/env/ws.db", "/env/ws.db"},
		{"/flag/ws.db", "/env/ws.db", "/flag/ws.db"},
	}
	for _, c := range cases {
		t.Setenv(EnvStore, c.env)
		got, err := Resolve(c.flag)
		if err != nil || got != c.want {
			t.Errorf("Resolve(%q) with %s=%q: %q %v, want %q", c.flag, EnvStore, c.env, got, err, c.want)
		}
	}
}
