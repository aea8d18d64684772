"""`make demo` on a machine where it ran before: no new venv, no PyPI, only the app starts.

Checked on a copy of the Makefile with stamps as a finished set-up leaves them, and a venv
whose interpreter is a link to a *newer* file — as after an upgrade of the system's Python, which
made the old rule (with .venv/bin/python as its target) rebuild the venv on every run."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
STAMPS = ("apt-runtime", "apt-test", "apt-package", "venv-created", "runtime", "dev")


def _set_up(tmp_path: Path, *, dev: bool) -> Path:
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, tmp_path / name)
    interpreter = tmp_path / "python3.11"
    interpreter.write_text("")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").symlink_to(interpreter)
    stamps = tmp_path / "build" / "stamps"
    stamps.mkdir(parents=True)
    now = time.time()
    for name in STAMPS if dev else STAMPS[:-1]:
        (stamps / name).touch()
        os.utime(stamps / name, (now, now))
    os.utime(interpreter, (now + 3600, now + 3600))  # the system's Python, upgraded since
    return tmp_path


def _dry_run(folder: Path, *args: str) -> list[str]:
    done = subprocess.run(
        ["make", "--no-print-directory", "-n", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.splitlines()


def test_make_demo_only_starts_the_app_when_the_venv_is_up_to_date(tmp_path: Path) -> None:
    folder = _set_up(tmp_path, dev=False)
    assert _dry_run(folder, "demo") == [".venv/bin/vpaphone --demo"]


def test_make_demo_installs_the_runtime_dependencies_only(tmp_path: Path) -> None:
    folder = _set_up(tmp_path, dev=False)
    commands = _dry_run(folder, "-W", "pyproject.toml", "demo")
    assert ".venv/bin/python -m pip install -q -e ." in commands
    assert not [c for c in commands if "[dev]" in c]


def test_make_test_adds_the_dev_tools(tmp_path: Path) -> None:
    folder = _set_up(tmp_path, dev=True)
    commands = _dry_run(folder, "-W", "pyproject.toml", "test")
    assert ".venv/bin/python -m pip install -q -e '.[dev]'" in commands
    assert [c for c in commands if c.startswith("tests/run-tiers .venv/bin/python")]


def test_make_does_not_pass_on_the_callers_python_settings(tmp_path: Path) -> None:
    """The team's shells set these; a user's does not. The suite must see the latter."""
    (tmp_path / "Makefile").write_text(
        (ROOT / "Makefile").read_text() + "\nshow-env:\n\t@env\n", encoding="utf-8"
    )
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        ["make", "--no-print-directory", "-s", "show-env"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    names = {line.split("=", 1)[0] for line in done.stdout.splitlines()}
    assert "PYTHONUNBUFFERED" not in names
    assert "PYTHONDONTWRITEBYTECODE" not in names
