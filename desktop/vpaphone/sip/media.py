"""The hook through which the audio bridge (`vpaphone.audio`) connects to call media.

Every method is called on the SIP engine's thread, the only thread that may touch pjsua2
objects; an implementation hands audio to Qt through thread-safe buffers. `media` is valid
until `on_call_audio_inactive` for the same call. `close()` is called by `SipEngine.shutdown()`
before the endpoint is destroyed: every `AudioMediaPort` must be gone when it returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import pjsua2


class CallMediaHandler(Protocol):
    def on_call_audio_active(self, call_key: str, media: pjsua2.AudioMedia) -> None:
        """The call's audio flows (connected, resumed, or early media while ringing)."""

    def on_call_audio_inactive(self, call_key: str) -> None:
        """The call's audio stopped: on hold, or ended."""

    def close(self) -> None:
        """Destroy every media port (engine shutdown, before libDestroy)."""
