#!/usr/bin/env bash
# make dist: build Sahel Atlas for Linux and Windows (amd64) and pack each
# build with its README, notices, icon and desktop files into dist/:
#
#   sahelatlas-VERSION-linux-amd64.tar.gz
#   sahelatlas-VERSION-windows-amd64.zip
#   SHA256SUMS
#
# VERSION is FyneApp.toml's. The archives are reproducible: the same
# source gives the same bytes (-trimpath, no build id, no VCS stamp, every
# file dated SOURCE_DATE_EPOCH or else the last commit's time, entries
# sorted, owner root, modes 0755/0644, gzip without name or time).
# Needs gcc, x86_64-w64-mingw32-gcc, tar, gzip, zip (make deps-dist).
#
# `dist.sh linux` only builds the Linux folder, build/dist/sahelatlas-VERSION-linux-amd64
# (what make install installs from), and packs nothing.
set -euo pipefail
only=${1:-}
cd "$(dirname "$0")/.."
source packaging/version.sh

out=$(realpath -m "${DIST_OUT:-dist}")
work=build/dist
GO=${GO:-go}
export CGO_ENABLED=1 GOFLAGS="${GOFLAGS:-} -trimpath -buildvcs=false -tags=${TAGS:-no_animations}" # make passes TAGS, as for make build
ldflags="-s -w -buildid="
echo "dist: Sahel Atlas $version (build $build), files dated $(date -u -d "@$epoch" +%FT%TZ)"

rm -rf "$work"
mkdir -p "$work" "$out"
linux=$work/sahelatlas-$version-linux-amd64
windows=$work/sahelatlas-$version-windows-amd64
mkdir -p "$linux" "$windows"

# stage_linux puts the desktop entry, icons, metainfo and install.sh
# beside the Linux binary, and gives every file the same mode and date
# whatever the umask and the checkout.
stage_linux() {
  cp README.md "$linux/"
  [ ! -f LICENSE ] || cp LICENSE "$linux/"
  cp packaging/install.sh "$linux/install.sh"
  local share=$linux/share
  install -Dm644 packaging/org.sahelatlas.app.desktop "$share/applications/org.sahelatlas.app.desktop"
  install -Dm644 assets/icon.png "$share/icons/hicolor/512x512/apps/org.sahelatlas.app.png"
  install -Dm644 assets/icon.svg "$share/icons/hicolor/scalable/apps/org.sahelatlas.app.svg"
  mkdir -p "$share/metainfo"
  sed -e "s/@VERSION@/$version/" -e "s/@DATE@/$(date -u -d "@$epoch" +%F)/" \
    packaging/org.sahelatlas.app.metainfo.xml >"$share/metainfo/org.sahelatlas.app.metainfo.xml"
  find "$linux" -type d -exec chmod 0755 {} +
  find "$linux" -type f -exec chmod 0644 {} +
  chmod 0755 "$linux/sahelatlas" "$linux/install.sh"
  find "$linux" -exec touch -h -d "@$epoch" {} +
}

# The binaries.
echo "dist: building for linux/amd64"
GOOS=linux GOARCH=amd64 "$GO" build -ldflags "$ldflags" -o "$linux/sahelatlas" .

if [ "$only" = linux ]; then
  "$GO" run ./packaging/notices -goos linux -credits packaging/CREDITS.txt -o "$linux/THIRD_PARTY_NOTICES.txt" .
  stage_linux
  exit 0
fi

# The Windows build carries its icon, manifest and version information in
# a resource object (.syso) beside main.go while it is linked. go-winres
# comes from the module proxy at a fixed version.
echo "dist: building for windows/amd64"
syso=rsrc_windows_amd64.syso
trap 'rm -f "$syso"' EXIT
"$GO" run github.com/tc-hib/go-winres@$GOWINRES simply \
  --arch amd64 --out "$work/rsrc" --manifest gui --icon assets/icon.png \
  --product-name "Sahel Atlas" --product-version "$version.$build" \
  --file-version "$version.$build" --file-description "Sahel Atlas" \
  --original-filename sahelatlas.exe --copyright "The Sahel Atlas team"
cp "$work/rsrc_windows_amd64.syso" "$syso"
# sahelatlas.exe is the window (no console opens when it is started from
# Explorer); sahelatlas-cli.exe is the same program as a console program,
# for the commands in a Command Prompt or PowerShell, which wait for it
# and show its output and exit status.
win() { GOOS=windows GOARCH=amd64 CC=${MINGW_CC:-x86_64-w64-mingw32-gcc} "$GO" build "$@" .; }
win -ldflags "$ldflags -H windowsgui" -o "$windows/sahelatlas.exe"
win -ldflags "$ldflags" -o "$windows/sahelatlas-cli.exe"
rm -f "$syso"

# What goes beside them.
echo "dist: notices, desktop files, icons"
cp README.md "$windows/"
[ ! -f LICENSE ] || cp LICENSE "$windows/"
"$GO" run ./packaging/notices -goos linux -credits packaging/CREDITS.txt -o "$linux/THIRD_PARTY_NOTICES.txt" .
"$GO" run ./packaging/notices -goos windows -credits packaging/CREDITS.txt -o "$windows/THIRD_PARTY_NOTICES.txt" .
stage_linux
find "$windows" -type d -exec chmod 0755 {} +
find "$windows" -type f -exec chmod 0644 {} +
chmod 0755 "$windows"/*.exe
find "$windows" -exec touch -h -d "@$epoch" {} +

echo "dist: packing"
tgz=sahelatlas-$version-linux-amd64.tar.gz
zip=sahelatlas-$version-windows-amd64.zip
rm -f "$out/$tgz" "$out/$zip" "$out/SHA256SUMS" "$out/$tgz.tmp" "$out/$zip.tmp"
tar -C "$work" --sort=name --format=gnu --owner=0 --group=0 --numeric-owner \
  --mtime="@$epoch" -cf - "$(basename "$linux")" | gzip -9n >"$out/$tgz.tmp"
mv "$out/$tgz.tmp" "$out/$tgz"
# zip keeps local times: dated in UTC; -X leaves out the owner and the
# extra time stamps; the entries are given in sorted order.
(cd "$work" && find "$(basename "$windows")" -type f | LC_ALL=C sort |
  TZ=UTC zip -X -D -9 -q "$out/$zip.tmp" -@)
mv "$out/$zip.tmp" "$out/$zip"
(cd "$out" && sha256sum "$tgz" "$zip" >SHA256SUMS)
ls -l "$out"
cat "$out/SHA256SUMS"
