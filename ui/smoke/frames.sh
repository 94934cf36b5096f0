#!/usr/bin/env bash
# Frames of the real window under Xvfb: start the built app with N
# synthetic events and a frame log (SAHELATLAS_FRAMELOG), then report
# the time to the first map frame and to the first frame with the events,
# the resident memory, the frames a second while dragging the timeline
# (its right handle leftwards, then the window's body rightwards) and
# while playing at 10×, and how long after the release the last frame
# came. The frame log's fourth column, the bytes the app has allocated
# (builds from session 5 on), gives the kilobytes allocated a frame. With
# SAHELATLAS_PROFILE=DIR the app writes CPU and allocation profiles of
# its use into DIR (see ui.EnvProfile), ended with SIGUSR1.
# Usage: ui/smoke/frames.sh PATH/TO/sahelatlas N [OUT_DIR]
# With FRAMES_STORE=PATH/ws.db the window opens a copy of that workspace
# store (its imported events, e.g. N ACLED rows made by
# data/store/bench/acledgen.go and `sahelatlas import`) instead of N
# synthetic events; N then only labels the output.
set -euo pipefail
bin=$(realpath "$1")
n=$2
out=${3:-build/frames}
mkdir -p "$out"
log=$out/frames-$n.log
rm -f "$log"

d=110
while [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ]; do d=$((d + 1)); done
Xvfb :$d -screen 0 1600x1000x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait 2>/dev/null || true
  [ -n "${tmp:-}" ] && rm -rf "$tmp"
}
trap cleanup EXIT
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$d ] && break; sleep 0.1; done
export DISPLAY=:$d

now() { date +%s%N; }
tmp=$(mktemp -d)
store=$tmp/workspace.db
events=(--synthetic "$n")
if [ -n "${FRAMES_STORE:-}" ]; then
  cp "$FRAMES_STORE" "$store"
  cp -r "$FRAMES_STORE.events" "$store.events"
  events=()
fi
t0=$(now)
SAHELATLAS_STORE=$store SAHELATLAS_FRAMELOG=$log "$bin" "${events[@]}" >"$out/app-$n.log" 2>&1 &
app=$!

# rss, hwm: the app's resident memory now and at its peak, in MB; cpu:
# its user + system CPU time so far, in ms.
rss() { awk '/VmRSS/{print int($2/1024)}' /proc/$app/status; }
hwm() { awk '/VmHWM/{print int($2/1024)}' /proc/$app/status; }
wait_for() { # wait_for WORD SECONDS: the time of the first log line with WORD
  for _ in $(seq $(($2 * 20))); do
    if [ -s "$log" ] && t=$(awk -v w="$1" '$2 == w {print $1; exit}' "$log") && [ -n "$t" ]; then echo "$t"; return; fi
    sleep 0.05
  done
  echo "frames: no $1 frame within $2 s" >&2; cat "$out/app-$n.log" >&2; exit 1
}
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$app/stat; }
first=$(wait_for frame 60)
cfirst=$(cpu)
events=$(wait_for events 600)
cevents=$(cpu)
sleep 2
printf 'events=%d first_map_s=%.2f (cpu %.2f s) events_drawn_s=%.2f (cpu %.2f s) rss_mb=%d peak_rss_mb=%d\n' "$n" \
  "$(echo "($first - $t0) / 1000000000" | bc -l)" "$(echo "$cfirst / 1000" | bc -l)" \
  "$(echo "($events - $t0) / 1000000000" | bc -l)" "$(echo "$cevents / 1000" | bc -l)" "$(rss)" "$(hwm)"

win=$(xdotool search --name '^Sahel Atlas$' | head -1)
xdotool windowmove "$win" 0 0 2>/dev/null || true
sleep 1
read -r tx ty tw th < <(awk '$1 == "place" && $2 == "timeline" {print $3, $4, $5, $6}' "$log")
ymid=$((ty + th / 2))

