"""The engine thread: the one thread that creates, drives and destroys the pjsua2 Endpoint.

Why a dedicated thread and not a QTimer on the Qt thread — measured on this project's 2-core
machine (shared with other jobs), UDP through Kamailio to a sipp UAS, call set-up medians:
- pjsua2 polled by a timer (`libHandleEvents(0)` every N ms, as a QTimer would): 21.7 ms at
  10 ms, 102 ms at 50 ms — every SIP round trip (four with a proxy challenge) waits for a tick;
- bare pjsua2 blocking in `libHandleEvents(10)`: 3.5–3.8 ms;
- this engine, dial() on the Qt thread → CONNECTED signal on the Qt thread: 3.5–3.8 ms, i.e.
  0.99–1.05 × bare, median 1.02, in `tests/bench/bench_sip.py` (8 consecutive runs on
  2026-11-26; before the changes described below 1.06–1.26, median 1.11).
pjsua2 releases the GIL inside `libHandleEvents` (its SWIG wrapper releases it around every
call), so a thread blocked there costs the UI nothing and returns as soon as a packet arrives.
Commands from the Qt thread are queued and the thread is woken at once by a CRLF keep-alive
datagram sent to a private loopback transport (pjsip ignores CRLF keep-alives).
Where the time goes (perf_counter marks per hop, medians; caches are cold when a user dials):
- dial() → make_call starts: 0.13–0.17 ms. The `sendto` of the wake-up datagram alone costs
  ~0.05 ms here (loopback delivery and the cross-CPU wake-up happen inside it); the woken thread
  then needs the GIL, which the Qt thread holds until it is back in its event loop, and a
  GIL hand-over to a sleeping thread is another ~0.04 ms wake-up. So dial() queues the command
  first and then writes only the call record (crash safety); the rest of its bookkeeping (ring
  deadline, CALLING signal) runs when this thread reports the INVITE sent (`PlacedEvent`,
  posted lazily: see `post`). Done at once, all of it ran in the middle of the set-up and its
  GIL use delayed this thread's handling of the answers (A/B, 150 calls each: 1.07 → 1.01 ×
  bare).
- make_call → the INVITE is out: 0.3 ms, shorter than bare pjsua2's 0.5 ms (three codecs
  offered instead of all); the Call object and the CallOpParam with its headers are made
  before the dial (the bare script, too, makes its Call before it starts the clock).
- the answers: 0.05–0.3 ms more than bare (noisy), spent in the callbacks (pjsua2's director sends
  every virtual callback through Python: the no-op ones are overridden so that they do not
  call back into C++) and in the loop turn per packet (its checks are inline).
- the CONFIRMED callback → the CONNECTED signal on the Qt thread: 0.08–0.1 ms (one Qt-thread
  wake-up). The Qt thread is woken once per loop turn, and only for events the UI shows.
Tried without a measurable effect: a shorter `sys.setswitchinterval` (50–200 µs); handling the
packets that had already arrived before waking the Qt thread; building the call record before
the wake-up datagram instead of after it.

pjsua2 runs with `threadCnt = 0` and `mainThreadOnly = True`, so every pjsua2 callback arrives on
this thread too. Callbacks never touch Qt objects: they append plain events to a deque and call
`notify` (which emits a queued Qt signal); `SipEngine` consumes them on the Qt thread.
"""

from __future__ import annotations

import atexit
import collections
import concurrent.futures
import contextlib
import gc
import logging
import math
import os
import queue
import socket
import threading
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import pjsua2 as pj

from vpaphone.core.calls import new_call_id
from vpaphone.sip.config import SipAccountConfig, SrtpMode, Transport
from vpaphone.sip.events import (
    CallStateEvent,
    DtmfEvent,
    Event,
    IncomingEvent,
    MediaEvent,
    PlacedEvent,
    RegEvent,
    RtpStats,
    SipEngineError,
    TransferEvent,
)
from vpaphone.sip.media import CallMediaHandler
from vpaphone.sip.pjlog import quiet_until_configured
from vpaphone.sip.stunprobe import reachable
from vpaphone.sip.transports import bound_address, pj_transport, transport_config
from vpaphone.sip.uri import identity_uri

log = logging.getLogger(__name__)
T = TypeVar("T")

