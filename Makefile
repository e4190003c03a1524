# Everything works from a clean clone: each target installs what it needs first, and a
# second run finds it all in place and does nothing.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

UV_VERSION := 0.13.8
UV := .tools/bin/uv
# WeasyPrint needs Pango and fonts; the browser tests use Debian's Chromium; the PDF tests
# read WeasyPrint's output with poppler; make test runs its own PostgreSQL, make run Redis.
APT_PACKAGES := redis-server chromium poppler-utils fonts-liberation fonts-dejavu-core \
	libpango-1.0-0 libpangoft2-1.0-0 postgresql
PYTEST_ARGS ?=

.PHONY: help install system-packages tools venv run run-prod test pytest lint clean

help:
	@echo "make run    install, migrate, load the demo data and serve on http://127.0.0.1:$${PORT:-8000}/"
	@echo "make run-prod  the production settings on a throwaway PostgreSQL and Redis: gunicorn"
	@echo "            (two workers), two Celery workers and beat (docs/deploy.md)"
	@echo "make test   install, lint, then pytest against a throwaway PostgreSQL and Redis"
	@echo "            (PYTEST_ARGS='-x -k name' passes arguments to pytest)"
	@echo "make pytest the same without the lint step"
	@echo "make lint   ruff, djlint, the apps' layers (import-linter), mypy, missing migrations"
	@echo "make clean  remove the venvs, the SQLite database, uploads and collected static files"
	@echo "make bench-pdf  render a letter with a 100-recommendation annex; median time and peak memory"
	@echo "make bench-reminders  the reminders scan over 100,000 actions on PostgreSQL; median time"
	@echo "make bench-import  read a 200-page report PDF with 60 items as the worker does; time and peak memory"
	@echo "make bench  a national-scale register served by gunicorn to 20 clients: p50/p95 per page"

install: system-packages venv

system-packages:
	@scripts/install-system-packages.sh $(APT_PACKAGES)

# uv pinned to the version that wrote uv.lock, in a venv of its own so it never depends on
# what the machine's pip or PATH offers.
tools:
	@if [[ "$$($(UV) --version 2>/dev/null)" != "uv $(UV_VERSION)"* ]]; then \
		rm -rf .tools; \
		"$$(scripts/find-python.sh)" -m venv .tools; \
		.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION); \
	fi

# --frozen: install exactly uv.lock, never re-resolve. No Python downloads: the registries
# reachable here don't serve them, so a missing Python must fail loudly instead.
venv: tools
	@UV_PYTHON_DOWNLOADS=never $(UV) sync --frozen --quiet --python "$$(scripts/find-python.sh)"

run: install
	scripts/run.sh

run-prod: install
	scripts/services.sh scripts/run-prod.sh

# CI calls only `make test`, so it lints too, first, to fail fast.
test: install lint
	scripts/services.sh .venv/bin/pytest $(PYTEST_ARGS)

pytest: install
	scripts/services.sh .venv/bin/pytest $(PYTEST_ARGS)

# makemigrations only needs some database to compare against, never the real one.
lint: venv
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/djlint templates --check
	.venv/bin/djlint templates --lint
	.venv/bin/lint-imports --no-cache
	.venv/bin/mypy
	DJANGO_SETTINGS_MODULE=pccresponse.settings.test DATABASE_URL=sqlite://:memory: \
		.venv/bin/python manage.py makemigrations --check --dry-run

clean:
	rm -rf .venv .tools db.sqlite3 private-media staticfiles var

# The letter with a 100-recommendation annex rendered to PDF several times (RUNS=n, default 7)
# in a throwaway SQLite database: prints the median time and the peak memory.
.PHONY: bench-pdf
bench-pdf: install
	.venv/bin/python scripts/bench_pdf.py

# The reminders scan over 100,000 actions and 1,000 responses with a few hundred due, on a
# throwaway PostgreSQL: prints the median time (RUNS=n, default 7) and checks a repeat run
# writes nothing.
.PHONY: bench-reminders
bench-reminders: install
	scripts/services.sh .venv/bin/python scripts/bench_reminders.py

# A national-scale register (1,700 reports, 25,000 items, 100,000 actions, 300,000 updates) on a
# throwaway PostgreSQL, served by gunicorn with the production settings, driven by 20 clients
# on loopback (CLIENTS, DURATION, WARMUP, SCALE, WORKERS): p50 and p95 per page beside the floor.
.PHONY: bench
bench: install
	scripts/services.sh scripts/bench.sh

# Issue 12: a 200-page report PDF with 60 items (made by WeasyPrint in a child process) read as
# the Celery worker reads it, in a throwaway SQLite database: prints the time (target at most
# 10 s) and the peak memory, and fails unless all 60 items are found.
.PHONY: bench-import
bench-import: install
	scripts/services.sh .venv/bin/python scripts/bench_import.py
