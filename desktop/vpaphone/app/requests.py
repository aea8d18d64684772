"""What the VPA asks of my-vpa besides syncing: a task's telephony area, the "Telefonfaktor"
message in the task chat, notes to the admin team (RULES.md 9–12), and the texts they carry.

A chat message or an admin request must happen once however often it is sent: each intended
one gets an idempotency key, kept until my-vpa confirmed it, so that the client's retries and
the VPA's own "send again" after a failure reach my-vpa as repeats of the same request.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal

from vpaphone.app import jobs
from vpaphone.app.netjobs import NetWorker
from vpaphone.app.notices import Notice, NoticeKind, failure_notice
from vpaphone.app.session import SessionService
from vpaphone.app.settings_keys import sales_notice_key
from vpaphone.app.tasks import TaskService
from vpaphone.core.admin_notes import (
    more_than_planned_note,
    quote_request_note,
    sales_system_note,
)
from vpaphone.core.model import Task, TelephonyArea
from vpaphone.core.rules import Language
from vpaphone.myvpa.errors import SignInRequiredError
from vpaphone.myvpa.models import AdminRequestKind, new_idempotency_key
from vpaphone.texts.translate import language


class RequestService(QObject):
    notice = Signal(Notice)
    session_ended = Signal(Exception)  # my-vpa ended the session: the VPA must sign in again

    def __init__(
        self,
        net: NetWorker,
        session: SessionService,
        tasks: TaskService,
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._net = net
        self._session = session
        self._tasks = tasks
        self._settings = settings
        self._keys: dict[tuple[str, ...], str] = {}  # intended action -> its idempotency key

    def set_task_area(
        self, task_id: str, area: TelephonyArea, done: Callable[[bool], None]
    ) -> None:
        """Change the task's telephony area on my-vpa; `done(changed)` runs either way."""

        def applied(task: Task) -> None:
            self._tasks.replace(task)
            self.notice.emit(Notice(NoticeKind.AREA_CHANGED, area=area))
            done(True)

        def refused(exc: Exception) -> None:
            self._refused(exc)
            done(False)

        self._net.submit(
            functools.partial(jobs.set_task_area, task_id=task_id, area=area), applied, refused
        )

    def post_to_chat(
        self,
        task_id: str,
        template: str,
        lang: Language,
        text: str,
        *,
        raise_budget_to: int | None = None,
    ) -> None:
        """Post the "Telefonfaktor DE/EU" message (as the VPA edited it) to the task chat,
        raising the task's budget first when `raise_budget_to` is given."""
        zone = "EU" if template.endswith("EU") else "DE"
        action = ("chat", task_id, zone, lang.value, text, str(raise_budget_to))

        def posted(task: Task | None) -> None:
            self._keys.pop(action, None)
            if task is not None:
                self._tasks.replace(task)
            self.notice.emit(Notice(NoticeKind.CHAT_POSTED))

        job = functools.partial(
            jobs.post_telefonfaktor,
            task_id=task_id,
            zone=zone,
            language=lang.value,
            text=text,
            key=self._key(action),
            raise_budget_to=raise_budget_to,
        )
        self._net.submit(job, posted, self._refused)

    def tell_admin_team(self, kind: AdminRequestKind, text: str, task_id: str | None) -> None:
        action = ("admin", kind.value, task_id or "", text)

        def sent(_: object) -> None:
            self._keys.pop(action, None)
            if kind is AdminRequestKind.SALES_CALL_NOTICE and task_id is not None:
                self._settings.setValue(sales_notice_key(task_id), True)
            self.notice.emit(Notice(NoticeKind.ADMIN_TOLD))

        job = functools.partial(
            jobs.admin_request, kind=kind, text=text, task_id=task_id, key=self._key(action)
        )
        self._net.submit(job, sent, self._refused)

    def _key(self, action: tuple[str, ...]) -> str:
        return self._keys.setdefault(action, new_idempotency_key())

    def more_than_planned_text(self, task: Task) -> str:
        """The note to the admin team when a task needs more phone time than planned."""
        return more_than_planned_note(
            task,
            self._tasks.share(task),
            self._tasks.recommendation(task),
            self._session.rules,
            language(),
        )

    def quote_request_text(
        self, task: Task, regions: tuple[str, ...], expected_minutes: int | None
    ) -> str:
        """The request for an individual quote: the countries of the blocked attempts too."""
        return quote_request_note(
            task,
            {*regions, *self._tasks.regions_outside_eu(task)},
            self._tasks.share(task),
            self._session.rules,
            language(),
            expected_minutes=expected_minutes,
        )

    def sales_notice_text(self, task: Task) -> str:
        return sales_system_note(task, self._session.rules, language())

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, SignInRequiredError):
            self.session_ended.emit(exc)
            return
        self.notice.emit(failure_notice(exc, 0))
