package exchange

import (
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"

	"github.com/sahelatlas/sahelatlas/data"
)

// WriteKML writes events of d as a KML 2.2 document, one Placemark per
// event with its title as name, its summary as plain-text description, its
// point, a TimeSpan from start to end (so Google Earth's time slider shows
// it) and ExtendedData holding id, kind, cameo, precision, place, actors,
// countries, sources, source_notes (a JSON object of document → note),
// origin with origin_lon and origin_lat, date_note, no_year, year_inferred,
// confidence and the event's fields. Undated events have no TimeSpan.
// Import reads it back without loss.
func WriteKML(w io.Writer, events []*data.Event, d *data.Dataset) error {
	return WriteKMLStyled(w, events, d, nil)
}

// kmlOwn are the ExtendedData names WriteKML writes and Import reads.
var kmlOwn = map[string]bool{
	"id": true, "kind": true, "cameo": true, "precision": true, "place": true, "actors": true, "countries": true,
	"sources": true, "source_notes": true, "origin": true, "origin_lon": true, "origin_lat": true, "date_note": true,
	"no_year": true, "year_inferred": true, "confidence": true, "ongoing": true,
}

// WriteKMLStyled is WriteKML with a style per kind: Google Earth's own
// icon tinted with colour(kind) (the map's colours come from
// geo/overlay.StyleOf(kind).Colour; nothing is fetched). A nil colour
// writes no styles.
func WriteKMLStyled(w io.Writer, events []*data.Event, d *data.Dataset, colour func(data.Kind) color.RGBA) error {
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	var err error
	start := func(name string, attrs ...xml.Attr) {
		if err == nil {
			err = enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: name}, Attr: attrs})
		}
	}
	end := func(name string) {
		if err == nil {
			err = enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}})
		}
	}
	elem := func(name, text string) {
		start(name)
		if err == nil {
			err = enc.EncodeToken(xml.CharData(text))
		}
		end(name)
	}
	if _, werr := io.WriteString(w, xml.Header); werr != nil {
		return fmt.Errorf("exchange: cannot write KML: %w", werr)
	}
	start("kml", xml.Attr{Name: xml.Name{Local: "xmlns"}, Value: "http://www.opengis.net/kml/2.2"})
	start("Document")
	elem("name", "Sahel Atlas events")
	used := map[data.Kind]bool{}
	for _, e := range events {
		used[e.Kind] = true
	}
	for _, k := range data.Kinds {
		if !used[k] || colour == nil {
			continue
		}
		c := colour(k)
		start("Style", xml.Attr{Name: xml.Name{Local: "id"}, Value: "kind-" + data.Slug(k.String())})
		start("IconStyle")
		elem("color", fmt.Sprintf("ff%02x%02x%02x", c.B, c.G, c.R)) // KML writes aabbggrr
		end("IconStyle")
		end("Style")
	}
	for _, e := range events {
		start("Placemark", xml.Attr{Name: xml.Name{Local: "id"}, Value: "e-" + data.Slug(e.ID)})
		elem("name", e.Title)
		elem("description", e.Summary)
		if colour != nil && e.Kind.Valid() {
			elem("styleUrl", "#kind-"+data.Slug(e.Kind.String()))
		}
		if e.Dated() {
			start("TimeSpan")
			elem("begin", e.Start.String())
			elem("end", e.End.String()) // for an ongoing event, the end of the span it began in (ExtendedData ongoing)
			end("TimeSpan")
		}
		start("ExtendedData")
		var docs []string
		for _, s := range e.Sources {
			docs = append(docs, s.Document)
		}
		origin, olon, olat := originColumns(d, e)
		ext := [][2]string{
			{"id", e.ID}, {"kind", e.Kind.String()}, {"cameo", e.Kind.CAMEO()}, {"precision", e.Precision.String()},
			{"place", placeName(d, e.Place)}, {"actors", strings.Join(actorNames(d, e), "; ")},
			{"countries", strings.Join(e.Countries, "; ")}, {"sources", strings.Join(docs, "; ")},
			{"source_notes", sourceNotes(e)}, {"origin", origin}, {"origin_lon", olon}, {"origin_lat", olat},
			{"date_note", e.DateNote}, {"no_year", noYearText(e.NoYear)}, {"year_inferred", e.YearInferred}, {"confidence", e.Confidence},
			{"ongoing", ongoingText(e)},
		}
		own := func(n string) bool { return kmlOwn[n] }
		for _, f := range e.Fields {
			ext = append(ext, [2]string{fieldKey(f.Name, own), f.Value})
		}
		for _, kv := range ext {
			if kv[1] == "" {
				continue
			}
			start("Data", xml.Attr{Name: xml.Name{Local: "name"}, Value: kv[0]})
			elem("value", kv[1])
			end("Data")
		}
		end("ExtendedData")
		start("Point")
		at := e.At()
		elem("coordinates", strconv.FormatFloat(at[0], 'f', -1, 64)+","+strconv.FormatFloat(at[1], 'f', -1, 64))
		end("Point")
		end("Placemark")
	}
	end("Document")
	end("kml")
	if err == nil {
		err = enc.Flush()
	}
	if err == nil {
		_, err = io.WriteString(w, "\n")
	}
	if err != nil {
		return fmt.Errorf("exchange: cannot write KML: %w", err)
	}
	return nil
}

// ongoingText is "true" for an ongoing event, else "".
func ongoingText(e *data.Event) string {
	if e.Ongoing {
		return "true"
	}
	return ""
}
