"""The CLI as a fresh machine runs it: no PYTHONUNBUFFERED (or anything else) in the environment,
stdout a pipe — where pjlib's C-stdio start-up lines once ended up inside `diagnose --json`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[3] / "resources"


def _vpaphone(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).with_name("vpaphone")), *args],
        env=env,  # replaces the environment: nothing inherited
        capture_output=True,  # pipes, not a terminal: C stdio buffers fully
        text=True,
        timeout=120,
        check=False,
    )


def test_diagnose_json_is_only_json_with_an_empty_environment(tmp_path: Path) -> None:
    # HOME only, so that the user directories land in this test's folder, not in a real home.
    done = _vpaphone("diagnose", "--json", env={"HOME": str(tmp_path)})
    sections = json.loads(done.stdout)  # the whole of stdout, nothing before or after
    assert [s["title"] for s in sections][:2] == ["Versions", "Installation"]
    # No session bus in an empty environment, so no keychain: that check fails, and says so.
    assert [s["title"] for s in sections if s["failed"]] == ["Keychain"]
    assert done.returncode == 1
    assert "pjlib" not in done.stdout
    assert done.stdout.startswith("[")
    assert done.stdout.rstrip().endswith("]")


def test_a_missing_resource_fails_diagnose_and_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "resources"
    shutil.copytree(RESOURCES, broken)
    (broken / "api" / "myvpa-openapi.json").unlink()
    env = {"HOME": str(tmp_path), "VPAPHONE_RESOURCES": str(broken)}
    done = _vpaphone("diagnose", "--json", env=env)
    assert done.returncode == 1
    installation = next(s for s in json.loads(done.stdout) if s["title"] == "Installation")
    assert installation["failed"]
    assert "api/myvpa-openapi.json" in dict(installation["lines"])["resources"]


def test_check_number_names_the_missing_rule_data(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "VPAPHONE_RESOURCES": str(tmp_path / "nowhere")}
    done = _vpaphone("check-number", "0221 82829980", env=env)
    assert done.returncode == 3  # broken rule data, not a traceback
    assert str(tmp_path / "nowhere" / "rules") in done.stderr
    assert "Traceback" not in done.stderr
