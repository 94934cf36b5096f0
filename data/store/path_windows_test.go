package store

import "testing"

// TestDefaultPathWindows: the store lives in %LocalAppData% unless
// XDG_DATA_HOME names an absolute folder.
func TestDefaultPathWindows(t *testing.T) {
	cases := []struct{ xdg, local, want string }{
		{"", `C:\Users\analyst\AppData\Local`, `C:\Users\analyst\AppData\Local\sahelatlas\workspace.db`},
		{"/not/absolute/here", `C:\Users\analyst\AppData\Local`, `C:\Users\analyst\AppData\Local\sahelatlas\workspace.db`},
		{`D:\data`, `C:\Users\analyst\AppData\Local`, `D:\data\sahelatlas\workspace.db`},
	}
	for _, c := range cases {
		t.Setenv("XDG_DATA_HOME", c.xdg)
		t.Setenv("LocalAppData", c.local)
		got, err := DefaultPath()
		if err != nil || got != c.want {
			t.Errorf("DefaultPath() with XDG_DATA_HOME=%q, LocalAppData=%q: %q %v, want %q", c.xdg, c.local, got, err, c.want)
		}
	}
}
