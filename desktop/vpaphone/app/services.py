"""The composition of the services for one backend, and their life: sign-in, sign-out, quit.

services = AppServices(backend, settings)      # on the GUI thread
services.session.sign_in(user, password, remember)
... services.phone.dial(destination, zone) ...
services.close()                                # quit: calls ended, records queued
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QSettings

from vpaphone.app import jobs
from vpaphone.app.backend import Backend
from vpaphone.app.history import HistoryService
from vpaphone.app.netjobs import NetContext, NetWorker, open_context
from vpaphone.app.phone import PhoneService
from vpaphone.app.requests import RequestService
from vpaphone.app.session import SessionService
from vpaphone.app.sync import SyncService
from vpaphone.app.tasks import TaskService
from vpaphone.app.worktimer import WorkTimer
from vpaphone.store.store import Store


class AppServices(QObject):
    def __init__(
        self,
        backend: Backend,
        settings: QSettings,
        *,
        store: Store | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        backend.data_dir.mkdir(parents=True, exist_ok=True)
        # the database, for the services (and tests, diagnostics); widgets never touch it
        self.store = store or Store.open(backend.db_path)
        self.store.recover_interrupted(datetime.now(UTC), stale_after=timedelta(0))
        self.net = NetWorker(self._open_context, self)
        self.session = SessionService(backend, settings, self.net, self)
        self.work = WorkTimer(self.store.work, self)
        self.tasks = TaskService(self.session, self.store, self.work, settings, self)
        self.phone = PhoneService(self.session, self.tasks, self.store.calls, settings, self)
        self.sync = SyncService(self.net, self.tasks, self.store.outbox, self)
        self.requests = RequestService(self.net, self.session, self.tasks, settings, self)
        self.history = HistoryService(self.store.calls, self)
        self._closed = False
        self.session.signed_in.connect(self._signed_in)
        self.session.signing_out.connect(self._signing_out)
        self.session.signed_out.connect(self._signed_out)
        self.work.stopped.connect(self.sync.sync_now)
        self.phone.call_ended.connect(self._call_ended)
        self.phone.history_changed.connect(self.history.changed)
        self.sync.finished.connect(self.history.changed)

    def _open_context(self) -> NetContext:
        backend = self.backend
        if backend.transport is None:
            raise RuntimeError(backend.problem or "my-vpa is not configured")
        return open_context(
            backend.transport, backend.keychain_service, backend.db_path, backend.cache_path
        )

    def _signed_in(self) -> None:
        snapshot = self.session.snapshot
        assert snapshot is not None
        self.work.resume_beat()
        self.tasks.load(snapshot.tasks, snapshot.fetched_at)
        self.phone.start(snapshot.provisioning)
        self.sync.start()

    def _signing_out(self) -> None:
        self.work.stop()
        self.phone.stop()
        self.sync.stop()

    def _signed_out(self) -> None:
        self.tasks.clear()
        self.history.changed.emit()

    def _call_ended(self) -> None:
        self.history.changed.emit()
        self.sync.sync_now()

    def close(self) -> None:
        """Quit: stop the timer (queued for upload), hang up, try one last upload, close."""
        if self._closed:
            return
        self._closed = True
        self.sync.stop()
        self.tasks.close()
        self.work.close()
        self.phone.stop()
        self.net.shutdown(jobs.final_upload if self.session.active else None)
        self.store.close()
