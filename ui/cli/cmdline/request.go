package cmdline

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
	"github.com/sahelatlas/sahelatlas/data/lang"
	"github.com/sahelatlas/sahelatlas/geo"
	"github.com/sahelatlas/sahelatlas/geo/draw"
	"github.com/sahelatlas/sahelatlas/geo/layout"
	"github.com/sahelatlas/sahelatlas/geo/scene"
)

// Request is the snapshot of the scene s the flags ask for, before its
// caveat (WithCaveat) and scene.Snapshot.Complete's defaults. Its errors
// say which flag is wrong.
func (o *Snapshot) Request(s *scene.Scene) (scene.Snapshot, error) {
	snap := scene.Snapshot{
		Format: scene.Format(strings.ToLower(o.Format)), Width: o.Width, Height: o.Height,
		Paper: strings.ToLower(o.Paper), DPI: o.DPI, Every: scene.Step(o.Every),
		HideRelations: o.NoRelations, HideVisits: o.NoVisits, WorldFile: o.WorldFile,
	}
	switch snap.Format {
	case "", scene.FormatPNG, scene.FormatSVG, scene.FormatPDF, scene.FormatGIF:
	default:
		return snap, fmt.Errorf(lang.T("--format %q: use png, svg, pdf or gif"), o.Format)
	}
	switch strings.ToLower(o.SVGText) {
	case "outlines":
		snap.SVGText = draw.TextOutlines
	case "editable":
		snap.SVGText = draw.TextEditable
	default:
		return snap, fmt.Errorf("--svg-text %q: use outlines or editable", o.SVGText)
	}
	b, err := geo.ViewBound(o.View, s.Atlas)
	if err != nil {
		return snap, err
	}
	snap.Bound = b
	for _, d := range []struct {
		flag string
		in   string
		out  *data.Date
	}{{"--from", o.From, &snap.From}, {"--to", o.To, &snap.To}} {
		if d.in == "" {
			continue
		}
		if *d.out, err = data.ParseDate(d.in); err != nil {
			return snap, fmt.Errorf(lang.T("%s %q is not a date YYYY-MM-DD"), d.flag, d.in)
		}
	}
	if snap.Every != "" && (o.From == "" || o.To == "") {
		return snap, errors.New(lang.T("--every needs --from and --to"))
	}
	for _, k := range data.SplitList(o.Kinds) {
		kind, ok := data.ParseKind(k)
		if !ok {
			return snap, fmt.Errorf(lang.T("--kind %q is not a kind of event (kinds: %s)"), k, kindNames())
		}
		snap.Filter.Kinds = append(snap.Filter.Kinds, kind)
	}
	for _, c := range data.SplitList(o.Countries) {
		snap.Filter.Countries = append(snap.Filter.Countries, strings.ToUpper(c))
	}
	if o.Actor != "" {
		if s.Data.Actor(o.Actor) == nil {
			return snap, fmt.Errorf(lang.T("--actor %q: no actor has that id"), o.Actor)
		}
		snap.Filter.Actors, snap.Actor = []string{o.Actor}, o.Actor
	}
	snap.Layout = layout.Options{Title: o.Title, Subtitle: o.Subtitle}
	if snap.Layout.Title == "" {
		snap.Layout.Title = "Sahel Atlas"
		if v := strings.ToLower(strings.TrimSpace(o.View)); v != "" && !strings.Contains(v, ",") {
			snap.Layout.Title += lang.T("page.title.sep") + viewName(v)
		}
	}
	for _, h := range []struct {
		off bool
		e   layout.Element
	}{
		{o.NoLegend, layout.Legend}, {o.NoScale, layout.ScaleBar}, {o.NoNorth, layout.NorthArrow},
		{o.NoCredits, layout.Credits}, {o.NoTitle, layout.Title}, {o.NoSub, layout.Subtitle}, {o.NoTime, layout.MadeAt},
		{o.NoEventList, layout.EventList},
	} {
		if h.off {
			snap.Layout.Hide |= h.e
		}
	}
	return snap, nil
}

// kindNames lists the kinds of event for a message.
func kindNames() string {
	names := make([]string, len(data.Kinds))
	for i, k := range data.Kinds {
		names[i] = k.String()
	}
	return strings.Join(names, ", ")
}

// viewName is a view's name for a title: "Sahel", "Soudan" in French;
// a view the catalog lacks is capitalised.
func viewName(v string) string {
	if lang.English.Has("view." + v) {
		return lang.T("view." + v)
	}
	return strings.ToUpper(v[:1]) + v[1:]
}
