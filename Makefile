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

# The long reliability campaign (hostile inputs, faults, soak); regenerates the reliability table of docs/reliability.md.
reliability: $(STAMP)
	QUANTCHECK_RELIABILITY_TABLE=docs/reliability-table.md:docs/reliability.md QUANTCHECK_FUZZ_EXAMPLES=300 \
	$(BIN)/python -m pytest -q -rxX tests/reliability tests/test_reliability_*.py

# Coverage-guided fuzzing with atheris; crashes land in tests/fuzz/crashes/ (turn each into a regression test).
FUZZ_SECONDS ?= 120
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet 'atheris==3.0.0'
	mkdir -p tests/fuzz/crashes .fuzz-corpus/extract .fuzz-corpus/normalise
	$(BIN)/python tests/fuzz/fuzz_extract.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 \
		-artifact_prefix=tests/fuzz/crashes/ .fuzz-corpus/extract tests/fuzz/corpus/extract
	$(BIN)/python tests/fuzz/fuzz_normalise.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 \
		-artifact_prefix=tests/fuzz/crashes/ .fuzz-corpus/normalise tests/fuzz/corpus/normalise

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
