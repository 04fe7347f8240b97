# The two commands of the README: `make build` and `make test`. Each sets up what it needs.
SHELL := /bin/bash
# Material prints a long notice about MkDocs 2.0 on every build; DECISIONS.md records our plan.
export NO_MKDOCS_2_WARNING := 1
.DEFAULT_GOAL := build

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VERSION := $(shell cat VERSION)
ZIP := dist/counter-trafficking-toolkit-$(VERSION).zip
# Root installs Debian packages directly; anyone else through sudo, where there is one.
SUDO := $(shell [ "$$(id -u)" = 0 ] || { command -v sudo >/dev/null && echo sudo; } || echo no-sudo)

.PHONY: build test serve bench lint format clean deps test-deps browsers

## build: the site in site/ and the offline zip in dist/. A failed build leaves neither, so
## an old site can never be mistaken for the result of the new content.
build: deps
	rm -rf .build site $(ZIP)
	$(BIN)/mkdocs build --strict --site-dir .build/site
	mv .build/site site && rm -rf .build
	$(BIN)/python build_tools/package_zip.py site dist

## test: lint, then every test (content, build, browsers) on a fresh build
test: test-deps build
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

## serve: live preview that rebuilds when content or templates change
serve: deps
	$(BIN)/mkdocs serve

## bench: build, size and restore figures (prints; never fails on a target)
bench: test-deps build
	$(BIN)/python tests/benchmark.py

lint: test-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: test-deps
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf site dist .build .pytest_cache

# ---- Set-up ------------------------------------------------------------------------------

deps: $(VENV)/.build-installed node_modules/.installed

test-deps: deps $(VENV)/.test-installed browsers

# Debian's own Python has no venv module until python3-venv is installed.
$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); $(call apt_install,python3-venv) && $(PYTHON) -m venv $(VENV); }

$(VENV)/.build-installed: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# npm ci installs exactly what package-lock.json names; --ignore-scripts runs no package code.
node_modules/.installed: package.json package-lock.json
	command -v npm >/dev/null || $(call apt_install,nodejs npm)
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# Debian's browsers for the browser tests, and poppler-utils to look at printed PDFs.
browsers:
	@missing=""; \
	for tool in chromium:chromium firefox-esr:firefox-esr pdftoppm:poppler-utils java:default-jre-headless; do \
	  command -v $${tool%%:*} >/dev/null || missing="$$missing $${tool##*:}"; \
	done; \
	if [ -n "$$missing" ]; then $(call apt_install,$$missing); fi

# $(call apt_install,PACKAGES): install Debian packages, saying so; without root or sudo, say
# what to run instead.
# (A subshell, so that it reads as one command after || or &&.)
apt_install = ( if [ "$(SUDO)" = no-sudo ]; then \
	  echo "Needs Debian packages: run as root: apt-get install $(1)" >&2; exit 1; fi; \
	echo "Installing $(1) with apt" && $(SUDO) apt-get update -qq && \
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(1) )
