"""The PCM formats of the call audio: 16-bit mono at two rates.

- `DEVICE_RATE` (48 kHz): what PulseAudio, WASAPI and CoreAudio devices run at natively, so
  Qt's streams need no resampling.
- `CALL_RATE` (16 kHz): pjmedia's conference clock (the engine's default) and G.722's rate, at
  which the bridge port, its buffers and the voice processing (`voice.VoiceStage`) run. The
  audio is resampled once, between the devices and the voice stage (`resample`), instead of
  in pjmedia's conference bridge.
"""

from __future__ import annotations

DEVICE_RATE = 48_000
CALL_RATE = 16_000
CHANNELS = 1
SAMPLE_BYTES = 2
FRAME_MS = 20  # pjmedia's frame period for the bridge port
BLOCK_MS = 10  # the voice processing's frame (WebRTC's audio processing works in 10 ms)


def ms_to_bytes(ms: float, rate: int = CALL_RATE) -> int:
    """Bytes for `ms` milliseconds at `rate`, rounded down to a whole sample."""
    return int(rate * ms / 1000) * SAMPLE_BYTES * CHANNELS


def bytes_to_ms(nbytes: int, rate: int = CALL_RATE) -> float:
    return nbytes / (SAMPLE_BYTES * CHANNELS) * 1000 / rate


FRAME_BYTES = ms_to_bytes(FRAME_MS)  # one bridge-port frame at the call rate
BLOCK_BYTES = ms_to_bytes(BLOCK_MS)  # one voice-processing block at the call rate
DEVICE_BLOCK_BYTES = ms_to_bytes(BLOCK_MS, DEVICE_RATE)  # the same 10 ms at the device rate
