"""With no sound system at all, tones are silently skipped: a call never fails over a tone."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication
from vpaphone.audio.settings import DeviceChoice
from vpaphone.audio.tones import Tone, TonePlayer

app = QApplication([])
player = TonePlayer(DeviceChoice())
player.play(Tone.RINGBACK)
print("playing" if player.is_playing() else "silent", player.current)
player.stop()
player.play(Tone.BUSY)
player.stop()
print("done")
"""


def test_tone_player_without_any_output_device() -> None:
    env = dict(os.environ, PULSE_SERVER="unix:/nonexistent/pulse", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[:2] == ["silent None", "done"]
