# Two commands: `make play` and `make test`. Each builds .venv on first use: `make play`
# installs only what the game needs, `make test` adds the test and lint tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLAY_STAMP := $(VENV)/.installed-play
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: play test bench council lint clean

$(BIN)/python:
	@echo "First run: creating $(VENV) (a private Python environment for the game)..."
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install --quiet --upgrade pip

$(PLAY_STAMP): pyproject.toml | $(BIN)/python
	@echo "Installing the game and what it needs (textual, pydantic, numpy, PyYAML); this takes"
	@echo "under a minute, once..."
	@$(BIN)/pip install --quiet -e .
	@touch $(PLAY_STAMP)

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	@echo "Installing the game with its test tools (pytest, xdist, hypothesis, ruff, mypy, import-linter),"
	@echo "once..."
	@$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(DEV_STAMP) $(PLAY_STAMP)

play: $(PLAY_STAMP)
	$(BIN)/councilgame play

test: $(DEV_STAMP)
	$(BIN)/ruff check councilgame tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/pytest -q -n auto  # the suite's UI tests take minutes: one worker a core

bench: $(DEV_STAMP)
	$(BIN)/python bench/run.py

council: $(DEV_STAMP)  # issue 11's measurements beyond simulate (minutes)
	$(BIN)/python bench/council.py all

clean:
	rm -rf $(VENV) build dist .pytest_cache
