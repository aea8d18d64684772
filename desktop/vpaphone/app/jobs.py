"""my-vpa work as plain functions of the worker thread's `NetContext` (`netjobs.NetWorker`).

Everything here runs on the my-vpa thread: network, keychain and that thread's own Store.
Results go back to the GUI thread as plain data; nothing here touches Qt objects.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from vpaphone.core.model import Task, TelephonyArea

if TYPE_CHECKING:
    from vpaphone.app.netjobs import NetContext
    from vpaphone.myvpa.cache import Snapshot
    from vpaphone.myvpa.errors import KeychainProblem
    from vpaphone.myvpa.models import AdminRequestKind
    from vpaphone.myvpa.sync import SyncReport

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SyncResult:
    report: SyncReport
    tasks: list[Task]
    fetched_at: datetime


def keychain_problem(ctx: NetContext) -> KeychainProblem | None:
    return ctx.keychain.problem


def sign_in(ctx: NetContext, user: str, password: str, remember: bool) -> Snapshot:
    return ctx.account.sign_in(user, password, remember=remember)


def resume(ctx: NetContext, user: str) -> Snapshot | None:
    return ctx.account.resume(user)


def upload(ctx: NetContext) -> SyncReport:
    from vpaphone.myvpa.sync import Uploader  # noqa: PLC0415 - loaded on this thread

    return Uploader(ctx.account.client, ctx.store.outbox).drain()


def sync(ctx: NetContext) -> SyncResult:
    """Upload what is queued, then fetch the tasks' figures (they include what was sent)."""
    report = upload(ctx)
    fetched_at = datetime.now(UTC)
    tasks = ctx.account.client.active_tasks()
    ctx.store.tasks.save(tasks, fetched_at)
    return SyncResult(report, tasks, fetched_at)


def sign_out(ctx: NetContext) -> None:
    """Upload what is queued (a failure is logged), then end the session and forget data."""
    try:
        upload(ctx)
    except Exception:
        log.warning("upload before sign-out failed", exc_info=True)
    ctx.account.sign_out()


def final_upload(ctx: NetContext) -> None:
    """At quit: one last upload if the session is still valid."""
    if ctx.account.session.signed_in:
        upload(ctx)


def set_task_area(ctx: NetContext, task_id: str, area: TelephonyArea) -> Task:
    return ctx.account.client.set_task_area(task_id, area)


def set_task_budget(ctx: NetContext, task_id: str, minutes: int) -> Task:
    return ctx.account.client.set_task_budget(task_id, minutes)


def post_telefonfaktor(
    ctx: NetContext,
    *,
    task_id: str,
    zone: str,
    language: str,
    text: str,
    raise_budget_to: int | None = None,
) -> Task | None:
    """Post the message; raise the task's budget first when asked (the message then says it
    was raised: if raising fails, nothing is posted). The changed task, if any."""
    task = None
    if raise_budget_to is not None:
        task = ctx.account.client.set_task_budget(task_id, raise_budget_to)
    ctx.account.client.post_telefonfaktor(task_id, zone, language, text)
    return task


def admin_request(ctx: NetContext, kind: AdminRequestKind, text: str, task_id: str | None) -> None:
    ctx.account.client.admin_request(kind, text, task_id)