TASK_HEADER = "X-VPA-Task"  # the active task's id, for server-side attribution of the call
IDENTITY_HEADER = "P-Preferred-Identity"  # RFC 3325: the caller ID we ask the server to present
POLL_MS = 200  # upper bound of one libHandleEvents wait; pjsip shortens it for due timers
LAZY_S = 0.010  # a lazy event waits at most this long for the next announcement (< 1 frame)
SLEEP_GAP_S = 5.0  # boot-clock vs monotonic-clock drift that means the computer was asleep
CODEC_PRIORITIES = {"G722/16000": 255, "PCMA/8000": 254, "PCMU/8000": 253}
_WAKE = b"\r\n\r\n"
_WORKING_MEDIA = frozenset(
    {pj.PJSUA_CALL_MEDIA_ACTIVE, pj.PJSUA_CALL_MEDIA_LOCAL_HOLD, pj.PJSUA_CALL_MEDIA_REMOTE_HOLD}
)
_REPORTED_STATES = frozenset(
    {pj.PJSIP_INV_STATE_EARLY, pj.PJSIP_INV_STATE_CONFIRMED, pj.PJSIP_INV_STATE_DISCONNECTED}
)


def log_failure(message: str) -> None:
    """Log the exception being handled as text only.

    `log.exception` would keep the traceback — and through its frames the pjsua2 objects of the
    callback — alive in any handler that stores records; destroyed after libDestroy(), pjmedia
    aborts the process (seen: a ToneGenerator kept by pytest's log capture).
    """
    log.error("%s\n%s", message, traceback.format_exc())


def _now() -> datetime:
    return datetime.now(UTC)


class _PjCall(pj.Call):  # type: ignore[misc]
    def __init__(self, worker: EngineWorker, key: str, account: pj.Account, call_id: int) -> None:
        super().__init__(account, call_id)
        self.worker = worker
        self.key = key
        self.heard_from_peer = False
        self.audio_active = False
        self.muted = False
        self.was_muted = False  # the port's level was changed (so must be restored)
        self.last_reported: tuple[int, int] = (-1, -1)  # (state, status) last posted
        self.last_media_status = -1
        self.ended = False

    # pjsua2's director routes every virtual callback through Python, and the inherited Python
    # method calls back into the C++ base (another GIL release and re-acquire) only to do
    # nothing. These no-ops stop there: ~14 such calls per call set-up.
    def onCallTsxState(self, prm: pj.OnCallTsxStateParam) -> None:  # noqa: N802
        pass

    def onCallSdpCreated(self, prm: pj.OnCallSdpCreatedParam) -> None:  # noqa: N802
        pass

    def onCreateMediaTransport(self, prm: pj.OnCreateMediaTransportParam) -> None:  # noqa: N802
        pass  # keeps the transport pjsua created

    def onCallMediaTransportState(self, prm: pj.OnCallMediaTransportStateParam) -> None:  # noqa: N802
        pass

    def onStreamPreCreate(self, prm: pj.OnStreamPreCreateParam) -> None:  # noqa: N802
        pass

    def onStreamCreated(self, prm: pj.OnStreamCreatedParam) -> None:  # noqa: N802
        pass

    def onStreamDestroyed(self, prm: pj.OnStreamDestroyedParam) -> None:  # noqa: N802
        pass

    def onCallState(self, prm: pj.OnCallStateParam) -> None:  # noqa: N802 (pjsua2 API)
        try:
            # What ended or moved the call: a response that arrived (the network answered), or
            # a timer / transport error here (it did not). Decided here rather than in
            # onCallTsxState: one Python callback less per transaction event (GIL hand-overs).
            # Once heard from, always: the event is not read again (five pjsua2 calls less).
            event = None if self.heard_from_peer else prm.e
            if (
                event is not None
                and event.type == pj.PJSIP_EVENT_TSX_STATE
                and event.body.tsxState.type == pj.PJSIP_EVENT_RX_MSG
            ):
                self.heard_from_peer = True
            self.worker.call_state(self)
        except Exception:
            log_failure("call state callback failed")

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:  # noqa: N802
        try:
            self.worker.call_media(self)
        except Exception:
            log_failure("media state callback failed")

    def onCallTransferStatus(self, prm: pj.OnCallTransferStatusParam) -> None:  # noqa: N802
        try:
            if prm.finalNotify and 200 <= int(prm.statusCode) < 300:
                # the transfer target answered: our leg is done (blind transfer)
                self.worker.post(TransferEvent(self.key, int(prm.statusCode)))
                self.worker.hangup(self.key)
            elif prm.finalNotify:
                self.worker.post(TransferEvent(self.key, int(prm.statusCode)))
        except Exception:
            log_failure("transfer status callback failed")

    def onDtmfDigit(self, prm: pj.OnDtmfDigitParam) -> None:  # noqa: N802
        try:
            self.worker.post(DtmfEvent(self.key, str(prm.digit)))
        except Exception:
            log_failure("DTMF callback failed")


