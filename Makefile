# my-vpa softphone — developer and CI entry points.
# `make demo` and `make test` are the whole set-up on a fresh Debian 12 machine (as root).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := build/stamps
export LANG ?= C.UTF-8
export LC_ALL ?= C.UTF-8

# Runtime libraries Qt (xcb + offscreen) and QtMultimedia load on Linux.
APT_RUNTIME := python3 python3-venv python3-pip libglib2.0-0 libgl1 libegl1 libxkbcommon0 \
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 \
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libfreetype6 libfontconfig1 \
  libdbus-1-3 libpulse0 libxrandr2 fonts-dejavu-core ca-certificates
# Real peers and services the tests start themselves (see tests/fixtures/).
APT_TEST := kamailio kamailio-tls-modules sip-tester baresip-core pulseaudio pulseaudio-utils \
  gnome-keyring dbus dbus-x11 libsecret-tools xvfb xauth imagemagick sox openssl iproute2 procps \
  coturn
# Peer softphones `make bench` runs through the same working day (reference rows); Twinkle
# reaches PulseAudio through ALSA's pulse plugin.
APT_BENCH := twinkle linphone-desktop libasound2-plugins

.PHONY: demo test test-fast lint bench diagnose clean venv apt-runtime apt-test

$(STAMPS):
	mkdir -p $(STAMPS)

# apt is only needed where packages are missing; a stamp keeps repeated runs fast.
$(STAMPS)/apt-runtime: | $(STAMPS)
	@missing=$$(for p in $(APT_RUNTIME); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	touch $@

$(STAMPS)/apt-test: $(STAMPS)/apt-runtime
	@missing=$$(for p in $(APT_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing test packages: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@# Debian enables a system Kamailio on :5060 and coturn on :3478; tests run their own.
	-@systemctl disable --now kamailio coturn >/dev/null 2>&1 || true
	touch $@

$(VENV)/bin/python: $(STAMPS)/apt-runtime
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(STAMPS)/venv: pyproject.toml $(VENV)/bin/python
	@# phonenumberslite installs into the same package folder as the full phonenumbers that
	@# older venvs hold: remove both first, or uninstalling one would break the other
	@if $(PY) -m pip show -q phonenumbers >/dev/null 2>&1; then \
	  $(PY) -m pip uninstall -q -y phonenumbers phonenumberslite 2>/dev/null; fi
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

venv: $(STAMPS)/venv

# Starts the application on its embedded demo backend (no account needed).
demo: $(STAMPS)/venv
	$(VENV)/bin/vpaphone --demo

# The whole suite, real components included, with line coverage. Installs what it needs first.
test: $(STAMPS)/venv $(STAMPS)/apt-test lint
	tests/run-suite $(PY) -m pytest --cov --cov-report=term:skip-covered \
	  --cov-report=xml:build/coverage.xml $(PYTEST_ARGS)

# Unit tier only (the widget tests included, offscreen): no SIP peers, no keychain.
test-fast: $(STAMPS)/venv $(STAMPS)/apt-test
	tests/run-suite $(PY) -m pytest tests/unit -m "not (kamailio or sipp or baresip or keyring)" \
	  -p no:cacheprovider $(PYTEST_ARGS)

# The same checks as .pre-commit-config.yaml: style, types (strict for the app, plain for the
# tests) and the layers' import contracts.
lint: $(STAMPS)/venv
	$(VENV)/bin/ruff check desktop tests
	$(VENV)/bin/ruff format --check desktop tests
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --config-file tests/mypy.ini tests
	$(VENV)/bin/lint-imports

$(STAMPS)/apt-bench: $(STAMPS)/apt-test
	@missing=$$(for p in $(APT_BENCH); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing benchmark peers: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	touch $@

# Every benchmark (~18 min here: two working days with 5 idle minutes each); build/bench.json.
bench: $(STAMPS)/venv $(STAMPS)/apt-bench
	tests/run-suite $(PY) -m tests.bench

diagnose: $(STAMPS)/venv
	$(VENV)/bin/vpaphone diagnose

clean:
	rm -rf build $(VENV) .mypy_cache .pytest_cache .ruff_cache
