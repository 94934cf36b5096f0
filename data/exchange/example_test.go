package exchange_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/sahelatlas/sahelatlas/data/exchange"
	"github.com/sahelatlas/sahelatlas/geo"
)

// An ACLED export is read by column name; its events carry where they came
// from, and a bad row refuses the file unless SkipInvalid is set.
func ExampleImport() {
	const file = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,iso,location,latitude,longitude,notes,timestamp\n" +
		"MLI1,16 May 2025,1,Protests,Peaceful protest,Protesters (Mali),466,Bamako,12.65,-8.0,A march.,1747500000\n" +
		"MLI2,2025-02-30,1,Battles,Armed clash,FAMa,466,Gao,16.27,-0.04,,1747500000\n"
	_, err := exchange.Import(strings.NewReader(file), "acled.csv", exchange.Options{})
	fmt.Println(err)
	res, _ := exchange.Import(strings.NewReader(file), "acled.csv", exchange.Options{SkipInvalid: true})
	r := res.Records[0]
	fmt.Println(r.Event.ID, r.Event.Start, r.Event.Kind, r.Event.Countries, r.Place.Name, r.From)
	for _, p := range res.Rejected {
		fmt.Println("rejected", p)
	}
	// Output:
	// exchange: acled.csv was refused, nothing imported (1 problem(s)); fix the file or import with --skip-invalid to keep the good rows:
	//   line 3: event_date: date "2025-02-30" does not exist
	// MLI1 2025-05-16 protest [MLI] Bamako acled.csv line 2
	// rejected line 3: event_date: date "2025-02-30" does not exist
}

// The events in view go out as GeoJSON, CSV, KML or a TimelineJS sheet.
func ExampleWriteKML() {
	atlas, _ := geo.LoadAtlas() // finds the country of a row that names none
	res, _ := exchange.Import(strings.NewReader("title,lat,lon,start,end\nTalks in Niamey,13.51,2.11,2024-03-02,2024-03-04\n"), "talks.csv", exchange.Options{Countries: atlas})
	d, _ := exchange.Merge(nil, res.Records)
	exchange.WriteKML(os.Stdout, d.Events, d)
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <kml xmlns="http://www.opengis.net/kml/2.2">
	//  <Document>
	//   <name>Sahel Atlas events</name>
	//   <Placemark id="e-talks-csv-line-2">
	//    <name>Talks in Niamey</name>
	//    <description></description>
	//    <TimeSpan>
	//     <begin>2024-03-02</begin>
	//     <end>2024-03-04</end>
	//    </TimeSpan>
	//    <ExtendedData>
	//     <Data name="id">
	//      <value>talks-csv-line-2</value>
	//     </Data>
	//     <Data name="kind">
	//      <value>report</value>
	//     </Data>
	//     <Data name="precision">
	//      <value>day</value>
	//     </Data>
	//     <Data name="place">
	//      <value>13.5100, 2.1100</value>
	//     </Data>
	//     <Data name="actors">
	//      <value>Unattributed (imported)</value>
	//     </Data>
	//     <Data name="countries">
	//      <value>NER</value>
	//     </Data>
	//     <Data name="sources">
	//      <value>talks.csv</value>
	//     </Data>
	//     <Data name="source_notes">
	//      <value>{&#34;talks.csv&#34;:&#34;line 2&#34;}</value>
	//     </Data>
	//    </ExtendedData>
	//    <Point>
	//     <coordinates>2.11,13.51</coordinates>
	//    </Point>
	//   </Placemark>
	//  </Document>
	// </kml>
}
