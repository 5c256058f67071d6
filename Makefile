# Two commands set everything up: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install demo test eval eval-times bench lint format clean

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/vigie extract examples/ --published 2022-09-22

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) -m vigie.evaluation --out build/eval/dev

eval-times: $(STAMP)
	$(PY) bench/eval_times.py

bench: $(STAMP)
	$(VENV)/bin/vigie bench

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench scripts

format: $(STAMP)
	$(VENV)/bin/ruff format src tests bench scripts

clean:
	rm -rf build .pytest_cache .ruff_cache
