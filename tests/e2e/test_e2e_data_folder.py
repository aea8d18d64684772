"""The data folder fails: while running (disk full: the call goes on, the VPA is told at once,
nothing is lost — issue 13, failure 3) and at start (damaged, foreign, read-only, full: a
specific message in the window and the log — failure 4). Real file systems: a size-limited
tmpfs the test mounts, fills and turns read-only."""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from pytestqt.qtbot import QtBot

from tests.e2e.conftest import App, Confirmations, make_backend
from tests.fixtures.disks import SmallDisk, small_disk  # noqa: F401
from vpaphone.app.backend import Backend
from vpaphone.app.notices import Notice, NoticeKind
from vpaphone.app.records import RECORD_RETRY_MS
from vpaphone.app.services import AppServices, unsaved_records_journal
from vpaphone.demo.server import DemoServer
from vpaphone.store.store import Store
from vpaphone.ui.app import Shell
from vpaphone.ui.mainwindow import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.slow]

TASK = "T-1002"
NUMBER = "+49 221 82829980"
DISK_KB = 1024


@pytest.fixture
def disk(small_disk: Callable[[Path, int], SmallDisk], tmp_path: Path) -> SmallDisk:  # noqa: F811
    return small_disk(tmp_path / "disk", DISK_KB)


@contextlib.contextmanager
def _running(server: DemoServer, data_dir: Path, qtbot: QtBot, tmp: Path) -> Iterator[App]:
    settings = QSettings(str(tmp / f"settings-{uuid.uuid4().hex}.ini"), QSettings.Format.IniFormat)
    services = AppServices(make_backend(server, data_dir), settings)
    window = MainWindow(services, confirm=Confirmations())  # deleted below, not by qtbot
    window.show()
    try:
        yield App(services, window, server, Confirmations(), qtbot, settings)
    finally:
        services.close()
        # Gone now, on this thread: a widget the garbage collector frees later may be freed on
        # another thread (the demo server's), which crashes Qt.
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _call_and_hang_up(app: App) -> None:
    panel = app.call_until_connected(NUMBER)
    panel.hangup_button.click()
    app.qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)


def test_disk_full_while_running_calls_go_on_the_vpa_is_told_nothing_is_lost(
    app_server: DemoServer, disk: SmallDisk, qtbot: QtBot, tmp_path: Path
) -> None:
    with _running(app_server, disk.path / "data", qtbot, tmp_path) as app:
        services, window = app.services, app.window
        told: list[Notice] = []
        services.records.notice.connect(told.append)
        app.sign_in()
        app.signed_in()
        app.pick_task(TASK)
        disk.fill()

        panel = app.call_until_connected(NUMBER)
        # told while the first call rings, not after it: the record could not be written
        assert told
        assert told[0].kind is NoticeKind.RECORD_NOT_SAVED
        assert "could not be saved: the disk is full" in window.statusBar().currentMessage()
        panel.hangup_button.click()
        qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)
        _call_and_hang_up(app)
        _call_and_hang_up(app)

        assert window.record_status.text() == "3 call record(s) not saved yet"
        journal = unsaved_records_journal(services.backend)
        assert journal.exists()  # kept outside the full disk too
        assert not (disk.path / "data" / journal.name).exists()
        assert len({entry.call_id for entry in journal.load()}) == 3

        disk.free()  # space again: written within a retry, then uploaded
        qtbot.waitUntil(
            lambda: len(services.store.calls.recent()) == 3, timeout=3 * RECORD_RETRY_MS
        )
        records = services.store.calls.recent()
        assert all(stored.record.end_reason is not None for stored in records)
        assert all(stored.record.answered_at is not None for stored in records)
        assert told[-1].kind is NoticeKind.RECORDS_SAVED
        assert not journal.exists()
        qtbot.waitUntil(lambda: len(app_server.state.call_records) == 3, timeout=20_000)
        assert {r["client_id"] for r in app_server.state.call_records.values()} == {
            stored.record.id for stored in records
        }


