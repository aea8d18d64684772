"""How the app starts in two states an installation brings: files missing from it, and a login
start ("Start when I log in", `--minimized`), with and without a system tray."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.fixtures.xserver import XServer, xvfb
from tests.installer.installed_app import WINDOW_TITLE, InstalledApp
from vpaphone.shipped import check_resources
from vpaphone.ui.broken_install import EXIT_BROKEN_INSTALLATION, report_broken_installation

pytestmark = [pytest.mark.gui, pytest.mark.slow]

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def test_missing_files_are_shown_in_a_window_and_logged(
    tmp_path: Path, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "resources"
    shutil.copytree(RESOURCES, broken)
    (broken / "sounds" / "ringtone.wav").unlink()
    shown: list[QMessageBox] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, read_and_close)
            return
        shown.append(box)
        box.defaultButton().click()  # Close, the one button

    QTimer.singleShot(0, read_and_close)
    assert report_broken_installation(check_resources(broken)) == EXIT_BROKEN_INSTALLATION
    (box,) = shown
    assert box.icon() == QMessageBox.Icon.Critical
    assert "cannot start" in box.text()
    assert str(broken) in box.informativeText()
    assert "sounds/ringtone.wav" in box.informativeText()
    assert "sounds/ringtone.wav" in caplog.text
    assert "reinstall" in caplog.text


@contextlib.contextmanager
def _app(tmp_path: Path, x: XServer, *args: str) -> Iterator[InstalledApp]:
    env = {
        **os.environ,
        **x.env,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    log = tmp_path / "state" / "vpaphone" / "log" / "vpaphone.log"
    app = InstalledApp.start(
        [sys.executable, "-m", "vpaphone.cli", *args],
        env,
        log,
        lambda: _kill_group(app.process.pid),
    )
    try:
        yield app
    finally:
        app.close()


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, 9)


@pytest.mark.keyring
def test_a_login_start_goes_to_the_tray_and_comes_back_on_a_second_start(tmp_path: Path) -> None:
    with xvfb() as x:
        x.add_tray()
        with _app(tmp_path, x, "--demo", "--minimized") as app:
            app.wait_log("ready for sign-in")
            assert x.visible_windows(WINDOW_TITLE) == []  # only the tray icon
            second = subprocess.run(
                [sys.executable, "-m", "vpaphone.cli", "--demo"],
                env={
                    **os.environ,
                    **x.env,
                    "QT_QPA_PLATFORM": "xcb",
                    "XDG_DATA_HOME": str(tmp_path / "data"),
                },
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert "already running" in second.stdout
            x.wait_window(WINDOW_TITLE)  # shown by the running instance
            assert app.stop() == 0


@pytest.mark.keyring
def test_without_a_tray_a_login_start_shows_the_window_minimized(tmp_path: Path) -> None:
    with xvfb() as x, _app(tmp_path, x, "--demo", "--minimized") as app:
        app.wait_log("ready for sign-in")  # logged after the window was told how to show
        windows = _all_windows(x)
        assert [w for w in windows if x.asks_to_be_minimized(w)] != []
        assert app.stop() == 0


@pytest.mark.keyring
def test_a_normal_start_does_not_ask_to_be_minimized(tmp_path: Path) -> None:
    """The check above can tell: a plain start's window asks for no such thing."""
    with xvfb() as x, _app(tmp_path, x, "--demo") as app:
        window = x.wait_window(WINDOW_TITLE)
        app.wait_log("ready for sign-in")
        assert not x.asks_to_be_minimized(window)
        assert app.stop() == 0


def _all_windows(x: XServer) -> list[str]:
    done = subprocess.run(
        ["xdotool", "search", "--name", WINDOW_TITLE],
        env={**os.environ, **x.env},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    return done.stdout.split()
