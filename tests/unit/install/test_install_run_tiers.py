"""`make test` runs the suite in three parts (tests/run-tiers): it must fail when any part fails.

The script runs from a copy in a temporary tree, with a `run-suite` that only runs its command
and a "python" that records its arguments and fails where the test says.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

FAKE_PYTHON = """#!/usr/bin/env bash
echo "$*" >> "{calls}"
case "$*" in *{fail}*) exit 1 ;; esac
exit 0
"""


def _run(tmp_path: Path, fail: str) -> tuple[int, list[str], str]:
    tests = tmp_path / "tree" / "tests"
    tests.mkdir(parents=True)
    shutil.copy2(ROOT / "tests" / "run-tiers", tests / "run-tiers")
    (tests / "run-suite").write_text('#!/usr/bin/env bash\nexec "$@"\n', encoding="utf-8")
    calls = tmp_path / "calls.txt"
    python = tmp_path / "python"
    python.write_text(FAKE_PYTHON.format(calls=calls, fail=fail), encoding="utf-8")
    for script in (tests / "run-suite", python):
        script.chmod(0o755)
    done = subprocess.run(
        [str(tests / "run-tiers"), str(python), "-q"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return done.returncode, calls.read_text(encoding="utf-8").splitlines(), done.stdout


@pytest.mark.parametrize(
    "fail", ["pytest tests/installer", "--ignore=tests/installer", "test_audio_processing.py --cov"]
)
def test_a_failing_part_fails_make_test(tmp_path: Path, fail: str) -> None:
    rc, calls, _out = _run(tmp_path, fail)
    assert rc != 0
    assert len(calls) == 3  # the other parts still ran: one failure does not hide another


def test_all_parts_passing_pass_and_the_quality_calls_run_last_and_alone(tmp_path: Path) -> None:
    rc, calls, out = _run(tmp_path, "no-part-has-this")
    assert rc == 0
    assert calls[-1].startswith("-m pytest tests/integration/audio/test_audio_processing.py")
    parts = sorted(calls[:2])
    assert parts[0].startswith("-m pytest --ignore=tests/installer")
    assert parts[1].startswith("-m pytest tests/installer")
    assert all(c.endswith("-q") for c in calls)  # extra arguments reach every part
    assert "== installer tier" in out
