# The course's two commands (see README.md):
#   make lab    set up, then open the course in JupyterLab
#   make test   set up, then run every test (unit tests + nbval on all notebooks)
# Other targets are for course authors.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed

.PHONY: lab test check bench setup exercises notebooks clean

setup: $(READY)

# Re-install only when the requirements change.
$(READY): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# JupyterLab listens on this computer only (127.0.0.1) and asks for the token it prints.
# Extra options go in LAB_ARGS, e.g. `make lab LAB_ARGS=--no-browser`.
LAB_ARGS ?=
lab: $(READY)
	$(BIN)/jupyter lab --ip 127.0.0.1 $(LAB_ARGS) notebooks/00_start_here.ipynb

test: $(READY)
	$(BIN)/python -m pytest -n 2 --dist loadfile \
	  --nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg

# For students: check your exercises with nbval (all, or one: make check EXERCISE=02_countries).
# It passes when every answered question is right; make check COMPLETE=1 needs every question.
# Backups (exercises/backups/) are not exercises and are not checked.
EXERCISE ?=
COMPLETE ?=
check: $(READY)
	@$(BIN)/python -m takedown check $(if $(EXERCISE),exercises/$(EXERCISE).ipynb,exercises/*.ipynb) $(if $(COMPLETE),--complete)

# For maintainers: measure the course's speed and size against their floors (writes build/bench/).
bench: $(READY)
	$(BIN)/python -m takedown.bench --out build/bench

# For authors: regenerate exercises/ from solutions/ (and run them), after editing a solution.
exercises: $(READY)
	$(BIN)/python -m takedown build

# For authors: re-run every lesson and solution so their stored outputs are current.
notebooks: $(READY)
	$(BIN)/python -m takedown run notebooks/*.ipynb solutions/*.ipynb
	$(BIN)/python -m takedown build

clean:
	rm -rf $(VENV) .pytest_cache
