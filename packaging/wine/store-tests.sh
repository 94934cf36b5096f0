#!/usr/bin/env bash
# make wine-store-test: build data/store's tests for Windows and run them
# under Wine (the private prefix of packaging/wine/prefix.sh), then sort
# them into three lists:
#
#   pass        passed
#   wine-only   failed only because Wine 8 cannot delete the test's
#               temporary folder (os.RemoveAll: "Invalid function", Wine
#               lacks FileDispositionInformationEx, which Windows 10 has)
#   fail        failed otherwise: read build/wine-store/store.log
#
# It exits 0 whatever the tests do: it is a report, since some of the
# store's tests check Unix behaviour (file modes, hard links sharing the
# lock) that Windows does not have. See README, "Windows".
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(realpath -m build/wine-store)
GO=${GO:-go}
# Go keeps its caches where the user has them; Wine's HOME is private.
export GOCACHE=$("$GO" env GOCACHE) GOMODCACHE=$("$GO" env GOMODCACHE) GOPATH=$("$GO" env GOPATH) GOENV=$("$GO" env GOENV)
mkdir -p "$root/home"
export HOME=$root/home
source packaging/wine/prefix.sh
GOOS=windows GOARCH=amd64 CGO_ENABLED=0 "$GO" test -c -o "$root/store.test.exe" ./data/store/
set +e
(cd "$root" && env -u DISPLAY timeout 1800 "$wine" ./store.test.exe -test.v -test.short -test.count=1 ${STORE_TESTS:+-test.run "$STORE_TESTS"} >store.log 2>&1)
set -e
# Each error line belongs to the top-level test last started or continued.
awk '
  /^=== (RUN|CONT|PAUSE|NAME) / { t = $3; sub("/.*", "", t); next }
  /^    [^ ].*\.go:[0-9]+: / && t != "" {
    if ($0 !~ /TempDir RemoveAll cleanup: .*Invalid function/) real[t] = 1
    next
  }
  /^--- (PASS|FAIL|SKIP): / && $3 !~ /\// {
    r = $2 == "PASS:" ? "pass" : $2 == "SKIP:" ? "skip" : real[$3] ? "fail" : "wine-only"
    n[r]++; list[r] = list[r] " " $3
  }
  END {
    split("pass wine-only skip fail", order, " ")
    for (i = 1; i <= 4; i++) printf "store under Wine: %-9s %3d:%s\n", order[i], n[order[i]], list[order[i]]
  }
' "$root/store.log" | tee "$root/summary.txt"
