# Two commands for a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-test schemas readme clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

run: install
	$(BIN)/eqm run --data sample_data --out out

test: install-test
	$(BIN)/python -m pytest

schemas: install
	$(BIN)/eqm schemas --out specs

clean:
	rm -rf out .pytest_cache

readme: install-test
	$(BIN)/python -m tests.test_readme
