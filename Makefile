# Two commands for a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-test schemas readme clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# constraints.txt pins every package to the version tested, so a run is repeatable.
install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'

# Re-pin after changing pyproject.toml: a fresh venv with the newest versions allowed, frozen.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv && .lock-venv/bin/python -m pip install --quiet -e '.[test]'
	{ sed -n '1,3p' constraints.txt; .lock-venv/bin/python -m pip freeze --exclude-editable | grep -v '^-e'; } > constraints.new && mv constraints.new constraints.txt
	rm -rf .lock-venv

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
