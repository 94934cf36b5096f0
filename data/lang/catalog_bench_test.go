package lang

import "testing"

// BenchmarkLoadCatalog parses the English catalog, as every process that
// draws or shows a page does once: geo/scene.Preload does it while the
// program starts.
func BenchmarkLoadCatalog(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if m := loadCatalog(English); len(m) == 0 {
			b.Fatal("the English catalog is empty")
		}
	}
}
