//go:build !linux

package startup

// prepareHeap does nothing where transparent huge pages cannot be asked
// for (madvise(MADV_HUGEPAGE) is Linux's), and returns 0.
func prepareHeap(n int) uintptr { return 0 }
