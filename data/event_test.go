package data

import (
	"testing"
	"unsafe"
)

// TestEventSizes keeps the structs a window holds a million of small: an
// event was 376 bytes with 24-byte dates and its search text beside the
// map of actor names.
func TestEventSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		size, max uintptr
	}{
		{"Date", unsafe.Sizeof(Date{}), 4},
		{"Event", unsafe.Sizeof(Event{}), 320},
	} {
		if c.size > c.max {
			t.Errorf("a %s takes %d bytes, want at most %d", c.name, c.size, c.max)
		}
	}
}
