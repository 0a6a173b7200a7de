# The course's two commands (see README.md):
#   make lab    set up, then open the course in JupyterLab
#   make test   set up (with the tests' extra packages), then run every test
# Other targets are for course authors.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

# Every target goes through the students' own command, `python -m course` (course/bootstrap.py): it finds
# a Python 3.11 or newer, makes .venv and installs requirements.txt with uv (seconds) when it can be had,
# else with pip, again only when requirements.txt or pyproject.toml change. To use pip alone:
# make lab INSTALLER=pip
INSTALLER ?= uv
export COURSE_INSTALLER := $(INSTALLER)

setup:
	$(PYTHON) -m course setup

# JupyterLab on the course folder, opening notebooks/00_start_here.ipynb, listening on 127.0.0.1
# only, with the token it prints; settings in jupyter-config/. Extra options go in LAB_ARGS,
# e.g. `make lab LAB_ARGS="--no-browser --port 8899"`.
LAB_ARGS ?=
lab:
	$(PYTHON) -m course lab$(if $(LAB_ARGS), -- $(LAB_ARGS))

test:
	$(PYTHON) -m course test

# For students: check your exercises (all, or one: make check EXERCISE=02_countries, or EXERCISE=02).
# It passes when every answered question is right; make check COMPLETE=1 needs every question.
# Backups (exercises/backups/) are not exercises and are not checked.
EXERCISE ?=
COMPLETE ?=
check:
	@$(PYTHON) -m course check $(EXERCISE)$(if $(COMPLETE), --complete)

# For maintainers: measure the course's speed and size against their floors (writes build/bench/).
bench:
	$(PYTHON) -m course setup --tests
	$(BIN)/python -m takedown bench --out build/bench

# For authors: regenerate exercises/ from solutions/ (and run them), after editing a solution.
exercises:
	$(PYTHON) -m course build

# For authors: re-run every lesson and solution so their stored outputs are current.
notebooks:
	$(PYTHON) -m course run notebooks/*.ipynb solutions/*.ipynb
	$(PYTHON) -m course build

clean:
	rm -rf $(VENV) .pytest_cache

# For maintainers: the static course site (every lesson with its stored outputs, searchable) in
# build/site/, built offline; installs the site's packages (course/authoring/site/requirements.txt) first.
.PHONY: site
site:
	$(PYTHON) -m course setup --with course/authoring/site/requirements.txt
	$(BIN)/python -m takedown site --out build/site
