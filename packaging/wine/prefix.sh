# Sourced by packaging/check.sh and packaging/wine/store-tests.sh from the
# repository root, with $root set to their private folder: makes (once) a
# private Wine prefix in $root/wine, headless, and puts the test-only
# bcryptprimitives.dll (bcryptprimitives.c, built with MinGW) in its
# system32. Sets $wine to the wine program to run.
export WINEPREFIX=$root/wine WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml,winemenubuilder.exe=d;bcryptprimitives=n,b"
wine=$(command -v wine64 || command -v wine) || { echo "no wine: make deps-dist installs wine64" >&2; exit 1; }
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  echo "wine: making a private Wine prefix in $WINEPREFIX"
  mkdir -p "$root"
  env -u DISPLAY "$wine" wineboot -i >"$root/wineboot.log" 2>&1 || { cat "$root/wineboot.log" >&2; exit 1; }
fi
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$root/bcryptprimitives.dll" packaging/wine/bcryptprimitives.c -ladvapi32
cp "$root/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
