"""`VoiceStage`: between the devices (48 kHz) and the call (16 kHz), on the audio thread.

Microphone: whole 10 ms blocks are resampled to 16 kHz and cleaned by WebRTC's audio processing
(`pywebrtc_audio.AudioProcessor`: high-pass filter, AEC3 echo canceller, noise suppressor, AGC2
gain control; docs/audio.md says why this library), then go to the uplink buffer.
Speaker: 10 ms blocks from the downlink buffer are resampled to 48 kHz for the device and kept,
in the order they were handed to the device, as the canceller's reference. Each microphone block
is processed together with the next reference block, so the echo reaches the canceller a fixed
time after its reference did: the sink's buffer plus the sound system's latency plus the acoustic
path, which AEC3's delay estimator finds. (No delay hint is passed: updating it as the sink's
queue moved made the canceller lose the echo in some calls of the suite, 9-15 dB instead of
41-51 dB at 150 ms; AEC3 finds the delay from the signals within ~1.5 s.)

Plain Python (numpy and the APM's C++ with the GIL released): no Qt, never called from pjmedia's
clock thread, which only touches the two buffers.
"""

from __future__ import annotations

import collections
import logging
import time
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from pywebrtc_audio import AudioProcessor

from vpaphone.audio.buffer import PcmBuffer
from vpaphone.audio.format import BLOCK_MS, CALL_RATE, DEVICE_BLOCK_BYTES, SAMPLE_BYTES
from vpaphone.audio.resample import FACTOR, Downsampler, Upsampler, to_int16
from vpaphone.audio.settings import ProcessingChoice

log = logging.getLogger(__name__)

BLOCK = CALL_RATE * BLOCK_MS // 1000  # samples per 10 ms block at the call rate
NS_LEVEL = 1  # WebRTC NS: 0-3 = 6/12/18/21 dB of suppression at most (measured: docs/audio.md)
AGC_MAX_GAIN_DB = 12.0  # a quiet headset is lifted; residual echo and noise are not boosted more
# Reference blocks waiting for their microphone block. The microphone and the speaker deliver and
# take audio in their own chunks, so the queue's length jitters by a few blocks; the reference is
# only drawn once PREFILL blocks wait, so that jitter never empties it (each empty draw, or each
# block dropped above the maximum, shifts the reference by 10 ms against the echo and the
# canceller must find the delay again: seen in the suite as 3 dB less echo cancellation).
# The canceller then sees the echo PREFILL blocks earlier than it arrives: it still comes after
# its reference, because the sink's queue alone (SINK_BUFFER_MS) holds more than that.
PREFILL_BLOCKS = 3
MAX_REFERENCE_BLOCKS = 20  # only different device clocks (100 ppm: one block in 100 s) get here
# Silence played before a call's first audio. pjmedia hands the downlink 20 ms at a time while the
# sink drains continuously: a call whose first frame went to the sink at once ran it empty before
# each next frame, and every such underrun moved the echo against its reference by a fraction
# of a millisecond (measured: 60.2 -> 61.2 ms in one call, ERLE 20 dB; calls without underruns
# kept their delay to 0.1 ms, 42-49 dB). The cushion keeps the sink a frame ahead all call long.
PLAYOUT_CUSHION_MS = 20
CUSHION = CALL_RATE * PLAYOUT_CUSHION_MS // 1000

Int16s = npt.NDArray[np.int16]


@dataclass(frozen=True, slots=True)
class VoiceStats:
    blocks: int  # microphone blocks processed
    reference_missing: int  # times the reference queue ran empty mid-call (a 10 ms shift each)
    reference_dropped: int  # reference blocks dropped (device clocks apart)
    processing_ms: float  # mean APM time per 10 ms block
    echo_cancellation: bool
    noise_suppression: bool
    high_pass_filter: bool
    auto_gain: bool


