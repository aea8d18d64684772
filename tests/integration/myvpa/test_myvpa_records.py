"""A record is never lost, never duplicated, never blocks the others (issue 13, failure 1):
callers without a number are valid records; one record my-vpa refuses is kept with its reason
while the rest go up; a server refusing whole batches is answered by splitting them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.fixtures.demo_server import transport_for
from vpaphone.core.calls import CallRecord, new_call_id
from vpaphone.core.model import CallDirection, CostZone, EndReason, TelephonyArea
from vpaphone.demo.server import DemoServer
from vpaphone.myvpa.client import MyVpaClient
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.session import Session
from vpaphone.myvpa.sync import Uploader
from vpaphone.sip.uri import caller_from_uri
from vpaphone.store.outbox import OutboxKind
from vpaphone.store.store import Store

TASK, OTHER_TASK = "T-1002", "T-1007"
START = datetime.now(UTC) - timedelta(hours=1)


def _client(server: DemoServer, keychain: Keychain) -> MyVpaClient:
    session = Session(transport_for(server), keychain)
    session.sign_in("demo", "demo")
    return MyVpaClient(session)


def _call(
    store: Store,
    minute: int,
    *,
    number: str = "+4922112345678",
    task: str | None = TASK,
) -> str:
    """An answered call of 30 s, recorded as the engine records it (start, answer, end)."""
    start = START + timedelta(minutes=minute)
    record = CallRecord(
        new_call_id(),
        task,
        CallDirection.OUTGOING,
        number,
        CostZone.DE,
        TelephonyArea.BACKOFFICE_DE,
        start,
    )
    store.calls.call_started(record)
    store.calls.call_answered(record.id, start + timedelta(seconds=2))
    store.calls.call_ended(record.id, start + timedelta(seconds=32), EndReason.COMPLETED, 200)
    return record.id


def _incoming_from(store: Store, minute: int, remote_uri: str) -> str:
    """An incoming call the VPA answered for TASK, stored with what the engine makes of it."""
    e164, shown = caller_from_uri(remote_uri, "DE")
    start = START + timedelta(minutes=minute)
    record = CallRecord(
        new_call_id(),
        None,
        CallDirection.INCOMING,
        e164 or shown,  # as sip.engine stores a caller without a number
        CostZone.NON_EU,
        TelephonyArea.NONE,
        start,
    )
    store.calls.call_started(record)
    store.calls.assign_task(record.id, TASK)
    store.calls.call_answered(record.id, start + timedelta(seconds=1))
    store.calls.call_ended(record.id, start + timedelta(seconds=61), EndReason.COMPLETED, 200)
    return record.id


def test_anonymous_and_odd_callers_are_uploaded_and_nothing_waits_behind_them(
    demo_server: DemoServer, no_keychain: Keychain, store: Store
) -> None:
    client = _client(demo_server, no_keychain)
    before = _call(store, 0)
    anonymous = _incoming_from(store, 1, '"Anonymous" <sip:anonymous@anonymous.invalid>')
    user_name = _incoming_from(store, 2, "<sip:alice@pbx.example>")
    after = [_call(store, 3 + i) for i in range(3)]
    assert store.calls.get(anonymous).record.e164 == "Anonymous"  # what the engine keeps

    report = Uploader(client, store.outbox, batch_size=100).drain()

    records = demo_server.state.call_records
    assert report.accepted == 6
    assert report.rejected == 0
    assert set(records) == {before, anonymous, user_name, *after}
    assert records[anonymous]["e164"] is None
    assert records[anonymous]["caller"] == "withheld"
    assert records[anonymous]["talk_seconds"] == 60  # it counts like any other call
    assert records[user_name]["e164"] is None
    assert records[user_name]["caller"] == "not_a_number"
    assert "alice" not in str(records[user_name])  # a name is not sent in place of a number
    assert records[before]["e164"] == "+4922112345678"
    assert "caller" not in records[before]
    assert store.outbox.count() == 0


def test_a_refused_record_is_kept_with_the_reason_and_the_others_go_up(
    demo_server: DemoServer, no_keychain: Keychain, store: Store
) -> None:
    client = _client(demo_server, no_keychain)
    good = [_call(store, i) for i in range(3)]
    refused = _call(store, 3, task=OTHER_TASK)
    later = [_call(store, 4 + i) for i in range(2)]
    demo_server.state.closed_tasks.add(OTHER_TASK)  # finished on my-vpa meanwhile

    uploader = Uploader(client, store.outbox, batch_size=2)
    report = uploader.drain()

    assert set(demo_server.state.call_records) == {*good, *later}
    assert (report.accepted, report.rejected) == (5, 1)
    kept = store.outbox.rejected()
    assert [(item.client_id, item.code) for item in kept] == [(refused, "unknown_task")]
    assert store.outbox.count() == 1  # still not confirmed: never deleted, shown as such
    assert store.calls.get(refused) is not None
    assert uploader.drain() == report.__class__(0, 0, 0)  # not re-sent with every sync

    # Resolved on my-vpa's side (the task is active again): offered again at sign-in, taken.
    demo_server.state.closed_tasks.clear()
    again = uploader.drain(retry_rejected=True)
    assert (again.accepted, again.rejected) == (1, 0)
    assert refused in demo_server.state.call_records
    assert store.outbox.count() == 0
    assert store.outbox.rejected() == []


def test_a_server_refusing_whole_batches_is_answered_by_splitting_them(
    demo_server: DemoServer, no_keychain: Keychain, store: Store
) -> None:
    """A server of contract 1.0 answers 400 for a batch with one bad item: the client splits
    the batch until the bad item stands alone, keeps it with the reason, sends all others."""
    client = _client(demo_server, no_keychain)
    demo_server.state.whole_batch_refusal = True
    ids = [_call(store, i) for i in range(7)]
    bad = _call(store, 7, task=OTHER_TASK)
    ids += [_call(store, 8 + i) for i in range(8)]
    demo_server.state.closed_tasks.add(OTHER_TASK)

    report = Uploader(client, store.outbox, batch_size=16).drain()

    assert set(demo_server.state.call_records) == set(ids)
    assert (report.accepted, report.rejected) == (15, 1)
    assert [item.client_id for item in store.outbox.rejected()] == [bad]
    assert store.outbox.rejected()[0].code == "invalid_request"
    batches = demo_server.state.requests.count("uploadBatch")
    assert batches <= 2 * 4 + 1  # log2(16) halvings, both halves each time, at most


def test_work_sessions_and_calls_of_another_vpa_stay_out_of_this_upload(
    demo_server: DemoServer, no_keychain: Keychain, store: Store
) -> None:
    """Records kept after one VPA's sign-out never go up with someone else's session."""
    client = _client(demo_server, no_keychain)
    store.set_owner("sales")
    theirs = _call(store, 0)
    store.set_owner("demo")
    mine = _call(store, 1)

    Uploader(client, store.outbox, owner="demo").drain()

    assert set(demo_server.state.call_records) == {mine}
    pending = store.outbox.pending(OutboxKind.CALL_RECORD, owner="sales")
    assert [item.client_id for item in pending] == [theirs]
