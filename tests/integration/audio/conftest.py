"""Fixtures for call-audio tests: private PulseAudio, a far-end pjsua2 peer, our bridge + phone."""

from __future__ import annotations

import subprocess
import sys
import threading
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.pulseaudio import DIE_WITH_PARENT, PulseServer
from tests.integration.audio.localphone import LocalPhone
from vpaphone.audio.bridge import CallAudioBridge
from vpaphone.audio.settings import DeviceChoice

PEER_SCRIPT = Path(__file__).parents[2] / "fixtures" / "pjsua_peer.py"


@dataclass
class Peer:
    process: subprocess.Popen[str]
    port: int
    recording: Path

    @property
    def uri(self) -> str:
        return f"sip:peer@127.0.0.1:{self.port}"

    def stop(self) -> None:
        """Ends the peer cleanly so that its recording is a complete WAV file."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


@pytest.fixture
def far_end(tmp_path: Path) -> Iterator[Callable[..., Peer]]:
    peers: list[Peer] = []

    def start(tone_hz: int = 0, ring_ms: int = 0, reply: int = 0, play: Path | None = None) -> Peer:
        recording = tmp_path / f"far-end-{len(peers)}.wav"
        proc = subprocess.Popen(
            [
                *DIE_WITH_PARENT,
                sys.executable,
                str(PEER_SCRIPT),
                "--record",
                str(recording),
                f"--tone-hz={tone_hz}",
                f"--ring-ms={ring_ms}",
                f"--reply={reply}",
                *([f"--play={play}"] if play is not None else []),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert proc.stdout is not None
        seen: list[str] = []
        for line in proc.stdout:  # pjlib prints a banner before logging is configured
            seen.append(line)
            if line.startswith("READY "):
                break
        else:
            proc.kill()
            raise RuntimeError(f"far-end peer did not start: {''.join(seen)}")
        # Keep draining its output so that it never blocks on a full pipe.
        threading.Thread(target=proc.stdout.read, daemon=True).start()
        peer = Peer(proc, int(line.split()[1]), recording)
        peers.append(peer)
        return peer

    yield start
    for peer in peers:
        peer.stop()


@pytest.fixture
def phone(pulse: PulseServer, qtbot: QtBot) -> Iterator[LocalPhone]:
    """Our side: the bridge on the headset/headset-mic, driven by a local pjsua2 endpoint."""
    bridge = CallAudioBridge(DeviceChoice(microphone="headset_mic", speaker="headset"))
    local = LocalPhone(bridge)
    yield local
    local.close()
    bridge.deleteLater()


def wait_connected(qtbot: QtBot, phone: LocalPhone, timeout_ms: int = 5000) -> None:
    qtbot.waitUntil(lambda: phone.bridge.active_calls == 1, timeout=timeout_ms)
    qtbot.waitUntil(lambda: phone.bridge.stream.running, timeout=timeout_ms)


def pcm_to_array(pcm: bytes) -> np.ndarray:
    return np.frombuffer(pcm[: len(pcm) - len(pcm) % 2], dtype="<i2").astype(np.float64)


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        data = wav.readframes(wav.getnframes())
    return pcm_to_array(data), rate


def dominant_hz(samples: np.ndarray, rate: int) -> float:
    window = samples * np.hanning(len(samples))
    spectrum = np.abs(np.fft.rfft(window))
    spectrum[: int(50 * len(samples) / rate)] = 0  # ignore DC and hum
    return float(np.argmax(spectrum) * rate / len(samples))


def rms_dbfs(samples: np.ndarray) -> float:
    rms = float(np.sqrt(np.mean(samples**2))) if len(samples) else 0.0
    return 20 * np.log10(max(rms, 1e-9) / 32768)


def loudest_second(samples: np.ndarray, rate: int) -> np.ndarray:
    """The one-second window with the most energy (where the tone is, whatever the set-up time)."""
    if len(samples) <= rate:
        return samples
    energy = np.convolve(samples**2, np.ones(rate // 10), mode="valid")[:: rate // 10]
    start = int(np.argmax(np.convolve(energy, np.ones(10), mode="valid"))) * (rate // 10)
    return samples[start : start + rate]


def tone_pcm(hz: float, seconds: float, rate: int = 48000, amplitude: float = 0.5) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    return (np.sin(2 * np.pi * hz * t) * amplitude * 32767).astype("<i2").tobytes()


def pump(qtbot: QtBot, seconds: float) -> None:
    """Lets the Qt loop (and with it pjsua2 and the bridge) run for a while."""
    qtbot.wait(int(seconds * 1000))
