"""Retention and owners: confirmed history goes after its time, unconfirmed records never; a VPA
signing in takes over what had no owner and sees only their own history."""

from __future__ import annotations

from datetime import timedelta

from tests.unit.store.store_helpers import at, make_call
from vpaphone.core.model import EndReason
from vpaphone.store import OutboxKind, Store


def _ended(store: Store, day: int) -> str:
    call = make_call(started=day * 86400)
    store.calls.call_started(call)
    store.calls.call_ended(call.id, at(day * 86400 + 60), EndReason.COMPLETED, 200)
    return call.id


def test_only_confirmed_history_older_than_the_retention_goes(store: Store) -> None:
    old_confirmed, old_queued, old_refused, young = (_ended(store, d) for d in (0, 1, 2, 95))
    store.work.start("task-1", at(0))
    store.work.stop(at(3600))
    store.outbox.mark_delivered([old_confirmed, young], at=at(96 * 86400))
    store.outbox.mark_delivered(
        [i.client_id for i in store.outbox.pending(OutboxKind.WORK_SESSION)], at=at(86400)
    )
    store.outbox.mark_rejected({old_refused: ("unknown_task", "")})

    deleted = store.purge_history(timedelta(days=90), now=at(100 * 86400))

    assert deleted == 2  # the old confirmed call and the old reported work session
    assert store.calls.get(old_confirmed) is None
    assert store.calls.get(old_queued) is not None
    assert store.calls.get(old_refused) is not None
    assert store.calls.get(young) is not None
    assert store.work.for_task("task-1") == []


def test_the_signed_in_vpa_sees_and_sends_only_their_own(store: Store) -> None:
    legacy = _ended(store, 0)  # from before owners were kept
    store.set_owner("sam")
    sams = _ended(store, 1)
    store.outbox.mark_delivered([sams])
    store.set_owner("dana")
    store.adopt("dana")
    danas = _ended(store, 2)

    assert {c.record.id for c in store.calls.recent()} == {legacy, danas}
    assert store.calls.get(sams) is None  # sam's confirmed history left with sam
    pending = store.outbox.pending(OutboxKind.CALL_RECORD, owner="dana")
    assert {i.client_id for i in pending} == {legacy, danas}
