# `make run` serves the board with demo data on http://127.0.0.1:8000; `make test` checks style and types,
# then runs every test on SQLite, then again on PostgreSQL with Redis when both answer (always in CI:
# `.ci/run` starts them).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_POSTGRES_URL ?= postgresql://postgres@127.0.0.1:5432/test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/0
# Left out of the PostgreSQL pass: they start their own servers, on a database of their own choosing.
POSTGRES_PASS_SKIPS := --ignore=tests/browser --ignore=tests/live --ignore=tests/faults

.PHONY: install run reset-demo test test-sqlite test-postgres lint format bench-relevance bench-search-speed bench-export-speed messages bench-load test-faults try-deployment

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/jobboard migrate
	$(BIN)/jobboard demo-data
	$(BIN)/jobboard demo-accounts
	$(BIN)/jobboard serve

# Delete the demo board: database, uploads, sessions, secret key and the generated index (git keeps the
# committed dictionary and glossary in search_index/).
reset-demo:
	rm -rf var
	cd search_index && rm -rf current gen-* .current.* .writer.lock follower.lock

test: install lint
	$(BIN)/pytest
	@if $(BIN)/python -m tests.services "$(TEST_POSTGRES_URL)" "$(TEST_REDIS_URL)"; then \
	  $(MAKE) --no-print-directory test-postgres; \
	elif [ -n "$$CI" ]; then \
	  echo "CI needs PostgreSQL and Redis for the second pass" >&2; exit 1; \
	else \
	  echo "PostgreSQL or Redis does not answer: the PostgreSQL pass is skipped (see make test-postgres)"; \
	fi

test-sqlite: install
	$(BIN)/pytest

# The suite again on PostgreSQL (a fresh database per test, cloned from a migrated template) with
# sessions and rate limits in Redis.
test-postgres: install
	JOBBOARD_TEST_DATABASE_URL="$(TEST_POSTGRES_URL)" JOBBOARD_TEST_REDIS_URL="$(TEST_REDIS_URL)" \
	  $(BIN)/pytest $(POSTGRES_PASS_SKIPS)

# Style and types: part of `make test`, so CI fails on either.
lint: install
	$(BIN)/ruff check jobboard tests bench
	$(BIN)/ruff format --check jobboard tests bench
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix jobboard tests bench
	$(BIN)/ruff format jobboard tests bench

# Re-extract the translatable strings and merge them into the Chinese catalogue.
messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _ -k N_ -k gettext -k ngettext:1,2 -o jobboard/translations/messages.pot --no-location --omit-header .
	$(BIN)/pybabel update -i jobboard/translations/messages.pot -d jobboard/translations -l zh --no-fuzzy-matching

bench-relevance: install
	$(BIN)/python bench/relevance.py

bench-search-speed: install
	$(BIN)/python bench/search_speed.py

bench-export-speed: install
	$(BIN)/python bench/export_speed.py

# The fair-opening load on 2 workers, PostgreSQL and 5,000 postings, against a bare Litestar ceiling.
bench-load: install
	$(BIN)/python bench/load.py

# Kill workers, the index writer and PostgreSQL on purpose (also part of `make test`).
test-faults: install
	$(BIN)/pytest -m faults tests/faults

# Two nodes behind nginx on loopback, as docs/deployment.md describes; stops everything at the end.
try-deployment: install
	deploy/try-locally.sh
