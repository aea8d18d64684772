"""The bridge buffer: FIFO order, bounded fill under drift, counted underruns and drops."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vpaphone.audio.buffer import DriftPolicy, PcmBuffer
from vpaphone.audio.format import FRAME_BYTES, ms_to_bytes


def test_audio_comes_out_in_order() -> None:
    buf = PcmBuffer()
    buf.write(b"\x01\x00\x02\x00")
    buf.write(b"\x03\x00")
    assert buf.read(4) == b"\x01\x00\x02\x00"
    assert buf.read_available(100) == b"\x03\x00"


def test_underrun_pads_with_silence_and_is_counted() -> None:
    buf = PcmBuffer()
    buf.write(b"\x05\x00")
    assert buf.read(6) == b"\x05\x00" + bytes(4)
    stats = buf.stats()
    assert stats.underruns == 1
    assert stats.silence_ms == pytest.approx(2 / 16)  # two samples at the call's 16 kHz


def test_overflow_drops_oldest_down_to_target() -> None:
    buf = PcmBuffer(DriftPolicy(target_ms=20, max_ms=60))
    for i in range(4):  # 80 ms of 20 ms frames, each frame filled with its own number
        buf.write(bytes([i + 1, 0]) * (FRAME_BYTES // 2))
    stats = buf.stats()
    assert stats.drops == 1
    assert stats.fill_ms == pytest.approx(20)
    assert stats.dropped_ms == pytest.approx(60)
    assert buf.read(FRAME_BYTES)[:2] == b"\x04\x00"  # the newest audio survived


def test_clock_drift_keeps_fill_bounded_for_a_long_call() -> None:
    """Producer 1 % faster than consumer for 5 minutes of 20 ms frames: fill stays bounded."""
    policy = DriftPolicy(target_ms=20, max_ms=100)
    buf = PcmBuffer(policy)
    extra = 0.0
    for _ in range(5 * 60 * 50):
        extra += 0.01 * FRAME_BYTES
        chunk = FRAME_BYTES + int(extra) // 2 * 2
        extra -= chunk - FRAME_BYTES
        buf.write(bytes(chunk))
        buf.read(FRAME_BYTES)
        assert buf.fill_ms <= policy.max_ms
    stats = buf.stats()
    assert stats.drops >= 1
    assert stats.peak_fill_ms <= policy.max_ms + 20


def test_rejects_half_samples_and_bad_policies() -> None:
    with pytest.raises(ValueError, match="whole 16-bit samples"):
        PcmBuffer().write(b"\x00")
    with pytest.raises(ValueError, match="target_ms < max_ms"):
        DriftPolicy(target_ms=50, max_ms=40)


@given(st.lists(st.integers(min_value=0, max_value=4000), max_size=60))
def test_fill_never_exceeds_max(sizes: list[int]) -> None:
    policy = DriftPolicy(target_ms=10, max_ms=30)
    buf = PcmBuffer(policy)
    for n in sizes:
        buf.write(bytes(n - n % 2))
        assert buf.fill_ms <= policy.max_ms


def test_concurrent_writer_and_reader_lose_nothing_below_max() -> None:
    buf = PcmBuffer(DriftPolicy(target_ms=50, max_ms=10_000))
    total = ms_to_bytes(2000)
    received = bytearray()

    def writer() -> None:
        for i in range(0, total, 200):
            buf.write(bytes([(i // 200) % 256, 0]) * 100)

    thread = threading.Thread(target=writer)
    thread.start()
    while thread.is_alive() or buf.fill_ms > 0:
        received += buf.read_available(960)
    thread.join()
    assert len(received) == total
    assert buf.stats().underruns == 0
    assert received[200 * 7] == 7


def test_standing_surplus_is_trimmed_to_the_slack_after_a_window() -> None:
    """The producer started 60 ms early and then keeps pace: that 60 ms must not stay latency."""
    policy = DriftPolicy(target_ms=20, max_ms=100, slack_ms=5, trim_window=10)
    buf = PcmBuffer(policy)
    buf.write(bytes(ms_to_bytes(60)))
    for _ in range(10):
        buf.write(bytes(FRAME_BYTES))
        buf.read(FRAME_BYTES)
    stats = buf.stats()
    assert stats.fill_ms == pytest.approx(5)
    assert stats.drops == 1
    assert stats.dropped_ms == pytest.approx(55)
    assert stats.underruns == 0
    for _ in range(20):  # steady state: nothing more is dropped
        buf.write(bytes(FRAME_BYTES))
        buf.read(FRAME_BYTES)
    assert buf.stats().drops == 1
