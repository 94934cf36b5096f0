// Package data is Sahel Atlas's model of diplomacy and conflict: events
// (visits, meetings, talks, expulsions, coups, military operations…), the
// actors and places they involve, the relations between countries they
// change, and the sources they come from.
//
// A Dataset holds all of them, checks them when it is built (Validate), and
// answers the queries the map needs: events overlapping a date window,
// events by kind, actor, country or text, and the status of a relation on a
// given day. LoadBundled reads the dataset embedded in the binary, drawn
// from the five seed documents; SyntheticEvents makes large random ones for
// benchmarks. The package never imports Fyne.
package data
