# my-vpa softphone — developer, CI and packaging entry points.
# `make demo` and `make test` are the whole set-up on a fresh Debian 12 machine (as root).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := build/stamps
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/vpaphone/__init__.py)
export LANG ?= C.UTF-8
export LC_ALL ?= C.UTF-8
# Shells on the team's machines set these; a user's does not. Tests and the app see what a
# fresh machine sees (pjlib's C stdio output depends on it, see vpaphone.sip.pjlog).
unexport PYTHONUNBUFFERED PYTHONDONTWRITEBYTECODE

# Runtime libraries Qt (xcb + offscreen) and QtMultimedia load on Linux.
APT_RUNTIME := python3 python3-venv python3-pip libglib2.0-0 libgl1 libegl1 libxkbcommon0 \
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 \
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libfreetype6 libfontconfig1 \
  libdbus-1-3 libpulse0 libxrandr2 fonts-dejavu-core ca-certificates
# Real peers and services the tests start themselves (see tests/fixtures/).
APT_TEST := kamailio kamailio-tls-modules sip-tester baresip-core pulseaudio pulseaudio-utils \
  gnome-keyring dbus dbus-x11 libsecret-tools xvfb xauth imagemagick sox openssl iproute2 procps \
  coturn playerctl xdotool x11-utils trayer espeak-ng linphone-cli twinkle
# Building the bundle and the .deb (libpython3.11: PyInstaller bundles the shared interpreter),
# checking them (lintian, desktop-file-validate, appstreamcli) and the fresh-root test tier;
# the MSI built with wixl and installed under wine, the ADMX templates checked with xmllint.
APT_PACKAGE := libpython3.11 binutils dpkg-dev xz-utils lintian desktop-file-utils appstream \
  debootstrap msitools wixl wine wine64 libxml2-utils
# Peer softphones `make bench` runs through the same working day (reference rows), beside Twinkle
# from APT_TEST; Twinkle reaches PulseAudio through ALSA's pulse plugin.
APT_BENCH := linphone-desktop libasound2-plugins

# What the wheel, the bundle and the .deb are built from.
APP_SOURCES := pyproject.toml $(shell find desktop/vpaphone resources -type f \
  ! -path '*/__pycache__/*' ! -name '*.pyc' 2>/dev/null)
BUNDLE_SOURCES := $(shell find installer/pyinstaller installer/notices.py installer/__init__.py \
  -type f ! -path '*/__pycache__/*' ! -name '*.pyc')
DEB_SOURCES := $(shell find installer/linux -type f ! -path '*/__pycache__/*' ! -name '*.pyc')
WHEEL := build/dist/vpaphone-$(VERSION)-py3-none-any.whl
BUNDLE_VENV := build/bundle-venv
# The bundle carries the interpreter it is built with: Debian's own, so that it and the libraries
# PyInstaller copies beside it come from Debian 12 (not from a developer's pyenv or conda).
BUNDLE_PYTHON ?= /usr/bin/python3
BUNDLE := build/bundle/vpaphone
DEB_REVISION ?= 1
DEB := build/vpaphone_$(VERSION)-$(DEB_REVISION)_amd64.deb

.PHONY: demo test test-fast lint bench diagnose clean venv wheel bundle deb

$(STAMPS):
	mkdir -p $(STAMPS)

# apt only where packages are missing; a stamp keeps repeated runs fast.
define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing system packages: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

# The apt stamps follow the Makefile (its package lists); what depends on them only needs them
# to exist (order-only: a new list must not rebuild a venv).
$(STAMPS)/apt-runtime: Makefile | $(STAMPS)
	$(call apt_install,$(APT_RUNTIME))
	touch $@

$(STAMPS)/apt-test: Makefile | $(STAMPS)/apt-runtime
	$(call apt_install,$(APT_TEST))
	@# Debian enables a system Kamailio on :5060 and coturn on :3478; tests run their own.
	-@systemctl disable --now kamailio coturn >/dev/null 2>&1 || true
	touch $@

$(STAMPS)/apt-package: Makefile | $(STAMPS)/apt-runtime
	$(call apt_install,$(APT_PACKAGE))
	touch $@

# Stamps, not .venv/bin/python: that is a symlink, and make would compare the date of the
# system interpreter it points to — and rebuild the venv on every run.
$(STAMPS)/venv-created: | $(STAMPS)/apt-runtime
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	touch $@

