# newsaudit: two commands for a newcomer: `make demo` and `make test`.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DATA ?= ../shared/data

# The newest Python >= 3.11 on this machine: PATH first, then pyenv's installs.
PYTHON ?= $(shell for c in python3.13 python3.12 python3.11 python3 \
	$$(ls -d $$HOME/.pyenv/versions/3.1[1-9]*/bin/python3 2>/dev/null | sort -rV); do \
	command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { command -v $$c; break; }; done)

.PHONY: help venv test test-sqlite test-pg-matrix test-matrix test-realsite lint demo eval train-cues bench clean

help:
	@echo "make demo   - build .venv, load the sample articles, serve the example site on 127.0.0.1:$(PORT)"
	@echo "make test   - the whole test suite (engine, Wagtail on SQLite/PostgreSQL, Wagtail 7.4, browser)"
	@echo "make eval   - precision/recall/F1 on $(DATA)"
	@echo "make bench  - throughput against proselint, save overhead, archive audit speed (BENCH=\"--only cli\": one part)"

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: no Python >= 3.11 found; install one and re-run (or pass PYTHON=...)" >&2; exit 2; }
	@echo "using $(PYTHON) ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@touch $(STAMP)

venv: $(STAMP)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

PG_URL ?= postgres://postgres@127.0.0.1:5432/newsaudit_wt

# Two streams on two cores: the SQLite suite beside PostgreSQL + the version matrix, then the real site
# (nox sessions run one at a time: each installs this project in editable mode into its own venv).
test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-pg-matrix
	$(MAKE) --no-print-directory test-realsite

test-sqlite: $(STAMP)
	$(PY) -m pytest -q

test-pg-matrix: $(STAMP)
	@if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then \
		echo "== Wagtail side on PostgreSQL ($(PG_URL))"; \
		DATABASE_URL=$(PG_URL) $(PY) -m pytest -q -p no:cacheprovider -m "not browser" tests/django; \
	else echo "SKIPPED: PostgreSQL not reachable on 127.0.0.1:5432"; fi
	$(MAKE) --no-print-directory test-matrix

# Wagtail 7.4 + Django 5.2, and Wagtail 8 + Django 6 on Python >= 3.12 (noxfile.py finds the interpreters).
test-matrix: $(STAMP)
	$(VENV)/bin/nox -s matrix

# Wagtail's bakerydemo from ../shared/sites, in a temporary copy with only "newsaudit" added (skipped when absent),
# then a CodeRed CMS site made by `coderedcms start` from PyPI (skipped when PyPI cannot be reached).
test-realsite: $(STAMP)
	$(VENV)/bin/nox -s realsite
	$(VENV)/bin/nox -s realsite_codered
	$(VENV)/bin/nox -s realsite_roost

demo: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_sample_site
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

eval: $(STAMP)
	$(PY) -m evaluation --data $(DATA)

# Rewrites newsaudit/engine/lexicons/learned_cues.tsv from PolNeAR train (deterministic: the same data, the same file).
train-cues: $(STAMP)
	$(PY) -m evaluation.train_cues --data $(DATA)

bench: $(STAMP)
	@$(PY) -c "import proselint, psutil, gunicorn" 2>/dev/null || $(PY) -m pip install --quiet -e ".[bench]"
	$(PY) -m bench --data $(DATA) $(BENCH)

clean:
	rm -rf $(VENV) .nox .pytest_cache .ruff_cache *.egg-info
