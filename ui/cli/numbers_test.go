package cli

import (
	"errors"
	"flag"
	"path/filepath"
	"strings"
	"testing"
)

// Every number the commands parse refuses NaN, ±Inf and absurd values with
// status 2, one line saying what is wrong, and nothing written.
func TestNumbersRefused(t *testing.T) {
	dir := t.TempDir()
	png := filepath.Join(dir, "m.png")
	db := filepath.Join(dir, "ws.db")
	cases := []struct {
		args []string
		want string // in the message
	}{
		{[]string{"snapshot", "-o", png, "--dpi", "NaN"}, `"NaN" for flag -dpi: not a finite number`},
		{[]string{"snapshot", "-o", png, "--dpi", "nan"}, "not a finite number"},
		{[]string{"snapshot", "-o", png, "--dpi", "Inf"}, "not a finite number"},
		{[]string{"snapshot", "-o", png, "--dpi", "-Inf"}, "not a finite number"},
		{[]string{"snapshot", "-o", png, "--dpi", "1e308"}, "outside 1 to 10000"},
		{[]string{"snapshot", "-o", png, "--dpi", "1e400"}, "not a finite number"},
		{[]string{"snapshot", "-o", png, "--dpi", "0"}, "outside 1 to 10000"},
		{[]string{"snapshot", "-o", png, "--dpi", "-96"}, "outside 1 to 10000"},
		{[]string{"snapshot", "-o", png, "--dpi", "lots"}, "not a number"},
		{[]string{"snapshot", "-o", png, "--view", "NaN,NaN,NaN,NaN"}, `"NaN" is not a number of degrees`},
		{[]string{"snapshot", "-o", png, "--view=-10,NaN,10,20"}, `"NaN" is not a number of degrees`},
		{[]string{"snapshot", "-o", png, "--view", "-10,0,Inf,20"}, `"Inf" is not a number of degrees`},
		{[]string{"snapshot", "-o", png, "--view", "-10,0,10,1e400"}, `"1e400" is not a number of degrees`},
		{[]string{"snapshot", "-o", png, "--size", "1e308x5"}, "--size"},
		{[]string{"snapshot", "-o", png, "--size", "NaNxNaN"}, "--size"},
		{[]string{"snapshot", "-o", png, "--size", "99999999999999999999x5"}, "--size"},
		{[]string{"snapshot", "-o", png, "--size", "16385x10"}, "each side must be 1 to 16384"},
		{[]string{"annotations", "add", "--lon", "NaN", "--lat", "12", "--title", "x", "--store", db}, `"NaN" for flag -lon: not a finite number`},
		{[]string{"annotations", "add", "--lon", "2", "--lat", "-Inf", "--title", "x", "--store", db}, `flag -lat: not a finite number`},
		{[]string{"annotations", "add", "--lon", "1e308", "--lat", "12", "--title", "x", "--store", db}, "outside -180 to 180"},
		{[]string{"annotations", "add", "--lon", "2", "--lat", "95", "--title", "x", "--store", db}, "outside -90 to 90"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			status, out, errs := runCLI(t, tc.args...)
			if status != ExitUsage || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tc.want) {
				t.Errorf("status %d, stdout %q, stderr %q; want %d and one line containing %q", status, out, errs, ExitUsage, tc.want)
			}
			if strings.Contains(errs, "are required") {
				t.Errorf("stderr %q says a flag given is missing", errs)
			}
		})
	}
	if entries := dirEntries(t, dir); len(entries) != 0 {
		t.Errorf("refused commands left %v", entries)
	}
}

func TestParseWindow(t *testing.T) {
	good := []struct {
		args []string
		want WindowOptions
	}{
		{nil, WindowOptions{View: "sahel"}},
		{[]string{"--view", "mali", "--synthetic", "100000"}, WindowOptions{View: "mali", Synthetic: 100000}},
		{[]string{"--store", "/tmp/ws.db", "--view=-18,0,40,40"}, WindowOptions{View: "-18,0,40,40", StorePath: "/tmp/ws.db"}},
	}
	for _, tc := range good {
		got, err := ParseWindow(tc.args)
		if err != nil || got != tc.want {
			t.Errorf("ParseWindow(%q) = %+v, %v; want %+v", tc.args, got, err, tc.want)
		}
	}
	bad := []struct {
		args []string
		want string
	}{
		{[]string{"--view", "NaN,NaN,NaN,NaN"}, `"NaN"`},
		{[]string{"--view=-10,NaN,10,20"}, `"NaN"`},
		{[]string{"--view", "mars"}, "mars"},
		{[]string{"--synthetic", "NaN"}, "-synthetic"},
		{[]string{"--synthetic", "-1"}, "outside 0 to 1000000"},
		{[]string{"--synthetic", "1000000000"}, "outside 0 to 1000000"},
		{[]string{"--synthetic", "99999999999999999999"}, "outside 0 to 1000000"},
		{[]string{"--colour", "red"}, "not defined"},
		{[]string{"snapshots"}, `unknown command "snapshots"`},
		{[]string{"--store", ""}, `--store ""`},
	}
	for _, args := range [][]string{{"-h"}, {"--view", "mali", "--help"}} {
		if _, err := ParseWindow(args); !errors.Is(err, flag.ErrHelp) {
			t.Errorf("ParseWindow(%q) = %v, want flag.ErrHelp", args, err)
		}
	}
	for _, tc := range bad {
		_, err := ParseWindow(tc.args)
		if err == nil || strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), "sahelatlas: ") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseWindow(%q) error %v, want one line containing %q", tc.args, err, tc.want)
		}
	}
}
