"""my-vpa work as plain functions of the worker thread's `NetContext` (`netjobs.NetWorker`).

Everything here runs on the my-vpa thread: network, keychain and that thread's own Store.
Results go back to the GUI thread as plain data; nothing here touches Qt objects.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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


@dataclass(frozen=True, slots=True)
class Unconfirmed:
    """Records of the VPA my-vpa has not confirmed (before sign-out): all, and refused ones."""

    count: int
    refused: int
    error: Exception | None = None  # why the upload just tried did not get them through


def keychain_problem(ctx: NetContext) -> KeychainProblem | None:
    return ctx.keychain.problem


def sign_in(ctx: NetContext, user: str, password: str, remember: bool) -> Snapshot:
    snapshot = ctx.account.sign_in(user, password, remember=remember)
    ctx.store.adopt(user)
    return snapshot


def resume(ctx: NetContext, user: str) -> Snapshot | None:
    snapshot = ctx.account.resume(user)
    if snapshot is not None:
        ctx.store.adopt(user)
    return snapshot


def upload(ctx: NetContext, *, retry_rejected: bool = False) -> SyncReport:
    """The signed-in VPA's queued records; `retry_rejected` offers refused ones once more."""
    from vpaphone.myvpa.sync import Uploader  # noqa: PLC0415 - loaded on this thread

    uploader = Uploader(ctx.account.client, ctx.store.outbox, owner=ctx.account.session.user)
    report = uploader.drain(retry_rejected=retry_rejected)
    send_retags(ctx)
    return report


def send_retags(ctx: NetContext) -> None:
    """Calls the VPA moved to another task after my-vpa had them: tell my-vpa. A refused move
    (the task closed meanwhile) stays pending and is logged; the next sync tries again."""
    from vpaphone.myvpa.errors import ApiError  # noqa: PLC0415 - loaded on this thread

    for call_id, task_id in ctx.store.calls.pending_retags():
        try:
            ctx.account.client.set_call_task(call_id, task_id)
        except ApiError as exc:
            log.warning("my-vpa refused moving call %s to another task: %s", call_id, exc.code)
            continue
        ctx.store.calls.retag_delivered(call_id, task_id)


def sync(ctx: NetContext, retention: timedelta, retry_rejected: bool = False) -> SyncResult:
    """Upload what is queued, fetch the tasks' figures (they include what was sent), and
    delete confirmed history older than `retention`."""
    report = upload(ctx, retry_rejected=retry_rejected)
    fetched_at = datetime.now(UTC)
    tasks = ctx.account.client.active_tasks()
    ctx.store.tasks.save(tasks, fetched_at)
    ctx.store.purge_history(retention)
    return SyncResult(report, tasks, fetched_at)


def upload_before_sign_out(ctx: NetContext) -> Unconfirmed:
    """Try to get everything up (refused records once more); say what my-vpa still lacks."""
    error: Exception | None = None
    try:
        upload(ctx, retry_rejected=True)
    except Exception as exc:  # the VPA decides what happens to the rest (see SessionService)
        log.warning("upload before sign-out failed: %s", type(exc).__name__)
        error = exc
    user = ctx.account.session.user
    outbox = ctx.store.outbox
    return Unconfirmed(outbox.count(user), len(outbox.rejected(user)), error)


def sign_out(ctx: NetContext) -> int:
    """End the session, forget secrets and personal data; returns the records kept because
    my-vpa has not confirmed them (they go up at this VPA's next sign-in)."""
    return ctx.account.sign_out()


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
    key: str,
    raise_budget_to: int | None = None,
) -> Task | None:
    """Post the message (once: `key` makes a repeat harmless); raise the task's budget first
    when asked (the message then says it was raised: if raising fails, nothing is posted).
    The changed task, if any."""
    task = None
    if raise_budget_to is not None:  # idempotent: it sets the value
        task = ctx.account.client.set_task_budget(task_id, raise_budget_to)
    ctx.account.client.post_telefonfaktor(task_id, zone, language, text, idempotency_key=key)
    return task


def admin_request(
    ctx: NetContext, kind: AdminRequestKind, text: str, task_id: str | None, *, key: str
) -> None:
    ctx.account.client.admin_request(kind, text, task_id, idempotency_key=key)