class _PjAccount(pj.Account):  # type: ignore[misc]
    def __init__(self, worker: EngineWorker) -> None:
        super().__init__()
        self.worker = worker

    def onRegStarted(self, prm: pj.OnRegStartedParam) -> None:  # noqa: N802
        try:
            if prm.renew:
                self.worker.post(RegEvent(0, "", active=False, started=True))
        except Exception:
            log_failure("registration callback failed")

    def onRegState(self, prm: pj.OnRegStateParam) -> None:  # noqa: N802
        try:
            info = self.getInfo()
            self.worker.post(RegEvent(int(prm.code), str(prm.reason), bool(info.regIsActive)))
        except Exception:
            log_failure("registration callback failed")

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:  # noqa: N802
        try:
            self.worker.incoming(self, int(prm.callId))
        except Exception:
            log_failure("incoming call callback failed")


class EngineWorker:
    """Owns the Endpoint on its own thread. Only `submit`/`call`/`stop` are for other threads."""

    def __init__(
        self,
        config: SipAccountConfig,
        notify: Callable[[], None],
        media_handler: CallMediaHandler | None,
    ) -> None:
        self.config = config
        self.events: collections.deque[Event] = collections.deque()
        self._notify = notify
        self._media = media_handler
        # (command, its future, or None when nobody waits for the result: see `send`)
        self._commands: queue.SimpleQueue[
            tuple[Callable[[], Any], concurrent.futures.Future[Any] | None]
        ]
        self._commands = queue.SimpleQueue()
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._stopping = False
        self._unannounced = False  # events posted that the Qt thread was not told about
        self._lazy_due: float | None = None  # when lazy events must be announced at the latest
        self._thread = threading.Thread(target=self._run, name="sip-engine", daemon=True)
        self._wake_sock: socket.socket | None = None  # created by start()
        self._wake_addr: tuple[str, int] | None = None
        self.endpoint: pj.Endpoint | None = None
        self._account: _PjAccount | None = None
        self._transport_id = -1
        self._stun: tuple[str, ...] = ()  # the provisioned STUN servers that answered
        self.calls: dict[str, _PjCall] = {}
        self._dead: list[_PjCall] = []
        # Made while idle, so that a dial finds them ready (see `_prepare_dialling`)
        self._spare_call: _PjCall | None = None
        self._plain_prm: pj.CallOpParam | None = None
        self._task_prm: pj.CallOpParam | None = None
        self._task_header: pj.SipHeader | None = None

    # --- other threads ---------------------------------------------------------------------

    def start(self, timeout: float = 10.0) -> None:
        # An app that exits without shutdown() must still destroy the endpoint in order:
        # a daemon thread killed inside pjsua2 at interpreter exit can abort the process.
        atexit.register(self.stop)
        self._wake_sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._thread.start()
        if not self._ready.wait(timeout):
            # still inside pjsua's start-up: it stops and destroys what it made once that
            # returns (the atexit hook waits for it), instead of running on unused
            self._stopping = True
            raise SipEngineError("the SIP engine did not start in time")
        if self._startup_error is not None:
            self._thread.join(timeout)
            self.stop()
            raise SipEngineError(
                f"the SIP engine could not start: {_describe(self._startup_error)}"
            )

    def submit(self, fn: Callable[[], T]) -> concurrent.futures.Future[T]:
        """Run `fn` on the engine thread soon; its result or exception arrives in the future."""
        future: concurrent.futures.Future[T] = concurrent.futures.Future()
        if threading.current_thread() is self._thread:
            self._execute(fn, future)
            return future
        if self._stopping or not self._thread.is_alive():
            future.set_exception(SipEngineError("the SIP engine is not running"))
            return future
        self._commands.put((fn, future))
        self._wake()
        return future

    def send(self, fn: Callable[[], None]) -> None:
        """Run `fn` on the engine thread soon, nobody waiting: no Future to build and settle
        (measured ~0.05 ms of the dial → INVITE path on a loaded machine). `fn` handles its
        own failures; one that escapes is logged."""
        if self._stopping or not self._thread.is_alive():
            raise SipEngineError("the SIP engine is not running")
        self._commands.put((fn, None))
        self._wake()

    def call(self, fn: Callable[[], T], timeout: float = 5.0) -> T:
        """Run `fn` on the engine thread and wait for its result."""
        return self.submit(fn).result(timeout)

    def stop(self, timeout: float = 15.0) -> None:
        """Hang up, unregister, close media, destroy the endpoint; waits for the thread."""
        atexit.unregister(self.stop)
        if not self._thread.is_alive():
            if self._wake_sock is not None:
                self._wake_sock.close()
            return

        def request_stop() -> None:
            self._stopping = True

        self.submit(request_stop)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.error("the SIP engine thread did not stop within %.0f s", timeout)
        if self._wake_sock is not None:
            self._wake_sock.close()

    def _wake(self) -> None:
        if self._wake_addr is not None and self._wake_sock is not None:
            with contextlib.suppress(OSError):
                self._wake_sock.sendto(_WAKE, self._wake_addr)

    # --- engine thread -----------------------------------------------------------------------

    def post(self, event: Event, *, lazy: bool = False) -> None:
        """Queue an event for the Qt thread. A lazy one (bookkeeping nobody waits for) is
        announced with the next event, or LAZY_S later: a Qt-thread wake-up during a call's
        set-up competes for the GIL with this thread's handling of the answers."""
        self.events.append(event)
        if not lazy:
            self._unannounced = True
        elif self._lazy_due is None:
            self._lazy_due = time.monotonic() + LAZY_S

    def _announce(self) -> None:
        """One Qt-thread wake-up for the events of one loop turn, sent just before this thread
        lets go of the GIL in `libHandleEvents`: the woken Qt thread finds the GIL free."""
        if self._lazy_due is not None and time.monotonic() >= self._lazy_due:
            self._unannounced = True
        if self._unannounced:
            self._unannounced = False
            self._lazy_due = None
            self._notify()

    def _execute(self, fn: Callable[[], T], future: concurrent.futures.Future[T] | None) -> None:
        if future is None:
            try:
                fn()
            except Exception:
                log_failure("SIP engine command failed")
            return
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(fn())
        except BaseException as exc:  # handed to the caller, who decides
            future.set_exception(exc)

    def _run(self) -> None:
        try:
            self._create()
        except BaseException as exc:
            # without its traceback: the `_create` frame in it holds the Endpoint (`ep`), and
            # while that lives a new Endpoint in this process aborts (as in `_make_call`)
            self._startup_error = exc.with_traceback(None)
            self._destroy()
            self._ready.set()
            return
        self._ready.set()
        boot, mono = _clocks()
        ep = self.endpoint
        assert ep is not None
        try:
            # One turn per packet, also during a call's set-up: the checks are inline.
            while not self._stopping:
                due = self._lazy_due
                ep.libHandleEvents(POLL_MS if due is None else _poll_ms(due))
                if not self._commands.empty():
                    self._drain_commands()
                if self._dead:
                    self._reap()
                if self._spare_call is None:
                    self._prepare_spare_call()
                boot, mono = self._check_sleep(boot, mono)
                if self._unannounced or self._lazy_due is not None:
                    self._announce()
        finally:
            self._destroy()
            self._unannounced = bool(self.events)  # lazy ones too: nothing comes after
            self._announce()
            # commands that arrived too late
            while True:
                try:
                    _fn, future = self._commands.get_nowait()
                except queue.Empty:
                    break
                if future is not None and future.set_running_or_notify_cancel():
                    future.set_exception(SipEngineError("the SIP engine stopped"))

    def _drain_commands(self) -> None:
        # empty() first: this runs every loop turn, an exception per turn costs (one consumer)
        while not self._commands.empty():
            fn, future = self._commands.get_nowait()
            self._execute(fn, future)

    def _reap(self) -> None:
        """Drop calls that ended (pjsua2 forbids deleting them inside their own callback)."""
        while self._dead:
            call = self._dead.pop()
            with contextlib.suppress(Exception):
                del call

    def _check_sleep(self, boot: float, mono: float) -> tuple[float, float]:
        """After the computer slept, re-register and rebuild transports at once."""
        new_boot, new_mono = _clocks()
        if (new_boot - boot) - (new_mono - mono) > SLEEP_GAP_S:
            log.info("wake-up from sleep detected: refreshing network and registration")
            self.network_changed()
        return new_boot, new_mono

    def _create(self) -> None:
        cfg = self.config
        # pjsua2 allows one Endpoint per process and aborts on a second: a previous engine's,
        # destroyed but still held by a reference cycle (an exception's traceback), must go
        # first (seen in the test suite, where many engines start in one process).
        gc.collect()
        ep = pj.Endpoint()
        self.endpoint = ep
        quiet_until_configured()  # pjlib's start-up lines would go to stdout (sip.pjlog)
        ep.libCreate()
        ep_cfg = pj.EpConfig()
        ep_cfg.uaConfig.threadCnt = 0
        ep_cfg.uaConfig.mainThreadOnly = True
        ep_cfg.uaConfig.userAgent = "my-vpa softphone"
        ep_cfg.uaConfig.maxCalls = 8
        self._stun = reachable(cfg.stun_servers) if cfg.stun_servers else ()
        for server in cfg.stun_servers:
            if server not in self._stun:
                log.warning("STUN server %s does not answer: not used", server)
        for server in self._stun:
            ep_cfg.uaConfig.stunServer.append(server)
        level = int(os.environ.get("VPAPHONE_PJ_LOG_LEVEL", "1"))
        ep_cfg.logConfig.level = level
        ep_cfg.logConfig.consoleLevel = level
        ep_cfg.logConfig.msgLogging = level >= 4  # SIP messages carry phone numbers
        ep_cfg.medConfig.noVad = True
        ep.libInit(ep_cfg)
        ep.audDevManager().setNullDev()  # media clock without a sound device (audio via ports)

        self._transport_id = ep.transportCreate(pj_transport(cfg.transport), transport_config(cfg))
        wake_cfg = pj.TransportConfig()
        wake_cfg.boundAddress = "127.0.0.1"
        wake_tp = ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, wake_cfg)
        host, port = str(ep.transportGetInfo(wake_tp).localName).rsplit(":", 1)
        ep.libStart()
        self._wake_addr = (host, int(port))

        for info in ep.codecEnum2():
            name = str(info.codecId)
            base = "/".join(name.split("/")[:2])
            ep.codecSetPriority(name, CODEC_PRIORITIES.get(base, 0))

        account = _PjAccount(self)
        account.create(self._account_cfg())
        self._account = account
        self._prepare_dialling()

    def _account_cfg(self) -> pj.AccountConfig:
        cfg = self.config
        acc = pj.AccountConfig()
        tp_param = "" if cfg.transport is Transport.UDP else f";transport={cfg.transport.value}"
        acc.idUri = f"sip:{cfg.username}@{cfg.domain}"
        if cfg.display_name:
            acc.idUri = f'"{cfg.display_name}" <{acc.idUri}>'
        acc.sipConfig.transportId = self._transport_id
        if cfg.outbound_proxy:
            acc.sipConfig.proxies.append(f"sip:{cfg.outbound_proxy};lr{tp_param}")
        if cfg.register:
            acc.regConfig.registrarUri = f"sip:{cfg.registrar_host}{tp_param}"
        acc.regConfig.timeoutSec = cfg.register_expiry_s
        acc.regConfig.firstRetryIntervalSec = cfg.register_retry_first_s
        acc.regConfig.retryIntervalSec = cfg.register_retry_s
        acc.regConfig.randomRetryIntervalSec = 10
        acc.regConfig.unregWaitMsec = 1000
        acc.regConfig.dropCallsOnFail = False
        if cfg.password:
            cred = pj.AuthCredInfo(
                "digest", "*", cfg.auth_username or cfg.username, 0, cfg.password
            )
            acc.sipConfig.authCreds.append(cred)
        acc.natConfig.iceEnabled = cfg.ice
        acc.natConfig.contactRewriteUse = 0  # a loopback/LAN contact must not be rewritten
        acc.natConfig.viaRewriteUse = 0
        acc.natConfig.sdpNatRewriteUse = 0
        if not self._stun:
            acc.natConfig.sipStunUse = pj.PJSUA_STUN_USE_DISABLED
            acc.natConfig.mediaStunUse = pj.PJSUA_STUN_USE_DISABLED
        acc.mediaConfig.srtpUse = {
            SrtpMode.OFF: pj.PJMEDIA_SRTP_DISABLED,
            SrtpMode.OPTIONAL: pj.PJMEDIA_SRTP_OPTIONAL,
            SrtpMode.MANDATORY: pj.PJMEDIA_SRTP_MANDATORY,
        }[cfg.srtp]
        # SDES keys only over TLS when SIP is encrypted; over UDP/TCP the key would be plain text
        acc.mediaConfig.srtpSecureSignaling = 1 if cfg.transport is Transport.TLS else 0
        acc.mediaConfig.transportConfig.boundAddress = bound_address(cfg)
        return acc

    def _destroy(self) -> None:
        ep = self.endpoint
        if ep is None:
            return
        try:
            if self.calls:
                with contextlib.suppress(Exception):
                    ep.hangupAllCalls()
                deadline = time.monotonic() + 2.0
                while self.calls and time.monotonic() < deadline:
                    ep.libHandleEvents(20)
            if self._media is not None:
                try:
                    self._media.close()
                except Exception:
                    log_failure("media handler close failed")
            if self._account is not None:
                # unregisters; libDestroy waits for the answer (at most unregWaitMsec)
                with contextlib.suppress(Exception):
                    self._account.shutdown()
            self._dead.extend(self.calls.values())
            self.calls.clear()
            self._reap()
            self._spare_call = None
            self._task_header = None
            self._plain_prm = self._task_prm = None
            self._account = None
            ep.libDestroy()
        except Exception:
            log_failure("SIP engine shutdown failed")
        finally:
            self.endpoint = None

    # --- commands (engine thread) --------------------------------------------------------------

    def make_call(self, key: str, uri: str, task_id: str | None) -> None:
        """Place a call (task id in `TASK_HEADER`, caller ID in `IDENTITY_HEADER`); a failure
        to even send the INVITE is reported as its end."""
        self.post(PlacedEvent(key), lazy=True)
        try:
            self._make_call(key, uri, task_id)
        except Exception as exc:
            log.warning("call %s could not be placed: %s", key, exc)
            self.post(
                CallStateEvent(key, pj.PJSIP_INV_STATE_DISCONNECTED, 0, str(exc), False, _now())
            )

    def _make_call(self, key: str, uri: str, task_id: str | None) -> None:
        if self._account is None or self._plain_prm is None or self._task_header is None:
            raise SipEngineError("no SIP account")
        call, self._spare_call = self._spare_call, None
        if call is None:  # a second call while one runs
            call = _PjCall(self, "", self._account, pj.PJSUA_INVALID_ID)
        call.key = key
        if task_id is None:
            prm = self._plain_prm
        else:
            self._task_header.hValue = task_id
            prm = self._task_prm
        self.calls[key] = call
        try:
            call.makeCall(uri, prm)
            return
        except pj.Error as exc:
            reason = exc.reason
        # The Call goes now, while the library lives: raised from inside the except block, the
        # traceback would keep it (a cycle through the frame) until a gc run after libDestroy(),
        # whose C++ destructor then aborts the process at exit.
        del self.calls[key], call
        raise SipEngineError(f"could not place the call: {reason}")

    def _prepare_dialling(self) -> None:
        """Build once per account what every outgoing call sends: the CallOpParam with its
        headers (only the task header's value changes per call)."""
        cfg = self.config
        fixed = (
            [(IDENTITY_HEADER, identity_uri(cfg.caller_id, cfg.domain))] if cfg.caller_id else []
        )
        self._plain_prm = _call_param(fixed)
        self._task_prm = _call_param([*fixed, (TASK_HEADER, "")])
        # a reference into the vector, which is never resized: valid while _task_prm lives
        self._task_header = self._task_prm.txOption.headers[len(fixed)]

    def _prepare_spare_call(self) -> None:
        """The next outgoing call's object, made while no call is being set up (the bare
        pjsua2 benchmark makes its Call before it starts the clock, too)."""
        if not self.calls and self._account is not None:
            self._spare_call = _PjCall(self, "", self._account, pj.PJSUA_INVALID_ID)

    def find(self, key: str) -> _PjCall:
        call = self.calls.get(key)
        if call is None or call.ended:
            raise SipEngineError("no such call")
        return call

    def hangup(self, key: str, status: int = 0) -> None:
        call = self.calls.get(key)
        if call is None or call.ended:
            return  # already over: hanging up twice is harmless
        prm = pj.CallOpParam()
        prm.statusCode = status
        with contextlib.suppress(pj.Error):
            call.hangup(prm)

    def answer(self, key: str, status: int = 200) -> None:
        prm = pj.CallOpParam(True)
        prm.statusCode = status
        self.find(key).answer(prm)

    def set_mute(self, key: str, muted: bool) -> None:
        call = self.find(key)
        call.muted = muted
        if call.audio_active:
            self._apply_mute(call)

    def _apply_mute(self, call: _PjCall, media: pj.AudioMedia | None = None) -> None:
        # The call port's rx level scales what the conference bridge sends into the call.
        if not call.muted and not call.was_muted:
            return  # a fresh port is at full level already
        media = media or _first_audio(call)
        if media is not None:
            media.adjustRxLevel(0.0 if call.muted else 1.0)
            call.was_muted = call.muted

    def hold(self, key: str) -> None:
        self.find(key).setHold(pj.CallOpParam(True))

    def resume(self, key: str) -> None:
        prm = pj.CallOpParam(True)
        prm.opt.flag = pj.PJSUA_CALL_UNHOLD
        self.find(key).reinvite(prm)

    def send_dtmf(self, key: str, digits: str) -> str:
        """RFC 4733 when the peer offered telephone-event, else SIP INFO. Returns the method."""
        call = self.find(key)
        prm = pj.CallSendDtmfParam()
        prm.digits = digits
        prm.method = pj.PJSUA_DTMF_METHOD_RFC2833
        try:
            call.sendDtmf(prm)
        except pj.Error:
            prm.method = pj.PJSUA_DTMF_METHOD_SIP_INFO
            call.sendDtmf(prm)
            return "info"
        return "rfc4733"

    def transfer(self, key: str, uri: str) -> None:
        self.find(key).xfer(uri, pj.CallOpParam(True))

    def stats(self, key: str) -> RtpStats | None:
        call = self.calls.get(key)
        if call is None or call.ended or not call.hasMedia():
            return None
        info = call.getInfo()
        for mi in info.media:
            if mi.type == pj.PJMEDIA_TYPE_AUDIO and mi.status != pj.PJSUA_CALL_MEDIA_NONE:
                stat = call.getStreamStat(mi.index)
                codec = str(call.getStreamInfo(mi.index).codecName)
                return RtpStats(
                    rx_packets=int(stat.rtcp.rxStat.pkt),
                    tx_packets=int(stat.rtcp.txStat.pkt),
                    rx_lost=int(stat.rtcp.rxStat.loss),
                    codec=codec,
                )
        return None

    def live_calls(self) -> int:
        """Calls pjsua still holds (leak checks)."""
        assert self.endpoint is not None
        return len(self.calls) + len(self._dead)

    def media_ports(self) -> int:
        assert self.endpoint is not None
        return int(self.endpoint.mediaActivePorts())

    def network_changed(self) -> None:
        if self.endpoint is None:
            return
        with contextlib.suppress(pj.Error):
            self.endpoint.handleIpChange(pj.IpChangeParam())
        if self._account is not None and self.config.register:
            with contextlib.suppress(pj.Error):
                self._account.setRegistration(True)

    def register_now(self) -> None:
        if self._account is not None and self.config.register:
            self._account.setRegistration(True)

    # --- callbacks (engine thread) -------------------------------------------------------------

    def call_state(self, call: _PjCall) -> None:
        info = call.getInfo()
        state = int(info.state)
        media_failed = False
        if state == pj.PJSIP_INV_STATE_CONFIRMED and not call.audio_active:
            # pjsua negotiates media before it confirms; no audio now means none was agreed
            media_failed = not any(
                mi.type == pj.PJMEDIA_TYPE_AUDIO and mi.status in _WORKING_MEDIA
                for mi in info.media
            )
        if state == pj.PJSIP_INV_STATE_DISCONNECTED:
            call.ended = True
            if call.audio_active:
                call.audio_active = False
                self._media_inactive(call.key)
            self.calls.pop(call.key, None)
            self._dead.append(call)
        if state not in _REPORTED_STATES:
            return  # nobody shows CALLING/CONNECTING: a Qt-thread wake-up costs set-up time
        status = int(info.lastStatusCode)
        if (state, status) == call.last_reported:
            return
        call.last_reported = (state, status)
        self.post(
            CallStateEvent(
                key=call.key,
                state=state,
                status=status,
                reason=str(info.lastReason),
                heard_from_peer=call.heard_from_peer,
                at=_now(),
                media_failed=media_failed,
            )
        )

    def call_media(self, call: _PjCall) -> None:
        info = call.getInfo()
        early = int(info.state) < pj.PJSIP_INV_STATE_CONNECTING
        for mi in info.media:
            if mi.type != pj.PJMEDIA_TYPE_AUDIO:
                continue
            status = int(mi.status)
            if status == pj.PJSUA_CALL_MEDIA_ACTIVE:
                call.audio_active = True
                if call.muted or self._media is not None:  # else nobody uses the AudioMedia
                    media = call.getAudioMedia(mi.index)
                    if call.muted:
                        self._apply_mute(call, media)
                    if self._media is not None:
                        try:
                            self._media.on_call_audio_active(call.key, media)
                        except Exception:
                            log_failure("media handler failed on audio active")
            elif call.audio_active:
                call.audio_active = False
                self._media_inactive(call.key)
            # the UI cares about early media and about hold; plain "active" after an answer
            # would only wake the Qt thread in the middle of the set-up
            if early or status != call.last_media_status:
                if early or call.last_media_status != -1 or status != pj.PJSUA_CALL_MEDIA_ACTIVE:
                    self.post(MediaEvent(call.key, status, early))
                call.last_media_status = status
            return

    def _media_inactive(self, key: str) -> None:
        if self._media is not None:
            try:
                self._media.on_call_audio_inactive(key)
            except Exception:
                log_failure("media handler failed on audio inactive")

    def incoming(self, account: _PjAccount, call_id: int) -> None:
        key = new_call_id()
        call = _PjCall(self, key, account, call_id)
        busy = any(not c.ended for c in self.calls.values())
        self.calls[key] = call
        info = call.getInfo()
        self.post(IncomingEvent(key, str(info.remoteUri), busy, _now()))
        prm = pj.CallOpParam()
        if busy:
            prm.statusCode = 486
            call.hangup(prm)
        else:
            prm.statusCode = 180
            call.answer(prm)


