"""Calls on the engine thread: pjsua2's `Call` objects, their callbacks and the call commands.

Everything here runs on the engine thread (`loop.py`): pjsua2 delivers its callbacks there, and
the Qt side reaches the commands only through `EngineLoop.command`, which reports a command's
exception as its failure. Callbacks never touch Qt objects: they post plain events
(`events.py`), pjsua2's integers turned into enums, and catch every exception (one escaping a
pjsua2 callback keeps its objects alive through the traceback: PLATFORM.md).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pjsua2 as pj

from vpaphone.core.calls import new_call_id
from vpaphone.sip.callmedia import CallAudio
from vpaphone.sip.config import SipAccountConfig, SrtpMode
from vpaphone.sip.events import (
    CallStateEvent,
    CommandFailure,
    DtmfEvent,
    EngineCommand,
    Event,
    FailureCause,
    IncomingEvent,
    InviteState,
    MediaStatus,
    ReplacedEvent,
    RtpStats,
    TransferEvent,
    TransferRequestEvent,
)
from vpaphone.sip.failures import CommandError, log_command_failure, log_failure
from vpaphone.sip.media import CallMediaHandler
from vpaphone.sip.params import (
    call_param,
    dtmf_param,
    redirect_param,
    status_param,
    unhold_param,
)
from vpaphone.sip.sdp import as_savp_offer, offer_has_usable_audio
from vpaphone.threads import assert_engine_thread

log = logging.getLogger(__name__)

INVITE_STATES = {
    pj.PJSIP_INV_STATE_NULL: InviteState.NULL,
    pj.PJSIP_INV_STATE_CALLING: InviteState.CALLING,
    pj.PJSIP_INV_STATE_INCOMING: InviteState.INCOMING,
    pj.PJSIP_INV_STATE_EARLY: InviteState.EARLY,
    pj.PJSIP_INV_STATE_CONNECTING: InviteState.CONNECTING,
    pj.PJSIP_INV_STATE_CONFIRMED: InviteState.CONFIRMED,
    pj.PJSIP_INV_STATE_DISCONNECTED: InviteState.DISCONNECTED,
}
# Nobody shows CALLING/CONNECTING: a Qt-thread wake-up for them would cost set-up time.
_REPORTED_STATES = frozenset({InviteState.EARLY, InviteState.CONFIRMED, InviteState.DISCONNECTED})
_FINAL_TSX_STATES = frozenset({pj.PJSIP_TSX_STATE_COMPLETED, pj.PJSIP_TSX_STATE_TERMINATED})
# Every call pjsua accepts takes two RTP/RTCP sockets, which stay taken ~0.5 s after it ends
# (pjlib's ioqueue frees keys late); beyond 64 pjlib asserts and the process aborts. Refusing
# an incoming call no sooner than this after it arrived bounds that churn: per call slot (at
# most `params.MAX_CALLS`; pjsua answers 486 beyond them, before any media) one end per 0.6 s,
# so live + freeing sockets stay ≤ 4 × MAX_CALLS. A flood of 200 INVITEs aborted it at ~35.
REFUSE_AFTER_S = 0.6
# An outgoing INVITE that nothing answered, not even with 100 Trying, by then is given up: the
# server is down or unreachable. Over UDP nothing else tells (pjsip retransmits for 32 s);
# a proxy answers 100 within 200 ms (RFC 3261 16.2), the retransmits came at 0.5, 1 and 2 s.
NO_RESPONSE_S = 4.0
# A transfer we started whose final NOTIFY never comes (one pjsip cannot parse is dropped, e.g.
# linphone's `reason=reason=noresource`) is reported as without outcome after this long.
TRANSFER_OUTCOME_S = 90.0
# Call waiting: one call up and one more ringing in; any further call is answered 486 Busy.
WAITING_LIMIT = 2
# With SRTP optional pjsua offers RTP/AVP with keys (a=crypto), which plain-RTP phones and
# most SRTP phones take; a far end that requires SRTP refuses it (488, or 606) and gets the
# same INVITE again, its audio declared RTP/SAVP (pjsua's own option for offering both,
# srtp_optional_dup_offer, is compiled out in pjproject 2.15 and not in pjsua2: security.md).
SAVP_RETRY_STATUSES = frozenset({488, 606})


def _now() -> datetime:
    return datetime.now(UTC)


class EngineCall(pj.Call):  # type: ignore[misc]  # pjsua2 has no type stubs
    def __init__(
        self, calls: EngineCalls, key: str, account: pj.Account, call_id: int | None = None
    ) -> None:
        super().__init__(account, pj.PJSUA_INVALID_ID if call_id is None else call_id)
        self.calls = calls
        self.key = key
        self.heard_from_peer = False  # a response to our INVITE arrived from the network
        self.audio_active = False
        self.muted = False
        self.was_muted = False  # the port's level was changed (so must be restored)
        self.last_reported: tuple[InviteState, int] | None = None  # (state, status) posted
        self.last_media: MediaStatus | None = None
        self.ended = False
        self.arrived = time.monotonic()  # for incoming calls: see REFUSE_AFTER_S
        self.incoming = call_id is not None
        self.answered = False
        self.redirect_status = 0  # the 3xx that ended our INVITE (redirects are not followed)
        self.gave_up = False  # ended here: no response at all within NO_RESPONSE_S
        self.hung_up_here = False  # hangup/ring timeout from this side (never placed again)
        self.offer_savp = False  # our offers declare RTP/SAVP (SAVP_RETRY_STATUSES)
        self.target: tuple[str, str | None] | None = None  # outgoing: (uri, task id) dialled
        # Requests we sent in the dialog whose final answer decides a command: (method, command)
        self.pending: list[tuple[str, EngineCommand]] = []

    def onCallState(self, prm: pj.OnCallStateParam) -> None:  # noqa: N802 (pjsua2 API)
        try:
            # What ended or moved the call: a response that arrived (the network answered), or
            # a timer / transport error here (it did not). Once heard from, always.
            if not self.heard_from_peer:
                event = prm.e
                self.heard_from_peer = (
                    event.type == pj.PJSIP_EVENT_TSX_STATE
                    and event.body.tsxState.type == pj.PJSIP_EVENT_RX_MSG
                )
            self.calls.call_state(self)
        except Exception:
            log_failure("call state callback failed")

    def onCallTsxState(self, prm: pj.OnCallTsxStateParam) -> None:  # noqa: N802
        try:
            # a 100 Trying moves no call state, but says the server is there (NO_RESPONSE_S)
            if not self.heard_from_peer and prm.e.type == pj.PJSIP_EVENT_TSX_STATE:
                self.heard_from_peer = prm.e.body.tsxState.type == pj.PJSIP_EVENT_RX_MSG
            if self.pending and prm.e.type == pj.PJSIP_EVENT_TSX_STATE:
                self.calls.request_answered(self, prm.e.body.tsxState.tsx)
        except Exception:
            log_failure("transaction callback failed")

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:  # noqa: N802
        try:
            self.calls.audio.media_state(self)
        except Exception:
            log_failure("media state callback failed")

    def onCallTransferStatus(self, prm: pj.OnCallTransferStatusParam) -> None:  # noqa: N802
        try:
            if prm.finalNotify:
                self.calls.transfer_finished(self, int(prm.statusCode))
        except Exception:
            log_failure("transfer status callback failed")

    def onCallRedirected(self, prm: pj.OnCallRedirectedParam) -> int:  # noqa: N802
        # Not followed: the new target would be dialled past the call gate, like a REFER.
        # The call ends with the 3xx (pjsua would report 487, shown as "cancelled").
        try:
            status = 302
            if prm.e.type == pj.PJSIP_EVENT_TSX_STATE:
                status = int(prm.e.body.tsxState.tsx.statusCode) or status
            self.redirect_status = status
        except Exception:
            log_failure("call redirected callback failed")
        return int(pj.PJSIP_REDIRECT_STOP)

    def onCallSdpCreated(self, prm: pj.OnCallSdpCreatedParam) -> None:  # noqa: N802
        # our offer (no remote SDP) on a call placed again for a far end that requires SRTP;
        # its answer declares RTP/SAVP, so pjsua's later offers (hold) do so by themselves
        try:
            if self.offer_savp and not prm.remSdp.wholeSdp:
                prm.sdp.wholeSdp = as_savp_offer(str(prm.sdp.wholeSdp))
        except Exception:
            log_failure("SDP callback failed")

    def onCallRxOffer(self, prm: pj.OnCallRxOfferParam) -> None:  # noqa: N802
        # A re-INVITE/UPDATE offering no codec we have: 488 (pjsua would answer 500)
        try:
            if not offer_has_usable_audio(str(prm.offer.wholeSdp)):
                prm.statusCode = 488
        except Exception:
            log_failure("offer callback failed")

    def onCallTransferRequest(self, prm: pj.OnCallTransferRequestParam) -> None:  # noqa: N802
        # Left alone, pjsua accepts a REFER and dials its target itself: past the call gate,
        # without task or caller-ID header, without a record. Declined here; the app decides
        # (gate, the VPA's consent) and dials through its own path.
        # Why not wait for her answer: pjsua takes the final answer from this callback, with no
        # way to hold the REFER transaction open, and a 202 makes it dial at once; a person's
        # decision can outlast the transaction (32 s) anyway. So 603 now, the offer in the
        # app (ui.widgets.transfer_offer), her own call if she agrees (follow_transfer).
        prm.statusCode = 603
        try:
            self.calls.post(TransferRequestEvent(self.key, str(prm.dstUri)))
        except Exception:
            log_failure("transfer request callback failed")

    def onCallReplaced(self, prm: pj.OnCallReplacedParam) -> None:  # noqa: N802
        # pjsua answers the replacing INVITE itself and ends this call; without a Call object
        # of ours for the new call, pjsua2 crashed the process (SIGSEGV) on its next event
        try:
            prm.newCall = self.calls.replaced(self, int(prm.newCallId))
        except Exception:
            log_failure("call replaced callback failed")

    def onDtmfDigit(self, prm: pj.OnDtmfDigitParam) -> None:  # noqa: N802
        try:
            self.calls.post(DtmfEvent(self.key, str(prm.digit)))
        except Exception:
            log_failure("DTMF callback failed")


class EngineCalls:
    """The calls of the account, by key (the app's call id); engine thread only."""

    def __init__(
        self,
        config: SipAccountConfig,
        media: CallMediaHandler | None,
        post: Callable[[Event], None],
    ) -> None:
        self.config = config
        self.post = post
        self.audio = CallAudio(media, post)
        self.account: pj.Account | None = None  # set by the loop once created
        self.calls: dict[str, EngineCall] = {}
        self._dead: list[EngineCall] = []  # ended; deleted outside their callbacks (`reap`)
        # (due, key, status, redirect target or None): `refuse`
        self._refusals: list[tuple[float, str, int, str | None]] = []
        self._transfers: dict[str, float] = {}  # key → when to give up on its final NOTIFY
        self._consulted: dict[str, str] = {}  # key → the consultation call it is joined to
        self._silent: dict[str, float] = {}  # key → when to give up an INVITE nobody answers
        self.transfer_outcome_s = TRANSFER_OUTCOME_S
        self.stopping = False  # the engine is shutting down: no call is placed again

    # --- commands (through EngineLoop.command: an exception is the command's failure) ----------

    def make_call(self, key: str, uri: str, task_id: str | None) -> None:
        """Place a call; if even the INVITE cannot be sent, the call ends at once (status 0)."""
        assert_engine_thread()
        try:
            self._place(key, uri, task_id)
        except Exception:
            self.post(CallStateEvent(key, InviteState.DISCONNECTED, 0, False, _now()))
            raise

    def _place(self, key: str, uri: str, task_id: str | None, savp: bool = False) -> None:
        if self.account is None:
            raise CommandError(FailureCause.INTERNAL, detail="no account")
        call = EngineCall(self, key, self.account)
        call.target = (uri, task_id)
        call.offer_savp = savp
        self.calls[key] = call
        try:
            call.makeCall(uri, call_param(self.config, task_id))
            self._silent[key] = time.monotonic() + NO_RESPONSE_S
            return
        except pj.Error as exc:
            status, reason = int(exc.status), str(exc.reason)
        # The Call goes now, while the library lives: raised from inside the except block, the
        # traceback would keep it (a cycle through the frame) until a gc run after libDestroy(),
        # whose C++ destructor then aborts the process at exit.
        del self.calls[key], call
        raise CommandError(FailureCause.LIBRARY_ERROR, status, reason)

    def find(self, key: str) -> EngineCall:
        call = self.calls.get(key)
        if call is None or call.ended:
            raise CommandError(FailureCause.NO_SUCH_CALL)
        return call

    def hangup(self, key: str, status: int = 0) -> None:
        assert_engine_thread()
        call = self.calls.get(key)
        if call is None or call.ended:
            return  # already over: hanging up twice is harmless
        call.hung_up_here = True
        if call.incoming and not call.answered:
            self.refuse(call, status)
            return
        call.hangup(status_param(status))

    def refuse(self, call: EngineCall, status: int, target: str | None = None) -> None:
        """End an unanswered incoming call, but not before REFUSE_AFTER_S after it arrived;
        with `target`, a redirect there (302, Contact: target)."""
        due = call.arrived + REFUSE_AFTER_S
        if time.monotonic() >= due:
            call.hangup(redirect_param(target) if target else status_param(status))
        else:
            self._refusals.append((due, call.key, status, target))

    @property
    def work_waiting(self) -> bool:
        return bool(self._refusals or self._transfers or self._silent)

    def run_due(self) -> None:
        """Refusals and transfer deadlines whose time has come (the loop calls this)."""
        now = time.monotonic()
        for key in [k for k, at in self._transfers.items() if at <= now]:
            del self._transfers[key]
            self._consulted.pop(key, None)
            self.post(TransferEvent(key, 0))
            self.fail(CommandFailure(key, EngineCommand.TRANSFER, FailureCause.NO_OUTCOME))
        for key in [k for k, at in self._silent.items() if at <= now]:
            del self._silent[key]
            self._give_up_unanswered(key)
        due = [r for r in self._refusals if r[0] <= now]
        self._refusals = [r for r in self._refusals if r[0] > now]
        for _due, key, status, target in due:
            call = self.calls.get(key)
            if call is not None and not call.ended:
                try:
                    call.hangup(redirect_param(target) if target else status_param(status))
                except pj.Error as exc:
                    cause = FailureCause.LIBRARY_ERROR
                    self.fail(CommandFailure(key, EngineCommand.HANGUP, cause, int(exc.status)))

    def _give_up_unanswered(self, key: str) -> None:
        """No response at all to our INVITE: end the call now (a network error)."""
        call = self.calls.get(key)
        if call is None or call.ended or call.heard_from_peer:
            return
        log.warning(
            "call %s: no answer from the SIP server in %.0f s: given up", key, NO_RESPONSE_S
        )
        call.gave_up = True
        try:
            call.hangup(status_param(408))
        except pj.Error as exc:
            cause = FailureCause.LIBRARY_ERROR
            self.fail(CommandFailure(key, EngineCommand.HANGUP, cause, int(exc.status)))

    def answer(self, key: str) -> None:
        assert_engine_thread()
        self.find(key).answer(status_param(200))
        self.calls[key].answered = True

    def redirect(self, key: str, uri: str) -> None:
        """Turn a ringing incoming call away to `uri` (302, the answering machine)."""
        assert_engine_thread()
        self.refuse(self.find(key), 302, uri)

    def set_mute(self, key: str, muted: bool) -> None:
        assert_engine_thread()
        self.audio.set_mute(self.find(key), muted)

    def hold(self, key: str) -> None:
        """Sends a re-INVITE; a refusal arrives later (`request_answered`)."""
        assert_engine_thread()
        call = self.find(key)
        call.setHold(pj.CallOpParam(True))
        call.pending.append(("INVITE", EngineCommand.HOLD))

    def resume(self, key: str) -> None:
        assert_engine_thread()
        call = self.find(key)
        call.reinvite(unhold_param())
        call.pending.append(("INVITE", EngineCommand.RESUME))

    def send_dtmf(self, key: str, digits: str) -> None:
        """RFC 4733 when the peer offered telephone-event, else one SIP INFO per digit."""
        assert_engine_thread()
        call = self.find(key)
        try:
            call.sendDtmf(dtmf_param(digits, sip_info=False))
            return
        except pj.Error:
            pass  # no telephone-event in the peer's SDP
        call.sendDtmf(dtmf_param(digits, sip_info=True))
        call.pending.extend(("INFO", EngineCommand.DTMF) for _ in digits)

    def transfer(self, key: str, uri: str) -> None:
        """Blind transfer (REFER); the outcome arrives later (`transfer_finished`)."""
        assert_engine_thread()
        self.find(key).xfer(uri, pj.CallOpParam(True))
        self._transfers[key] = time.monotonic() + self.transfer_outcome_s

    def transfer_replaces(self, key: str, consult_key: str) -> None:
        """Attended transfer: REFER with Replaces, so the far end of `key` takes over the
        consultation call `consult_key`; once it did, both our legs end (`transfer_finished`)."""
        assert_engine_thread()
        call, consult = self.find(key), self.find(consult_key)
        call.xferReplaces(consult, pj.CallOpParam(True))
        self._transfers[key] = time.monotonic() + self.transfer_outcome_s
        self._consulted[key] = consult_key

    # --- inspection (EngineLoop.call) ----------------------------------------------------------

    def stats(self, key: str) -> RtpStats | None:
        assert_engine_thread()
        call = self.calls.get(key)
        return None if call is None else self.audio.stats(call)

    def live_calls(self) -> int:
        """Calls pjsua still holds (leak checks)."""
        assert_engine_thread()
        return len(self.calls) + len(self._dead)

    # --- callbacks -----------------------------------------------------------------------------

    def call_state(self, call: EngineCall) -> None:
        info = call.getInfo()
        state = INVITE_STATES[int(info.state)]
        media_failed = (
            state is InviteState.CONFIRMED and not call.audio_active and not CallAudio.agreed(info)
        )
        if state is InviteState.CONFIRMED:
            call.answered = True
        if state is InviteState.DISCONNECTED:
            call.ended = True
            self._transfers.pop(call.key, None)
            self._silent.pop(call.key, None)
            if call.audio_active:
                self.audio.stopped(call)
            self.calls.pop(call.key, None)
            self._dead.append(call)
            if self._placed_again_as_savp(call, int(info.lastStatusCode)):
                return  # the same call to the app: its record, key and state go on
        if state not in _REPORTED_STATES:
            return
        status = int(info.lastStatusCode)
        if state is InviteState.DISCONNECTED and call.redirect_status:
            status = call.redirect_status
        elif state is InviteState.DISCONNECTED and call.gave_up:
            status = 408  # what pjsip reports after its own 32 s (no response), not our CANCEL
        if (state, status) == call.last_reported:
            return
        call.last_reported = (state, status)
        srtp_refused = self._srtp_refused(call, state, status, media_failed)
        self.post(
            CallStateEvent(
                call.key, state, status, call.heard_from_peer, _now(), media_failed, srtp_refused
            )
        )

    def _srtp_refused(
        self, call: EngineCall, state: InviteState, status: int, media_failed: bool
    ) -> bool:
        """Our call failed for its media while SRTP is mandatory: the far end refused the
        RTP/SAVP offer (488/606), or answered it without SRTP (pjsua hangs up)."""
        if self.config.srtp is not SrtpMode.MANDATORY or call.incoming:
            return False
        refused = state is InviteState.DISCONNECTED and not call.answered
        if not (media_failed or (refused and status in SAVP_RETRY_STATUSES)):
            return False
        log.warning(
            "call %s: the far end takes no encrypted audio (SIP %d) and SRTP is mandatory",
            call.key,
            status,
        )
        return True

    def _placed_again_as_savp(self, call: EngineCall, status: int) -> bool:
        """An outgoing call under optional SRTP that the far end refused for its media (it
        requires SRTP, RTP/SAVP): placed again at once as RTP/SAVP, under the same key."""
        if (
            self.config.srtp is not SrtpMode.OPTIONAL
            or status not in SAVP_RETRY_STATUSES
            or call.target is None
            or call.offer_savp
            or call.hung_up_here
            or call.answered
            or not call.heard_from_peer
            or self.stopping
        ):
            return False
        log.info("call %s: far end refused RTP/AVP (SIP %d): offering RTP/SAVP", call.key, status)
        uri, task_id = call.target
        try:
            self._place(call.key, uri, task_id, savp=True)
        except CommandError as exc:
            log.warning("call %s: could not be placed again as RTP/SAVP: %s", call.key, exc)
            return False
        return True

    def request_answered(self, call: EngineCall, tsx: pj.SipTransaction) -> None:
        """A final answer to a request of `call.pending`: a refusal is that command's failure."""
        if tsx.role != pj.PJSIP_ROLE_UAC or tsx.state not in _FINAL_TSX_STATES:
            return
        status = int(tsx.statusCode)
        method = str(tsx.method)
        if status < 200 or status in (401, 407):  # a challenge: pjsua retries with credentials
            return
        for index, (sent, command) in enumerate(call.pending):
            if sent == method:
                del call.pending[index]
                if status >= 300:
                    self.fail(CommandFailure(call.key, command, FailureCause.PEER_REFUSED, status))
                return

    def transfer_finished(self, call: EngineCall, status: int) -> None:
        """The REFER was refused, or the transfer target's call ended (`status` its outcome)."""
        if self._transfers.pop(call.key, None) is None:
            return  # reported as without outcome already
        consult = self._consulted.pop(call.key, None)
        self.post(TransferEvent(call.key, status))
        if 200 <= status < 300:
            self.hangup(call.key)  # the target answered: our leg is done
            if consult is not None:
                self.hangup(consult)  # the target's phone ends it too when it replaces it
        else:
            cause = FailureCause.PEER_REFUSED
            self.fail(CommandFailure(call.key, EngineCommand.TRANSFER, cause, status))

    def fail(self, failure: CommandFailure, detail: str = "") -> None:
        """Log a command's failure and report it to the Qt side."""
        log_command_failure(failure, detail)
        self.post(failure)

    def incoming(self, account: pj.Account, call_id: int) -> None:
        key = new_call_id()
        call = EngineCall(self, key, account, call_id)
        busy = sum(not c.ended for c in self.calls.values()) >= WAITING_LIMIT
        self.calls[key] = call
        self.post(IncomingEvent(key, str(call.getInfo().remoteUri), busy, _now()))
        if busy:
            self.refuse(call, 486)
        else:
            call.answer(status_param(180))

    def refuse_unseen(self, account: pj.Account, call_id: int, status: int) -> None:
        """Refuse an incoming call the app never hears of (paced like every refusal)."""
        key = new_call_id()
        call = EngineCall(self, key, account, call_id)
        self.calls[key] = call  # its events carry a key the Qt side does not know: ignored
        self.refuse(call, status)

    def replaced(self, old: EngineCall, call_id: int) -> EngineCall:
        """An INVITE with `Replaces` takes over `old` (attended transfer to us): the new call
        gets its own `EngineCall`, and the Qt side hears which call it continues."""
        assert self.account is not None
        key = new_call_id()
        call = EngineCall(self, key, self.account, call_id)
        self.calls[key] = call
        self.post(ReplacedEvent(key, old.key, str(call.getInfo().remoteUri), _now()))
        return call

    # --- clean-up ------------------------------------------------------------------------------

    def reap(self) -> None:
        """Drop calls that ended (pjsua2 forbids deleting them inside their own callback)."""
        while self._dead:
            call = self._dead.pop()
            del call

    @property
    def has_dead(self) -> bool:
        return bool(self._dead)

    def close(self) -> None:
        """Before libDestroy(): every Call object goes while the library still lives."""
        self._dead.extend(self.calls.values())
        self.calls.clear()
        self.reap()
        self.account = None
