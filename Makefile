# Jawność — build and test entry points.
#
#   make test    installs the test tools when missing, then vet, tests and a short run of every fuzz test
#   make tools   only the installs (Debian chromium + poppler-utils, npm axe-core into .tools/)
#   make build   the binary ./jawnosc
#   make run     the server with demo data on http://127.0.0.1:8080
#   make bench   the Go benchmarks of every package
#   make fmt     gofmt -w on every Go file
#   make vet     go vet ./...
#
# PKGS narrows vet, test and fuzz to some packages: `make test PKGS=./browsertest/`.
#
# CI runs `bash .ci/run` (which runs `make test`) as root on a clean Debian clone.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := test

GO          ?= go
# Packages to vet and test, e.g. `make test PKGS=./search/` (fuzz targets are looked for under them too).
PKGS        ?= ./...
TEST_TIMEOUT ?= 20m
# A count, not a duration: with a duration -fuzztime, Go's fuzz coordinator (go1.26) can report a spurious
# "context deadline exceeded" failure when the deadline races a worker's last call (golang/go#75804).
# 20000 runs take 2-8 s per target on the 2-core CI machine.
FUZZTIME    ?= 20000x
TOOLS       := $(CURDIR)/.tools
AXE         := $(TOOLS)/node_modules/axe-core/axe.min.js
# sudo only when not root (CI and the developers' machines run as root).
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# The browser tests (package browsertest and its users) read these.
JAWNOSC_AXE ?= $(AXE)
export JAWNOSC_AXE
# CHROMIUM is looked up when a recipe runs (after `tools` may have installed it), unless already set.
TEST_ENV = CHROMIUM="$${CHROMIUM:-$$(command -v chromium || true)}"

.PHONY: test tools apt-tools axe build run bench fmt vet fuzz

test: tools vet
	$(TEST_ENV) $(GO) test -timeout $(TEST_TIMEOUT) $(PKGS)
	$(MAKE) --no-print-directory fuzz

tools: apt-tools axe

# Debian packages: Chromium for the browser tests, poppler-utils (pdftotext) for the PDF tests,
# python3 for the test that runs the ledger verification script published on /otwarte-dane.
apt-tools:
	@if command -v chromium >/dev/null && command -v pdftotext >/dev/null && command -v python3 >/dev/null; then \
		echo "tools: chromium, pdftotext and python3 present"; \
	else \
		echo "tools: installing chromium poppler-utils fonts-dejavu-core python3"; \
		$(SUDO) apt-get update; \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
			chromium poppler-utils fonts-dejavu-core python3; \
	fi

# axe-core (MPL-2.0) from npm into the git-ignored .tools/ folder; npm itself from Debian if missing.
axe:
	@if [ -f "$(AXE)" ]; then \
		echo "tools: axe-core present"; \
	else \
		if ! command -v npm >/dev/null; then \
			$(SUDO) apt-get update; \
			$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm; \
		fi; \
		echo "tools: installing axe-core into .tools/"; \
		npm install --prefix "$(TOOLS)" --no-audit --no-fund --loglevel=error axe-core@4; \
		test -f "$(AXE)"; \
	fi

# Every fuzz target, FUZZTIME runs each: -fuzz takes one target of one package at a time.
fuzz:
	@for dir in $$(grep -rl --include='*_test.go' --exclude-dir=.tools --exclude-dir=testdata \
			--exclude-dir=.git '^func Fuzz[A-Za-z0-9_]*(' $(patsubst %/...,%,$(PKGS)) | xargs -r -n1 dirname | sort -u); do \
		for fn in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$$dir"/*_test.go | sed 's/^func //' | sort -u); do \
			echo "fuzz: $$dir $$fn ($(FUZZTIME))"; \
			$(TEST_ENV) $(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) "$$dir"; \
		done; \
	done

build:
	$(GO) build -o jawnosc .

run:
	$(GO) run . serve --demo

bench:
	$(TEST_ENV) $(GO) test -run '^$$' -bench . -benchmem -timeout $(TEST_TIMEOUT) $(PKGS)

fmt:
	$(GO) fmt ./...

vet:
	$(GO) vet $(PKGS)
