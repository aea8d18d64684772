"""Call audio: pjsua2 media frames carried to and from the user's devices through Qt Multimedia.

The pjsua2 wheel has no sound-device backend, so pjmedia runs on its null device (which still
clocks the media while a call has audio) and `bridge.CallAudioBridge` moves 20 ms frames through
two bounded buffers (`buffer.PcmBuffer`) between pjmedia's clock thread and the audio thread,
where `stream.DuplexStream` runs Qt's audio streams and `voice.VoiceStage` resamples and cleans
the microphone (echo cancellation, noise suppression, high-pass filter, automatic gain).
"""

from vpaphone.audio.format import CALL_RATE, CHANNELS, DEVICE_RATE, FRAME_MS, SAMPLE_BYTES

__all__ = ["CALL_RATE", "CHANNELS", "DEVICE_RATE", "FRAME_MS", "SAMPLE_BYTES"]
