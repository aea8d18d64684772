#!/usr/bin/env bash
# Smoke test of a built softphone, the same on every system (release.yml runs it after each
# build; the suite runs it on the Linux bundle: tests/installer/test_installer_release.py):
#
#   installer/release/smoke.sh EXECUTABLE
#
# EXECUTABLE: the bundle's CLI (Linux build/bundle/vpaphone/vpaphone, Windows
# vpaphone-cli.exe, macOS vpaphone.app/Contents/MacOS/vpaphone). Checks: it starts and
# knows its version; `diagnose --json` is valid JSON, its shipped resources are complete,
# pjsua2 creates UDP, TCP and TLS transports, the German texts load; `check-number` answers.
# PYTHON: an interpreter to read the JSON with (python3 by default; `python` on Windows).
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 EXECUTABLE" >&2
  exit 2
fi
exe=$1
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

version=$("$exe" --version) || fail "$exe --version"
echo "smoke: $version"

# diagnose exits 1 when any section finds a problem (a CI runner has no keychain, no audio
# devices): the sections this test is about are read from its JSON instead.
"$exe" diagnose --json >"$work/diagnose.json" 2>"$work/diagnose.err" || true
"$python" - "$work/diagnose.json" <<'PY' || fail "diagnose (stderr: $(tail -5 "$work/diagnose.err"))"
import json
import sys

with open(sys.argv[1], encoding="utf-8") as handle:
    sections = {s["title"]: s for s in json.load(handle)}
problems = []
for title in ("Installation", "SIP transports", "Translations"):
    section = sections.get(title)
    if section is None or section["failed"]:
        problems.append(f"{title}: {section['lines'] if section else 'missing'}")
for title in ("Installation", "SIP transports", "Translations"):
    for key, value in sections.get(title, {}).get("lines", []):
        print(f"smoke: {title}: {key}: {value}")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
PY

"$exe" check-number --area backoffice_de '+49 221 82829-980' >"$work/number.json" ||
  fail "check-number"
"$python" - "$work/number.json" <<'PY' || fail "check-number answered $(cat "$work/number.json")"
import json
import sys

with open(sys.argv[1], encoding="utf-8") as handle:
    answer = json.load(handle)
assert answer["e164"] == "+4922182829980", answer
assert answer["decision"] == "allow", answer
print(f"smoke: check-number: {answer['e164']} {answer['decision']}")
PY
echo "smoke: passed"
