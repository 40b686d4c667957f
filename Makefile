# Twofold's front door. `make run` serves the demo; `make test` checks everything.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/postgres
RUN_ENV := TWOFOLD_DEBUG=true TWOFOLD_DATA_DIR=$(CURDIR)/var

.PHONY: run test lint typecheck format bench pytest pytest-pg chromium clean

# Serve the app on SQLite at http://127.0.0.1:8000 with a demo household.
run: $(VENV)/.installed
	mkdir -p var
	$(RUN_ENV) $(BIN)/twofold migrate --no-input
	$(RUN_ENV) $(BIN)/twofold demo --if-empty
	$(RUN_ENV) $(BIN)/twofold runserver 127.0.0.1:8000

# Lint and type-check, then the whole suite (browser tests included) on SQLite, then on PostgreSQL
# when one answers.
test: $(VENV)/.installed-dev chromium lint typecheck pytest pytest-pg

# ruff lint and format check, then the import contracts (the floors of the house, pyproject.toml).
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

# mypy with the Django and DRF plugins (pyproject.toml); the plugin loads the settings, which need a key or
# development mode.
typecheck: $(VENV)/.installed-dev
	TWOFOLD_DEBUG=true $(BIN)/mypy

# Rewrite files to the house format.
format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Print the benchmark figures (medians and ratios against a baseline page).
bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/plan_night.py
	$(BIN)/python benchmarks/bonding.py

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest

pytest-pg: $(VENV)/.installed-dev
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_TEST_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "PostgreSQL answers: running the suite against it"; \
		DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest; \
	else echo "PostgreSQL is not reachable at $(PG_TEST_URL): skipping the PostgreSQL run"; fi

# Browser tests drive Debian's Chromium; install it when it is missing.
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(VENV)/.installed $@

clean:
	rm -rf $(VENV) var
