"""The demo customer answers calls to any number and echoes the caller after about 1 s."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from tests.fixtures.demo_server import PeerProcess
from tests.integration.myvpa.sip_probe import RATE, call_and_record

pytestmark = pytest.mark.slow


def _dominant_hz(samples: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(samples.astype(np.float64)))
    return float(np.fft.rfftfreq(len(samples), 1 / RATE)[int(np.argmax(spectrum[1:])) + 1])


@pytest.mark.parametrize("number", ["+4930123456", "+12125550123"])
def test_peer_answers_any_number_and_echoes_after_a_second(
    demo_peer: PeerProcess, number: str
) -> None:
    result = call_and_record(demo_peer.port, number=number, tone_s=0.5, listen_s=3.0)
    assert result.answered
    loud = [t for t, e in zip(result.arrival, result.energy, strict=True) if e > 1000]
    assert loud, "no echo came back"
    assert 0.8 <= loud[0] <= 1.6  # the tone started at 0 s: echo about 1 s later
    assert 0.3 <= loud[-1] - loud[0] <= 0.7  # as long as the 0.5 s tone
    quiet = [e for t, e in zip(result.arrival, result.energy, strict=True) if t < 0.7]
    assert max(quiet) < 100  # nothing before the delay: not a plain loop-back
    echoed = np.concatenate(
        [result.received[i * 160 : (i + 1) * 160] for i, e in enumerate(result.energy) if e > 1000]
    )
    assert abs(_dominant_hz(echoed) - 1000) < 30  # the caller's own tone
    assert demo_peer.process.poll() is None  # still running for the next call


def test_peer_shuts_down_cleanly_after_calls(demo_peer: PeerProcess) -> None:
    for _ in range(3):
        assert call_and_record(demo_peer.port, tone_s=0.1, listen_s=0.5).answered
    demo_peer.process.terminate()
    # 0, not an abort (pjmedia asserts if a media port outlives the library)
    assert demo_peer.process.wait(timeout=15) == 0, demo_peer.log_path.read_text()


def test_peer_shuts_down_cleanly_in_the_middle_of_a_call(demo_peer: PeerProcess) -> None:
    outcome: list[object] = []

    def caller() -> None:
        try:
            outcome.append(call_and_record(demo_peer.port, listen_s=2.5))
        except TimeoutError as exc:  # the BYE finds nobody: the peer is gone
            outcome.append(exc)

    thread = threading.Thread(target=caller)
    thread.start()
    time.sleep(1.0)  # the call is up and echoing
    demo_peer.process.terminate()
    assert demo_peer.process.wait(timeout=15) == 0, demo_peer.log_path.read_text()
    thread.join(timeout=15)
    assert outcome


def test_a_dead_demo_customer_is_started_again() -> None:
    """Issue 15: the demo customer died (15 min after a transfer) and every later demo call
    failed while the header said "Ready". `vpaphone --demo` now keeps it running."""
    from tests.fixtures.demo_server import free_udp_port
    from vpaphone.demo.backend import PeerKeeper

    keeper = PeerKeeper(free_udp_port())
    try:
        first = keeper.peer
        first.kill()  # as a crash would
        deadline = time.monotonic() + 30
        while keeper.peer is first and time.monotonic() < deadline:
            time.sleep(0.1)
        assert keeper.peer is not first, "not started again"
        assert keeper.peer.poll() is None
        assert call_and_record(keeper.port, tone_s=0.1, listen_s=0.5).answered
    finally:
        keeper.stop()
    assert keeper.peer.poll() is not None  # stopped with the backend
