//go:build unix

package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/sahelatlas/sahelatlas/data/store"
)

// bigACLED is an ACLED export of n rows, more than one batch of the
// stream.
func bigACLED(n int) string {
	var b strings.Builder
	b.WriteString(acledSample[:strings.Index(acledSample, "\n")+1])
	for i := range n {
		fmt.Fprintf(&b, "BIG%d,2024-%02d-%02d,2024,1,Political violence,Battles,Armed clash,FAMa,,State forces,JNIM,,Rebel group,12,,466,Western Africa,Mali,Mopti,Douentza,,Boni,15.0167,-1.8,1,RFI,International,Clash %d.,1,,1747500000\n", i, 1+i%12, 1+i%28, i)
	}
	return b.String()
}

// SIGINT or SIGTERM in the middle of an import stops it: the store is as
// it was (a store the import made is removed again, one there before keeps
// its imports and events files), the status is 130 or 143, with one line
// on stderr.
func TestImportSignal(t *testing.T) {
	for _, tc := range []struct {
		name   string
		sig    syscall.Signal
		status int
		before bool // a store with an import is there before
	}{
		{"new store, SIGINT", syscall.SIGINT, ExitSIGINT, false},
		{"store there before, SIGTERM", syscall.SIGTERM, ExitSIGTERM, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "ws", "workspace.db")
			var before []string
			if tc.before {
				if status, _, errs := runCLI(t, "import", writeFile(t, dir, "small.csv", acledSample), "--store", db); status != ExitOK {
					t.Fatalf("first import: %d %s", status, errs)
				}
				before = tree(t, filepath.Dir(db))
			}
			big := writeFile(t, dir, "big.csv", bigACLED(10000))
			args := []string{"import", big, "--store", db}
			errs, err := stopChild(t, args, "SAHELATLAS_CLI_TEST_IMPORT_SIGNAL_AT=5000", func(line string) bool { return strings.HasPrefix(line, "events ") }, tc.sig)
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != tc.status {
				t.Errorf("child: %v, want status %d", err, tc.status)
			}
			var lines []string // but the progress lines of an import slowed down
			for _, l := range strings.Split(strings.TrimSuffix(errs, "\n"), "\n") {
				if !strings.Contains(l, "events read") {
					lines = append(lines, l)
				}
			}
			if len(lines) != 1 || !strings.Contains(lines[0], "stopped") || !strings.Contains(lines[0], "the store is unchanged") {
				t.Errorf("stderr %q, want one line saying it stopped", errs)
			}
			if !tc.before {
				if _, err := os.Stat(db); !os.IsNotExist(err) {
					t.Errorf("the store the stopped import made is still there (%v)", err)
				}
				return
			}
			if got := tree(t, filepath.Dir(db)); !slices.Equal(got, before) {
				t.Errorf("the store's folder holds %q, before %q", got, before)
			}
			s, _, err := store.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if ls, err := s.Imports(); err != nil || len(ls) != 1 || ls[0].ID != "small-csv" || ls[0].Problem != "" {
				t.Errorf("imports after the stopped one: %+v %v", ls, err)
			}
		})
	}
}
