#!/usr/bin/env bash
# Fetches Natural Earth admin-0 countries (world-atlas@2.0.2) and topojson-client@3.1.0 with npm,
# and writes countries-{10m,50m,110m}.geojson into DIR (default: a new temporary folder).
# Prints DIR. Run by hand only; see README.md.
set -euo pipefail
dir=${1:-$(mktemp -d)}
mkdir -p "$dir"
here=$(cd "$(dirname "$0")" && pwd)
cd "$dir"
npm pack --silent world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null
rm -rf wa tc && mkdir wa tc
tar xzf world-atlas-2.0.2.tgz -C wa
tar xzf topojson-client-3.1.0.tgz -C tc
node "$here/togeojson.js" "$dir/tc/package/dist/topojson-client.js" "$dir/wa/package" "$dir" >&2
echo "$dir"
