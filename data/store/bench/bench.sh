#!/bin/sh
# bench.sh: a 1,000,000-row ACLED CSV imported by sahelatlas and by
# sqlite3 (.import, then an index on the date), then a one-month query
# (2013-03) over both, alternating, in one run, each under /usr/bin/time.
#
#	data/store/bench/bench.sh [ROWS] [RUNS]
#
# OLD_BIN=PATH adds another build of sahelatlas (an older one) to the same
# loop, alternating with the others, and compares its month's output.
#
# Needs go, sqlite3 and GNU time (/usr/bin/time). Everything goes under
# $BENCH_DIR (default /tmp/sahelatlas-bench); the CSV (about 300 MB for a
# million rows) is made once by acledgen.go and kept there.
set -eu
rows=${1:-1000000}
runs=${2:-3}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
dir=${BENCH_DIR:-/tmp/sahelatlas-bench}
mkdir -p "$dir"
csv=$dir/acled-$rows.csv
bin=$dir/sahelatlas
[ -s "$csv" ] || (cd "$here" && go run acledgen.go -n "$rows" > "$csv")
(cd "$root" && go build -tags no_animations -o "$bin" .)
ls -l "$csv"

t() { # label, command...: one line "label: seconds s, peak KB"
	label=$1
	shift
	/usr/bin/time -f "$label: %e s, %U+%S s CPU, %M KB peak" "$@" > "$dir/out" 2> "$dir/err" || { cat "$dir/err"; exit 1; }
	tail -n 1 "$dir/err"
}

for i in $(seq "$runs"); do
	echo "run $i $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
	rm -rf "$dir/ws" "$dir/wsold" "$dir/sq.db"
	t "  sahelatlas import" "$bin" import "$csv" --store "$dir/ws/ws.db"
	printf '.mode csv\n.import %s events\nCREATE INDEX events_date ON events(event_date);\n' "$csv" > "$dir/sq.sql"
	t "  sqlite3 .import + index" sh -c "sqlite3 '$dir/sq.db' < '$dir/sq.sql'"
	[ -z "${OLD_BIN:-}" ] || t "  OLD_BIN import" "$OLD_BIN" import "$csv" --store "$dir/wsold/ws.db"
	t "  sahelatlas events --from 2013-03-01 --to 2013-03-31 (csv)" "$bin" events --store "$dir/ws/ws.db" --from 2013-03-01 --to 2013-03-31 --format csv
	n=$(($(wc -l < "$dir/out") - 1))
	cp "$dir/out" "$dir/month.csv"
	t "  sqlite3 SELECT one month (csv)" sqlite3 -csv -header "$dir/sq.db" "SELECT * FROM events WHERE event_date BETWEEN '2013-03-01' AND '2013-03-31'"
	m=$(($(wc -l < "$dir/out") - 1))
	if [ -n "${OLD_BIN:-}" ]; then
		t "  OLD_BIN events --from 2013-03-01 --to 2013-03-31 (csv)" "$OLD_BIN" events --store "$dir/wsold/ws.db" --from 2013-03-01 --to 2013-03-31 --format csv
		echo "  OLD_BIN's month $(cmp -s "$dir/out" "$dir/month.csv" && echo is identical || echo DIFFERS)"
	fi
	echo "  rows out: sahelatlas $n (with the bundled events of the month), sqlite3 $m"
	echo "  sizes: store $(du -sb "$dir/ws" | cut -f1) bytes, sqlite3 $(du -sb "$dir/sq.db" | cut -f1) bytes"
done
