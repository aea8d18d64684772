"""The composition of the services for one backend, and their life: sign-in, sign-out, quit.

services = AppServices(backend, settings)      # GUI thread; DataFolderError: unusable folder
services.session.sign_in(user, password, remember)
... services.phone.dial(destination, zone) ...
services.close()                                # quit: calls ended, records queued
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QSettings

from vpaphone import paths
from vpaphone.app import jobs
from vpaphone.app.backend import Backend
from vpaphone.app.history import HistoryService
from vpaphone.app.netjobs import NetContext, NetWorker, open_context
from vpaphone.app.phone import PhoneService
from vpaphone.app.records import RecordKeeper
from vpaphone.app.requests import RequestService
from vpaphone.app.session import SessionService
from vpaphone.app.sync import SyncService
from vpaphone.app.tasks import TaskService
from vpaphone.app.worktimer import WorkTimer
from vpaphone.hardening import private_runtime_dir
from vpaphone.store.errors import StoreError, StoreProblem
from vpaphone.store.journal import Journal
from vpaphone.store.store import Store


class DataFolderError(RuntimeError):
    """The backend's data folder or database cannot be used at start; `problem` and `path`
    say why and where (`texts.storage` words what the VPA can do about it)."""

    def __init__(self, cause: StoreError) -> None:
        super().__init__(str(cause))
        self.problem: StoreProblem = cause.problem
        self.path: Path | None = cause.path


def unsaved_records_journal(backend: Backend) -> Journal:
    """Where call records go while the database refuses them: preferably off its disk."""
    folders = [backend.data_dir]
    runtime = private_runtime_dir()
    if runtime is not None:
        folders.append(runtime)
    folders.append(paths.config_dir())
    return Journal(backend.db_path, folders)


def open_store(backend: Backend, journal: Journal) -> Store:
    """The backend's database, with what an earlier run could not write, ready to write.

    Raises StoreError (its `problem` and `path` say what the VPA must do about the folder).
    """
    store = Store.open(backend.db_path)
    try:
        store.import_journal(journal)
        store.recover_interrupted(datetime.now(UTC), stale_after=timedelta(0))
        store.probe_write()  # a full disk or read-only file shows now, not at the first call
    except BaseException:
        store.close()
        raise
    return store


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
        journal = unsaved_records_journal(backend)
        # the database, for the services (and tests, diagnostics); widgets never touch it
        try:
            self.store = store or open_store(backend, journal)
        except StoreError as exc:
            raise DataFolderError(exc) from exc
        self.records = RecordKeeper(self.store.calls, journal, parent=self)
        self.net = NetWorker(self._open_context, self)
        self.session = SessionService(
            backend, settings, self.net, unsaved=lambda: self.records.unsaved, parent=self
        )
        self.work = WorkTimer(self.store.work, self)
        self.tasks = TaskService(self.session, self.store, self.work, settings, self)
        self.phone = PhoneService(
            self.session, self.tasks, self.store.calls, self.records, settings=settings, parent=self
        )
        self.sync = SyncService(
            self.net, self.session, self.tasks, self.store.outbox, self.records, parent=self
        )
        self.requests = RequestService(self.net, self.session, self.tasks, settings, self)
        self.history = HistoryService(self.store.calls, self)
        self._closed = False
        self._ended_by_server: Exception | None = None  # waits for the running call to end
        self.session.signed_in.connect(self._signed_in)
        self.session.signing_out.connect(self._signing_out)
        self.session.sign_out_cancelled.connect(self._start_working)
        self.session.signed_out.connect(self._signed_out)
        self.session.session_ended.connect(self._signed_out)
        self.sync.session_ended.connect(self._server_ended_session)
        self.requests.session_ended.connect(self._server_ended_session)
        self.work.stopped.connect(self.sync.sync_now)
        self.phone.call_ended.connect(self._call_ended)
        self.phone.history_changed.connect(self.history.changed)
        self.sync.finished.connect(self.history.changed)
        self.history.retagged.connect(self.sync.sync_now)
        self.records.changed.connect(self.history.changed)
        self.records.saved.connect(self.sync.sync_now)

    @property
    def notice_sources(
        self,
    ) -> tuple[SessionService, SyncService, RequestService, PhoneService, RecordKeeper, WorkTimer]:
        """Every service with a `notice` signal (the window shows them)."""
        return (self.session, self.sync, self.requests, self.phone, self.records, self.work)

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
        self.store.set_owner(snapshot.user)
        self.tasks.load(snapshot.tasks, snapshot.fetched_at)
        self._start_working()
        self.history.changed.emit()

    def _start_working(self) -> None:
        snapshot = self.session.snapshot
        assert snapshot is not None
        self.work.resume_beat()
        self.phone.start(snapshot.provisioning)
        self.sync.start()

    def _signing_out(self) -> None:
        self.work.stop()
        self.phone.stop()
        self.sync.stop()

    def _signed_out(self) -> None:
        self.store.set_owner(None)
        self.tasks.clear()
        self.history.changed.emit()
        self.sync.publish()

    def _server_ended_session(self, exc: Exception) -> None:
        """my-vpa ended the session: once no call runs, ask the VPA to sign in again."""
        if self.phone.call is not None:
            self._ended_by_server = exc  # the call goes on; the question comes after it
            return
        self.session.end_session(exc)

    def _call_ended(self) -> None:
        self.history.changed.emit()
        if self._ended_by_server is not None and self.phone.call is not None:
            return  # the other call (call waiting) goes on; the question comes after it
        ended, self._ended_by_server = self._ended_by_server, None
        if ended is not None:
            self.session.end_session(ended)
            return
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
        self.records.close()
        self.net.shutdown(jobs.final_upload if self.session.active else None)
        self.store.close()
