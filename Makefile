# Two set-up commands on a fresh machine: `make demo` and `make test` (see README.md).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

# A Python >= 3.12: PATH first, then pyenv's versions (whose shims need PYENV_VERSION).
PYENV_DIR := $(or $(PYENV_ROOT),$(HOME)/.pyenv)
PYTHON ?= $(shell for c in python3.13 python3.12 python3 $(wildcard $(PYENV_DIR)/versions/3.13*/bin/python3) $(wildcard $(PYENV_DIR)/versions/3.12*/bin/python3); do \
	  if command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then command -v $$c; break; fi; done)

.PHONY: demo test lint typecheck pytest install install-dev assets chromium clean bench lock

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

install: $(VENV)/.installed assets
install-dev: $(VENV)/.installed-dev assets
assets: node_modules/.installed

# Debian's chromium for the browser tests, where apt is available and it is missing.
chromium:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "warning: could not install chromium; browser tests will be skipped" >&2; fi

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
	$(PY) benchmarks/trs_bench.py --rows 2500000,5000000,10000000,20000000

clean:
	rm -rf $(VENV) node_modules var
