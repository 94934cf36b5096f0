// Package exchange reads events from files analysts bring (ACLED exports
// of every vintage and its API's JSON, any CSV, TSV or semicolon table,
// Excel workbooks, GeoJSON, KML/KMZ) and writes the events in view for
// other tools (GeoJSON, CSV, KML with time spans, a TimelineJS sheet).
//
// Import turns a file into records (data.Record): each an event with the
// place, actors and sources it names and where in the file it came from
// (data.Provenance). A file with any bad row is refused whole unless
// Options.SkipInvalid is set; either way every bad row is listed, by line or
// feature and reason, with the flag that fixes it where there is one, in
// Result.Rejected, and GroupProblems (or RefusedError's text) groups rows
// with the same problem into one line. Import never touches a store:
// store.(*Store).PutImport keeps the records, in one transaction.
//
// The flow, for the window and the command line alike:
//
//	format, columns, _ := exchange.Header(f, name)      // for the column dialog (CSV)
//	cols := exchange.DetectColumns(columns, exchange.Columns{})
//	res, err := exchange.Import(f, name, exchange.Options{Columns: cols, SkipInvalid: skip, Countries: atlas})
//	// err is a *RefusedError listing res.Rejected when a row is bad and skip is false
//	change, err := st.PutImport(store.Import{Name: name, Format: string(res.Format)}, res.Records)
//	// later: st.Imports(), st.ImportEvents(id), st.ImportEventsBetween(id, from, to), st.RemoveImport(id)
//
// A large file goes to the store as it is read, a batch at a time, so that
// memory holds a batch and not the file (the import command does this):
//
//	w, err := st.NewImport(store.Import{Name: name})
//	res, err := exchange.Import(f, name, exchange.Options{Stream: w.Add})
//	// on an error: w.Abort(), and the store is as it was
//	change, err := w.Commit(res.Amend)
//	d, err := exchange.Merge(bundled, records) // one dataset for the map, filters and exports
//	exchange.WriteGeoJSON(w, d.Query(from, to, filter), d) // or WriteCSV, WriteKMLStyled, WriteTimeline
//
// Countries a file names (alpha-3 or ISO 3166 numeric codes, English names
// and the variants ACLED, GDELT and spreadsheets use, French names) are read
// with a table generated from the embedded boundaries (countries_table.go,
// go generate). The country of a row that names none is asked of
// Options.Countries, a *geo.Atlas in the window and the commands: this
// package does not import geo.
//
// Every table is read the same way whatever holds it (rows): a CSV file, a
// sheet of a workbook (its date cells read as the days they show) or ACLED's
// JSON records. A table with ACLED's columns is read as an ACLED export,
// any other by the names of its columns in English or French (Columns);
// the columns no field takes are kept as the event's fields
// (data.Record.Extra). Dates are read in the layouts files hold (16 May
// 2025, 16-May-25, 12-September-22, 16 avril 2024, 16/05/2025, 5/16/2025,
// a spreadsheet's day number); whether 05/06/2025 is day or month first is
// decided once for the whole file from the dates that can only be one way,
// never row by row, and refused with the --date-format to use when
// nothing tells (Options.DateFormat); a two-digit year takes its century
// from the row's year column. Result.Notes says how.
//
// Hostile files are met with limits rather than trust: a size cap on the
// whole file (MaxFileSize; none for a file read with Options.Stream
// but a workbook or a KMZ read whole, see Options.MaxFileSize; a streamed
// JSON record or feature, or XML token, at most MaxFeatureSize) and on each field, a nesting cap for XML, KMZ
// entries (and a workbook's) that must be local names within an
// uncompressed-size cap, no
// NetworkLink or href ever followed, descriptions kept as plain text, dates
// and coordinates range-checked, invalid UTF-8 reported with its line, a
// UTF-8 byte-order mark stripped, UTF-16 with a byte-order mark decoded and
// Windows-1252 read when asked (Options.Encoding). CSV may be separated by
// commas, semicolons or tabs (Delimiter).
//
// # ACLED event types
//
// ACLED has no diplomacy types; its event and sub-event types map onto
// data.Kind as follows (the original types are kept in data.Record.Extra;
// the types of exports before 2019 map as their successors: Riots/Protests
// protest, Remote violence attack, Battle-… as Battles):
//
//	Battles                                         attack
//	Battles / Government regains territory          operation
//	Explosions/Remote violence                      attack
//	Violence against civilians                      attack
//	Violence against civilians / Abduction/forced disappearance  arrest
//	Protests, Riots                                 protest
//	Strategic developments / Agreement              agreement
//	Strategic developments / Arrests                arrest
//	Strategic developments / Headquarters or base established  deployment
//	Strategic developments / Non-violent transfer of territory deployment
//	Strategic developments / Disrupted weapons use  operation
//	Strategic developments / Looting/property destruction      attack
//	Strategic developments / anything else          report
//	anything else                                   report
//
// ACLED's time_precision 1 is a day; 2 (within a week) becomes a day-precision
// span of the date ± 3 days; 3 (the month) becomes month precision; both say
// so in the event's date note. geo_precision 2 and 3 (a nearby town, a
// region's centre) are said in the event's confidence. Its
// actor types (inter1/inter2) give the actor kind: 1 state forces and 8
// external forces → military; 2 rebels, 3 political militias, 4 identity
// militias → armed_group; 5 rioters, 6 protesters, 7 civilians → person (a
// group of people; the data model has no closer kind).
package exchange
