package layout_test

import (
	"fmt"
	"time"

	"github.com/sahelatlas/sahelatlas/geo/layout"
)

// The subtitle of a snapshot is its date window, written short.
func ExampleDateRange() {
	d := func(m time.Month, day int) time.Time { return time.Date(2025, m, day, 0, 0, 0, 0, time.UTC) }
	fmt.Println(layout.DateRange(d(time.January, 1), d(time.September, 30)))
	fmt.Println(layout.DateRange(d(time.September, 1), d(time.September, 30)))
	// Output:
	// 1 Jan – 30 Sep 2025
	// 1–30 Sep 2025
}

// A scale bar at most 180 px long where a pixel is 4 km.
func ExampleScaleLength() {
	m, px := layout.ScaleLength(4000, 180)
	fmt.Printf("%g km, %g px\n", m/1000, px)
	// Output: 500 km, 125 px
}
