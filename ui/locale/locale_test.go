package locale

import "testing"

func TestIsC(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"C.UTF-8", true}, {"POSIX.utf8", true}, {"C@euro", true},
		{"C", false}, {"POSIX", false}, {"en_US.UTF-8", false}, {"fr_FR", false}, {"", false},
	}
	for _, tt := range tests {
		if got := IsC(tt.in); got != tt.want {
			t.Errorf("IsC(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