# phonenumberslite installs into the same folder as the full phonenumbers an older venv holds:
# both go first, or uninstalling one later would break the other.
define drop_full_phonenumbers
	@if $(PY) -m pip show -q phonenumbers >/dev/null 2>&1; then \
	  $(PY) -m pip uninstall -q -y phonenumbers phonenumberslite; fi
endef

# The app and what it needs at run time: all `make demo` installs.
$(STAMPS)/runtime: pyproject.toml $(STAMPS)/venv-created
	$(drop_full_phonenumbers)
	$(PY) -m pip install -q -e .
	touch $@

# Plus the tools of the tests and lint (a superset: the runtime stamp is current too).
$(STAMPS)/dev: pyproject.toml $(STAMPS)/venv-created
	$(drop_full_phonenumbers)
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMPS)/runtime $@

venv: $(STAMPS)/dev

# Starts the application on its embedded demo backend (no account needed).
demo: $(STAMPS)/runtime
	$(VENV)/bin/vpaphone --demo

# The whole suite with line coverage, real components and the installer tier included
# (tests/run-tiers: the installer tier beside the rest, then the audio-quality calls alone).
# Installs what it needs first. PYTEST_ARGS go to every pytest run.
test: $(STAMPS)/dev $(STAMPS)/apt-test $(STAMPS)/apt-package lint
	tests/run-tiers $(PY) $(PYTEST_ARGS)

# Unit tier only (the widget tests included, offscreen): no SIP peers, no keychain, no installers.
test-fast: $(STAMPS)/dev $(STAMPS)/apt-test $(STAMPS)/apt-package
	tests/run-suite $(PY) -m pytest tests/unit -m "not (kamailio or sipp or baresip or keyring)" \
	  -p no:cacheprovider $(PYTEST_ARGS)

# The same checks as .pre-commit-config.yaml: style, types (strict for the app, plain for the
# tests) and the layers' import contracts.
lint: $(STAMPS)/dev
	$(VENV)/bin/ruff check desktop tests installer
	$(VENV)/bin/ruff format --check desktop tests installer
	$(VENV)/bin/mypy
	$(VENV)/bin/mypy --config-file tests/mypy.ini tests
	$(VENV)/bin/lint-imports

$(STAMPS)/apt-bench: Makefile | $(STAMPS)/apt-test
	$(call apt_install,$(APT_BENCH))
	touch $@

# Every benchmark (~18 min here: two working days with 5 idle minutes each); build/bench.json.
bench: $(STAMPS)/dev $(STAMPS)/apt-test $(STAMPS)/apt-bench $(DEB)
	tests/run-suite $(PY) -m tests.bench

diagnose: $(STAMPS)/runtime
	$(VENV)/bin/vpaphone diagnose

# --- packaging: wheel → bundle (PyInstaller, built from that wheel) → .deb -------------------

# A venv of its own: the bundle holds what this venv imports, and the licence notices list
# what it installed for the app — no test or lint tools.
$(STAMPS)/bundle-venv: | $(STAMPS)/apt-package
	rm -rf $(BUNDLE_VENV)
	$(BUNDLE_PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install -q --upgrade pip
	touch $@

$(WHEEL): $(APP_SOURCES) $(STAMPS)/bundle-venv
	rm -f build/dist/vpaphone-*.whl
	$(BUNDLE_VENV)/bin/python -m pip wheel -q --no-deps -w build/dist .

wheel: $(WHEEL)

$(STAMPS)/bundle-deps: $(WHEEL)
	$(BUNDLE_VENV)/bin/python -m pip install -q --force-reinstall --no-deps $(WHEEL)
	$(BUNDLE_VENV)/bin/python -m pip install -q '$(WHEEL)[bundle]'
	touch $@

$(BUNDLE)/vpaphone: $(STAMPS)/bundle-deps $(BUNDLE_SOURCES)
	$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath build/bundle --workpath build/pyinstaller installer/pyinstaller/vpaphone.spec

bundle: $(BUNDLE)/vpaphone

$(DEB): $(BUNDLE)/vpaphone $(DEB_SOURCES)
	$(BUNDLE_VENV)/bin/python -m installer.linux.build_deb --bundle $(BUNDLE) \
	  --revision $(DEB_REVISION) --out build

deb: $(DEB)

clean:
	rm -rf build $(VENV) .mypy_cache .pytest_cache .ruff_cache
