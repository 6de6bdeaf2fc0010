# The two commands of the README: `make demo` runs the dashboard on the seeds, `make test` runs the
# tests. Both set up what they need first (a virtualenv with hash-locked packages; Debian's chromium for
# the browser test), so they work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8501
# Only this machine can open the demo unless HOST=0.0.0.0 is given (to share it on a LAN).
HOST ?= 127.0.0.1

.PHONY: demo test lint venv dev-venv chromium extract bench score

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The requirements are hash-locked (requirements.in -> requirements.txt, see the README): pip installs only
# files whose sha256 is in the lock. Then this package, editable so that it reads data/ from this checkout,
# for the `arms-tracker` console script: --no-deps as its requirements are in already, and
# --no-build-isolation so that it is built with the locked setuptools rather than an unchecked download.
# Done again only when pyproject.toml is newer than the script (setuptools is chatty about editable installs).
INSTALL_PACKAGE := test $(BIN)/arms-tracker -nt pyproject.toml || $(BIN)/pip install --quiet --no-deps --no-build-isolation -e .

venv: $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.txt
	$(INSTALL_PACKAGE)

dev-venv: $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.txt
	$(INSTALL_PACKAGE)

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
	$(BIN)/pip install --quiet --require-hashes -r requirements-bench.txt
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/dashboard.py

# The yardstick (not part of `make test`: CI may lack ../shared/eval/real). Each set is extracted into a
# fresh store and scored by the project's scorer in ../shared/eval; the figures go to data/*_score.json
# (the seeds' feed the dashboard's About panel) and an error table by class is printed.
SHARED ?= ../shared
SCORE_OUT := out/score
# $(call score_set,NAME,ARTICLES_DIR,GOLD,JSON). Exit status 3 (some files skipped) still scores the rest.
define score_set
	rm -rf $(SCORE_OUT)/$(1)
	$(BIN)/python -m extract $(2) --out $(SCORE_OUT)/$(1) --db $(SCORE_OUT)/$(1)/tracker.sqlite --quiet || [ $$? = 3 ]
	$(BIN)/python bench/score_report.py --name $(1) --scorer $(SHARED)/eval/score.py --gold $(3) --articles $(2) \
	  --pred $(SCORE_OUT)/$(1)/records.csv --json $(4)
endef

score: venv
	$(call score_set,seeds,seeds,$(SHARED)/eval/gold/seeds.csv,data/seed_score.json)
	$(call score_set,devset,tests/fixtures/devset,tests/fixtures/devset/gold.csv,data/devset_score.json)
	$(call score_set,fresh,tests/fixtures/fresh,tests/fixtures/fresh/gold.csv,data/fresh_score.json)
	$(call score_set,fresh2,tests/fixtures/fresh2,tests/fixtures/fresh2/gold.csv,data/fresh2_score.json)
	$(call score_set,fresh3,tests/fixtures/fresh3,tests/fixtures/fresh3/gold.csv,data/fresh3_score.json)
	$(call score_set,fresh4,tests/fixtures/fresh4,tests/fixtures/fresh4/gold.csv,data/fresh4_score.json)
	$(call score_set,real,$(SHARED)/eval/real/articles,$(SHARED)/eval/real/gold.csv,data/real_score.json)
