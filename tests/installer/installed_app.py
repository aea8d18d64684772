"""An installed `vpaphone` (from the wheel in a fresh venv, or from the .deb in a fresh Debian
root), started and used as a person does: the window on an X server, keys typed through xdotool,
what happened read from the app's log and heard through PulseAudio.

`demo_call` is the whole check the installed forms share: sign in, dial, hear your own voice
come back from the demo customer (it echoes after one second), hang up.
"""

from __future__ import annotations

import contextlib
import queue
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.fixtures.pulseaudio import PulseServer
from tests.fixtures.xserver import XServer
from tests.integration.audio.conftest import dominant_hz, pcm_to_array, rms_dbfs, tone_pcm

WINDOW_TITLE = "my-vpa Softphone"
TONE_HZ = 1000
RATE = 48000


@dataclass
class InstalledApp:
    """A running installed app: its process, its stdout lines, its log file."""

    process: subprocess.Popen[str]
    log_file: Path
    clean_up: Callable[[], None]  # ends whatever the app left running
    _lines: queue.Queue[str] = field(default_factory=queue.Queue)
    seen: list[str] = field(default_factory=list)
    log_start: int = 0  # what an earlier run left in the log file is not this run's

    def __post_init__(self) -> None:
        threading.Thread(target=self._read, daemon=True).start()

    @classmethod
    def start(
        cls,
        argv: list[str],
        env: dict[str, str] | None,  # None: this process's (a chroot sets its own inside)
        log_file: Path,
        clean_up: Callable[[], None],
        cwd: Path | None = None,
    ) -> InstalledApp:
        """Starts the app in a process group of its own, stdout read line by line."""
        log_start = len(log_file.read_bytes()) if log_file.exists() else 0
        process = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        return cls(process, log_file, clean_up, log_start=log_start)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line)

    def wait_stdout(self, text: str, timeout_s: float = 60) -> str:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with contextlib.suppress(queue.Empty):
                line = self._lines.get(timeout=0.5)
                self.seen.append(line)
                if text in line:
                    return line
            if self.process.poll() is not None and self._lines.empty():
                break
        raise AssertionError(f"{text!r} not printed; stdout so far:\n{''.join(self.seen)}")

    def log(self) -> str:
        try:
            return self.log_file.read_bytes().decode("utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def wait_log(self, text: str, timeout_s: float = 60, *, after: int | None = None) -> str:
        """The first log line holding `text` written after position `after` (default: since
        this run started)."""
        start = self.log_start if after is None else after
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for line in self.log()[start:].splitlines():
                if text in line:
                    return line
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(f"{text!r} not logged within {timeout_s:.0f} s; log:\n{self.log()}")

    def stop(self, timeout_s: float = 30) -> int:
        """SIGTERM (the app quits like its Quit menu), as a session ending does; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout_s)

    def close(self) -> None:
        """After the test, whatever happened: the app and anything it left are gone."""
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.stop(timeout_s=10)
        self.clean_up()
        if self.process.stdout is not None:
            self.process.stdout.close()


def sign_in(app: InstalledApp, x: XServer, *, user: str | None, password: str) -> str:
    """Types the credentials into the sign-in form; returns the window id once signed in.

    `user=None`: the form knows the user already (the demo's) and waits in the password field.
    """
    window = x.wait_window(WINDOW_TITLE)
    app.wait_log("ready for sign-in")
    x.focus(window)
    if user is not None:
        x.type(user)
        x.key("Tab")
    x.type(password)
    x.key("Return")
    app.wait_log("signed in to my-vpa")
    return window


def call_and_hear_the_echo(
    app: InstalledApp, x: XServer, pulse: PulseServer | None, *, number: str | None
) -> None:
    """Dials (`number`, or what is already in the number field), checks the call connects and,
    with `pulse`, that a tone spoken into the microphone comes back through the speakers; hangs
    up with the Teams keys."""
    start = len(app.log())
    x.key("ctrl+l")  # to the number field
    if number is not None:
        x.type(number)
    x.key("Return")
    app.wait_log("dialling", after=start)
    app.wait_log("call audio active", after=start, timeout_s=30)
    if pulse is not None:
        assert_echo(pulse)
    x.key("ctrl+shift+h")
    app.wait_log("ended: completed", after=start, timeout_s=30)


def assert_echo(pulse: PulseServer, timeout_s: float = 20) -> None:
    """Speak a 1 kHz tone into the default microphone; it must come back on the default speakers
    (the demo customer echoes what it hears after one second)."""
    recording = pulse.start_recording("speakers.monitor")
    player = pulse.play("mic_feed_desk", tone_pcm(TONE_HZ, 3.0, RATE, amplitude=0.3))
    heard_hz, level = 0.0, -200.0
    try:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            samples = pcm_to_array(recording.path.read_bytes())
            if len(samples) >= RATE // 2:
                last = samples[-RATE // 2 :]
                heard_hz, level = dominant_hz(last, RATE), rms_dbfs(last)
                if abs(heard_hz - TONE_HZ) < 20 and level > -40:
                    return
            time.sleep(0.2)
    finally:
        player.terminate()
        player.wait(timeout=10)
        recording.stop()
    raise AssertionError(
        f"the echo of the {TONE_HZ} Hz tone never came back (last: {heard_hz:.0f} Hz, "
        f"{level:.0f} dBFS)"
    )
