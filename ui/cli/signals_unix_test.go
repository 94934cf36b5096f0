//go:build unix

package cli

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// SIGINT or SIGTERM in the middle of a series stops it: the frames
// written, the hidden temporary files and the folder the command made are
// removed, a folder that was there stays as it was, and the status is 130
// or 143, with one line on stderr.
func TestSnapshotSignal(t *testing.T) {
	series := []string{"--every", "month", "--from", "2025-01-01", "--to", "2025-06-30", "--size", "64x36"}
	cases := []struct {
		name   string
		sig    syscall.Signal
		status int
		out    string // -o, in the test's folder
		before []string
		after  []string // the test's folder once the child has stopped
	}{
		{"PNG frames into a new folder, SIGINT", syscall.SIGINT, ExitSIGINT, "frames", nil, nil},
		{"PNG frames into a new folder, SIGTERM", syscall.SIGTERM, ExitSIGTERM, "frames", nil, nil},
		{"PNG frames into a folder there before", syscall.SIGINT, ExitSIGINT, "frames", []string{"frames/", "frames/notes.txt"}, []string{"frames", "frames/notes.txt"}},
		{"PDF series", syscall.SIGINT, ExitSIGINT, "q.pdf", nil, nil},
		{"PDF series replacing a file", syscall.SIGTERM, ExitSIGTERM, "q.pdf", []string{"q.pdf"}, []string{"q.pdf"}},
		{"GIF series", syscall.SIGTERM, ExitSIGTERM, "q.gif", nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, name := range tc.before {
				if strings.HasSuffix(name, "/") {
					os.Mkdir(filepath.Join(dir, name), 0o755)
				} else if err := os.WriteFile(filepath.Join(dir, name), []byte("before"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			args := append([]string{"snapshot", "-o", filepath.Join(dir, tc.out)}, series...)
			errs, err := stopChild(t, args, "SAHELATLAS_CLI_TEST_SIGNAL_AT=2", func(line string) bool { return line == "frame 2 of 6\n" }, tc.sig)
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != tc.status {
				t.Errorf("child: %v, want status %d", err, tc.status)
			}
			if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "stopped by") || !strings.Contains(errs, "removed what it had begun") {
				t.Errorf("stderr %q, want one line saying it stopped", errs)
			}
			if got := tree(t, dir); !slices.Equal(got, tc.after) {
				t.Errorf("left %q, want %q", got, tc.after)
			}
			for _, name := range tc.before {
				if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil && string(b) != "before" {
					t.Errorf("%s changed to %.20q", name, b)
				}
			}
		})
	}
}

// stopChild runs the command args in a child process of the test binary
// (TestHelperCLI) with the extra environment variable env, waits for the
// first line it writes on stdout, which must satisfy first, then sends it
// sig. It returns what the child wrote on stderr and how it ended.
func stopChild(t *testing.T, args []string, env string, first func(string) bool, sig syscall.Signal) (string, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperCLI$", "-test.count=1")
	cmd.Env = append(os.Environ(), "SAHELATLAS_CLI_TEST_ARGS="+strings.Join(args, "\t"), env, "XDG_CONFIG_HOME="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || !first(line) {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child said %q (%v), stderr %q", line, err, stderr.String())
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	return stderr.String(), err
}

// tree lists the files and folders under dir, hidden ones too.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
		if err == nil && p != dir {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}
