package overlay

import (
	"math"
	"slices"
	"strconv"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// symbol is one thing the event layer draws: an event's symbol or a
// cluster.
type symbol struct {
	x, y   float64
	marker draw.Marker
	count  int32  // events in it
	event  int32  // a single symbol's event: eventSet.base.events[event]
	site   int32  // the first site of a cluster
	sites  int32  // number of sites of a cluster: members[member : member+sites]
	member int32  // into eventLayout.members
	label  string // a cluster's count
	// inferred: a cluster holds an event of an inferred place (a single
	// symbol's style code says it)
	inferred bool
}

// cluster reports whether the symbol stands for more than one event.
func (s *symbol) cluster() bool { return s.count > 1 }

// eventLayout is where the event layer draws everything for one viewport
// and one eventSet. It is never changed once made.
type eventLayout struct {
	set     *eventSet
	symbols []symbol // in drawing order: single events, then clusters
	members []int32  // the sites of each cluster
	kinds   []data.Kind
	approx  bool // some symbol drawn is of an approximate date
	// inferred: some symbol drawn is of a place its sources do not give
	inferred bool
	// placeApprox: some symbol drawn is of a place its sources give only
	// approximately
	placeApprox bool
	markers     []draw.Marker // by style code, at the viewport's scale
	// cells are the density hexagons drawn instead of symbols when the
	// view holds too many events; classes their colours and what they
	// stand for; hexes the marker of each class.
	cells   []hexCell
	classes []DensityClass
	hexes   []draw.Marker
}

// mergeDistance is how close, in logical pixels, two symbols' centres may
// come before they are gathered into a cluster: a symbol's width and a
// 2-pixel gap, so no two symbols drawn overlap.
const mergeDistance = SymbolSize + 2

// newEventLayout clusters set's sites for v. Sites are projected (a
// multiply-add each), those within a margin of the view bucketed in a grid
// of mergeDistance cells, then taken greedily in order: each site not yet
// taken starts a cluster and takes every site not yet taken within
// mergeDistance of it. A cluster sits at the mean position of its events.
// With cluster false every event gets its own symbol. A view holding more
// events, or symbols, than can be read (tooDense) gets density hexagons
// instead.
func newEventLayout(set *eventSet, v geo.Viewport, cluster bool) *eventLayout {
	scale := v.DeviceScale()
	lo := &eventLayout{set: set, markers: markerTable(scale)}
	if set == nil || len(set.sites) == 0 {
		return lo
	}
	if !finiteView(v) { // NaN pixels would index the grid out of range
		return lo
	}
	w, h := v.PixelSize()
	r := mergeDistance * scale
	margin := clusterSize(math.MaxInt32) * scale // the widest cluster disc
	a := v.WorldTransform()

	// Project the sites near the view.
	gw := int32(math.Ceil((float64(w)+2*margin)/r)) + 1
	gh := int32(math.Ceil((float64(h)+2*margin)/r)) + 1
	pts := make([]near, 0, len(set.sites))
	for k := range set.sites {
		x, y := a.Pixel(set.sites[k].world)
		if x < -margin || y < -margin || x > float64(w)+margin || y > float64(h)+margin {
			continue
		}
		cx, cy := int32((x+margin)/r), int32((y+margin)/r)
		pts = append(pts, near{x, y, int32(k), cy*gw + cx})
	}
	inView := 0 // events near the view
	for _, p := range pts {
		inView += int(set.sites[p.site].n)
	}
	if tooDense(inView, 0, w, h, scale) {
		lo.density(pts, v, w, h)
		return lo
	}
	if !cluster {
		lo.singles(pts, w, h, scale)
		if tooDense(inView, len(lo.symbols), w, h, scale) {
			lo.density(pts, v, w, h)
		}
		return lo
	}

	// Bucket them by cell (counting sort).
	start := make([]int32, gw*gh+1)
	for _, p := range pts {
		start[p.cell+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	byCell := make([]int32, len(pts))
	fill := slices.Clone(start[:len(start)-1])
	for i, p := range pts {
		byCell[fill[p.cell]] = int32(i)
		fill[p.cell]++
	}

	taken := make([]bool, len(pts))
	var clusters []symbol
	r2 := r * r
	for i := range pts {
		if taken[i] {
			continue
		}
		taken[i] = true
		p := pts[i]
		first := int32(len(lo.members))
		lo.members = append(lo.members, p.site)
		st := &set.sites[p.site]
		n := st.n
		fam := st.family
		sx, sy := p.x*float64(st.n), p.y*float64(st.n)
		cx, cy := p.cell%gw, p.cell/gw
		for yy := max(cy-1, 0); yy <= min(cy+1, gh-1); yy++ {
			for xx := max(cx-1, 0); xx <= min(cx+1, gw-1); xx++ {
				c := yy*gw + xx
				for _, j := range byCell[start[c]:start[c+1]] {
					q := pts[j]
					if taken[j] || (q.x-p.x)*(q.x-p.x)+(q.y-p.y)*(q.y-p.y) >= r2 {
						continue
					}
					taken[j] = true
					lo.members = append(lo.members, q.site)
					qs := &set.sites[q.site]
					n += qs.n
					for f := range fam {
						fam[f] += qs.family[f]
					}
					sx += q.x * float64(qs.n)
					sy += q.y * float64(qs.n)
				}
			}
		}
		sites := int32(len(lo.members)) - first
		if n == 1 {
			lo.members = lo.members[:first]
			lo.addSingle(p.x, p.y, p.site, w, h, scale)
			continue
		}
		x, y := sx/float64(n), sy/float64(n)
		if sites == 1 {
			x, y = p.x, p.y
		}
		m := ClusterMarker(int(n), mainFamily(fam), scale)
		if !visible(x, y, m.Size, w, h) {
			lo.members = lo.members[:first]
			continue
		}
		clusters = append(clusters, symbol{
			x: x, y: y, marker: m, count: n, site: p.site,
			sites: sites, member: first, label: strconv.Itoa(int(n)),
			inferred: lo.anyInferred(lo.members[first : first+sites]),
		})
	}
	lo.symbols = append(lo.symbols, clusters...)
	if tooDense(inView, len(lo.symbols), w, h, scale) {
		lo.density(pts, v, w, h)
		return lo
	}
	lo.finish()
	return lo
}

// near is a site projected to device pixels, with its grid cell.
type near struct {
	x, y float64
	site int32
	cell int32
}

// singles gives every event of the sites its own symbol, for a layer
// that does not cluster.
// The symbols are drawn grouped by style, in the order of style codes,
// which lets the raster reuse one stamp for a run of symbols.
func (lo *eventLayout) singles(pts []near, w, h int, scale float64) {
	markers := lo.markers
	g := lo.set.grouped()
	count := make([]int, numStyleCodes+1)
	for _, p := range pts {
		st := &lo.set.sites[p.site]
		if !visible(p.x, p.y, markers[0].Size+2*scale, w, h) {
			continue
		}
		for _, i := range g.order[st.first : st.first+st.n] {
			count[lo.set.style(i)+1]++
		}
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	lo.symbols = make([]symbol, count[numStyleCodes])
	for _, p := range pts {
		st := &lo.set.sites[p.site]
		if !visible(p.x, p.y, markers[0].Size+2*scale, w, h) {
			continue
		}
		for _, i := range g.order[st.first : st.first+st.n] {
			c := lo.set.style(i)
			lo.symbols[count[c]] = symbol{x: p.x, y: p.y, marker: markers[c], count: 1, event: i}
			count[c]++
		}
	}
	lo.finish()
}

// addSingle adds the symbol of the one event of site k at x, y if it shows.
func (lo *eventLayout) addSingle(x, y float64, k int32, w, h int, scale float64) {
	i := lo.set.sites[k].single
	m := lo.markers[lo.set.style(i)]
	if visible(x, y, m.Size, w, h) {
		lo.symbols = append(lo.symbols, symbol{x: x, y: y, marker: m, count: 1, event: i})
	}
}

// anyInferred reports whether an event of the sites is at an inferred
// place.
func (lo *eventLayout) anyInferred(sites []int32) bool {
	for _, k := range sites {
		if lo.set.sites[k].inferred > 0 {
			return true
		}
	}
	return false
}

// finish lists the kinds of the single symbols drawn, in data.Kinds order.
func (lo *eventLayout) finish() {
	seen := map[data.Kind]bool{}
	var codes [256]bool
	for i := range lo.symbols {
		s := &lo.symbols[i]
		if s.cluster() {
			lo.inferred = lo.inferred || s.inferred
			continue
		}
		c := lo.set.style(s.event)
		lo.approx = lo.approx || codeApproximate(c)
		lo.inferred = lo.inferred || codeInferred(c)
		lo.placeApprox = lo.placeApprox || codePlaceApprox(c)
		if codeKind(c) < len(KindStyles) {
			codes[c] = true
		} else {
			seen[lo.set.event(s.event).Kind] = true // a kind with no style: rare
		}
	}
	for c, ok := range codes {
		if ok {
			seen[KindStyles[codeKind(uint8(c))].Kind] = true
		}
	}
	for _, st := range KindStyles {
		if seen[st.Kind] {
			lo.kinds = append(lo.kinds, st.Kind)
			delete(seen, st.Kind)
		}
	}
	// Kinds missing from the style table, in name order.
	var rest []data.Kind
	for k := range seen {
		rest = append(rest, k)
	}
	slices.Sort(rest)
	lo.kinds = append(lo.kinds, rest...)
}

// events returns the events of symbol s in the order the layer was given
// them; a new slice for a cluster of several sites.
func (lo *eventLayout) events(s *symbol) []*data.Event {
	if !s.cluster() {
		return []*data.Event{lo.set.event(s.event)}
	}
	if s.sites == 1 {
		ev := lo.set.siteEvents(s.site)
		return ev[:len(ev):len(ev)]
	}
	return lo.eventsOf(lo.members[s.member:s.member+s.sites], s.count)
}

// eventsOf returns the events of the sites, count in all, in the order
// the layer was given them.
func (lo *eventLayout) eventsOf(sites []int32, count int32) []*data.Event {
	g := lo.set.grouped()
	type pos struct {
		e     *data.Event
		order int32
	}
	all := make([]pos, 0, count)
	for _, k := range sites {
		st := &lo.set.sites[k]
		for i := st.first; i < st.first+st.n; i++ {
			all = append(all, pos{g.events[i], g.order[i]})
		}
	}
	slices.SortFunc(all, func(a, b pos) int { return int(a.order - b.order) })
	out := make([]*data.Event, len(all))
	for i, p := range all {
		out[i] = p.e
	}
	return out
}

// mainFamily is the family most events belong to; ties go to the first.
func mainFamily(fam [4]int32) Family {
	best := 0
	for f := 1; f < len(fam); f++ {
		if fam[f] > fam[best] {
			best = f
		}
	}
	return Family(best)
}

// visible reports whether a symbol size pixels wide centred on x, y
// reaches into the w×h view.
func visible(x, y, size float64, w, h int) bool {
	r := size / 2
	return x+r >= 0 && y+r >= 0 && x-r <= float64(w) && y-r <= float64(h)
}

// contains reports whether device pixel px, py is on symbol s, its
// outline, one more pixel (scaled) for anti-aliasing, and half a pixel
// since raster stamps snap to whole pixels: within the disc of a cluster
// or a circle, within the bounding square of other shapes.
func (s *symbol) contains(px, py, scale float64) bool {
	r := (s.marker.Size+s.marker.OutlineWidth)/2 + scale + 0.5
	dx, dy := px-s.x, py-s.y
	if s.marker.Shape == draw.Circle {
		return dx*dx+dy*dy <= r*r
	}
	return math.Abs(dx) <= r && math.Abs(dy) <= r
}

// finiteView reports whether v's centre, zoom and scale are numbers,
// neither NaN nor infinite, so that it projects sites to real pixels.
func finiteView(v geo.Viewport) bool {
	for _, f := range []float64{v.Center[0], v.Center[1], v.Zoom, v.Scale} {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return false
		}
	}
	return true
}
