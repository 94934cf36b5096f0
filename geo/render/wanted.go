package render

import (
	"slices"
	"strings"
	"sync"

	"github.com/paulmach/orb"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// tier orders the labels of a frame: a label of a lower tier is placed
// first and so wins any place two labels want.
type tier int8

// The tiers, first placed first.
const (
	tierFocusName        tier = iota // Mali, Sudan, France
	tierEdge                         // the far ends of lines leaving the frame
	tierFocusCapital                 // Bamako, Khartoum, Paris
	tierEventPlace                   // where the events shown happened
	tierNeighbourName                // Niger, Chad, …
	tierNeighbourCapital             // Niamey, N'Djamena, …
	tierOtherName                    // every other country, largest first
	tierTown                         // towns by the zoom's rule
	tierMoreEventPlaces              // event places beyond maxMustPlaces
)

// maxMustPlaces is how many event places (the busiest first) are named
// whatever it takes, on a leader line if need be; the rest are named where
// they fit, after the towns.
const maxMustPlaces = 30

// wanted is a label the map would like to draw, before placement.
type wanted struct {
	Label
	w, h float64 // measured
	tier tier
	rank float64 // order within the tier, lowest first
	// must: when no spot beside the feature is free, the label moves out
	// to the end of a short leader line rather than being dropped.
	must bool
	// feature is the box of what is named (a dot, a symbol): the label's
	// spots surround it and a leader line starts on it. Zero for a
	// country's name.
	feature orb.Bound
	// dot: a town's dot, drawn with its name (capital dots are drawn with
	// the base map).
	dot bool
	// edge: the far end of a line leaving the frame.
	edge bool
	// site: the place of events an overlay shows (see
	// Map.UnnamedPlaces).
	site bool
	// country: a country's name, set inside it; for a focus country it
	// must show, on a leader line from feature (a point inside it) if
	// need be.
	country bool
	// inner: a country's name's further spots inside its polygon
	// (innerSpots round X, Y), which follow Else, worked out once, when
	// placing first needs them (see placer.spotOf); nil for none.
	inner *spotsInside
}

// spotsInside are a country name's spots, Else then those inside its
// polygon, worked out once for its label set: every frame drawn of the
// view shares them, copies of the wanted name included.
type spotsInside struct {
	once sync.Once
	poly orb.Polygon
	all  []Spot
}

// spots are lb's spots followed by those inside the polygon, worked out
// on the first call.
func (si *spotsInside) spots(lb Label) []Spot {
	si.once.Do(func() {
		si.all = append(slices.Clip(lb.Else), innerSpots(si.poly, lb.Within, lb.X, lb.Y)...)
	})
	return si.all
}

// nameKey is how names from overlays are matched to the map's own.
func nameKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// beside is the label text in style st naming the thing whose box is
// feature: to its right, left, above, below, then at its corners.
func beside(m Measurer, text string, st draw.TextStyle, feature orb.Bound, t tier, rank float64, must bool) wanted {
	w, h := m.MeasureText(text, st)
	wd := wanted{w: w, h: h, tier: t, rank: rank, must: must, feature: feature}
	wd.Label = besideLabel(text, st, feature, h)
	return wd
}

// besideLabel is the label of text, h high, with its spots around feature.
func besideLabel(text string, st draw.TextStyle, feature orb.Bound, h float64) Label {
	g := labelGap + 1.0
	c := feature.Center()
	left, right := feature.Min[0]-g, feature.Max[0]+g
	up, down := feature.Min[1]-g-h/2, feature.Max[1]+g+h/2
	st.Anchor = draw.AnchorLeft
	return Label{Text: text, X: right, Y: c[1], Style: st, Else: []Spot{
		{left, c[1], draw.AnchorRight},
		{c[0], up, draw.AnchorCentre},
		{c[0], down, draw.AnchorCentre},
		{right, feature.Min[1] - h/2 + 1, draw.AnchorLeft},
		{right, feature.Max[1] + h/2 - 1, draw.AnchorLeft},
		{left, feature.Min[1] - h/2 + 1, draw.AnchorRight},
		{left, feature.Max[1] + h/2 - 1, draw.AnchorRight},
	}}
}

// edgeLabel is the name of a line's far end, text, set inside a w×h frame
// beside at, where the line meets the frame's edge, with an arrow
// pointing out of the frame; its spots run along the edge.
func edgeLabel(m Measurer, text string, st draw.TextStyle, at orb.Bound, w, h float64) wanted {
	c := at.Center()
	g := labelGap + 1.0
	dl, dr, dt, db := c[0], w-c[0], c[1], h-c[1]
	var (
		x, y   float64
		anchor draw.Anchor
		along  [2]float64 // the direction of the edge
	)
	switch min(dl, dr, dt, db) {
	case dl:
		text, x, y, anchor, along = "← "+text, g, c[1], draw.AnchorLeft, [2]float64{0, 1}
	case dr:
		text, x, y, anchor, along = text+" →", w-g, c[1], draw.AnchorRight, [2]float64{0, 1}
	case dt:
		text, x, y, anchor, along = "↑ "+text, c[0], 0, draw.AnchorCentre, [2]float64{1, 0}
	default:
		text, x, y, anchor, along = "↓ "+text, c[0], h, draw.AnchorCentre, [2]float64{1, 0}
	}
	tw, th := m.MeasureText(text, st)
	switch {
	case dt <= min(dl, dr, db):
		y = g + th/2
	case db <= min(dl, dr, dt):
		y = h - g - th/2
	}
	step := th * 1.1
	if along[0] != 0 {
		step = tw/2 + 2*g
	}
	lb := Label{Text: text, X: x, Y: y, Style: st}
	lb.Style.Anchor = anchor
	for _, k := range []float64{-1, 1, -2, 2, -3, 3} {
		lb.Else = append(lb.Else, Spot{x + along[0]*k*step, y + along[1]*k*step, anchor})
	}
	// Near a corner the first spots fall off the frame: slide them on.
	lb.X, lb.Y = clampSpot(lb.X, lb.Y, tw, th, anchor, w, h)
	for i, sp := range lb.Else {
		lb.Else[i].X, lb.Else[i].Y = clampSpot(sp.X, sp.Y, tw, th, anchor, w, h)
	}
	return wanted{Label: lb, w: tw, h: th, tier: tierEdge, must: true, feature: at, edge: true}
}

// clampSpot moves a spot so that a tw×th text anchored there lies inside
// the w×h frame, where it can.
func clampSpot(x, y, tw, th float64, a draw.Anchor, w, h float64) (float64, float64) {
	x0 := x - tw/2
	switch a {
	case draw.AnchorLeft:
		x0 = x
	case draw.AnchorRight:
		x0 = x - tw
	}
	g := labelGap + 1.0
	if x0 < g {
		x += g - x0
	} else if x0+tw > w-g {
		x -= x0 + tw - (w - g)
	}
	y = max(g+th/2, min(h-g-th/2, y))
	return x, y
}
