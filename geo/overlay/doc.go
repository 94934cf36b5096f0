// Package overlay draws the time-dependent layers of the map over the base
// map of package render: event symbols gathered into clusters where they
// would overlap, visits as directed arcs, an actor's itinerary, and the
// relations between countries coloured by their status on a date. Each
// layer has a Draw(c draw.Canvas, v geo.Viewport) method, so it can be
// given to (*render.Map).RenderTo, hit tests for hover and click, and an
// Occupied method (render.Occupant) saying what it covers, so the map's
// names keep clear of its symbols and pins, cross its lines on a halo, and
// name the places of its events and the far ends of its lines that leave
// the frame.
//
// Symbols. Every event kind has one symbol (StyleFor): a shape and a colour
// from the Okabe–Ito palette, which stays distinct under the common forms
// of colour blindness. Diplomacy (visits, meetings, talks, statements,
// agreements) is blue and green in round and square shapes; disputes
// (accusations, protests, suspensions, expulsions, deportations, arrests)
// reddish purple and orange; armed conflict (coups, operations,
// deployments, attacks, wars) vermillion and black, mostly triangles and
// stars; reports and elections grey and yellow. An event whose date is
// approximate — month or year precision, a year inferred, or no year at
// all — is drawn hollow with a dashed outline in its kind's colour
// (Approximate, MarkerFor). A cluster is a dark disc sized by its count,
// ringed in the colour of the family most of its events belong to, with
// the count written on it.
//
// Consistency and concurrency. A layer works out where everything goes for
// a viewport (its layout) once and keeps the layouts of the last two
// viewports, so Draw and the hit tests for the same viewport see exactly
// the same symbols and clusters. Every method may be called from any
// goroutine: typically one render goroutine calls Draw while the UI calls
// SetEvents and HitTest; a mutex guards the layer's state, and a layout,
// once made, is never changed, so drawing does not hold the lock.
package overlay
