package cmdline

import "testing"

func TestBrief(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"snapshot", "--view", "sahel", "--size", "320x180", "-o", "s.png"}, true},
		{[]string{"snapshot", "-o", "s.png"}, true},
		{[]string{"--lang", "fr", "snapshot", "-o", "s.svg", "--size", "1920x1080"}, true},
		{[]string{"snapshot", "-o", "-", "--format", "pdf", "--lang=fr"}, true},
		{[]string{"snapshot", "-o", "s.png", "--size", "1921x1080"}, false},
		{[]string{"snapshot", "-o", "s.png", "--paper", "a3"}, false},
		{[]string{"snapshot", "-o", "s.pdf", "--paper", "slide"}, false},
		{[]string{"snapshot", "-o", "frames.gif", "--every", "month", "--from", "2024-01-01", "--to", "2024-12-31"}, false},
		{[]string{"snapshot", "-o", "s.png", "--store", "work.db"}, false},
		{[]string{"snapshot", "--size", "320x180"}, false},             // no -o: an error
		{[]string{"snapshot", "-o", "s.png", "--no-such-flag"}, false}, // does not parse
		{[]string{"snapshot", "-o", "s.png", "extra"}, false},
		{[]string{"snapshot", "-o", "s.png", "--lang", "xx"}, false}, // the command refuses it
		{[]string{"snapshot", "-o", "s.png", "--store", ""}, false},  // the command refuses it
		{[]string{"snapshot", "-o", "s.png", "--lang", "fr", "--lang", "en"}, false},
		{[]string{"--lang", "fr", "snapshot", "-o", "s.png", "--lang=en"}, false},
		{[]string{"snapshot", "--lang", "fr", "--title", "--lang=en", "-o", "s.png"}, false},
		{[]string{"snapshot", "--title", "--lang=en", "-o", "s.png"}, false},
		{[]string{"snapshot", "-o", "s.png", "--lang=fr"}, true},
		{[]string{"import", "acled.csv"}, false},
		{[]string{"events", "--from", "2024-01-01"}, false},
		{[]string{"--view", "sahel"}, false}, // the window
		{nil, false},
	} {
		if got := Brief(c.args); got != c.want {
			t.Errorf("Brief(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

func TestParseSize(t *testing.T) {
	cases := []struct {
		in   string
		w, h int
		ok   bool
	}{
		{"1920x1080", 1920, 1080, true},
		{"640X480", 640, 480, true},
		{"1x1", 1, 1, true},
		{"16384x16384", 16384, 16384, true},
		{"16385x10", 0, 0, false},
		{"-5x10", 0, 0, false},
		{"10x", 0, 0, false},
		{"x10", 0, 0, false},
		{"10x10x10", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tc := range cases {
		w, h, err := ParseSize(tc.in)
		if ok := err == nil; w != tc.w || h != tc.h || ok != tc.ok {
			t.Errorf("ParseSize(%q) = %d, %d, %v, want %d, %d, %v", tc.in, w, h, ok, tc.w, tc.h, tc.ok)
		}
	}
}
