# `make run` serves the board with demo data on http://127.0.0.1:8000; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint format bench-relevance bench-search-speed bench-export-speed messages

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
	$(BIN)/jobboard serve

test: install
	$(BIN)/ruff check jobboard tests bench
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check jobboard tests bench
	$(BIN)/ruff format --check jobboard tests bench

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
