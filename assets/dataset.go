package assets

import "embed"

// Dataset holds the bundled dataset in dataset/: the events, actors, places,
// relations and sources drawn from the five seed documents, as readable JSON
// (sources.json, places.json, actors.json, events.json, relations.json).
// data.LoadBundled reads and validates it.
//
//go:embed dataset/*.json
var Dataset embed.FS