# fps LABEL FROM TO CPU_MS: frames a second logged between two times, the
# delay from TO to the last frame, and the app's CPU time a frame (what
# a machine shared with other work cannot show in frames a second).
fps() {
  awk -v a="$2" -v b="$3" -v l="$1" -v c="$4" '$2 == "frame" || $2 == "events" {
      if ($1 < a) before = $4
      if ($1 >= a && $1 <= b) { n++; alloc = $4 }
      if ($1 >= a) last = $1
    } END {
      printf "%s frames=%d fps=%.1f last_frame_after_release_ms=%.0f cpu_ms_per_frame=%.1f", l, n, n / ((b - a) / 1e9), (last - b) / 1e6, c / (n > 0 ? n : 1)
      if (alloc > 0) printf " alloc_kb_per_frame=%.0f", (alloc - before) / 1024 / (n > 0 ? n : 1)
      printf "\n"
    }' "$log"
}
# drag X0 X1 STEPS: press at X0 on the timeline, move to X1 in STEPS moves
# 10 ms apart, release.
drag() {
  local args=(mousemove "$1" "$ymid" mousedown 1)
  for i in $(seq 1 "$3"); do
    args+=(mousemove $(($1 + ($2 - $1) * i / $3)) "$ymid" sleep 0.01)
  done
  args+=(mouseup 1)
  xdotool "${args[@]}"
}
right=$((tx + tw - 2))
c0=$(cpu); a=$(now); drag "$right" $((tx + tw / 3)) 300; b=$(now); c1=$(cpu)
sleep 1.5
fps "drag_right_handle events=$n" "$a" "$b" $((c1 - c0))
c0=$(cpu); a=$(now); drag $((tx + tw / 6)) $((tx + tw / 2)) 300; b=$(now); c1=$(cpu)
sleep 1.5
fps "drag_window_body events=$n" "$a" "$b" $((c1 - c0))

# Playback at 10×: the speed choice's menu lists the speeds from 0.5× to
# 50×, 39 pixels apart, pushed up to end at the window's bottom edge.
read -r sx sy sw sh < <(awk '$1 == "place" && $2 == "speed" {print $3, $4, $5, $6}' "$log")
read -r px py pw ph < <(awk '$1 == "place" && $2 == "play" {print $3, $4, $5, $6}' "$log")
xdotool mousemove $((sx + sw / 2)) $((sy + sh / 2)) click 1
sleep 1
import -window root "$out/speed-menu-$n.png" 2>/dev/null || true
winh=$(xdotool getwindowgeometry "$win" | awk -F'[x ]' '/Geometry/{print $NF}')
xdotool mousemove $((sx + sw / 2)) $((winh - 39 - 20)) click 1 # the fifth speed, 10×
sleep 0.5
xdotool mousemove $((px + pw / 2)) $((py + ph / 2)) click 1
sleep 1
c0=$(cpu); a=$(now); sleep 5; b=$(now); c1=$(cpu)
fps "playback_10x events=$n" "$a" "$b" $((c1 - c0))
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
xdotool mousemove $((px + pw / 2)) $((py + ph / 2)) click 1
import -window root "$out/screen-$n.png" 2>/dev/null || true
printf 'events=%d rss_after_use_mb=%d peak_rss_mb=%d\n' "$n" "$(rss)" "$(hwm)"
# Five seconds still: the window hands back what the drags and playback
# made (idleRelease) when its heap is small enough to collect cheaply.
sleep 5
printf 'events=%d rss_still_5s_mb=%d\n' "$n" "$(rss)"
if [ -n "${SAHELATLAS_PROFILE:-}" ]; then
  kill -USR1 "$app" # the app writes its profiles
  for _ in $(seq 100); do [ -s "$SAHELATLAS_PROFILE/allocs-end.pprof" ] && break; sleep 0.2; done
  sleep 1
fi
