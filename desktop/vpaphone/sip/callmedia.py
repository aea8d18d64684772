"""Calls' audio on the engine thread: media state, mute, RTP figures, and the media handler.

`CallAudio` is the one place where a call's audio starts and stops, and so the one place that
calls the `CallMediaHandler` (the audio bridge) and knows which calls have audio.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pjsua2 as pj

from vpaphone.sip.events import Event, MediaEvent, MediaStatus, RtpStats
from vpaphone.sip.failures import log_failure
from vpaphone.sip.media import CallMediaHandler

if TYPE_CHECKING:
    from vpaphone.sip.calls import EngineCall

MEDIA_STATUSES = {
    pj.PJSUA_CALL_MEDIA_NONE: MediaStatus.NONE,
    pj.PJSUA_CALL_MEDIA_ACTIVE: MediaStatus.ACTIVE,
    pj.PJSUA_CALL_MEDIA_LOCAL_HOLD: MediaStatus.LOCAL_HOLD,
    pj.PJSUA_CALL_MEDIA_REMOTE_HOLD: MediaStatus.REMOTE_HOLD,
    pj.PJSUA_CALL_MEDIA_ERROR: MediaStatus.ERROR,
}
_WORKING = frozenset({MediaStatus.ACTIVE, MediaStatus.LOCAL_HOLD, MediaStatus.REMOTE_HOLD})


class CallAudio:
    def __init__(self, handler: CallMediaHandler | None, post: Callable[[Event], None]) -> None:
        self._handler = handler
        self._post = post

    def media_state(self, call: EngineCall) -> None:
        """pjsua (re)negotiated the call's media (answer, early media, hold, resume)."""
        info = call.getInfo()
        early = int(info.state) < pj.PJSIP_INV_STATE_CONNECTING
        for mi in info.media:
            if mi.type != pj.PJMEDIA_TYPE_AUDIO:
                continue
            status = MEDIA_STATUSES[int(mi.status)]
            if status is MediaStatus.ACTIVE:
                # the AudioMedia only when someone uses it
                media = call.getAudioMedia(mi.index) if call.muted or self._handler else None
                self._started(call, media)
            elif call.audio_active:
                self.stopped(call)
            # the UI cares about early media and about hold; plain "active" after an answer
            # would only wake the Qt thread in the middle of the set-up
            if early or status is not call.last_media:
                if early or call.last_media is not None or status is not MediaStatus.ACTIVE:
                    self._post(MediaEvent(call.key, status, early))
                call.last_media = status
            return

    @staticmethod
    def agreed(info: pj.CallInfo) -> bool:
        """Whether the call has audio in a working state (pjsua negotiates it before it
        confirms the call: none at CONFIRMED means none could be agreed)."""
        return any(
            mi.type == pj.PJMEDIA_TYPE_AUDIO and MEDIA_STATUSES[int(mi.status)] in _WORKING
            for mi in info.media
        )

    def _started(self, call: EngineCall, media: pj.AudioMedia | None) -> None:
        call.audio_active = True
        if media is None:
            return
        if call.muted:
            self._apply_mute(call, media)
        if self._handler is not None:
            try:
                self._handler.on_call_audio_active(call.key, media)
            except Exception:
                log_failure("media handler failed on audio active")

    def stopped(self, call: EngineCall) -> None:
        """The call's audio stopped: on hold, or the call ended."""
        call.audio_active = False
        if self._handler is not None:
            try:
                self._handler.on_call_audio_inactive(call.key)
            except Exception:
                log_failure("media handler failed on audio inactive")

    def close(self) -> None:
        """Engine shutdown, before libDestroy(): every AudioMediaPort must be gone."""
        if self._handler is not None:
            try:
                self._handler.close()
            except Exception:
                log_failure("media handler close failed")

    def set_mute(self, call: EngineCall, muted: bool) -> None:
        call.muted = muted
        if call.audio_active:
            self._apply_mute(call, _first_audio(call))

    @staticmethod
    def _apply_mute(call: EngineCall, media: pj.AudioMedia | None) -> None:
        # The call port's rx level scales what the conference bridge sends into the call.
        if media is not None and (call.muted or call.was_muted):  # else at full level already
            media.adjustRxLevel(0.0 if call.muted else 1.0)
            call.was_muted = call.muted

    @staticmethod
    def stats(call: EngineCall) -> RtpStats | None:
        if call.ended or not call.hasMedia():
            return None
        info = call.getInfo()  # held: `.media` is a view into it, dangling once it is freed
        for mi in info.media:
            if mi.type == pj.PJMEDIA_TYPE_AUDIO and mi.status != pj.PJSUA_CALL_MEDIA_NONE:
                stat = call.getStreamStat(mi.index)
                return RtpStats(
                    rx_packets=int(stat.rtcp.rxStat.pkt),
                    tx_packets=int(stat.rtcp.txStat.pkt),
                    rx_lost=int(stat.rtcp.rxStat.loss),
                    codec=str(call.getStreamInfo(mi.index).codecName),
                )
        return None


def _first_audio(call: pj.Call) -> pj.AudioMedia | None:
    info = call.getInfo()  # held while its `.media` view is read
    for mi in info.media:
        if mi.type == pj.PJMEDIA_TYPE_AUDIO and mi.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
            return call.getAudioMedia(mi.index)
    return None
