package article

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/paulmach/orb"

	"github.com/sahelatlas/sahelatlas/data"
)

// Properties are a proposal's GeoJSON properties, as `sahelatlas extract`
// writes them and `sahelatlas import` reads them back.
type Properties struct {
	Kind           data.Kind `json:"kind"`
	Date           string    `json:"date"`           // YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD or --MM
	DatePrecision  string    `json:"date_precision"` // day, month or year
	YearInferred   bool      `json:"year_inferred"`  // never true from extract: a year is inferred only when the analyst accepts it
	End            *string   `json:"end"`            // the last date of a range, "ongoing", or null
	Actors         []string  `json:"actors"`
	Countries      []string  `json:"countries"`
	Place          string    `json:"place"`
	PlacePrecision string    `json:"place_precision"`
	Origin         *string   `json:"origin"`
	Status         Status    `json:"status"`
	Evidence       string    `json:"evidence"`
	Confidence     string    `json:"confidence"`
}

// PropertiesOf returns the GeoJSON properties of a proposal.
func PropertiesOf(p *Proposal) Properties {
	pr := Properties{
		Kind: p.Kind, Date: p.DateString(), DatePrecision: p.Precision.String(),
		Actors: p.ActorNames(), Countries: p.Countries, Place: p.Place.Name,
		PlacePrecision: p.PlacePrecision.String(), Status: p.Status,
		Evidence: strings.Join(strings.Fields(p.Evidence), " "), Confidence: p.Confidence,
	}
	if pr.Countries == nil {
		pr.Countries = []string{}
	}
	if end := p.EndString(); p.Ongoing {
		s := "ongoing"
		pr.End = &s
	} else if end != "" {
		pr.End = &end
	}
	if p.Origin != nil {
		o := p.Origin.Name
		pr.Origin = &o
	}
	return pr
}

// ArticleInfo is what a proposals file says of the article it was read
// from, beside its features (a foreign member, "article", of the
// FeatureCollection): it becomes the source of the events imported.
type ArticleInfo struct {
	File          string `json:"file,omitempty"`
	Lang          string `json:"lang"`
	Published     string `json:"published,omitempty"`
	PublishedFrom string `json:"published_from,omitempty"`
	Text          string `json:"text"`
}

type feature struct {
	Type       string     `json:"type"`
	Geometry   geometry   `json:"geometry"`
	Properties Properties `json:"properties"`
}

type geometry struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

type collection struct {
	Type     string      `json:"type"`
	Article  ArticleInfo `json:"article"`
	Features []feature   `json:"features"`
}

func infoOf(res *Result, file string) ArticleInfo {
	a := ArticleInfo{File: file, Lang: res.Lang, PublishedFrom: res.PublishedFrom, Text: res.Text}
	if !res.Published.IsZero() {
		a.Published = res.Published.String()
	}
	return a
}

// WriteGeoJSON writes the proposals as a FeatureCollection, one Point per
// proposal with its Properties, and the article (file name, language,
// publication date, text) as the collection's "article" member.
func WriteGeoJSON(w io.Writer, res *Result, file string) error {
	c := collection{Type: "FeatureCollection", Article: infoOf(res, file), Features: []feature{}}
	for i := range res.Proposals {
		p := &res.Proposals[i]
		c.Features = append(c.Features, feature{
			Type:       "Feature",
			Geometry:   geometry{Type: "Point", Coordinates: [2]float64{p.Place.Point[0], p.Place.Point[1]}},
			Properties: PropertiesOf(p),
		})
	}
	return writeJSON(w, c)
}

// jsonProposal is a proposal in the JSON format: its properties, its
// point and where its evidence and words are in the text.
type jsonProposal struct {
	Properties
	Lon        float64  `json:"lon"`
	Lat        float64  `json:"lat"`
	Title      string   `json:"title"`
	EvidenceAt [2]int   `json:"evidence_at"`
	Marks      [][2]int `json:"marks"`
}

// WriteJSON writes the article and its proposals as one JSON document:
// {"article": ..., "countries": [...], "proposals": [...]}, each proposal
// with its properties, lon, lat, title and the byte spans of its
// evidence and marks in the article's text.
func WriteJSON(w io.Writer, res *Result, file string) error {
	doc := struct {
		Article   ArticleInfo    `json:"article"`
		Countries []string       `json:"countries"`
		Proposals []jsonProposal `json:"proposals"`
	}{infoOf(res, file), res.Countries, []jsonProposal{}}
	if doc.Countries == nil {
		doc.Countries = []string{}
	}
	for i := range res.Proposals {
		p := &res.Proposals[i]
		doc.Proposals = append(doc.Proposals, jsonProposal{Properties: PropertiesOf(p), Lon: p.Place.Point[0], Lat: p.Place.Point[1],
			Title: p.Title(), EvidenceAt: p.EvidenceAt, Marks: p.Marks})
	}
	return writeJSON(w, doc)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("article: cannot write the proposals: %w", err)
	}
	return nil
}

// IsProposals reports whether raw is a FeatureCollection written by
// WriteGeoJSON: its features carry the properties status, evidence and
// date_precision.
func IsProposals(raw []byte) bool {
	if !bytes.Contains(raw, []byte(`"FeatureCollection"`)) || !bytes.Contains(raw, []byte(`"evidence"`)) {
		return false
	}
	var c struct {
		Type     string `json:"type"`
		Features []struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"features"`
	}
	if json.Unmarshal(raw, &c) != nil || c.Type != "FeatureCollection" || len(c.Features) == 0 {
		return false
	}
	for _, f := range c.Features {
		for _, k := range []string{"status", "evidence", "date_precision", "kind", "date"} {
			if _, ok := f.Properties[k]; !ok {
				return false
			}
		}
	}
	return true
}

// Proposed is a proposal read back from a proposals file: its properties
// and its point.
type Proposed struct {
	Properties
	Point orb.Point
}

// ReadGeoJSON reads a proposals file written by WriteGeoJSON. It returns
// the proposals, in order, and the article they were read from.
func ReadGeoJSON(r io.Reader) ([]Proposed, ArticleInfo, error) {
	var c collection
	dec := json.NewDecoder(r)
	if err := dec.Decode(&c); err != nil {
		return nil, ArticleInfo{}, fmt.Errorf("article: the proposals are not GeoJSON: %w", err)
	}
	if c.Type != "FeatureCollection" {
		return nil, ArticleInfo{}, fmt.Errorf("article: the proposals are a %q, not a FeatureCollection", c.Type)
	}
	out := make([]Proposed, 0, len(c.Features))
	for i, f := range c.Features {
		if f.Geometry.Type != "Point" {
			return nil, ArticleInfo{}, fmt.Errorf("article: proposal %d is a %q, not a Point", i+1, f.Geometry.Type)
		}
		out = append(out, Proposed{Properties: f.Properties, Point: orb.Point(f.Geometry.Coordinates)})
	}
	return out, c.Article, nil
}
