"""Call history, per task or overall: model/view, so thousands of calls stay fast."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Protocol

import phonenumbers
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vpaphone.core.calls import CallRecord
from vpaphone.core.model import CallDirection, EndReason
from vpaphone.ui.widgets.in_call import format_talk_time
from vpaphone.ui.widgets.shrink import shrinkable

PAGE_SIZE = 200  # rows read from the store at a time, as the user scrolls

_AnyIndex = QModelIndex | QPersistentModelIndex


class CallSource(Protocol):
    """What the history reads: `vpaphone.app.history.HistoryService`."""

    def recent(self, limit: int = 50, offset: int = 0) -> list[CallRecord]: ...

    def for_task(self, task_id: str) -> list[CallRecord]: ...


def outcome_text(record: CallRecord) -> str:
    """What happened, in words: "Completed", "Busy", "Blocked by the call rules" …"""
    if record.end_reason is None:
        return QCoreApplication.translate("History", "In progress")
    if record.transferred_to:  # only a transfer that succeeded records its target
        return QCoreApplication.translate("History", "Transferred to %1").replace(
            "%1", shown_number(record.transferred_to)
        )
    texts = {
        EndReason.COMPLETED: QCoreApplication.translate("History", "Completed"),
        EndReason.CANCELLED: QCoreApplication.translate("History", "Cancelled"),
        EndReason.BUSY: QCoreApplication.translate("History", "Busy"),
        EndReason.DECLINED: QCoreApplication.translate("History", "Declined"),
        EndReason.NOT_FOUND: QCoreApplication.translate("History", "Number not found"),
        EndReason.UNAVAILABLE: QCoreApplication.translate("History", "Not reachable"),
        EndReason.NO_ANSWER: QCoreApplication.translate("History", "No answer"),
        EndReason.FORBIDDEN: QCoreApplication.translate(
            "History", "Not allowed by the phone system"
        ),
        EndReason.NETWORK_ERROR: QCoreApplication.translate("History", "Network problem"),
        EndReason.BLOCKED: QCoreApplication.translate("History", "Blocked by the call rules"),
        EndReason.FAILED: QCoreApplication.translate("History", "Failed"),
        EndReason.INTERRUPTED: QCoreApplication.translate("History", "Interrupted (app closed)"),
        EndReason.MISSED: QCoreApplication.translate("History", "Missed"),
        EndReason.REJECTED: QCoreApplication.translate("History", "Rejected"),
    }
    return texts[record.end_reason]


@functools.lru_cache(maxsize=4096)
def shown_number(e164: str) -> str:
    """ "+49 221 82829980" for display; the text as stored if it is no phone number."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


class HistoryModel(QAbstractTableModel):
    """Rows of calls, newest first; overall history is read page by page (fetchMore)."""

    TIME, NUMBER, TASK, DIRECTION, DURATION, OUTCOME = range(6)
    E164_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, source: CallSource, task_titles: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self._source = source
        self._titles: Mapping[str, str] = task_titles or {}
        self._rows: list[CallRecord] = []
        self._task_id: str | None = None
        self._exhausted = False
        self._headers = (
            QCoreApplication.translate("History", "Time"),
            QCoreApplication.translate("History", "Number"),
            QCoreApplication.translate("History", "Task"),
            QCoreApplication.translate("History", "Direction"),
            QCoreApplication.translate("History", "Talk time"),
            QCoreApplication.translate("History", "Outcome"),
        )

    def show_task(self, task_id: str | None) -> None:
        """Calls of one task (all of them), or None: every call, newest first, paged."""
        self._task_id = task_id
        self.reload()

    def task_titles(self) -> Mapping[str, str]:
        return self._titles

    def set_task_titles(self, titles: Mapping[str, str]) -> None:
        self._titles = titles
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.TASK), self.index(len(self._rows) - 1, self.TASK)
            )

    def reload(self) -> None:
        self.beginResetModel()
        if self._task_id is not None:
            self._rows = self._source.for_task(self._task_id)
            self._exhausted = True
        else:
            page = self._source.recent(limit=PAGE_SIZE)
            self._rows = list(page)
            self._exhausted = len(page) < PAGE_SIZE
        self.endResetModel()

    def record(self, row: int) -> CallRecord:
        return self._rows[row]

    # --- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 (Qt API)
        return 0 if parent.isValid() else len(self._headers)

    def canFetchMore(self, parent: _AnyIndex) -> bool:  # noqa: N802 (Qt API)
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _AnyIndex) -> None:  # noqa: N802 (Qt API)
        if parent.isValid() or self._exhausted:
            return
        page = self._source.recent(limit=PAGE_SIZE, offset=len(self._rows))
        self._exhausted = len(page) < PAGE_SIZE
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def headerData(  # noqa: N802 (Qt API)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        if role == self.E164_ROLE:
            return record.e164
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.DURATION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, record: CallRecord, column: int) -> str:
        if column == self.TIME:
            moment = QDateTime.fromMSecsSinceEpoch(int(record.started_at.timestamp() * 1000))
            return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)
        if column == self.NUMBER:
            return shown_number(record.e164)
        if column == self.TASK:
            if record.task_id is None:
                return QCoreApplication.translate("History", "(no task)")
            return self._titles.get(record.task_id, record.task_id)
        if column == self.DIRECTION:
            return (
                QCoreApplication.translate("History", "Outgoing")
                if record.direction is CallDirection.OUTGOING
                else QCoreApplication.translate("History", "Incoming")
            )
        if column == self.DURATION:
            return format_talk_time(record.talk_seconds) if record.answered_at else "–"
        return outcome_text(record)


