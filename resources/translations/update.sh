#!/bin/sh
# Refresh the German translation of the UI, independent of make:
#   resources/translations/update.sh
# 1. pyside6-lupdate collects every tr()/translate() string of desktop/vpaphone/{ui,texts} into
#    vpaphone_de.ts (existing translations are kept; strings gone from the code are dropped);
# 2. translate new entries in Qt Linguist (pyside6-linguist vpaphone_de.ts);
# 3. pyside6-lrelease compiles vpaphone_de.qm, which the app loads for German locales.
# PYSIDE6_BIN may point at the directory holding the pyside6-* tools (default: the repo's venv).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${PYSIDE6_BIN:-$root/.venv/bin}
sources=$(find "$root/desktop/vpaphone/ui" "$root/desktop/vpaphone/texts" -name '*.py' \
  ! -path '*/__pycache__/*' | sort)
# shellcheck disable=SC2086 # one argument per source file
"$bin/pyside6-lupdate" -no-obsolete -locations none $sources -ts "$here/vpaphone_de.ts"
"$bin/pyside6-lrelease" "$here/vpaphone_de.ts" -qm "$here/vpaphone_de.qm"
