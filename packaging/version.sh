# Sourced by the packaging scripts from the repository root. Sets:
#   version  FyneApp.toml's Version (MAJOR.MINOR.PATCH)
#   build    FyneApp.toml's Build (a number)
#   epoch    the date every packed file carries: $SOURCE_DATE_EPOCH, else
#            the last commit's time, else 1980-01-01 (zip's first day)
#   GOWINRES the go-winres version that makes the Windows resources
toml_field() {
  sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*\$/\1/p" FyneApp.toml | head -1
}
version=$(toml_field Version)
build=$(toml_field Build)
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ && $build =~ ^[0-9]+$ ]]; then
  echo "packaging: FyneApp.toml needs Version = \"MAJOR.MINOR.PATCH\" and Build = N (has Version '$version', Build '$build')" >&2
  exit 2
fi
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || true)}
if ! [[ $epoch =~ ^[0-9]+$ ]] || [ "$epoch" -lt 315532800 ]; then
  epoch=315532800
fi
GOWINRES=v0.3.3
