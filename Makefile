# The two commands of the README: `make demo` runs the dashboard on the seeds, `make test` runs the
# tests. Both set up what they need first (a virtualenv with pinned packages; Debian's chromium for
# the browser test), so they work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Only this machine can open the demo unless HOST=0.0.0.0 is given (to share it on a LAN).
HOST ?= 127.0.0.1

.PHONY: demo test lint venv dev-venv chromium extract bench score

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

venv: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt

dev-venv: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt

# The browser test drives Debian's chromium through Playwright (no browser download).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

demo: venv
	$(BIN)/streamlit run dashboard/app.py --server.address $(HOST) --server.port $(PORT)

test: dev-venv chromium
	$(BIN)/ruff check extract dashboard tests $(wildcard bench)
	$(BIN)/python -m pytest -q

extract: venv
	$(BIN)/python -m extract seeds --out out

bench: $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-bench.txt
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/dashboard.py

# Measure the extractor on the seed gold (the scorer and gold live in ../shared/eval) and keep the
# figures for the dashboard's About panel.
SHARED ?= ../shared
score: venv
	$(BIN)/python -m extract seeds --out out/seeds --db out/seeds/tracker.sqlite --quiet
	$(BIN)/python $(SHARED)/eval/score.py --gold $(SHARED)/eval/gold/seeds.csv --articles seeds \
	  --pred out/seeds/records.csv --json data/seed_score.json
	$(BIN)/python -m extract tests/fixtures/devset --out out/devset --db out/devset/tracker.sqlite --quiet
	$(BIN)/python $(SHARED)/eval/score.py --gold tests/fixtures/devset/gold.csv --articles tests/fixtures/devset \
	  --pred out/devset/records.csv --json data/devset_score.json
