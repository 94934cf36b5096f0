package startup

import (
	"runtime"
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page with 4 KiB base pages
// (amd64, arm64).
const hugePage = 2 << 20

// heapChunk is the unit in which the Go runtime maps the heap on 64-bit
// platforms (its palloc chunk, 4 MiB), each chunk at a multiple of it.
const heapChunk = 4 << 20

// probeSize is the size of the allocation that finds the end of the
// heap: large enough (32 pages or more) that the runtime takes it from
// the heap's first free run, not from a processor's page cache.
const probeSize = 256 << 10

// kept holds the heap's free bytes from its end up to the next huge-page
// boundary, taken by prepareHeap so that the command's allocations start
// at that boundary. Fresh memory, never written: address space only.
var kept [][]byte

// prepareHeap grows the heap by at least n bytes at once and advises the
// kernel to back them with transparent huge pages
// (madvise(MADV_HUGEPAGE); the kernel honours it when its THP mode is
// "madvise" or "always"); the next collection frees them, and the
// command's allocations then fill 2 MiB pages, one page fault each,
// instead of faulting every 4 KiB page in. The runtime maps each later
// growth of the heap anew, without the advice, so n should cover what
// the command allocates. The region starts at a huge-page boundary: the heap's bytes
// up to it are allocated and kept (the kernel gives huge pages only to
// whole aligned 2 MiB blocks of an advised mapping). It returns the
// region's address, 0 when n is not positive.
func prepareHeap(n int) uintptr {
	if n <= 0 {
		return 0
	}
	n = (n + hugePage - 1) &^ (hugePage - 1)
	probe := make([]byte, probeSize)
	kept = append(kept, probe)
	next := uintptr(unsafe.Pointer(&probe[0])) + probeSize
	if gap := int(alignUp(next, hugePage) - next); gap > 0 {
		if gap < probeSize { // too small to be taken from the heap's end
			gap += hugePage
		}
		kept = append(kept, make([]byte, gap))
	}
	// One huge page more than n, in case the region does not start where
	// the probe said (a free run lower in the heap was large enough). The
	// runtime maps the heap in whole chunks of 4 MiB, and the rest of the
	// last one past the region is where the program allocates until the
	// collection frees the region (the remaining packages initialise
	// meanwhile): the region is sized to leave a huge page of it, and
	// all of it is advised, from the region's first huge-page boundary.
	size := n + hugePage
	if (alignUp(next, hugePage)+uintptr(size))%heapChunk == 0 {
		size += hugePage
	}
	region := make([]byte, size)
	start := uintptr(unsafe.Pointer(&region[0]))
	off := (hugePage - start%hugePage) % hugePage
	mapped := alignUp(start+uintptr(size), heapChunk)
	syscall.Syscall(syscall.SYS_MADVISE, start+off, mapped-start-off, syscall.MADV_HUGEPAGE) // a hint: without it the pages are small
	runtime.KeepAlive(region)
	return start + off
}

// alignUp rounds p up to a multiple of a, a power of two.
func alignUp(p, a uintptr) uintptr { return (p + a - 1) &^ (a - 1) }
