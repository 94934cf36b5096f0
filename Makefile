# Sahel Atlas: `make run` sets up and opens the app; `make test` sets up and runs every test;
# `make dist` packs the Linux and Windows builds into dist/, and `make dist-check` runs them.
SHELL := /bin/bash
GO ?= $(shell command -v go 2>/dev/null || echo /usr/local/go/bin/go)
export PATH := $(PATH):/usr/local/go/bin
BIN := build/sahelatlas
RUN_PKGS := gcc libgl1-mesa-dev xorg-dev
TEST_PKGS := $(RUN_PKGS) xvfb xdotool imagemagick poppler-utils librsvg2-bin
DIST_PKGS := $(TEST_PKGS) gcc-mingw-w64-x86-64 wine64 zip unzip desktop-file-utils appstream
PREFIX ?= $(HOME)/.local
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FUZZTIME ?= 20000x
# The app is built without Fyne's animations: the text cursor's blink kept
# the whole window repainting, 17% of a core while a field had focus (2%
# without), which a field laptop's battery pays for.
TAGS := no_animations
STATICCHECK := v0.8.2

.PHONY: run build test deps-run deps-test deps-dist vet unit fuzz smoke bench dist dist-check wine-store-test install uninstall clean

# deps-%: install the Debian packages that are missing (and only those).
define install_missing
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps-run:
	$(call install_missing,$(RUN_PKGS))

deps-test:
	$(call install_missing,$(TEST_PKGS))

deps-dist:
	$(call install_missing,$(DIST_PKGS))

build: deps-run
	$(GO) build -tags $(TAGS) -o $(BIN) .

run: build
	./$(BIN)

vet:
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK) ./...

unit:
	@mkdir -p build
	set -o pipefail; $(GO) test -race -count=1 ./... 2>&1 | tee build/unit.log

# Brief runs of every fuzz target, seeded with the damage and hostile-file
# corpora, each a fixed number of inputs (FUZZTIME, 20000x): a time limit
# fails a run whose last input is still going when it ends. A target
# whose inputs can be slow (FuzzOpen fsyncs several times
# an input; a mutated workbook takes excelize seconds; the JSON and KML
# readers met inputs of several seconds) can outlast a time limit, which go
# test then reports as a failure ("context deadline exceeded"): those run a
# fixed number of inputs instead.
FUZZ_COUNTS := FuzzOpen=1000x FuzzXLSX=20x FuzzACLEDJSON=2000x FuzzKML=2000x
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz' || true); do \
	    t=$(FUZZTIME); for c in $(FUZZ_COUNTS); do [ "$${c%%=*}" = "$$f" ] && t=$${c#*=}; done; \
	    echo "fuzz $$pkg $$f ($$t)"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $$t $$pkg; \
	  done; \
	done

# A real window under Xvfb: start the app, wait for its window, check the map is drawn.
smoke: build
	./ui/smoke/run.sh ./$(BIN)

test: deps-test vet unit fuzz smoke
	@echo "packages: $$(grep -c '^ok' build/unit.log) passed, $$(grep -c '^FAIL' build/unit.log) failed"

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# dist/: sahelatlas-VERSION-linux-amd64.tar.gz, sahelatlas-VERSION-windows-amd64.zip and
# SHA256SUMS, reproducible from the same commit (see packaging/dist.sh).
dist: deps-dist
	GO=$(GO) TAGS=$(TAGS) ./packaging/dist.sh

# Unpack both archives and run them: the Linux snapshot, the Windows one under Wine (compared
# pixel by pixel), the desktop files and install.sh, the Linux window under Xvfb and the
# Windows window under Wine.
dist-check: dist
	GO=$(GO) ./packaging/check.sh

# data/store's tests built for Windows and run under Wine: a report of what passes (see README).
wine-store-test: deps-dist
	GO=$(GO) ./packaging/wine/store-tests.sh

# The Linux build's program, menu entry, icons and metainfo under PREFIX (default ~/.local).
# It builds only the Linux folder of make dist (no Windows build, no archives).
install: deps-run
	GO=$(GO) TAGS=$(TAGS) ./packaging/dist.sh linux
	@v=$$(source packaging/version.sh && echo $$version); \
	./build/dist/sahelatlas-$$v-linux-amd64/install.sh "$(PREFIX)"

uninstall:
	./packaging/install.sh --uninstall "$(PREFIX)"

clean:
	rm -rf build dist
