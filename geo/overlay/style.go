package overlay

import (
	"image/color"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/geo/draw"
)

// Family groups event kinds the way an analyst reads the map at a glance.
// The families follow CAMEO's quad classes where CAMEO has codes.
type Family uint8

// The families of event kinds.
const (
	FamilyDiplomacy Family = iota // verbal cooperation: visits, meetings, talks, statements, agreements
	FamilyDispute                 // verbal conflict and coercive diplomacy: accusations, protests, suspensions, expulsions, deportations, arrests
	FamilyConflict                // armed force: coups, operations, deployments, attacks, wars
	FamilyOther                   // reports and elections
)

// String is the family's name in the analyst's words.
func (f Family) String() string {
	switch f {
	case FamilyDiplomacy:
		return "diplomacy"
	case FamilyDispute:
		return "dispute"
	case FamilyConflict:
		return "conflict"
	}
	return "other"
}

// The Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design"),
// distinct for viewers with protanopia, deuteranopia and tritanopia.
var (
	ColourBlue          = color.RGBA{0x00, 0x72, 0xB2, 0xFF}
	ColourSkyBlue       = color.RGBA{0x56, 0xB4, 0xE9, 0xFF}
	ColourBluishGreen   = color.RGBA{0x00, 0x9E, 0x73, 0xFF}
	ColourReddishPurple = color.RGBA{0xCC, 0x79, 0xA7, 0xFF}
	ColourOrange        = color.RGBA{0xE6, 0x9F, 0x00, 0xFF}
	ColourVermillion    = color.RGBA{0xD5, 0x5E, 0x00, 0xFF}
	ColourBlack         = color.RGBA{0x00, 0x00, 0x00, 0xFF}
	ColourYellow        = color.RGBA{0xF0, 0xE4, 0x42, 0xFF}
	ColourGrey          = color.RGBA{0x99, 0x99, 0x99, 0xFF}
)

// SymbolSize is the width of an event symbol in logical pixels; a layer
// multiplies it by the viewport's Scale.
const SymbolSize = 10

// KindStyle is how events of one kind are drawn.
type KindStyle struct {
	Kind   data.Kind
	Family Family
	Shape  draw.Shape
	Colour color.RGBA
}

// KindStyles is the symbol of every kind, in data.Kinds order: the one
// table the map, the window's legend and the exports' legends share. No
// two kinds share both shape and colour.
var KindStyles = []KindStyle{
	{data.KindVisit, FamilyDiplomacy, draw.Circle, ColourBlue},
	{data.KindMeeting, FamilyDiplomacy, draw.Square, ColourBlue},
	{data.KindTalks, FamilyDiplomacy, draw.Diamond, ColourBlue},
	{data.KindStatement, FamilyDiplomacy, draw.Circle, ColourSkyBlue},
	{data.KindAgreement, FamilyDiplomacy, draw.Diamond, ColourBluishGreen},
	{data.KindAccusation, FamilyDispute, draw.Square, ColourReddishPurple},
	{data.KindExpulsion, FamilyDispute, draw.Triangle, ColourOrange},
	{data.KindDeportation, FamilyDispute, draw.Square, ColourOrange},
	{data.KindArrest, FamilyDispute, draw.Diamond, ColourOrange},
	{data.KindSuspension, FamilyDispute, draw.Diamond, ColourReddishPurple},
	{data.KindProtest, FamilyDispute, draw.Circle, ColourReddishPurple},
	{data.KindCoup, FamilyConflict, draw.Star, ColourVermillion},
	{data.KindOperation, FamilyConflict, draw.Triangle, ColourVermillion},
	{data.KindDeployment, FamilyConflict, draw.Square, ColourVermillion},
	{data.KindAttack, FamilyConflict, draw.Star, ColourBlack},
	{data.KindArmedConflict, FamilyConflict, draw.Triangle, ColourBlack},
	{data.KindReport, FamilyOther, draw.Square, ColourGrey},
	{data.KindElection, FamilyOther, draw.Diamond, ColourYellow},
}

// unknownStyle is used for a kind missing from KindStyles.
var unknownStyle = KindStyle{Family: FamilyOther, Shape: draw.Circle, Colour: ColourGrey}

// styleIndex is the position of each kind in KindStyles.
var styleIndex = func() map[data.Kind]int {
	m := make(map[data.Kind]int, len(KindStyles))
	for i, s := range KindStyles {
		m[s.Kind] = i
	}
	return m
}()

// StyleOf returns the style of kind k; a kind not in KindStyles gets a
// grey circle of FamilyOther.
func StyleOf(k data.Kind) KindStyle {
	if i, ok := styleIndex[k]; ok {
		return KindStyles[i]
	}
	s := unknownStyle
	s.Kind = k
	return s
}

// FamilyOf returns the family of kind k.
func FamilyOf(k data.Kind) Family { return StyleOf(k).Family }

// outlineWhite keeps filled symbols legible over any country fill.
var outlineWhite = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}

// StyleFor returns the symbol of an event of kind k with an exact date,
// SymbolSize·scale device pixels wide (scale 0 means 1): filled in the
// kind's colour with a thin white outline.
func StyleFor(k data.Kind, scale float64) draw.Marker {
	s := StyleOf(k)
	scale = scaleOr1(scale)
	return draw.Marker{
		Shape:        s.Shape,
		Size:         SymbolSize * scale,
		Fill:         s.Colour,
		Outline:      outlineWhite,
		OutlineWidth: scale,
	}
}

