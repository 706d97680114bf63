# Two commands matter: `make run` and `make test`. Both create .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8001

.PHONY: run test bench campaign build eval lint clean reliability

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "kzdocs needs Python 3.11 (set PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

build: $(STAMP)
	$(BIN)/kzdocs build

run: build
	$(BIN)/kzdocs verify --offline --report out/verification.md; status=$$?; [ $$status -le 1 ] || exit $$status
	@echo "Registry ready: open http://127.0.0.1:$(PORT)/ in a browser"
	$(BIN)/kzdocs serve --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

bench: $(STAMP)
	$(BIN)/python -m bench

campaign: $(STAMP)
	$(BIN)/python -m bench campaign

# Long runs outside the default suite: thousands of property cases, 50 kills per writer, full-size bombs and
# the default (live-site) time limits; prints the figures of the README's Reliability section.
reliability: $(STAMP)
	KZDOCS_RELIABILITY=long $(BIN)/python -m pytest -n 2 -q tests/reliability
	$(BIN)/python -m bench.reliability

eval: $(STAMP)
	$(BIN)/kzdocs photo evaluate

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) data/registry.db out