def _describe(error: BaseException) -> str:
    """pjsua2 errors carry the readable part in `.reason`; str() of them is a SWIG repr."""
    if isinstance(error, pj.Error):
        return str(error.reason)
    return str(error)


def _call_param(headers: list[tuple[str, str]]) -> pj.CallOpParam:
    prm = pj.CallOpParam(True)
    for name, value in headers:
        header = pj.SipHeader()
        header.hName = name
        header.hValue = value
        prm.txOption.headers.append(header)
    return prm


def _poll_ms(due: float) -> int:
    """How long one libHandleEvents may wait when lazy events are due at `due`."""
    return max(0, min(POLL_MS, math.ceil((due - time.monotonic()) * 1000)))


def _clocks() -> tuple[float, float]:
    """(a clock that runs during sleep, one that does not). Linux: the boot clock; elsewhere
    the wall clock (a manual clock change of > SLEEP_GAP_S then costs one needless refresh)."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    awake = time.clock_gettime(boottime) if boottime is not None else time.time()
    return awake, time.monotonic()


def _first_audio(call: pj.Call) -> pj.AudioMedia | None:
    info = call.getInfo()
    for mi in info.media:
        if mi.type == pj.PJMEDIA_TYPE_AUDIO and mi.status == pj.PJSUA_CALL_MEDIA_ACTIVE:
            return call.getAudioMedia(mi.index)
    return None