// ApproximateFill is the pale fill inside an approximate-date symbol: it
// sets the symbol apart from the country under it while reading as hollow.
var ApproximateFill = color.RGBA{0xF2, 0xF2, 0xF2, 0xF2}

// ApproximateStyleFor returns the symbol of an event of kind k whose date
// is approximate: the same shape as StyleFor, a little larger, pale inside
// (ApproximateFill), with a thick dashed outline in the kind's colour.
func ApproximateStyleFor(k data.Kind, scale float64) draw.Marker {
	s := StyleOf(k)
	scale = scaleOr1(scale)
	return draw.Marker{
		Shape:        s.Shape,
		Size:         1.2 * SymbolSize * scale,
		Fill:         ApproximateFill,
		Outline:      s.Colour,
		OutlineWidth: 2.5 * scale,
		Dashed:       true,
	}
}

// Approximate reports whether e's date is approximate: month or year
// precision, no date or no year on the calendar, or a year inferred
// rather than given by the sources.
func Approximate(e *data.Event) bool {
	return !e.Dated() || e.YearInferred != "" || e.Precision != data.PrecisionDay
}

// PlaceInferred reports whether e is drawn at a place its sources do not
// give (a capital or seat of government, as its confidence note says).
func PlaceInferred(e *data.Event) bool { return e.PlacePrecision == data.PlaceInferred }

// PlaceApproximate reports whether e's sources place it only near where it
// is drawn (or, for an analyst's event, only to its region or country):
// its symbol has a thin solid ring (PlaceApproxRing).
func PlaceApproximate(e *data.Event) bool { return e.PlacePrecision.Map() == data.PlaceApproximate }

// PlaceApproxRing returns the thin solid ring drawn around the symbol of an
// event whose place is approximate (PlaceApproximate), at scale: as wide as
// PlaceHalo, but whole and fainter, so "near here" reads apart from "not
// where the sources say".
func PlaceApproxRing(scale float64) draw.Marker {
	scale = scaleOr1(scale)
	c := PlaceHaloColour
	c.A = 0x99
	return draw.Marker{Shape: draw.Circle, Size: 2 * SymbolSize * scale, Outline: c, OutlineWidth: 1.2 * scale}
}

// PlaceHaloColour is the dotted ring around the symbol of an event whose
// place is inferred.
var PlaceHaloColour = color.RGBA{0x26, 0x26, 0x26, 0xD9}

// PlaceHalo returns the dotted ring drawn under the symbol of an event
// whose place is inferred (PlaceInferred), at scale: a circle twice a
// symbol's width, hollow, with a thin dashed outline, so the symbol keeps
// its kind and date style and the ring says "not where the sources say".
func PlaceHalo(scale float64) draw.Marker {
	scale = scaleOr1(scale)
	return draw.Marker{
		Shape:        draw.Circle,
		Size:         2 * SymbolSize * scale,
		Outline:      PlaceHaloColour,
		OutlineWidth: 1.5 * scale,
		Dashed:       true,
	}
}

// placeHaloAround is PlaceHalo for a symbol size device pixels wide, such
// as a cluster's disc: a ring 4 logical pixels outside it.
func placeHaloAround(size, scale float64) draw.Marker {
	m := PlaceHalo(scale)
	m.Size = size + 8*scaleOr1(scale)
	return m
}

// MarkerFor returns the symbol the event layer draws for e at the given
// scale: ApproximateStyleFor when Approximate(e), StyleFor otherwise.
func MarkerFor(e *data.Event, scale float64) draw.Marker {
	if Approximate(e) {
		return ApproximateStyleFor(e.Kind, scale)
	}
	return StyleFor(e.Kind, scale)
}

// FamilyColour is the colour that stands for a family: the ring of a
// cluster whose events are mostly of that family.
func FamilyColour(f Family) color.RGBA {
	switch f {
	case FamilyDiplomacy:
		return ColourSkyBlue
	case FamilyDispute:
		return ColourReddishPurple
	case FamilyConflict:
		return ColourVermillion
	}
	return ColourGrey
}

// ClusterFill is the colour of a cluster's disc.
var ClusterFill = color.RGBA{0x26, 0x26, 0x26, 0xE6}

// ClusterText is the colour of a cluster's count.
var ClusterText = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}

// ClusterMarker returns the disc of a cluster of n events whose main
// family is f: from 16 logical pixels wide for 2 events, growing with the
// logarithm of n in whole pixels up to 40, so few distinct discs exist.
func ClusterMarker(n int, f Family, scale float64) draw.Marker {
	scale = scaleOr1(scale)
	return draw.Marker{
		Shape:        draw.Circle,
		Size:         clusterSize(n) * scale,
		Fill:         ClusterFill,
		Outline:      FamilyColour(f),
		OutlineWidth: 2.5 * scale,
	}
}

// clusterSize is the logical width of the disc of a cluster of n events.
func clusterSize(n int) float64 {
	s := 16.0
	for k := 2; k < n && s < 40; k *= 2 {
		s += 3
	}
	return s
}

// ClusterTextStyle is how a cluster's count is written, at scale.
func ClusterTextStyle(scale float64) draw.TextStyle {
	return draw.TextStyle{Size: 10 * scaleOr1(scale), Bold: true, Colour: ClusterText, Anchor: draw.AnchorCentre}
}

func scaleOr1(s float64) float64 {
	if s <= 0 {
		return 1
	}
	return s
}
