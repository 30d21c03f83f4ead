# The two commands a user needs (see README.md):
#   make serve   serve the reviewer's dashboard on the seed case (http://127.0.0.1:8866)
#   make test    run every test
# and the analysts' one:
#   make lab     open notebooks/ in JupyterLab, the workbench importable (the `analyst` extra)
# Each creates .venv from pyproject.toml on first use and re-installs when it changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: serve test lint lab clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed-app
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-analyst: pyproject.toml $(VENV)/.installed-app
	$(BIN)/python -m pip install --quiet -e '.[analyst]'
	touch $@

serve: $(VENV)/.installed-app
	$(BIN)/workbench serve $(ARGS)

# JupyterHub's proxy, for the team deployment's test (tests/browser/test_hub_team.py); without
# npm that one test is skipped with its reason (under CI=true it fails).
HUB_PROXY := deploy/jupyterhub/node_modules/.bin/configurable-http-proxy

$(HUB_PROXY): deploy/jupyterhub/package.json deploy/jupyterhub/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix deploy/jupyterhub --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the JupyterHub test needs Node.js and npm"; fi

test: $(VENV)/.installed-test $(HUB_PROXY)
	$(BIN)/python -m pytest tests notebooks --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg $(ARGS)

# JupyterLab on 127.0.0.1 (its default), rooted at notebooks/, with this venv's kernel, so
# `import workbench` works in every notebook.  ARGS passes options, e.g. ARGS="--port 8890".
# Kernels run in notebooks/, so the data and team folders are given as absolute paths.
lab: $(VENV)/.installed-analyst
	WORKBENCH_DATA="$${WORKBENCH_DATA:-$(CURDIR)/data}" \
	WORKBENCH_TEMPLATES="$${WORKBENCH_TEMPLATES:-$(CURDIR)/review_templates}" \
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=notebooks $(ARGS)

# ruff, then the architecture contracts in pyproject.toml ([tool.importlinter]), then that
# the README's generated tables are up to date (cog; see workbench/cli/reference.py).
lint: $(VENV)/.installed-test
	$(BIN)/ruff check workbench tests benchmarks deploy
	$(BIN)/ruff format --check workbench tests benchmarks deploy
	$(BIN)/lint-imports --no-cache
	$(BIN)/cog --check README.md

clean-venv:
	rm -rf $(VENV)
