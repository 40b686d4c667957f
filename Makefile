# Twofold's front door. `make run` serves the demo; `make test` checks everything.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/postgres
RUN_ENV := TWOFOLD_DEBUG=true TWOFOLD_DATA_DIR=$(CURDIR)/var

.PHONY: run test test-clock lint typecheck format bench pytest pytest-pg fuzz chromium clean

# Serve the app on SQLite at http://127.0.0.1:8000 with a demo household, and the reminders worker beside it;
# Ctrl-C stops both (the trap ends the worker when the server stops, however it stops).
run: $(VENV)/.installed
	mkdir -p var
	$(RUN_ENV) $(BIN)/twofold migrate --no-input
	$(RUN_ENV) $(BIN)/twofold demo --if-empty
	$(RUN_ENV) $(BIN)/twofold worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(RUN_ENV) $(BIN)/twofold runserver 127.0.0.1:8000

# Lint and type-check, then the whole suite (browser tests included) on SQLite, the time-sensitive tests at
# several fixed instants, then the suite on PostgreSQL when one answers, then the API fuzzed on both.
test: $(VENV)/.installed-dev chromium lint typecheck pytest test-clock pytest-pg fuzz

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
	$(BIN)/python benchmarks/growth.py
	$(BIN)/python benchmarks/health.py
	$(BIN)/python benchmarks/tap.py

# The suite runs on both cores (pytest-xdist; each worker has its own test database and live server).
XDIST := -n 2

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest $(XDIST)

# The instants `make test-clock` runs at, in household time (Europe/London): 03:00 and 15:00, a Sunday (the
# check-in day) and a Monday, the mornings the clocks go forward and back, and December. Every fixture's dates
# are in late 2026, so the clock changes are 2027's: 2026's come before the babies the tests log for were born.
CLOCK_INSTANTS := 2026-12-06T15:00:00+00:00 2026-12-07T03:00:00+00:00 2027-03-28T03:00:00+01:00 \
	2027-03-29T15:00:00+01:00 2027-10-31T03:00:00+00:00
# The tests whose outcome could follow the clock: the demo, Today, Us, the check-in, nights and crying.
CLOCK_TESTS := twofold/tests/test_pytest_clock.py twofold/home twofold/care twofold/insights twofold/checkins \
	twofold/nights twofold/bonding twofold/health twofold/circle

# The time-sensitive tests (not the browser's) once at each of CLOCK_INSTANTS on SQLite; names the failing one.
test-clock: $(VENV)/.installed-dev
	@for instant in $(CLOCK_INSTANTS); do \
		echo "== the clock at $$instant"; \
		env -u DATABASE_URL TWOFOLD_TEST_NOW=$$instant $(BIN)/pytest $(XDIST) -q -x $(CLOCK_TESTS) \
			|| { echo "make test-clock: failed with the clock at $$instant"; exit 1; }; \
	done

pytest-pg: $(VENV)/.installed-dev
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_TEST_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "PostgreSQL answers: running the suite against it"; \
		DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest $(XDIST); \
	else echo "PostgreSQL is not reachable at $(PG_TEST_URL): skipping the PostgreSQL run"; fi

# schemathesis over every API operation against `twofold serve` (production settings, a fresh demo household),
# on SQLite and then on PostgreSQL when it answers, in a database of its own (FUZZ_PG_URL, made and dropped).
# Fails on any server error, schema violation or undocumented status. FUZZ_EXAMPLES is per operation and
# phase: the default fits `make test`; `make fuzz FUZZ_EXAMPLES=200` looks deeper. The seed fixes the requests.
FUZZ_EXAMPLES ?= 20
FUZZ_SEED ?= 20261206
FUZZ_PG_URL ?= postgres://postgres@127.0.0.1:5432/twofold_fuzz
fuzz: $(VENV)/.installed-dev
	$(BIN)/python tools/fuzz.py --examples $(FUZZ_EXAMPLES) --seed $(FUZZ_SEED) --postgres-url $(FUZZ_PG_URL)

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
