package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// Issue 13 items 8 and 3: a snapshot says when it applies a remembered
// caveat, and which events its page leaves off; on standard error when
// the file goes to standard output.
func TestSnapshotSaysWhatThePageDoesNotShow(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	remembered := `caveat: SECRET // TRAINING (remembered; --caveat "" clears it)`
	undated := "note: 10 events have no date and are not drawn"
	steps := []struct {
		name      string
		args      []string
		want, not []string // in stdout
		stderr    []string
	}{
		{"a new caveat is not news", []string{"--caveat", "SECRET // TRAINING"}, []string{undated}, []string{"remembered"}, nil},
		{"a remembered caveat is said", nil, []string{remembered, undated}, nil, nil},
		{"a filter says what it leaves out", []string{"--kind", "expulsion", "--from", "2025-01-01", "--to", "2025-12-31"},
			[]string{remembered, "note: 1 event has no date and is not drawn", "note: 10 events of the date window are left out by the filter"}, []string{undated}, nil},
		{"to standard output, said on standard error", []string{"-o", "-"}, nil, []string{"caveat:", "note:"}, []string{remembered, undated}},
		{"a cleared caveat is not said", []string{"--caveat", ""}, []string{undated}, []string{"caveat:"}, nil},
		{"nor after", nil, []string{undated}, []string{"caveat:"}, nil},
	}
	for i, st := range steps {
		args := append([]string{"-o", filepath.Join(dir, "m"+string(rune('0'+i))+".png"), "--size", "320x180"}, st.args...)
		status, stdout, stderr := runSnapshotCLI(t, args...)
		if status != ExitOK {
			t.Fatalf("%s: status %d, stderr %q", st.name, status, stderr)
		}
		if len(st.stderr) > 0 && strings.HasPrefix(stdout, "wrote") {
			t.Errorf("%s: stdout %q, want the PNG", st.name, stdout[:min(len(stdout), 80)])
		}
		for _, w := range st.want {
			if !strings.Contains(stdout, w+"\n") {
				t.Errorf("%s: stdout %q lacks %q", st.name, stdout, w)
			}
		}
		for _, n := range st.not {
			if strings.Contains(stdout, n) {
				t.Errorf("%s: stdout has %q", st.name, n)
			}
		}
		for _, w := range st.stderr {
			if !strings.Contains(stderr, w+"\n") {
				t.Errorf("%s: stderr %q lacks %q", st.name, stderr, w)
			}
		}
	}
}
