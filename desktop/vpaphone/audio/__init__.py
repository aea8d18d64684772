"""Call audio: pjsua2 media frames carried to and from the user's devices through Qt Multimedia.

The pjsua2 wheel has no sound-device backend, so pjmedia runs on its null device (which still
clocks the media) and `bridge.CallAudioBridge` moves 20 ms frames through two bounded buffers
(`buffer.PcmBuffer`) between pjmedia's clock thread and Qt's audio streams (`stream.DuplexStream`).
"""

from vpaphone.audio.format import CHANNELS, FRAME_MS, RATE, SAMPLE_BYTES

__all__ = ["CHANNELS", "FRAME_MS", "RATE", "SAMPLE_BYTES"]