class VoiceStage:
    """Owned by the audio thread: `capture` the microphone, `playout` the speaker."""

    def __init__(self, uplink: PcmBuffer, downlink: PcmBuffer, choice: ProcessingChoice) -> None:
        self.uplink = uplink
        self.downlink = downlink
        self._down = Downsampler()
        self._up = Upsampler()
        self._mic = bytearray()  # device-rate bytes short of a whole block
        self._reference: collections.deque[Int16s] = collections.deque()
        self._played: Int16s = np.zeros(0, dtype=np.int16)  # played, short of a whole block
        self._drawing = False  # the reference queue has been filled to PREFILL_BLOCKS
        self._cushion_left = CUSHION  # silence still to play before the call's first audio
        self._apm: AudioProcessor | None = None
        self._blocks = self._missing = self._dropped = 0
        self._apm_seconds = 0.0
        self.choice = ProcessingChoice()
        self.configure(choice)

    # -- configuration -------------------------------------------------------------------------

    def configure(self, choice: ProcessingChoice) -> None:
        """Applies a new choice (a fresh processor: its adaptation starts over)."""
        self.choice = choice
        self._reference.clear()
        self._played = np.zeros(0, dtype=np.int16)
        self._drawing = False
        if not choice.any:
            self._apm = None
            return
        self._apm = AudioProcessor(
            sample_rate=CALL_RATE,
            echo_cancellation=choice.echo_cancellation,
            noise_suppression=choice.noise_suppression,
            high_pass_filter=choice.high_pass_filter,
            auto_gain_control=choice.auto_gain,
            ns_level=NS_LEVEL,
            agc_max_gain_db=AGC_MAX_GAIN_DB,
        )

    def reset(self) -> None:
        """A new call: no audio of the last one stays in the filters or the queues."""
        self._mic.clear()
        self._down = Downsampler()
        self._up = Upsampler()
        self._blocks = self._missing = self._dropped = 0
        self._apm_seconds = 0.0
        self._cushion_left = CUSHION
        self.configure(self.choice)

    # -- audio ---------------------------------------------------------------------------------

    def capture(self, pcm: bytes) -> None:
        """Microphone audio at the device rate, any amount: whole blocks go to the uplink."""
        self._mic += pcm
        blocks = len(self._mic) // DEVICE_BLOCK_BYTES
        if not blocks:
            return
        size = blocks * DEVICE_BLOCK_BYTES
        samples = np.frombuffer(bytes(self._mic[:size]), dtype="<i2").astype(np.float32)
        del self._mic[:size]
        near = to_int16(self._down.process(samples))
        apm = self._apm
        if apm is not None:
            began = time.perf_counter()
            if self.choice.echo_cancellation:
                near = apm.process(near, self._reference_for(blocks))
            else:
                near = apm.process(near)
            self._apm_seconds += time.perf_counter() - began
        self._blocks += blocks
        self.uplink.write(near.tobytes())

    def playout(self, max_bytes: int) -> bytes:
        """Up to `max_bytes` of speaker audio at the device rate ("" if none is waiting).

        As much as the sink has room for, not whole blocks only: a sink that frees less than a
        block between two pumps would otherwise let the downlink fill up (latency).
        """
        room = max_bytes // (FACTOR * SAMPLE_BYTES)
        waiting = self.downlink.fill_bytes // SAMPLE_BYTES
        if room <= 0 or waiting <= 0:
            return b""
        cushion = min(self._cushion_left, room)
        self._cushion_left -= cushion
        samples = min(room - cushion, waiting)
        far = np.frombuffer(self.downlink.read_available(samples * SAMPLE_BYTES), dtype="<i2")
        if cushion:  # played, so part of the reference too
            far = np.concatenate((np.zeros(cushion, dtype=np.int16), far))
        if self._apm is not None and self.choice.echo_cancellation:
            self._played = np.concatenate((self._played, far)) if len(self._played) else far
            whole = len(self._played) // BLOCK * BLOCK
            for i in range(0, whole, BLOCK):
                self._reference.append(self._played[i : i + BLOCK])
            self._played = self._played[whole:]
            while len(self._reference) > MAX_REFERENCE_BLOCKS:
                self._reference.popleft()
                self._dropped += 1
        return to_int16(self._up.process(far.astype(np.float32))).tobytes()

    def discard_downlink(self) -> None:
        """No speaker: the call's audio goes nowhere (and so is no echo)."""
        self.downlink.clear()

    def _reference_for(self, blocks: int) -> Int16s:
        parts: list[Int16s] = []
        for _ in range(blocks):
            if not self._drawing and len(self._reference) >= PREFILL_BLOCKS:
                self._drawing = True
            if self._drawing and self._reference:
                parts.append(self._reference.popleft())
                continue
            if self._drawing:  # the speaker starved (or the clocks drifted): fill up again
                self._drawing = False
                self._missing += 1
            parts.append(np.zeros(BLOCK, dtype=np.int16))  # nothing played yet: silence
        return parts[0] if blocks == 1 else np.concatenate(parts)

    # -- figures -------------------------------------------------------------------------------

    def stats(self) -> VoiceStats:
        choice = self.choice
        return VoiceStats(
            blocks=self._blocks,
            reference_missing=self._missing,
            reference_dropped=self._dropped,
            processing_ms=self._apm_seconds * 1000 / self._blocks if self._blocks else 0.0,
            echo_cancellation=choice.echo_cancellation,
            noise_suppression=choice.noise_suppression,
            high_pass_filter=choice.high_pass_filter,
            auto_gain=choice.auto_gain,
        )
