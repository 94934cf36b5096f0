package scene

import (
	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/render"
)

// reserved is room on the map the page keeps for its own furniture (the
// legend, the scale bar, the north arrow, layout.Page.Furniture): it
// draws nothing, and the map's names keep clear of it.
type reserved []orb.Bound

// Draw draws nothing: the page draws its furniture after the map.
func (reserved) Draw(draw.Canvas, geo.Viewport) {}

// Occupied is the reserved boxes.
func (r reserved) Occupied(geo.Viewport) render.Occupancy { return render.Occupancy{Boxes: r} }
