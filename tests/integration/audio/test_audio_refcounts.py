"""A running call's audio path must not leak references to None/True.

Measured on PySide6 6.12.0 with CPython 3.11 (why pyproject pins PySide6 below 6.12): every void
method called from Python dropped a reference to None and every Signal.emit() one to True; with
no immortal objects in 3.11 the process aborts ("deallocating None") after some thousands of
calls. The bridge runs ~100 times a second for the length of a call, so it would be first to
crash; this test catches that bug (or any like it) coming back.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from tests.integration.audio.conftest import Peer, wait_connected
from tests.integration.audio.localphone import LocalPhone

pytestmark = [pytest.mark.pulseaudio]


def test_call_audio_keeps_none_and_true_alive(
    phone: LocalPhone, far_end: Callable[..., Peer], qtbot: QtBot
) -> None:
    peer = far_end(1000)
    phone.dial(peer.uri)
    wait_connected(qtbot, phone)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    # One long wait: qtbot.wait's own polling is made of void calls too.
    qtbot.wait(2000)
    # 2 s: ~200 pump runs, ~200 frame callbacks, ~40 meter signals; normal drift is +-10.
    assert sys.getrefcount(None) - none_before > -20
    assert sys.getrefcount(True) - true_before > -20