def test_records_still_unsaved_at_quit_are_saved_by_the_next_start(
    app_server: DemoServer, disk: SmallDisk, qtbot: QtBot, tmp_path: Path
) -> None:
    data_dir = disk.path / "data"
    with _running(app_server, data_dir, qtbot, tmp_path) as app:
        app.sign_in()
        app.signed_in()
        app.pick_task(TASK)
        disk.fill()
        _call_and_hang_up(app)
        journal = unsaved_records_journal(app.services.backend)
    assert journal.exists()  # quit while the disk was still full

    disk.free()
    with _running(app_server, data_dir, qtbot, tmp_path) as app:
        (stored,) = app.services.store.calls.recent()
        assert stored.record.end_reason is not None
        assert not journal.exists()
        app.sign_in()
        app.signed_in()
        qtbot.waitUntil(lambda: len(app_server.state.call_records) == 1, timeout=20_000)
        assert stored.record.id in app_server.state.call_records


class _Source:
    """A backend source as the entry point hands it over, with its data folder."""

    launch_options: tuple[str, ...] = ()

    def __init__(self, backend: Backend) -> None:
        self._backend = backend

    @property
    def data_dir(self) -> Path:
        return self._backend.data_dir

    @contextlib.contextmanager
    def open(self) -> Iterator[Backend]:
        yield self._backend


def _existing_database(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / "vpaphone.sqlite3"
    Store.open(path).close()
    return path


def _corrupt(data_dir: Path, disk: Callable[[], SmallDisk]) -> str:
    path = _existing_database(data_dir)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # the schema page
    path.write_bytes(bytes(data))
    return str(path)


def _not_sqlite(data_dir: Path, disk: Callable[[], SmallDisk]) -> str:
    data_dir.mkdir(parents=True)
    path = data_dir / "vpaphone.sqlite3"
    path.write_text("a spreadsheet someone saved here\n" * 100)
    return str(path)


def _read_only(data_dir: Path, disk: Callable[[], SmallDisk]) -> str:
    _existing_database(data_dir)
    disk().read_only()
    return str(data_dir)


def _full(data_dir: Path, disk: Callable[[], SmallDisk]) -> str:
    _existing_database(data_dir)
    disk().fill()
    return str(data_dir / "vpaphone.sqlite3")


@pytest.mark.parametrize(
    ("prepare", "words"),
    [
        (_corrupt, "is damaged"),
        (_not_sqlite, "is not a database of this softphone"),
        (_read_only, "cannot write to its data folder"),
        (_full, "is full"),
    ],
    ids=["corrupt", "not-sqlite", "read-only", "full"],
)
def test_a_data_folder_problem_at_start_is_named_in_the_window_and_the_log(
    app_server: DemoServer,
    small_disk: Callable[[Path, int], SmallDisk],  # noqa: F811
    tmp_path: Path,
    qtbot: QtBot,
    caplog: pytest.LogCaptureFixture,
    prepare: Callable[[Path, Callable[[], SmallDisk]], str],
    words: str,
) -> None:
    mounted: list[SmallDisk] = []
    data_dir = tmp_path / "disk" / "data"

    def disk() -> SmallDisk:
        if not mounted:
            raise AssertionError("mount first")
        return mounted[0]

    if prepare in (_read_only, _full):
        mounted.append(small_disk(tmp_path / "disk", DISK_KB))
    where = prepare(data_dir, disk)
    caplog.set_level(logging.ERROR, logger="vpaphone")
    shell = Shell(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(shell.window)
    try:
        shell.show(_Source(make_backend(app_server, data_dir)), None)
        signin = shell.window.signin
        qtbot.waitUntil(lambda: bool(signin.error.text()), timeout=10_000)
        text = signin.error.text()
        assert words in text, text
        assert where in text  # the path, so IT knows what to look at
        assert "Until then you cannot sign in" in text
        assert signin.error.isVisible()
        assert not signin.button.isEnabled()
        assert shell.services is None
        logged = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert logged
        assert str(data_dir) in logged[0].getMessage()
    finally:
        shell.close()
