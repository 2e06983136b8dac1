# khabar — set-up and everyday commands. `make demo` and `make test` are all a new machine needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: venv demo test lint bench lock clean

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: venv
	$(BIN)/khabar extract src/khabar/samples/sample-report.txt --published 2023-11-17 --outlet "Khabar Sample Wire" --format summary

test: venv
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

bench: venv
	$(BIN)/python -m khabar.bench

lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) build *.egg-info
