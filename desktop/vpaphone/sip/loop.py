"""The engine thread: the one thread that creates, drives and destroys the pjsua2 Endpoint.

pjsua2 runs with `threadCnt = 0` and `mainThreadOnly = True` and is called from this thread
only (several Python threads calling pjsua2 deadlock: PLATFORM.md), so every pjsua2 callback
arrives here too. The thread blocks in `libHandleEvents`, which releases the GIL: it costs the
UI nothing and returns as soon as a packet arrives. Other threads queue work and wake it at once
with a CRLF keep-alive datagram sent to a private loopback transport (pjsip ignores CRLF
keep-alives). Callbacks never touch Qt objects: they append plain events to `events`, and the
loop calls `notify` (a queued Qt signal) once per turn; `SipEngine` consumes them on the Qt
thread. Why a thread and not a Qt timer, and what each hop costs: docs/performance.md.

`EngineLoop.start`, `command`, `submit`, `call` and `stop` are for other threads; every other
method runs on the engine thread. Calls and their commands: `calls.py`; the account:
`accounts.py`; the pjsua2 parameters: `params.py`.
"""

from __future__ import annotations

import atexit
import collections
import concurrent.futures
import contextlib
import functools
import gc
import logging
import math
import os
import queue
import socket
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import pjsua2 as pj

from vpaphone.sip.accounts import EngineAccount, EngineEndpoint
from vpaphone.sip.calls import EngineCalls
from vpaphone.sip.config import SipAccountConfig
from vpaphone.sip.events import (
    CommandFailure,
    EngineCommand,
    Event,
    FailureCause,
    RegEvent,
    SipEngineError,
)
from vpaphone.sip.failures import CommandError, describe, log_command_failure, log_failure
from vpaphone.sip.media import CallMediaHandler
from vpaphone.sip.params import (
    account_config,
    codec_priority,
    endpoint_config,
    ip_change_param,
    pj_transport,
    transport_config,
    wake_transport_config,
)
from vpaphone.sip.pjlog import quiet_until_configured
from vpaphone.sip.regwatch import RegistrationWatch
from vpaphone.sip.route import bind_address, route_address
from vpaphone.sip.stunprobe import reachable
from vpaphone.sip.trust import CallSources
from vpaphone.threads import assert_engine_thread, mark_engine_thread, on_engine_thread

log = logging.getLogger(__name__)
T = TypeVar("T")

# Upper bound of one libHandleEvents wait; pjsip shortens it for its due timers, and commands,
# packets (SIP and RTP) wake it anyway. Only the sleep check needs a turn now and then; a short
# bound would wake an idle phone for nothing (issue 17).
POLL_MS = 2_000
UNREGISTER_WAIT_S = 1.0  # at shutdown, how long the registrar may take to answer the un-REGISTER
MIN_WAIT_MS = 10  # never a busy loop, whatever the watch says
SLEEP_GAP_S = 5.0  # boot-clock vs monotonic-clock drift that means the computer was asleep
_WAKE = b"\r\n\r\n"

# A queued piece of work: (run it, or tell its sender it never ran because the engine stopped)
_Job = tuple[Callable[[], None], Callable[[], None]]


