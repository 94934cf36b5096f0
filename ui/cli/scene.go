package cli

import (
	"fmt"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// Scene is everything a map view draws from: the countries, the bundled
// dataset with its gazetteer, and the renderer with its base layers. The
// window and the snapshot command both build it here, so they draw the
// same map the same way.
type Scene struct {
	Atlas     *geo.Atlas
	Data      *data.Dataset
	Gazetteer *data.Gazetteer
	Map       *render.Map
}

// LoadScene loads the embedded boundaries, dataset and gazetteer and makes
// the renderer, with the gazetteer's national capitals on the base map.
func LoadScene() (*Scene, error) {
	atlas, err := geo.LoadAtlas()
	if err != nil {
		return nil, fmt.Errorf("sahelatlas: cannot load the embedded country boundaries: %v", err)
	}
	d, err := data.LoadBundled()
	if err != nil {
		return nil, fmt.Errorf("sahelatlas: the bundled dataset is broken: %v", err)
	}
	gaz, err := d.Gazetteer()
	if err != nil {
		return nil, fmt.Errorf("sahelatlas: cannot read the embedded gazetteer: %v", err)
	}
	return &Scene{Atlas: atlas, Data: d, Gazetteer: gaz,
		Map: render.New(atlas, render.Options{Capitals: Capitals(gaz.Places())})}, nil
}

// Capitals are the national capitals (GeoNames feature PPLC) among places,
// as the renderer wants them.
func Capitals(places []*data.Place) []render.Place {
	var out []render.Place
	for _, p := range places {
		if p.Feature == "PPLC" {
			out = append(out, render.Place{Name: p.Name, Point: p.Point, Country: p.Country})
		}
	}
	return out
}
