# Two set-up commands on a fresh machine: `make demo` and `make test` (see README.md).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

# A Python >= 3.12: PATH first, then pyenv's versions (whose shims need PYENV_VERSION).
PYENV_DIR := $(or $(PYENV_ROOT),$(HOME)/.pyenv)
PYTHON ?= $(shell for c in python3.13 python3.12 python3 $(wildcard $(PYENV_DIR)/versions/3.13*/bin/python3) $(wildcard $(PYENV_DIR)/versions/3.12*/bin/python3); do \
	  if command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then command -v $$c; break; fi; done)

.PHONY: demo test lint typecheck pytest install install-dev assets chromium gettext locale messages clean bench lock

$(VENV)/.python:
	@if [ -z "$(PYTHON)" ]; then echo "No Python >= 3.12 found on PATH or under pyenv. Install Python 3.13 (or 3.12) and run again, or set PYTHON=/path/to/python3.13." >&2; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	@touch $@

# Dependencies come from the lock files (exact versions of everything, for every platform);
# `make lock` re-resolves them from pyproject.toml after a change there (see README).
$(VENV)/.installed: $(VENV)/.python pyproject.toml requirements.lock
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	$(PY) -m pip install -q -r requirements-dev.lock
	$(PY) -m pip install -q --no-deps -e '.[dev,spark]'
	@touch $@

LOCK := $(VENV)/bin/uv pip compile pyproject.toml --universal --python-version 3.12 -q
lock: install-dev
	$(LOCK) -o requirements.lock $(UPGRADE)
	$(LOCK) --extra dev --extra spark -o requirements-dev.lock $(UPGRADE)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed assets locale
install-dev: $(VENV)/.installed-dev assets locale
assets: node_modules/.installed

# Message catalogues: the .po files are in git, the compiled .mo files are built here (not in git).
LOCALE_PO := $(wildcard src/aeo/locale/*/LC_MESSAGES/*.po)
LOCALE_MO := $(LOCALE_PO:.po=.mo)
locale: $(LOCALE_MO)

$(LOCALE_MO): %.mo: %.po | gettext
	@if command -v msgfmt >/dev/null 2>&1; then msgfmt --check-format --check-header -o $@ $<; \
	  else echo "warning: msgfmt (GNU gettext) is missing: $@ not built, pages stay in English" >&2; fi

# Debian's gettext (msgfmt) for the catalogues, where apt is available and it is missing.
gettext:
	@if ! command -v msgfmt >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null) \
	  || echo "warning: could not install gettext; pages will be in English only" >&2; fi

# After adding or changing a marked string: refresh the catalogue, then translate every new or
# changed entry (src/aeo/core/tests/test_translations.py runs the same command and fails otherwise).
messages: $(VENV)/.installed gettext
	cd src/aeo && ../../$(VENV)/bin/aeo makemessages -l ja --no-obsolete --add-location=file -i tests

# Debian's chromium for the browser tests, and the Japanese fonts for their screenshots, where apt
# is available and they are missing.
chromium:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install chromium; browser tests will be skipped" >&2; fi
	@if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null) \
	  || echo "warning: could not install fonts-noto-cjk; Japanese screenshots will show boxes" >&2; fi

demo: install
	AEO_DEMO=1 PORT=$(PORT) $(VENV)/bin/aeo demo

lint: install-dev
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

typecheck: install-dev
	AEO_DEMO=1 $(VENV)/bin/mypy src

pytest: install-dev chromium
	$(VENV)/bin/pytest

test: lint typecheck pytest

bench: install-dev
	$(PY) benchmarks/trs_bench.py --rows 20000000
	$(PY) benchmarks/trs_bench.py --rows 10000000,40000000 --data-sets 50:ms --only engine sql

clean:
	rm -rf $(VENV) node_modules var $(LOCALE_MO)