class EngineLoop:
    """Owns the Endpoint on its own thread; the calls live in `calls` (`EngineCalls`)."""

    def __init__(
        self,
        config: SipAccountConfig,
        notify: Callable[[], None],
        media_handler: CallMediaHandler | None,
    ) -> None:
        self.config = config
        self.events: collections.deque[Event] = collections.deque()
        self.calls = EngineCalls(config, media_handler, self.post)
        self.endpoint: pj.Endpoint | None = None
        self._notify = notify
        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._ready = threading.Event()
        self._startup_error: BaseException | None = None
        self._stopping = False
        self._unannounced = False  # events posted that the Qt thread was not told about
        self._thread = threading.Thread(target=self._run, name="sip-engine", daemon=True)
        self._wake_sock: socket.socket | None = None  # created by start()
        self._wake_addr: tuple[str, int] | None = None
        self._account: EngineAccount | None = None
        self._watch: RegistrationWatch | None = None  # set with the account when it registers
        self._watch_at = 0.0  # when the watch next needs a look (monotonic)
        self._bound = ""  # the address SIP and RTP are bound to ("": every interface)
        self._transport_id = -1  # the SIP transport (pjsua's id)
        self._stun = False  # STUN servers are in use

    # --- other threads -------------------------------------------------------------------------

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
            raise SipEngineError(f"the SIP engine could not start: {describe(self._startup_error)}")

    def command(self, command: EngineCommand, call_id: str | None, fn: Callable[[], None]) -> None:
        """Run `fn` on the engine thread soon, nobody waiting: if it raises, or the engine
        stops first, the failure is logged and posted as a `CommandFailure`."""
        if on_engine_thread():  # from a callback or another command: at once
            self._run_command(command, call_id, fn)
            return
        if not self.running:
            raise SipEngineError("the SIP engine is not running")
        self._enqueue(
            functools.partial(self._run_command, command, call_id, fn),
            functools.partial(self._stopped, command, call_id),
        )

    def submit(self, fn: Callable[[], T]) -> concurrent.futures.Future[T]:
        """Run `fn` on the engine thread soon; its result or exception arrives in the future."""
        future: concurrent.futures.Future[T] = concurrent.futures.Future()

        def run() -> None:
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn())
                except BaseException as exc:  # handed to the caller, who decides
                    future.set_exception(exc)

        def abandon() -> None:
            if future.set_running_or_notify_cancel():
                future.set_exception(SipEngineError("the SIP engine stopped"))

        if on_engine_thread():
            run()
        elif not self.running:
            abandon()
        else:
            self._enqueue(run, abandon)
        return future

    def call(self, fn: Callable[[], T], timeout: float = 5.0) -> T:
        """Run `fn` on the engine thread and wait for its result."""
        return self.submit(fn).result(timeout)

    def stop(self, timeout: float = 15.0) -> None:
        """Hang up, unregister, close media, destroy the endpoint; waits for the thread."""
        atexit.unregister(self.stop)
        if self._thread.is_alive():

            def request_stop() -> None:
                self._stopping = True

            self._enqueue(request_stop, lambda: None)
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.error("the SIP engine thread did not stop within %.0f s", timeout)
        if self._wake_sock is not None:
            self._wake_sock.close()

    @property
    def running(self) -> bool:
        return not self._stopping and self._thread.is_alive()

    def _enqueue(self, run: Callable[[], None], abandon: Callable[[], None]) -> None:
        self._jobs.put((run, abandon))
        if self._wake_addr is not None and self._wake_sock is not None:
            with contextlib.suppress(OSError):
                self._wake_sock.sendto(_WAKE, self._wake_addr)

    # --- engine thread -------------------------------------------------------------------------

    def post(self, event: Event) -> None:
        """Queue an event for the Qt thread (announced at the end of this loop turn)."""
        self.events.append(event)
        self._unannounced = True

    def network_changed(self) -> None:
        """Rebuild the transports after a network change, and register again at once."""
        assert_engine_thread()
        if self.endpoint is None:
            return
        if self._follow_route():
            return  # registers anew from the new address
        self.endpoint.handleIpChange(ip_change_param())
        if self._account is not None and self.config.register:
            # pjsua's IP-change handling re-registers too; this only hurries a registration
            # that was failing, and "busy" means one is under way already
            with contextlib.suppress(pj.Error):
                self._account.setRegistration(True)

    def _follow_route(self) -> bool:
        """Move SIP, and the RTP of calls to come, to the address the route to the server now
        leaves from (another network, a VPN that came up); True when it moved. The old
        transport goes once its last user (a running call, a transaction) lets go of it.
        Where the route cannot be found now (no DNS while the network is down), SIP stays."""
        ep, account, cfg = self.endpoint, self._account, self.config
        if cfg.allow_direct_calls or ep is None or account is None:
            return False
        bound = route_address(cfg)
        if bound is None or bound == self._bound:
            return False
        where = bound
        try:
            new = ep.transportCreate(pj_transport(cfg.transport), transport_config(cfg, bound))
        except pj.Error as exc:
            log.warning("SIP could not move to %s (%s): it stays where it was", where, exc.reason)
            return False
        try:
            account.modify(account_config(cfg, new, self._stun, bound))  # registers from there
        except pj.Error as exc:
            log.warning("SIP could not move to %s (%s): it stays where it was", where, exc.reason)
            ep.transportClose(new)
            return False
        old, self._transport_id, self._bound = self._transport_id, new, bound
        ep.transportClose(old)
        log.info("the route to the SIP server changed: SIP moved to %s", where)
        return True

    def media_ports(self) -> int:
        """Ports on pjmedia's conference bridge (leak checks)."""
        assert_engine_thread()
        assert self.endpoint is not None
        return int(self.endpoint.mediaActivePorts())

    def _run_command(
        self, command: EngineCommand, call_id: str | None, fn: Callable[[], None]
    ) -> None:
        try:
            fn()
            return
        except CommandError as exc:
            failure = CommandFailure(call_id, command, exc.cause, exc.code)
            detail = exc.detail
        except pj.Error as exc:
            failure = CommandFailure(call_id, command, FailureCause.LIBRARY_ERROR, int(exc.status))
            detail = str(exc.reason)
        except Exception:
            log_failure(f"{command.value} failed (call {call_id or '-'})")
            failure, detail = CommandFailure(call_id, command, FailureCause.INTERNAL), ""
        # outside the except blocks: no traceback (holding pjsua2 objects) outlives this frame
        self._fail(failure, detail)

    def _stopped(self, command: EngineCommand, call_id: str | None) -> None:
        self._fail(CommandFailure(call_id, command, FailureCause.ENGINE_STOPPED))

    def _fail(self, failure: CommandFailure, detail: str = "") -> None:
        log_command_failure(failure, detail)
        self.post(failure)

    def _run(self) -> None:
        mark_engine_thread()
        try:
            self._create()
        except BaseException as exc:
            # without its traceback: the `_create` frame in it holds the Endpoint (`ep`), and
            # while that lives a new Endpoint in this process aborts (as in `make_call`)
            self._startup_error = exc.with_traceback(None)
            self._destroy()
            self._ready.set()
            return
        self._ready.set()
        ep = self.endpoint
        assert ep is not None
        boot, mono = _clocks()
        try:
            while not self._stopping:
                ep.libHandleEvents(self._wait_ms())
                if not self._jobs.empty():  # cheaper than an exception per turn
                    self._run_jobs()
                if self.calls.work_waiting:
                    self.calls.run_due()
                if self.calls.has_dead:
                    self.calls.reap()
                boot, mono = self._check_sleep(boot, mono)
                watch = self._watch
                if watch is not None and (watch.changed or time.monotonic() >= self._watch_at):
                    self._check_registration(watch)
                if self._unannounced:
                    # just before this thread lets go of the GIL in libHandleEvents: the
                    # woken Qt thread finds it free
                    self._announce()
        finally:
            self._stopping = True
            self._destroy()
            while True:  # work that arrived too late
                try:
                    _run, abandon = self._jobs.get_nowait()
                except queue.Empty:
                    break
                abandon()
            self._announce()

    def _run_jobs(self) -> None:
        while not self._jobs.empty():
            run, _abandon = self._jobs.get_nowait()
            run()

    def _announce(self) -> None:
        self._unannounced = False
        self._notify()

    def _check_sleep(self, boot: float, mono: float) -> tuple[float, float]:
        """After the computer slept, re-register and rebuild transports at once."""
        new_boot, new_mono = _clocks()
        if (new_boot - boot) - (new_mono - mono) > SLEEP_GAP_S:
            log.info("wake-up from sleep detected: refreshing network and registration")
            self._run_command(EngineCommand.NETWORK_REFRESH, None, self.network_changed)
        return new_boot, new_mono

    def _wait_ms(self) -> int:
        """The next `libHandleEvents` wait: POLL_MS, or until the registration watch is due."""
        if self._watch is None:
            return POLL_MS
        wait_ms = (self._watch_at - time.monotonic()) * 1000  # inf: nothing due
        return POLL_MS if wait_ms >= POLL_MS else max(MIN_WAIT_MS, math.ceil(wait_ms))

    def _check_registration(self, watch: RegistrationWatch) -> None:
        """Say "not registered" when the registrar went silent; re-REGISTER when a check is
        due (sip.regwatch). A silent registrar, or a REGISTER that failed unanswered, may be a
        route that changed unannounced (a VPN came up, a route added by hand, the address gone):
        SIP then moves to the new route's address."""
        now = time.monotonic()
        if watch.went_silent(now):
            log.warning(
                "the registrar has not answered for %.0f s: not registered",
                self.config.register_answer_s,
            )
            self.post(RegEvent(0, "", active=False))
            self._follow_route()
        elif watch.failed_unanswered():
            self._follow_route()
        if watch.due(now) and self._account is not None:
            try:
                self._account.setRegistration(True)  # onRegStarted tells the watch
            except pj.Error:  # busy: a REGISTER is under way (pjsip still retransmits it)
                watch.skipped(now)
        watch.changed = False  # after the check: a REGISTER it sent is in the next deadline
        now = time.monotonic()
        self._watch_at = now + watch.wait_s(now)

    def _create(self) -> None:
        cfg = self.config
        # pjsua2 allows one Endpoint per process and aborts on a second: a previous engine's,
        # destroyed but still held by a reference cycle (an exception's traceback), must go
        # first (seen in the test suite, where many engines start in one process).
        gc.collect()
        ep = EngineEndpoint(self.post)
        self.endpoint = ep
        quiet_until_configured()  # pjlib's start-up lines would go to stdout (sip.pjlog)
        ep.libCreate()
        # pjsua waits ~8 s per socket for a silent STUN server: only those that answer
        stun = reachable(cfg.stun_servers) if cfg.stun_servers else ()
        for server in cfg.stun_servers:
            if server not in stun:
                log.warning("STUN server %s does not answer: not used", server)
        ep.libInit(endpoint_config(stun, int(os.environ.get("VPAPHONE_PJ_LOG_LEVEL", "1"))))
        ep.audDevManager().setNullDev()  # media clock without a sound device (audio via ports)
        self._bound = bind_address(cfg)
        self._transport_id = ep.transportCreate(
            pj_transport(cfg.transport), transport_config(cfg, self._bound)
        )
        wake_tp = ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, wake_transport_config())
        host, port = str(ep.transportGetInfo(wake_tp).localName).rsplit(":", 1)
        ep.libStart()
        self._wake_addr = (host, int(port))
        for info in ep.codecEnum2():
            ep.codecSetPriority(str(info.codecId), codec_priority(str(info.codecId)))
        sources = CallSources(cfg)
        ep.sources = sources
        if cfg.register:
            self._watch = RegistrationWatch(
                cfg.register_check_s, cfg.register_answer_s, time.monotonic()
            )
        account = EngineAccount(self.calls, sources, self._watch)
        self._stun = bool(stun)
        account.create(account_config(cfg, self._transport_id, self._stun, self._bound))
        self._account = self.calls.account = account

    def _destroy(self) -> None:
        """In the order pjmedia needs: calls, media ports, account, then the library."""
        ep = self.endpoint
        if ep is None:
            return
        try:
            self.calls.stopping = True
            if self.calls.calls:
                with contextlib.suppress(Exception):
                    ep.hangupAllCalls()
                deadline = time.monotonic() + 2.0
                while self.calls.calls and time.monotonic() < deadline:
                    ep.libHandleEvents(20)
            self.calls.audio.close()  # every AudioMediaPort must be gone before libDestroy
            if self._account is not None:
                _unregister(ep, self._account)
                with contextlib.suppress(Exception):
                    self._account.shutdown()
            self.calls.close()
            self._account = None
            # The calls are over and the registrar has answered (or had its second): without
            # NO_RX_MSG, libDestroy sleeps a fixed ~1 s for un-REGISTERs and TURN sessions (none
            # left: TURN is not used) — a second on every quit of the app.
            ep.libDestroy(pj.PJSUA_DESTROY_NO_RX_MSG)
        except Exception:
            log_failure("SIP engine shutdown failed")
        finally:
            self.endpoint = None


def _unregister(
    ep: EngineEndpoint, account: EngineAccount, timeout: float = UNREGISTER_WAIT_S
) -> None:
    """Take the registration back and wait for the registrar's answer (at most `timeout`), so
    that calls stop being routed here; a registrar that does not answer costs `timeout`."""
    answers = account.reg_answers
    try:
        if not account.getInfo().regIsActive:
            return
        account.setRegistration(False)
    except Exception:  # pjsua refuses while a REGISTER is under way: acc_del still sends it
        return
    deadline = time.monotonic() + timeout
    while account.reg_answers == answers and time.monotonic() < deadline:
        ep.libHandleEvents(20)


def _clocks() -> tuple[float, float]:
    """(a clock that runs during sleep, one that does not). Linux: the boot clock; elsewhere
    the wall clock (a manual clock change of > SLEEP_GAP_S then costs one needless refresh)."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    awake = time.clock_gettime(boottime) if boottime is not None else time.time()
    return awake, time.monotonic()
