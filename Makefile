# quantcheck: every target creates .venv itself, so a fresh clone needs only Python and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench lint fuzz reliability clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/quantcheck demo

test: $(STAMP)
	$(BIN)/python -m pytest -q -m "not reliability"

bench: $(STAMP)
	$(BIN)/python -m pytest -q -s tests/benchmarks --benchmarks

lint: $(STAMP)
	$(BIN)/ruff check extractors checks flows warehouse tests

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
