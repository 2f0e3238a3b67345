# EquityHub: `make run` serves the demo site, `make test` runs every check. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

# Django 6.1 needs Python 3.12 or newer; pyenv selects it through .python-version.
PYTHON := $(shell for candidate in python3.13 python3.12 python3; do \
	if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		echo $$candidate; break; fi; done)

.PHONY: help run test lint migrations-check messages compilemessages static chromium \
	install install-test demo worker e2e unit clean bench

help:
	@echo "make run    install, migrate, load the demo campaign, serve http://$(HOST):$(PORT)"
	@echo "make test   install what tests need and run every check and test"
	@echo "make lint   ruff, mypy and djLint only"
	@echo "make messages   refresh locale/cy/LC_MESSAGES/django.po from the code"
	@echo "make bench  measure the ideas pages with wrk on SQLite and PostgreSQL (about 15 minutes)"

$(VENV)/bin/python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "EquityHub needs Python 3.12 or newer, and none was found."; \
		echo "Install it (for example with pyenv: 'pyenv install 3.12') and run make again."; \
		exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

# constraints.txt holds the exact versions, so that every install, CI's included, is the same.
$(VENV)/.installed: pyproject.toml constraints.txt | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet --constraint constraints.txt -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt $(VENV)/.installed
	$(VENV)/bin/pip install --quiet --constraint constraints.txt -e '.[test]'
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Front-end packages come from npm: copy what the pages load into static/vendor, build our CSS.
static: node_modules/.package-lock.json
	@mkdir -p static/vendor/govuk static/vendor/htmx static/build
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/vendor/govuk/
	cp -r node_modules/govuk-frontend/dist/govuk/assets static/vendor/govuk/
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx/
	npm run --silent build

compilemessages: $(VENV)/.installed
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

messages: $(VENV)/.installed
	$(MANAGE) makemessages -l cy --no-obsolete --ignore=.venv --ignore=node_modules --ignore=var \
		--add-location=file

var:
	@mkdir -p var

demo: install static compilemessages | var
	$(MANAGE) migrate --no-input
	$(MANAGE) collectstatic --no-input -v 0
	$(MANAGE) load_demo

run: demo
	@echo ""
	@echo "EquityHub is starting on http://$(HOST):$(PORT)/  (Welsh: http://$(HOST):$(PORT)/cy/)"
	@echo "Demo accounts are listed in README.md. Press Ctrl-C to stop the server and the worker."
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) db_worker --interval 1 & worker=$$!; \
		$(MANAGE) runserver $(HOST):$(PORT)

worker: install
	$(MANAGE) db_worker

chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi

lint: install-test node_modules/.package-lock.json
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy equityhub config
	# Django templates by the Django rules, each app's jinja2/ folder by Jinja's: the two
	# languages differ (a Jinja comment may span lines, a Django one may not).
	$(VENV)/bin/djlint templates equityhub --lint --extend-exclude 'equityhub/[^/]+/jinja2'
	$(VENV)/bin/djlint equityhub/*/jinja2 --lint --profile=jinja

migrations-check: install-test | var
	$(MANAGE) makemigrations --check --dry-run

test: install-test chromium static compilemessages lint migrations-check
	$(VENV)/bin/pytest

unit: install-test compilemessages
	$(VENV)/bin/pytest -m "not e2e"

e2e: install-test chromium static compilemessages
	$(VENV)/bin/pytest -m e2e

# Seeds its own databases under var/bench/ and a throwaway PostgreSQL server; writes
# docs/performance.md. Not part of `make test` or CI.
bench: install static compilemessages | var
	bash bench/run

clean:
	rm -rf var static/vendor static/build
