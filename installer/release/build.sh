#!/usr/bin/env bash
# Builds this system's release artefacts; release.yml runs it on each runner, and it runs
# locally the same way (Linux: what `make deb` builds):
#
#   installer/release/build.sh linux|windows|macos     -> prints the artefacts' paths
#
# windows and macos: a venv with the app's wheel and its `bundle` extra, PyInstaller with
# installer/pyinstaller/vpaphone.spec, then installer/windows/build-msi.sh or
# installer/macos/build-pkg.sh. They run only on their own systems (PyInstaller cannot
# cross-compile). Signing: SIGN_COMMAND (Windows), MACOS_* (macOS), see those scripts.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 linux|windows|macos" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/vpaphone/__init__.py)
python=${PYTHON:-python3}

bundle() {  # the wheel, then the frozen app from it, as `make bundle` does on Linux
  local venv=build/bundle-venv bin
  rm -rf "$venv" build/dist
  "$python" -m venv "$venv"
  if [ -d "$venv/Scripts" ]; then bin=$venv/Scripts; else bin=$venv/bin; fi
  "$bin/python" -m pip install -q --upgrade pip
  "$bin/python" -m pip wheel -q --no-deps -w build/dist .
  "$bin/python" -m pip install -q "$(ls build/dist/vpaphone-*.whl)[bundle]"
  "$bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath build/bundle \
    --workpath build/pyinstaller installer/pyinstaller/vpaphone.spec
  BUNDLE_PYTHON=$bin/python
}

case $1 in
  linux)
    make --no-print-directory deb >&2
    ls build/vpaphone_"$version"-*_amd64.deb
    ;;
  windows)
    bundle
    PYTHON=$BUNDLE_PYTHON WIX_TOOLCHAIN=${WIX_TOOLCHAIN:-wix} \
      installer/windows/build-msi.sh build/bundle/vpaphone "$version" "build/vpaphone-$version.msi"
    ;;
  macos)
    bundle
    installer/macos/build-pkg.sh build/bundle/vpaphone.app "$version" build
    ;;
  *)
    echo "$0: unknown system '$1' (linux, windows or macos)" >&2
    exit 2
    ;;
esac
