"""my-vpa work off the GUI thread: one worker thread owns the client, keychain and its own Store.

HTTP and keychain calls can take seconds (timeouts, retries, D-Bus); the window must not freeze.
Jobs run one at a time in submission order (a sign-in finishes before the first sync starts),
and their results come back to the GUI thread through a queued signal.
"""

from __future__ import annotations

import concurrent.futures
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:  # loaded on the worker thread, after the window is up (keyring is slow)
    from vpaphone.myvpa.account import Account
    from vpaphone.myvpa.keychain import Keychain
    from vpaphone.myvpa.transport import Transport, TransportConfig
    from vpaphone.store.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class NetContext:
    """What the worker thread owns; built on that thread (a Store belongs to its thread)."""

    account: Account
    store: Store
    transport: Transport
    keychain: Keychain

    def close(self) -> None:
        self.transport.close()
        self.store.close()


def open_context(
    transport_config: TransportConfig, keychain_service: str, db_path: Path, cache_path: Path
) -> NetContext:
    from vpaphone.myvpa.account import Account  # noqa: PLC0415 - see TYPE_CHECKING
    from vpaphone.myvpa.cache import OfflineCache  # noqa: PLC0415
    from vpaphone.myvpa.keychain import Keychain  # noqa: PLC0415
    from vpaphone.myvpa.session import Session  # noqa: PLC0415
    from vpaphone.myvpa.transport import Transport  # noqa: PLC0415
    from vpaphone.store.store import Store  # noqa: PLC0415

    keychain = Keychain(service=keychain_service)
    keychain.probe()
    transport = Transport(transport_config)
    store = Store.open(db_path)
    session = Session(transport, keychain, device_name="vpaphone")
    account = Account(session, OfflineCache(cache_path, keychain, store.tasks), store)
    return NetContext(account, store, transport, keychain)


class NetWorker(QObject):
    """Runs `job(context)` on the worker thread; `done(result)` / `failed(exc)` on the GUI one."""

    _finished = Signal(object)  # a callable to run on the GUI thread (no data type)

    def __init__(self, make_context: Callable[[], NetContext], parent: QObject | None = None):
        super().__init__(parent)
        self._make_context = make_context
        self._context: NetContext | None = None
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="myvpa")
        self._pending = 0
        self._closed = False
        self._lock = threading.Lock()
        self._finished.connect(self._run_on_gui, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._pending > 0

    def submit(
        self,
        job: Callable[[NetContext], T],
        done: Callable[[T], None],
        failed: Callable[[Exception], None],
    ) -> None:
        if self._closed:  # quitting: late requests are dropped (queued records stay queued)
            log.debug("my-vpa job submitted after shutdown; dropped")
            return
        with self._lock:
            self._pending += 1

        def run() -> None:
            try:
                result = job(self._ensure_context())
            except Exception as exc:  # delivered to `failed`; never lost in the pool
                error = exc
                self._deliver(lambda: failed(error))
            else:
                self._deliver(lambda: done(result))

        self._pool.submit(run)

    def _deliver(self, callback: Callable[[], None]) -> None:
        with self._lock:
            self._pending -= 1
        self._finished.emit(callback)

    def _ensure_context(self) -> NetContext:
        if self._context is None:
            self._context = self._make_context()
        return self._context

    def _run_on_gui(self, callback: Any) -> None:
        if self._closed:
            return  # the app is quitting: nothing left to update
        try:
            callback()
        except Exception:
            log.exception("handling a my-vpa result failed")

    def shutdown(self, final_job: Callable[[NetContext], None] | None = None) -> None:
        """Run `final_job` (if any), then close the context; waits for running jobs."""

        def close() -> None:
            try:
                if final_job is not None and self._context is not None:
                    final_job(self._context)
            except Exception:
                log.warning("final my-vpa job failed", exc_info=True)
            finally:
                if self._context is not None:
                    self._context.close()
                    self._context = None

        self._closed = True
        self._pool.submit(close)
        self._pool.shutdown(wait=True)
