package geo_test

import (
	"fmt"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/geo"
)

// A view of the Sahel frame in a 1920×1080 window: where Bamako lands, and
// what lies under the pixel a click hit.
func ExampleViewport() {
	atlas, err := geo.LoadAtlas()
	if err != nil {
		fmt.Println(err)
		return
	}
	sahel, _ := geo.ViewBound("sahel", atlas)
	v := geo.Fit(sahel, 1920, 1080, 1)
	x, y := v.Project(orb.Point{-8.0029, 12.6392})
	fmt.Printf("zoom %.2f, Bamako at %.0f, %.0f\n", v.Zoom, x, y)
	if c := atlas.At(v.Unproject(x, y)); c != nil {
		fmt.Println("clicked:", c.Name, c.Code, atlas.Neighbours(c.Code))
	}
	// Output:
	// zoom 4.59, Bamako at 608, 775
	// clicked: Mali MLI [BFA CIV DZA GIN MRT NER SEN]
}

func ExampleAtlas_At() {
	atlas, err := geo.LoadAtlas()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range []orb.Point{{2.1254, 13.5116}, {37.2164, 19.6158}, {-30, 20}} {
		if c := atlas.At(p); c != nil {
			fmt.Println(p, c.Code, c.Name)
		} else {
			fmt.Println(p, "at sea")
		}
	}
	// Output:
	// [2.1254 13.5116] NER Niger
	// [37.2164 19.6158] SDN Sudan
	// [-30 20] at sea
}
