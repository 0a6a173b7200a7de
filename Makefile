# The course's two commands (see README.md):
#   make lab    set up, then open the course in JupyterLab
#   make test   set up (with the tests' extra packages), then run every test
# Other targets are for course authors.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed-course
TESTS_READY := $(VENV)/.installed-tests

# Packages are installed with uv (seconds) when it can be had, else with pip (a minute or more).
# uv comes from the venv, from PATH, or is installed into the venv with the system's pip.
# To use pip alone: make lab INSTALLER=pip
INSTALLER  ?= uv
UV_VERSION := 0.13.9

.PHONY: lab test check bench setup exercises notebooks clean

setup: $(READY)

# Install requirement files ($1) into the venv, and say which way.
define install
	@if [ "$(INSTALLER)" = uv ] && { [ -x $(BIN)/uv ] || command -v uv >/dev/null || \
	     $(PYTHON) -m pip --python $(BIN)/python install --quiet uv==$(UV_VERSION) >/dev/null 2>&1; }; then \
	  uv=$(BIN)/uv; [ -x $$uv ] || uv=uv; \
	  echo "Installing $1 with uv ..."; \
	  $$uv pip install --quiet --python $(BIN)/python $(foreach file,$1,-r $(file)); \
	else \
	  echo "Installing $1 with pip (a minute or more) ..."; \
	  $(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip --default-pip >/dev/null; \
	  $(BIN)/python -m pip install --quiet $(foreach file,$1,-r $(file)); \
	fi
endef

# Re-install only when the requirements change.
$(READY): requirements.txt pyproject.toml
	$(PYTHON) -m venv --without-pip $(VENV)
	$(call install,requirements.txt)
	touch $@

# The tests' extra packages (browser, generated answers, two workers), for `make test` only.
$(TESTS_READY): $(READY) tests/requirements.txt course/authoring/site/requirements.txt
	$(call install,requirements.txt tests/requirements.txt)
	touch $@

# JupyterLab on the course folder, opening notebooks/00_start_here.ipynb, listening on 127.0.0.1
# only, with the token it prints; settings in jupyter-config/. Extra options go in LAB_ARGS,
# e.g. `make lab LAB_ARGS="--no-browser --port 8899"`.
LAB_ARGS ?=
lab: $(READY)
	$(BIN)/jupyter lab --config jupyter-config/jupyter_lab_config.py $(LAB_ARGS)

test: $(TESTS_READY)
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
bench: $(TESTS_READY)
	$(BIN)/python -m takedown bench --out build/bench

# For authors: regenerate exercises/ from solutions/ (and run them), after editing a solution.
exercises: $(READY)
	$(BIN)/python -m takedown build

# For authors: re-run every lesson and solution so their stored outputs are current.
notebooks: $(READY)
	$(BIN)/python -m takedown run notebooks/*.ipynb solutions/*.ipynb
	$(BIN)/python -m takedown build

clean:
	rm -rf $(VENV) .pytest_cache

# For maintainers: the static course site (every lesson with its stored outputs, searchable) in
# build/site/, built offline; installs the site's packages (course/authoring/site/requirements.txt) first.
.PHONY: site
SITE_READY := $(VENV)/.site-installed
$(SITE_READY): $(READY) course/authoring/site/requirements.txt
	$(call install,requirements.txt course/authoring/site/requirements.txt)
	touch $@
site: $(SITE_READY)
	$(BIN)/python -m takedown site --out build/site
