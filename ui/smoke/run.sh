#!/usr/bin/env bash
# Real-window smoke test: start the built app under Xvfb, wait for its
# window, capture the screen, and fail unless the map is drawn with the
# focus countries in their colours (checked by ui/smoke/check).
# Usage: ui/smoke/run.sh PATH/TO/sahelatlas
set -euo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/../.."
out=${SMOKE_OUT:-build/smoke}
mkdir -p "$out"

# The commands work with no display, and a bad one fails in one line,
# with status 2, leaving no file.
tmp=$(mktemp -d)
if ! env -u DISPLAY "$bin" snapshot -o "$tmp/sahel.png" >"$out/snapshot.log" 2>&1; then
  echo "smoke: sahelatlas snapshot failed without a display:" >&2; cat "$out/snapshot.log" >&2; exit 1
fi
[ -s "$tmp/sahel.png" ] || { echo "smoke: snapshot wrote no PNG" >&2; exit 1; }
set +e
env -u DISPLAY "$bin" snapshot -o "$tmp/bad.png" --view nowhere >"$out/bad.out" 2>"$out/bad.err"
status=$?
set -e
lines=$(wc -l <"$out/bad.err")
if [ "$status" != 2 ] || [ "$lines" != 1 ] || [ -e "$tmp/bad.png" ]; then
  echo "smoke: a bad snapshot gave status $status, $lines line(s) on stderr, file left: $(ls "$tmp")" >&2
  cat "$out/bad.err" >&2; exit 1
fi
echo "smoke: snapshot without a display, and a one-line error for a bad view: ok"

# A free display number.
d=97
while [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ]; do d=$((d + 1)); done
Xvfb :$d -screen 0 1600x1000x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$d ] && break; sleep 0.1; done
export DISPLAY=:$d

store=$(mktemp -d)/workspace.db
SAHELATLAS_STORE=$store "$bin" >"$out/app.log" 2>&1 &
app=$!

# Poll rather than --sync: an X error while xdotool reads a window that is
# going away (BadWindow) must count as "not there yet", not as a failure.
seen=""
for _ in $(seq 60); do
  if xdotool search --name '^Sahel Atlas$' >/dev/null 2>&1; then seen=1; break; fi
  sleep 1
done
if [ -z "$seen" ]; then
  echo "smoke: the Sahel Atlas window never appeared; app log:" >&2
  cat "$out/app.log" >&2
  exit 1
fi
win=$(xdotool search --name '^Sahel Atlas$' | head -1)
# With no window manager, a resize sent before the window is mapped is
# lost: repeat it until the window has the size asked for.
for _ in $(seq 20); do
  xdotool windowsize "$win" 1400 900 2>/dev/null || true
  xdotool windowmove "$win" 0 0 2>/dev/null || true
  sleep 0.5
  xdotool getwindowgeometry "$win" 2>/dev/null | grep -q 'Geometry: 1400x900' && break
done

# The first frame is rendered off the UI thread: give it time, then check.
ok=""
for i in $(seq 20); do
  sleep 1
  import -window root "$out/screen.png"
  if go run ./ui/smoke/check "$out/screen.png" >"$out/check.log" 2>&1; then ok=1; break; fi
  kill -0 "$app" 2>/dev/null || { echo "smoke: the app exited; log:" >&2; cat "$out/app.log" >&2; exit 1; }
done
cat "$out/check.log"
[ -n "$ok" ] || { echo "smoke: FAIL (screenshot in $out/screen.png)" >&2; exit 1; }
echo "smoke: PASS (screenshot in $out/screen.png)"
