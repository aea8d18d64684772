"""Bounded, thread-safe PCM buffer between two audio clocks.

pjmedia's clock (null device) and the sound card's clock never run at exactly the same speed, so
one side slowly produces more than the other consumes. The named policy (`DriftPolicy`) keeps the
delay bounded instead of letting it grow for the length of the call:

- overflow: when the fill passes `max_ms`, the oldest audio is dropped down to `target_ms`
  (one audible skip of at most `max_ms - target_ms`, counted in `dropped_ms`);
- underrun: a read that finds too little audio gets what there is followed by silence
  (counted in `underruns` / `silence_ms`); nothing else is ever invented;
- standing delay: when, over a whole `trim_window` of fixed-size reads, the buffer never ran
  lower than `slack_ms` after a read, the audio it never needed is dropped from the head (one
  skip of that size, counted as a drop). This keeps a start-up surplus (the producer began
  before the consumer) from staying in the call as latency.

Plain Python (no Qt, no pjsua2): both sides only call `write`/`read` under one lock, which is safe
from pjmedia's clock thread.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from vpaphone.audio.format import SAMPLE_BYTES, bytes_to_ms, ms_to_bytes


@dataclass(frozen=True, slots=True)
class DriftPolicy:
    """How much audio the buffer may hold. Both values are milliseconds."""

    target_ms: float = 40.0
    max_ms: float = 100.0
    slack_ms: float = 5.0  # the least audio kept after a read, against the producer's jitter
    trim_window: int = 50  # reads (of 20 ms: one second) watched before trimming

    def __post_init__(self) -> None:
        if not 0 <= self.target_ms < self.max_ms:
            raise ValueError(
                f"drift policy needs 0 <= target_ms < max_ms, got {self.target_ms}/{self.max_ms}"
            )
        if self.slack_ms < 0 or self.trim_window < 1:
            raise ValueError("drift policy needs slack_ms >= 0 and trim_window >= 1")


@dataclass(frozen=True, slots=True)
class BufferStats:
    fill_ms: float
    peak_fill_ms: float
    underruns: int
    silence_ms: float
    drops: int
    dropped_ms: float


class PcmBuffer:
    """FIFO of 16-bit PCM bytes with the drift policy above."""

    def __init__(self, policy: DriftPolicy | None = None) -> None:
        self.policy = policy or DriftPolicy()
        self._max = ms_to_bytes(self.policy.max_ms)
        self._target = ms_to_bytes(self.policy.target_ms)
        self._slack = ms_to_bytes(self.policy.slack_ms)
        self._window_reads = 0
        self._window_low: int | None = None
        self._data = bytearray()
        self._lock = threading.Lock()
        self._peak = 0
        self._underruns = 0
        self._silence = 0
        self._drops = 0
        self._dropped = 0

    def write(self, pcm: bytes) -> None:
        if len(pcm) % SAMPLE_BYTES:
            raise ValueError(f"PCM chunk of {len(pcm)} bytes is not whole 16-bit samples")
        with self._lock:
            self._data += pcm
            size = len(self._data)
            if size > self._max:
                excess = size - self._target
                del self._data[:excess]
                self._drops += 1
                self._dropped += excess
            self._peak = max(self._peak, len(self._data))

    def read(self, nbytes: int) -> bytes:
        """Exactly `nbytes`: buffered audio, then silence if there was not enough (an underrun)."""
        with self._lock:
            have = min(nbytes, len(self._data))
            out = bytes(self._data[:have])
            del self._data[:have]
            if have < nbytes:
                self._underruns += 1
                self._silence += nbytes - have
            self._trim_standing_delay()
        if have < nbytes:
            out += bytes(nbytes - have)
        return out

    def _trim_standing_delay(self) -> None:
        """Called under the lock after each fixed-size read."""
        left = len(self._data)
        self._window_low = left if self._window_low is None else min(self._window_low, left)
        self._window_reads += 1
        if self._window_reads < self.policy.trim_window:
            return
        surplus = self._window_low - self._slack
        surplus -= surplus % SAMPLE_BYTES
        if surplus > 0:
            del self._data[:surplus]
            self._drops += 1
            self._dropped += surplus
        self._window_reads = 0
        self._window_low = None

    def read_available(self, max_bytes: int) -> bytes:
        """Up to `max_bytes` of buffered audio (whole samples), never padded."""
        with self._lock:
            have = min(max_bytes, len(self._data))
            have -= have % SAMPLE_BYTES
            out = bytes(self._data[:have])
            del self._data[:have]
        return out

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    @property
    def fill_bytes(self) -> int:
        with self._lock:
            return len(self._data)

    @property
    def fill_ms(self) -> float:
        with self._lock:
            return bytes_to_ms(len(self._data))

    def stats(self) -> BufferStats:
        with self._lock:
            return BufferStats(
                fill_ms=bytes_to_ms(len(self._data)),
                peak_fill_ms=bytes_to_ms(self._peak),
                underruns=self._underruns,
                silence_ms=bytes_to_ms(self._silence),
                drops=self._drops,
                dropped_ms=bytes_to_ms(self._dropped),
            )
