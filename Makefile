# khabar — set-up and everyday commands. `make demo` and `make test` are all a new machine needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# the front-end libraries `khabar serve` serves (pinned in package-lock.json); npm ci writes this file
NODE_STAMP := node_modules/.package-lock.json
SAMPLE := src/khabar/samples/sample-report.txt
SAMPLE_OPTIONS := --published 2023-11-17 --outlet "Khabar Sample Wire"
DEMO_DB := out/demo.db
DEMO_PORT ?= 8000
# DEMO_SERVE=1 serves the sample ledger in the foreground, 0 only prints how; by default it
# serves when make runs in a terminal, so scripts and CI end
DEMO_SERVE ?= auto

.PHONY: venv demo test lint bench lock clean screenshots docs

venv: $(STAMP) $(NODE_STAMP)

$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: khabar serve will show no map until 'npm ci' runs"; fi

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: venv
	$(BIN)/khabar extract $(SAMPLE) $(SAMPLE_OPTIONS) --format summary
	$(BIN)/khabar ingest $(SAMPLE) $(SAMPLE_OPTIONS) --db $(DEMO_DB) --no-progress --force
	@if [ "$(DEMO_SERVE)" = 1 ] || { [ "$(DEMO_SERVE)" = auto ] && [ -t 0 ]; }; then \
		echo "The sample ledger: http://127.0.0.1:$(DEMO_PORT)/  (Ctrl-C stops the server)"; \
		$(BIN)/khabar serve --db $(DEMO_DB) --port $(DEMO_PORT); \
	else \
		echo "The sample ledger is in $(DEMO_DB); serve it at http://127.0.0.1:$(DEMO_PORT)/ with:"; \
		echo "  $(BIN)/khabar serve --db $(DEMO_DB) --port $(DEMO_PORT)"; \
	fi

test: venv
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

# extraction against bare spaCy (throughput, memory, workers), FA-KES ingest into SQLite on 1 and
# 2 workers, reconciliation at scale, web API latency
BENCH_ARTICLES ?= 200
bench: venv
	$(BIN)/python -m khabar.bench --limit $(BENCH_ARTICLES) --repeat 2
	$(BIN)/python -m khabar.bench.ingest_bench --workers 1,2 --date-order mdy --out out/bench-ingest.json
	$(BIN)/python -m khabar.bench.reconcile_bench --series 10000,30000,100000
	$(BIN)/python -m khabar.bench.web_bench --events 100000 --db out/bench-web.db

# PNGs of each page of `khabar serve` over the sample ledger, for the README (needs Debian's chromium)
screenshots: venv
	$(BIN)/khabar ingest $(SAMPLE) $(SAMPLE_OPTIONS) --db $(DEMO_DB) --no-progress --force
	$(BIN)/python -m khabar.web.screenshots --db $(DEMO_DB) --out docs/screenshots

# the CLI reference and the error catalogue, generated from the code (a test checks they are current)
docs: venv
	$(BIN)/python -m khabar.cli.reference cli > docs/cli.md
	$(BIN)/python -m khabar.cli.reference errors > docs/errors.md

lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) build *.egg-info