class HistoryView(QWidget):
    """History table with a scope switch (this task / all calls), redial, and moving a call to
    the task it really was for."""

    redial_requested = Signal(CallRecord)  # the call to make again (its number and task)
    retag_requested = Signal(str, str)  # call id, the task it belongs to

    def __init__(
        self,
        source: CallSource,
        task_titles: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = HistoryModel(source, task_titles)
        self._task_id: str | None = None
        self.scope = QComboBox(self)
        self.scope.setAccessibleName(self.tr("Which calls to show"))
        self.scope.addItem(self.tr("All calls"), "all")
        self.scope.addItem(self.tr("Calls of the active task"), "task")
        shrinkable(self.scope)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Call history"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.redial_button = QPushButton(self.tr("Call again"), self)
        self.redial_button.setAccessibleName(self.tr("Call the selected number again"))
        self.redial_button.setEnabled(False)
        self._make_retag_bar()
        bar = QHBoxLayout()
        bar.addWidget(self.scope)
        bar.addStretch(1)
        bar.addWidget(self.retag_button)
        bar.addWidget(self.redial_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)  # the tab frame is margin enough at 360 px
        layout.addLayout(bar)
        layout.addWidget(self.retag_bar)
        layout.addWidget(self.table)
        self.retag_button.clicked.connect(self._offer_retag)
        self.retag_apply.clicked.connect(self._retag)
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.redial_button.clicked.connect(self.redial_selected)
        self.table.doubleClicked.connect(self._redial_row)
        self.table.activated.connect(self._redial_row)  # Enter on a row
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.model.show_task(None)

    def set_active_task(self, task_id: str | None) -> None:
        self._task_id = task_id
        self.scope.model().item(1).setEnabled(task_id is not None)  # type: ignore[attr-defined]
        if task_id is None:
            self.scope.setCurrentIndex(0)
        self._scope_changed()

    def show_calls_of_task(self, task_id: str) -> None:
        self._task_id = task_id
        self.scope.setCurrentIndex(1)
        self._scope_changed()

    def refresh(self) -> None:
        """Re-read the store (after a call ended or a sync)."""
        self.model.reload()

    def redial_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._redial_row(rows[0])

    def _redial_row(self, index: QModelIndex) -> None:
        self.redial_requested.emit(self.model.record(index.row()))

    def _scope_changed(self, _index: int = 0) -> None:
        by_task = self.scope.currentData() == "task" and self._task_id is not None
        self.model.show_task(self._task_id if by_task else None)

    def _make_retag_bar(self) -> None:
        self.retag_button = QPushButton(self.tr("Change task…"), self)
        self.retag_button.setAccessibleName(self.tr("Move the selected call to another task"))
        self.retag_button.setEnabled(False)
        self.retag_box = QComboBox(self)
        self.retag_box.setAccessibleName(self.tr("The task this call was for"))
        shrinkable(self.retag_box)
        self.retag_apply = QPushButton(self.tr("Move"), self)
        choice = QHBoxLayout()
        choice.addWidget(self.retag_box, 1)
        choice.addWidget(self.retag_apply)
        retag = QVBoxLayout()  # the label above the choice: the window may be 360 px wide
        retag.setContentsMargins(0, 0, 0, 0)
        retag.addWidget(QLabel(self.tr("This call was for:"), self))
        retag.addLayout(choice)
        self.retag_bar = QWidget(self)
        self.retag_bar.setLayout(retag)
        self.retag_bar.hide()

    def _selected(self) -> CallRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        record = self._selected()
        self.redial_button.setEnabled(record is not None)
        self.retag_button.setEnabled(record is not None and record.counts_as_task_time)
        self.retag_bar.hide()

    def _offer_retag(self) -> None:
        """Which open task the selected call was for (its current one preselected)."""
        record = self._selected()
        if record is None:
            return
        self.retag_box.clear()
        for task_id, title in self.model.task_titles().items():
            self.retag_box.addItem(title, task_id)
        self.retag_box.setCurrentIndex(max(0, self.retag_box.findData(record.task_id)))
        self.retag_bar.show()
        self.retag_box.setFocus()

    def _retag(self) -> None:
        record, task_id = self._selected(), self.retag_box.currentData()
        self.retag_bar.hide()
        if record is not None and isinstance(task_id, str) and task_id != record.task_id:
            self.retag_requested.emit(record.id, task_id)
