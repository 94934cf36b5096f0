package overlay_test

import (
	"fmt"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo/overlay"
)

// The legend and the map share one table: a kind's family, shape and
// colour, and how an approximate date changes the symbol.
func ExampleStyleFor() {
	for _, k := range []data.Kind{data.KindVisit, data.KindCoup} {
		exact := overlay.StyleFor(k, 1)
		approx := overlay.ApproximateStyleFor(k, 1)
		fmt.Printf("%s (%s): %v px, fill %v; approximate: pale %v, dashed %v\n",
			k, overlay.FamilyOf(k), exact.Size, exact.Fill, approx.Fill == overlay.ApproximateFill, approx.Dashed)
	}
	// Output:
	// visit (diplomacy): 10 px, fill {0 114 178 255}; approximate: pale true, dashed true
	// coup (conflict): 10 px, fill {213 94 0 255}; approximate: pale true, dashed true
}
