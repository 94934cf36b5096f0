package draw

import (
	"sync"
	"syscall"
	"unsafe"
)

// mapPixels maps n zeroed bytes outside the Go heap, aligned to a huge
// page and advised into transparent huge pages, and returns them with
// release, which unmaps them (once); nil when the mapping fails.
func mapPixels(n int) ([]byte, func()) {
	const huge = 2 << 20
	m, err := syscall.Mmap(-1, 0, n+huge, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, nil
	}
	off := (huge - int(uintptr(unsafe.Pointer(&m[0]))%huge)) % huge
	pix := m[off : off+n : off+n]
	syscall.Madvise(pix, syscall.MADV_HUGEPAGE) // a hint: without it the pages are small
	var once sync.Once
	return pix, func() { once.Do(func() { syscall.Munmap(m) }) }
}
