package startup

import "github.com/sahelatlas/sahelatlas/ui/cli/cmdline"

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
// for the snapshot o, or 0 when it is not brief (cmdline.Snapshot.Brief):
// a page larger than full HD, or a snapshot of a store (--store), a paper
// page (--paper) or a series (--every), which allocate more and collect.
// Without --size it prepares for the default page.
func snapshotHeap(o *cmdline.Snapshot) int {
	if !o.Brief() {
		return 0
	}
	w, h := o.Width, o.Height
	if w == 0 || h == 0 {
		w, h = heapDefaultWidth, heapDefaultHeight
	}
	return heapFixed + heapPerPixel*w*h
}
