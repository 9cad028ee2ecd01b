# News analysis: run `make help` for the list of targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DATA ?= ../shared/data

$(STAMP): pyproject.toml
	@echo "installing the package and its notebook, Dask and test extras into $(VENV)/ (a few minutes, once)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@# (the filter drops setuptools' note on how editable installs work, nothing else)
	@PYTHONWARNINGS=ignore::UserWarning:setuptools.command.editable_wheel $(PY) -m pip install --quiet -e ".[notebooks,dask,dev]"
	@touch $(STAMP)

.PHONY: help setup report test test-fast lab sync notebooks lint bench clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

setup: $(STAMP) ## Create .venv and install the package with its notebook, Dask and test extras

report: $(STAMP) ## Main job: run every notebook in order, write figures/ (PNG+SVG) and reports/ (HTML)
	@$(PY) -m analysis report

test: $(STAMP) ## Run ruff, then the whole test suite (unit tests, docstring examples, notebooks, Dask, browser)
	$(VENV)/bin/ruff check analysis tests benchmarks training
	@# the model retraining checks and two long checks (about half the time) run in a second process beside the rest
	@log=$$(mktemp); $(PY) -m pytest -q -p no:cacheprovider -m "training or beside" >$$log 2>&1 & retrain=$$!; \
	$(PY) -m pytest -q -m "not training and not beside"; rest=$$?; \
	wait $$retrain; retrained=$$?; echo "== model retraining and long checks (pytest -m 'training or beside')"; cat $$log; rm -f $$log; \
	test $$rest -eq 0 && test $$retrained -eq 0

test-fast: $(STAMP) ## Run ruff, then the quick tests only (no slow, Dask or browser tests)
	$(VENV)/bin/ruff check analysis tests benchmarks training
	$(PY) -m pytest -q -m "not slow and not dask and not browser"

lab: $(STAMP) ## Open the notebooks in JupyterLab
	$(VENV)/bin/jupyter lab notebooks

sync: $(STAMP) ## Sync notebooks/*.ipynb with their py:percent twins (after editing either)
	$(VENV)/bin/jupytext --sync notebooks/[0-9][0-9]_*.ipynb

notebooks: $(STAMP) ## Re-execute the notebooks in place so the committed copies show fresh outputs
	@$(PY) -m analysis report --in-place

lint: $(STAMP) ## Lint with ruff
	$(VENV)/bin/ruff check analysis tests benchmarks training

bench: $(STAMP) ## Run the benchmarks on the shared dev data (DATA=path to override)
	@for script in benchmarks/*.py; do echo "== $$script"; NEWS_ANALYSIS_DATA=$(DATA) $(PY) $$script || exit 1; done

clean: ## Remove the virtual environment, caches and generated reports
	rm -rf $(VENV) reports results .pytest_cache .ruff_cache *.egg-info
