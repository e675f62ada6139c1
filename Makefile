# Two commands do all set-up on a fresh machine:
#   make demo   installs khabar and runs it on the bundled example article
#   make test   installs khabar with its test tools and runs the tests and the linter
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
EXAMPLE = src/khabar/examples/urdupoint_sputnik_2021-07-02_lavrov_csto.txt

.PHONY: demo test install install-dev lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"

demo: install
	mkdir -p out
	$(BIN)/khabar process $(EXAMPLE) --workers 1 -o out/demo.jsonl
	$(BIN)/khabar ingest $(EXAMPLE) --workers 1 --db out/demo.db
	$(BIN)/khabar show out/demo.jsonl
	$(BIN)/khabar events out/demo.db

test: install-dev
	$(BIN)/python -m pytest
	$(BIN)/ruff check src tests benchmarks scripts

lint: install-dev
	$(BIN)/ruff check src tests benchmarks scripts

clean:
	rm -rf out build dist .pytest_cache .ruff_cache
