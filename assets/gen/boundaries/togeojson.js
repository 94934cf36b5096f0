// togeojson.js TOPOJSON_CLIENT WORLD_ATLAS_DIR OUT_DIR
// Turns world-atlas's countries-{10m,50m,110m}.json (TopoJSON) into GeoJSON feature collections.
// Each collection carries the TopoJSON quantisation as a foreign member "transform"
// ({"scale": [sx, sy], "translate": [tx, ty]}), so the Go generator can store coordinates
// as integers on the same grid without losing precision.
'use strict';
const fs = require('fs');
const path = require('path');
const [topojsonClient, atlasDir, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node togeojson.js TOPOJSON_CLIENT WORLD_ATLAS_DIR OUT_DIR');
  process.exit(2);
}
const topojson = require(path.resolve(topojsonClient));
for (const scale of ['10m', '50m', '110m']) {
  const topo = JSON.parse(fs.readFileSync(path.join(atlasDir, `countries-${scale}.json`), 'utf8'));
  if (!topo.transform) throw new Error(`countries-${scale}.json: no transform; expected a quantised topology`);
  const fc = topojson.feature(topo, topo.objects.countries);
  fc.transform = topo.transform;
  const out = path.join(outDir, `countries-${scale}.geojson`);
  fs.writeFileSync(out, JSON.stringify(fc));
  console.log(`${out}: ${fc.features.length} features`);
}
