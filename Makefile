# The two commands of README.md: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test lint bench setup

$(BIN)/flask: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/flask

setup: $(BIN)/flask
	$(BIN)/flask --app studyapp setup

run: setup
	$(BIN)/flask --app studyapp run --host $(HOST) --port $(PORT)

# Lint, type check (mypy: settings in pyproject.toml), the whole suite on SQLite (browser test
# included), then again on a throwaway PostgreSQL cluster.
test: $(BIN)/flask
	scripts/test-deps
	$(BIN)/ruff check studyapp tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest
	scripts/with-postgres sh -c '$(BIN)/python -m pytest -m "not browser" --postgres "$$STUDYAPP_TEST_POSTGRES"'

bench: $(BIN)/flask
	$(BIN)/python -m bench
