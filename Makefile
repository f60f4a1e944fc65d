# claimmap — every target sets up what it needs itself (a fresh clone needs only python3, pip, make).
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
LAYER  := data/claims.geojson

.PHONY: run test eval bench build screenshot clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(LAYER): | $(STAMP)
	$(PY) -m geo build seeds --out $(LAYER)

## run: set up, build the layer if it is missing, start the dashboard on it
run: $(STAMP) $(LAYER)
	$(VENV)/bin/claimmap dashboard --layer $(LAYER)

## test: set up and run the whole suite (browser tests need Debian chromium: see README)
test: $(STAMP)
	$(PY) -m pytest -q

## build: rebuild the layer from seeds/
build: $(STAMP)
	$(PY) -m geo build seeds --out $(LAYER)

## eval: claim and toponym precision/recall against the hand-written gold
eval: $(STAMP)
	$(PY) tests/evaluate.py

## bench: speed and memory figures (make bench prints them; nothing is asserted)
bench: $(STAMP)
	$(PY) -m bench.run

## screenshot: rewrite docs/screenshot.png (the README's picture) from the seed layer, on purpose
screenshot: $(STAMP) $(LAYER)
	$(PY) -m bench.screenshot --layer $(LAYER)

clean:
	rm -rf $(VENV) .pytest_cache .cache
