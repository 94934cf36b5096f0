package scene

import (
	"fmt"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// Scene is everything a map view draws from: the countries, the dataset,
// and the renderer with its base layers.
type Scene struct {
	Atlas *geo.Atlas
	Data  *data.Dataset
	Map   *render.Map
}

// Load loads the embedded boundaries and dataset and makes the renderer,
// with the gazetteer's national capitals on the base map. The rest of the
// gazetteer is read only when a search needs it. After Preload, the first
// Load returns what Preload made.
func Load() (*Scene, error) {
	if p := takePreloaded(); p != nil {
		<-p.done
		return p.scene, p.err
	}
	return load()
}

// load is Load's work.
func load() (*Scene, error) {
	atlas, err := geo.LoadAtlas()
	if err != nil {
		return nil, fmt.Errorf("sahelatlas: cannot load the embedded country boundaries: %v", err)
	}
	d, err := data.LoadBundled()
	if err != nil {
		return nil, fmt.Errorf("sahelatlas: the bundled dataset is broken: %v", err)
	}
	capitals, err := data.BundledCapitals()
	if err != nil {
		return nil, fmt.Errorf("sahelatlas: cannot read the embedded gazetteer: %v", err)
	}
	return &Scene{Atlas: atlas, Data: d,
		Map: render.New(atlas, render.Options{Capitals: Capitals(capitals), Towns: bundledTowns})}, nil
}

// bundledTowns are the gazetteer's towns as the renderer wants them, read
// the first time a map is zoomed in enough to name one; none when the
// gazetteer does not read (the map then names only capitals, and the
// gazetteer's own tests say why).
func bundledTowns() []render.Town {
	places, err := data.BundledTowns()
	if err != nil {
		return nil
	}
	return Towns(places)
}

// WithData is a copy of s drawing d instead of s.Data (the bundled events
// merged with imported ones, say), sharing the atlas and the renderer.
func (s *Scene) WithData(d *data.Dataset) *Scene {
	c := *s
	c.Data = d
	return &c
}

// Towns are places as the renderer names them with zoom: seats of
// regions (GeoNames feature PPLA) and other towns, capitals left out.
func Towns(places []*data.Place) []render.Town {
	var out []render.Town
	for _, p := range places {
		if p.Feature != "PPLC" {
			out = append(out, render.Town{Name: p.Name, Point: p.Point, Country: p.Country, Population: p.Population, Seat: p.Feature == "PPLA"})
		}
	}
	return out
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
