package files

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestProgress(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		size      int64
		readFirst int   // bytes read before the checks
		stop      bool  // Stop after them
		wantRead  int64 // BytesRead
		wantFrac  float64
	}{
		{"half of a known size", "abcdefgh", 8, 4, false, 4, 0.5},
		{"all of it", "abcdefgh", 8, 8, false, 8, 1},
		{"size not known", "abcdefgh", 0, 3, false, 3, -1},
		{"stopped", "abcdefgh", 8, 2, true, 2, 0.25},
		{"more than the size said", "abcdefgh", 4, 8, false, 8, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewProgress(strings.NewReader(tt.text), tt.size)
			if _, err := io.ReadFull(p, make([]byte, tt.readFirst)); err != nil {
				t.Fatal(err)
			}
			if tt.stop {
				p.Stop()
			}
			if got := p.BytesRead(); got != tt.wantRead {
				t.Errorf("BytesRead = %d, want %d", got, tt.wantRead)
			}
			if got := p.Fraction(); got != tt.wantFrac {
				t.Errorf("Fraction = %v, want %v", got, tt.wantFrac)
			}
			rest, err := io.ReadAll(p)
			if tt.stop {
				if !errors.Is(err, ErrStopped) || len(rest) != 0 || !p.Stopped() {
					t.Errorf("after Stop: read %q, %v, Stopped %v; want nothing, ErrStopped, true", rest, err, p.Stopped())
				}
				return
			}
			if err != nil || string(rest) != tt.text[tt.readFirst:] {
				t.Errorf("the rest: %q, %v", rest, err)
			}
		})
	}
}
