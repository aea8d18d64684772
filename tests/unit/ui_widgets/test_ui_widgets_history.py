"""Call history from the real store: outcome in words, talk time, per task, redial, paging."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from vpaphone.app.history import HistoryService
from vpaphone.core.calls import CallRecord, new_call_id
from vpaphone.core.model import CallDirection, CostZone, EndReason, TelephonyArea
from vpaphone.store import Store
from vpaphone.ui.widgets.history import PAGE_SIZE, HistoryModel, HistoryView

pytestmark = pytest.mark.gui

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "calls.db") as opened:
        yield opened


def add_call(
    store: Store,
    task_id: str,
    e164: str,
    start: datetime,
    reason: EndReason,
    talk: float | None = None,
) -> None:
    record = CallRecord(
        new_call_id(), task_id, CallDirection.OUTGOING, e164, CostZone.DE, TelephonyArea.NONE, start
    )
    store.calls.call_started(record)
    end = start + timedelta(seconds=5)
    if talk is not None:
        store.calls.call_answered(record.id, start + timedelta(seconds=5))
        end = start + timedelta(seconds=5 + talk)
    store.calls.call_ended(record.id, end, reason, None)


def cell(model: HistoryModel, row: int, column: int) -> str:
    return str(model.data(model.index(row, column)))


def test_history_shows_outcome_talk_time_and_task(qtbot: QtBot, store: Store) -> None:
    add_call(store, "t1", "+4922182829980", T0, EndReason.COMPLETED, talk=125)
    add_call(store, "t2", "+33142685300", T0 + timedelta(minutes=5), EndReason.BUSY)
    view = HistoryView(HistoryService(store.calls), {"t1": "Termine Krause", "t2": "Lieferanten"})
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 2
    assert cell(model, 0, model.NUMBER) == "+33 1 42 68 53 00"  # newest first
    assert cell(model, 0, model.OUTCOME) == "Busy"
    assert cell(model, 0, model.DURATION) == "–"
    assert cell(model, 0, model.TASK) == "Lieferanten"
    assert cell(model, 1, model.OUTCOME) == "Completed"
    assert cell(model, 1, model.DURATION) == "2:05"
    assert cell(model, 1, model.DIRECTION) == "Outgoing"


def test_history_per_task(qtbot: QtBot, store: Store) -> None:
    add_call(store, "t1", "+4922182829980", T0, EndReason.COMPLETED, talk=10)
    add_call(store, "t2", "+33142685300", T0 + timedelta(minutes=1), EndReason.NO_ANSWER)
    view = HistoryView(HistoryService(store.calls))
    qtbot.addWidget(view)
    view.show_calls_of_task("t2")
    assert view.model.rowCount() == 1
    assert cell(view.model, 0, view.model.OUTCOME) == "No answer"
    view.set_active_task(None)
    assert view.model.rowCount() == 2


def test_redial_emits_the_call_with_its_task(qtbot: QtBot, store: Store) -> None:
    add_call(store, "t1", "+4922182829980", T0, EndReason.COMPLETED, talk=10)
    view = HistoryView(HistoryService(store.calls))
    qtbot.addWidget(view)
    view.show()
    assert not view.redial_button.isEnabled()
    view.table.selectRow(0)
    assert view.redial_button.isEnabled()
    with qtbot.waitSignal(view.redial_requested) as redial:
        qtbot.mouseClick(view.redial_button, Qt.MouseButton.LeftButton)
    (record,) = redial.args
    assert (record.e164, record.task_id) == ("+4922182829980", "t1")


def test_thousands_of_calls_are_read_page_by_page(qtbot: QtBot, store: Store) -> None:
    for index in range(PAGE_SIZE * 2 + 10):
        add_call(store, "t1", "+4922182829980", T0 + timedelta(seconds=index), EndReason.BUSY)
    view = HistoryView(HistoryService(store.calls))
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == PAGE_SIZE
    while model.canFetchMore(view.table.rootIndex()):
        model.fetchMore(view.table.rootIndex())
    assert model.rowCount() == PAGE_SIZE * 2 + 10


def test_every_end_reason_has_words() -> None:
    from vpaphone.ui.widgets.history import outcome_text

    for reason in EndReason:
        record = CallRecord(
            "id", "t", CallDirection.INCOMING, "+49", CostZone.DE, TelephonyArea.NONE, T0,
            end_reason=reason,
        )  # fmt: skip
        text = outcome_text(record)
        assert text
        assert text != reason.value


def test_a_transferred_call_names_whom_it_went_to() -> None:
    from vpaphone.ui.widgets.history import outcome_text

    record = CallRecord(
        "id", "t", CallDirection.INCOMING, "+4922182829980", CostZone.DE, TelephonyArea.NONE, T0,
        end_reason=EndReason.COMPLETED, transferred_to="+493012345678", transferred_at=T0,
    )  # fmt: skip
    assert outcome_text(record) == "Transferred to +49 30 12345678"


def test_enter_on_a_row_redials(qtbot: QtBot, store: Store) -> None:
    add_call(store, "t1", "+33142685300", T0, EndReason.NO_ANSWER)
    view = HistoryView(HistoryService(store.calls))
    qtbot.addWidget(view)
    view.show()
    view.table.setFocus()
    view.table.selectRow(0)
    with qtbot.waitSignal(view.redial_requested) as redial:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert redial.args[0].e164 == "+33142685300"
