"""Qt Multimedia runs without its media backend: audio works, FFmpeg and QtQuick stay unloaded.

The app only needs what Qt Multimedia implements itself (devices, sinks, sources, sound
effects); the FFmpeg backend plugin would add ~12 MB resident (libavcodec, QtQuick, QML).
Checked in a fresh process: Qt chooses its backend once per process.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.fixtures.pulseaudio import PulseServer
from tests.integration.audio.conftest import dominant_hz, pcm_to_array, rms_dbfs

pytestmark = [pytest.mark.pulseaudio]

CHILD = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from vpaphone.audio.settings import DeviceChoice
from vpaphone.audio.status import AudioStatusWatcher
from vpaphone.audio.tones import Tone, TonePlayer

app = QApplication([])
watcher = AudioStatusWatcher(DeviceChoice())  # the main window's audio line
player = TonePlayer(DeviceChoice(ringer="headset"))
player.play(Tone.RINGTONE)
QTimer.singleShot(1500, app.quit)
app.exec()
maps = open("/proc/self/maps").read()
print("DEVICES", watcher.status.inputs, watcher.status.outputs)
print("PLAYING", player.is_playing())
print("LOADED", "libavcodec" in maps, "libQt6Quick" in maps)
"""


def test_audio_works_without_the_ffmpeg_backend(pulse: PulseServer) -> None:
    recording = pulse.start_recording("headset.monitor")
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    samples = pcm_to_array(recording.stop())
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert lines["DEVICES"] == "2 4"  # the fixture's two mics and four sinks
    assert lines["PLAYING"] == "True"
    assert lines["LOADED"] == "False False"  # neither FFmpeg nor QtQuick in the process
    assert "No QtMultimedia backends found" not in done.stderr  # a log IT would worry about
    assert dominant_hz(samples, 48000) == pytest.approx(880, rel=0.02)  # the ringtone played
    assert rms_dbfs(samples) > -30
