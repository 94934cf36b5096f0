package startup

import (
	"strconv"
	"strings"
)

const (
	// heapFixed is what a snapshot allocates whatever its size: the
	// bundled dataset, levels and capitals, the catalog, fonts and the
	// libraries' tables (about 9 MB for a 320×180 page).
	heapFixed = 10 << 20
	// heapPerPixel is what a snapshot allocates for each pixel of its
	// page, beyond heapFixed (rasteriser buffers, the PNG's rows and
	// deflate windows): 25.7 MB for a 1920×1080 page.
	heapPerPixel = 8
	// heapDefaultWidth and heapDefaultHeight are the page the snapshot
	// command draws without --size, and the largest that is brief.
	heapDefaultWidth, heapDefaultHeight = 1920, 1080
)

// snapshotHeap returns how many bytes of heap to prepare in huge pages
// for the snapshot command line args (the program's arguments), or 0
// when it is not a brief one: a page larger than full HD, or a snapshot
// of a store (--store), a paper page (--paper) or a series (--every),
// which allocate more and collect, and a request for help. It reads only
// --size; a size that does not parse prepares nothing (the command will
// refuse it).
func snapshotHeap(args []string) int {
	w, h := heapDefaultWidth, heapDefaultHeight
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if !strings.HasPrefix(args[i], "-") {
			continue
		}
		switch name {
		case "store", "paper", "every", "h", "help":
			return 0
		case "size":
			if !hasValue {
				if i+1 >= len(args) {
					return 0
				}
				i++
				value = args[i]
			}
			ws, hs, ok := strings.Cut(value, "x")
			var err1, err2 error
			w, err1 = strconv.Atoi(ws)
			h, err2 = strconv.Atoi(hs)
			if !ok || err1 != nil || err2 != nil || w <= 0 || h <= 0 {
				return 0
			}
		}
	}
	if w*h > heapDefaultWidth*heapDefaultHeight {
		return 0
	}
	return heapFixed + heapPerPixel*w*h
}
