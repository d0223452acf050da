# The two quick-start commands: `make demo` (install, analyse and store the sample
# articles in SQLite, show the result) and `make test` (install everything the tests
# need, including Debian chromium and a PostgreSQL server, then run the suite).

VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///newsgraph.db

.PHONY: demo test install screenshots

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/newsgraph ingest samples/articles.jsonl --db $(DB)
	$(BIN)/newsgraph timeline --db $(DB)
	$(BIN)/newsgraph quotes --db $(DB) --limit 5

test: $(VENV)/.installed
	bash scripts/setup_system.sh
	NEWSGRAPH_TEST_PG="$$(bash scripts/start_postgres.sh)" $(BIN)/python -m pytest -q

# Refresh docs/screenshots from the browser tests (`make test` writes its screenshots to a temp folder).
screenshots: $(VENV)/.installed
	bash scripts/setup_system.sh
	NEWSGRAPH_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest -q -m browser tests/test_web.py tests/test_record_web.py tests/test_web_layout.py
