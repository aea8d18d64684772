"""The audio thread ends before its objects are deleted, however the call audio path goes.

The suite once crashed with heap corruption: `DuplexStream`'s audio thread (and `DeviceIo` with
its QAudioSource/QAudioSink) were deleted from the Qt thread while that thread still ran them
(see docs/audio.md). Run in a child process, so that an abort fails this test, not the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.pulseaudio import PulseServer

pytestmark = [pytest.mark.pulseaudio]

ROOT = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("teardown_child.py")
ROUNDS = 4  # 12 paths opened and deleted while running, ~4 s


def test_audio_paths_deleted_while_running_end_their_thread_first(pulse: PulseServer) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MALLOC_CHECK_": "3", "PYTHONFAULTHANDLER": "1"}
    done = subprocess.run(
        [sys.executable, "-X", "dev", str(CHILD), str(ROUNDS)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
        check=False,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 0, out[-3000:]
    assert "DONE" in done.stdout
    for symptom in ("from another thread", "Destroyed while thread", "corrupt", "Fatal"):
        assert symptom not in out, out[-3000:]
