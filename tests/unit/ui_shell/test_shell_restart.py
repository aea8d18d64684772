"""Restarting the app: the command for each kind of installation, and a restart that cannot
start says so instead of failing at exit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from vpaphone.ui.restart import relaunch, relaunch_command


def test_a_bundle_restarts_its_own_executable_in_the_same_mode(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundle = str(tmp_path / "vpaphone")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", bundle)
    assert relaunch_command(()) == [bundle]
    assert relaunch_command(("--demo",)) == [bundle, "--demo"]


def test_a_removed_installation_is_reported_not_raised(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """E.g. an update replaced the interpreter while the app ran."""
    monkeypatch.setattr(sys, "executable", str(tmp_path / "gone" / "python3"))
    assert relaunch(()) is None
    err = capsys.readouterr().err
    assert "could not start again" in err
    assert "please start it yourself" in err
