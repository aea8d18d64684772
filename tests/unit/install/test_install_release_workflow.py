"""The release workflow (.github/workflows/release.yml) calls the scripts the suite runs on
Linux, on the runners the issue names — and every script it names exists."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[3]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def _jobs() -> dict[str, Any]:
    jobs: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    return jobs


def _commands(job: dict[str, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in job["steps"])


def test_jobs_and_runners() -> None:
    jobs = _jobs()
    assert set(jobs) == {"linux", "windows", "macos"}
    assert jobs["windows"]["runs-on"] == "windows-2022"
    assert jobs["macos"]["strategy"]["matrix"]["runner"] == ["macos-14", "macos-15-intel"]


def test_each_job_tests_builds_and_smoke_tests_with_the_shared_scripts() -> None:
    for name, job in _jobs().items():
        commands = _commands(job)
        assert "pytest tests/unit" in commands or "make test-fast" in commands, name
        assert f"installer/release/build.sh {name}" in commands, name
        assert "installer/release/smoke.sh" in commands, name


def test_every_script_named_exists_and_is_executable() -> None:
    named = set(re.findall(r"installer/[\w/.-]+\.sh", WORKFLOW.read_text(encoding="utf-8")))
    build = (ROOT / "installer" / "release" / "build.sh").read_text(encoding="utf-8")
    named |= set(re.findall(r"installer/[\w/.-]+\.sh", build))
    assert {
        "installer/release/build.sh",
        "installer/release/smoke.sh",
        "installer/windows/build-msi.sh",
        "installer/macos/build-pkg.sh",
    } <= named
    for script in named:
        path = ROOT / script
        assert path.is_file(), script
        assert path.stat().st_mode & 0o111, f"{script} is not executable"
