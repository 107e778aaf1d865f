# Two commands matter: `make serve` (the app with demo data) and `make test` (every test).
# Both install from uv.lock into .venv; see "Installs and upgrades" in the README.
PYTHON ?= python3.11
PORT ?= 8000
UV_VERSION := 0.13.9
VENV := .venv
PY := $(VENV)/bin/python
# uv itself, at the pinned version, in a small environment of its own beside .venv.
UV := .uv/$(UV_VERSION)/bin/uv
# --locked: install exactly what uv.lock says, and stop if pyproject.toml has changed
# since it was written.
SYNC := $(UV) sync --locked --quiet --python $(PYTHON)

.PHONY: install install-test install-load upgrade chromium serve test lint clean

$(UV):
	$(PYTHON) -m venv .uv/$(UV_VERSION)
	.uv/$(UV_VERSION)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# What the app needs to run. --inexact leaves the test tools in place if `make test`
# installed them.
install: $(UV)
	$(SYNC) --inexact

# The app and the test tools, and nothing else (locust's pytest plugin would break the
# tests).
install-test: $(UV)
	$(SYNC) --extra test

# Locust for load tests, in an environment of its own: beside the test tools its pytest
# plugin's fixture named `session` would shadow ours.
install-load: $(UV)
	UV_PROJECT_ENVIRONMENT=.venv-load $(SYNC) --extra load

# Newer versions within pyproject.toml's ranges into uv.lock: one package with
# `make upgrade PACKAGE=django`, or every one. Then `make test`, and commit uv.lock.
upgrade: $(UV)
	$(UV) lock --python $(PYTHON) $(if $(PACKAGE),--upgrade-package $(PACKAGE),--upgrade)

# Debian's Chromium for the browser tests (Playwright's own browser download is not reachable).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# In production mode (DEBUG=false) whitenoise serves only collected static files; collecting
# them takes a second, so it is done every time rather than guess the mode here.
serve: install
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --site http://127.0.0.1:$(PORT)
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Two workers or more (pytest-xdist): one per core.
test: install-test chromium
	$(PY) -m pytest -n auto --dist worksteal

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) .venv-load .uv staticfiles .pytest_cache .ruff_cache
