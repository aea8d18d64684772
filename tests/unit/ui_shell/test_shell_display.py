"""The display check that runs before Qt: one clear line instead of Qt's plugin dump."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from vpaphone.ui.display import display_problem


@pytest.fixture(autouse=True)
def _linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")


def test_no_display_variables_is_a_problem_with_a_way_out() -> None:
    problem = display_problem({})
    assert problem is not None
    assert "no display found" in problem
    assert "apt-get install xvfb, then put xvfb-run in front of the command" in problem
    assert "\n" not in problem


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc:size=800x600"])
def test_headless_qt_platforms_need_no_display(platform: str) -> None:
    assert display_problem({"QT_QPA_PLATFORM": platform}) is None


def test_wayland_session_is_fine() -> None:
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None


def test_x_display_without_its_socket_is_named(tmp_path: Path) -> None:
    problem = display_problem({"DISPLAY": ":987"})
    assert problem is not None
    assert ":987 does not answer" in problem


def test_remote_x_display_is_left_to_qt() -> None:
    assert display_problem({"DISPLAY": "otherhost:0"}) is None


def test_other_systems_are_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert display_problem({}) is None
