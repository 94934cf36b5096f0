#!/bin/sh
# Install Sahel Atlas from this folder (the unpacked Linux archive) for one
# user, so that it appears in the desktop's menu:
#
#   ./install.sh              into ~/.local (or $PREFIX when set)
#   ./install.sh PREFIX       into PREFIX (/usr/local needs sudo)
#   ./install.sh --uninstall [PREFIX]   remove what it installed
#
# It puts the program in PREFIX/bin, the menu entry in
# PREFIX/share/applications, the icon in PREFIX/share/icons/hicolor, the
# AppStream metainfo in PREFIX/share/metainfo and the README and notices
# in PREFIX/share/doc/sahelatlas.
set -eu

uninstall=""
if [ "${1:-}" = "--uninstall" ]; then
  uninstall=1
  shift
fi
here=$(cd "$(dirname "$0")" && pwd)
prefix=${1:-${PREFIX:-${HOME:?no HOME: give a PREFIX}/.local}}
case $prefix in /*) ;; *) prefix=$(pwd)/$prefix ;; esac

id=org.sahelatlas.app
files="bin/sahelatlas
share/applications/$id.desktop
share/icons/hicolor/512x512/apps/$id.png
share/icons/hicolor/scalable/apps/$id.svg
share/metainfo/$id.metainfo.xml
share/doc/sahelatlas/README.md
share/doc/sahelatlas/THIRD_PARTY_NOTICES.txt
share/doc/sahelatlas/LICENSE"

# refresh tells the desktop the icons changed (menus watch the
# applications folder themselves; the entry declares no file types, so
# there is no MIME cache to update).
refresh() {
  touch "$prefix/share/icons/hicolor" 2>/dev/null || true
}

if [ -n "$uninstall" ]; then
  echo "$files" | while IFS= read -r f; do rm -f "$prefix/$f"; done
  rmdir "$prefix/share/doc/sahelatlas" 2>/dev/null || true
  refresh
  echo "Sahel Atlas removed from $prefix"
  exit 0
fi

install -Dm755 "$here/sahelatlas" "$prefix/bin/sahelatlas"
for f in icons/hicolor/512x512/apps/$id.png icons/hicolor/scalable/apps/$id.svg metainfo/$id.metainfo.xml; do
  install -Dm644 "$here/share/$f" "$prefix/share/$f"
done
for f in README.md THIRD_PARTY_NOTICES.txt LICENSE; do
  [ ! -f "$here/$f" ] || install -Dm644 "$here/$f" "$prefix/share/doc/sahelatlas/$f"
done

# The menu entry runs the installed program by its full path, so it works
# whether or not PREFIX/bin is on the PATH. A path with characters the
# desktop entry format reserves is quoted as the format says.
bin=$prefix/bin/sahelatlas
case $bin in
  *[!A-Za-z0-9/._+-]*)
    exec_line=\"$(printf '%s' "$bin" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')\" ;;
  *) exec_line=$bin ;;
esac
try_exec=$(printf '%s' "$bin" | sed -e 's/\\/\\\\/g')
mkdir -p "$prefix/share/applications"
EXEC_LINE=$exec_line TRY_EXEC=$try_exec awk '
  /^Exec=/ { print "Exec=" ENVIRON["EXEC_LINE"]; next }
  /^TryExec=/ { print "TryExec=" ENVIRON["TRY_EXEC"]; next }
  { print }
' "$here/share/applications/$id.desktop" >"$prefix/share/applications/$id.desktop.new"
chmod 0644 "$prefix/share/applications/$id.desktop.new"
mv "$prefix/share/applications/$id.desktop.new" "$prefix/share/applications/$id.desktop"
refresh

echo "Sahel Atlas installed in $prefix: run $bin, or open it from the desktop's menu"
case ":${PATH:-}:" in
  *":$prefix/bin:"*) ;;
  *) echo "($prefix/bin is not on your PATH: add it to run sahelatlas by name)" ;;
esac
