"""Call records and work sessions reach my-vpa exactly once, whatever the network does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.fixtures.demo_server import transport_for
from vpaphone.core.calls import CallRecord, new_call_id
from vpaphone.core.model import CallDirection, CostZone, EndReason, TelephonyArea
from vpaphone.demo.server import DemoServer
from vpaphone.myvpa.client import MyVpaClient
from vpaphone.myvpa.errors import ServerUnreachableError
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.session import Session
from vpaphone.myvpa.sync import Uploader
from vpaphone.store.store import Store

TASK = "T-1002"


def _client(server: DemoServer, keychain: Keychain) -> MyVpaClient:
    session = Session(transport_for(server), keychain)
    session.sign_in("demo", "demo")
    return MyVpaClient(session)


def _finished_call(store: Store, start: datetime, talk_s: int) -> str:
    call_id = new_call_id()
    record = CallRecord(
        call_id,
        TASK,
        CallDirection.OUTGOING,
        "+4922112345678",
        CostZone.DE,
        TelephonyArea.BACKOFFICE_DE,
        start,
    )
    store.calls.call_started(record)
    store.calls.call_answered(call_id, start + timedelta(seconds=3))
    store.calls.call_ended(call_id, start + timedelta(seconds=3 + talk_s), EndReason.COMPLETED, 200)
    return call_id


def test_server_down_during_20_calls_then_back_exactly_20_on_the_server(
    demo_server: DemoServer, no_keychain: Keychain, store: Store
) -> None:
    client = _client(demo_server, no_keychain)
    uploader = Uploader(client, store.outbox, batch_size=7)
    phone_before = client.active_tasks()[1].phone_seconds
    start = datetime.now(UTC) - timedelta(hours=1)
    ids, failures = [], 0
    for i in range(20):
        if i == 5:
            demo_server.stop()  # my-vpa goes away mid-session
        if i == 15:
            demo_server.start()  # ... and comes back on the same address
        ids.append(_finished_call(store, start + timedelta(minutes=2 * i), talk_s=30 + i))
        try:
            uploader.drain()  # what the app does after every call
        except ServerUnreachableError:
            failures += 1
    assert failures == 10
    # One more drain whose answer gets lost: the server stores, the client never hears back.
    demo_server.state.lose_replies("uploadBatch", 1)
    extra = _finished_call(store, start + timedelta(minutes=50), talk_s=10)
    report = uploader.drain()  # retried by the transport; the repeat is a duplicate
    assert report.duplicates == 1
    ids.append(extra)

    assert sorted(demo_server.state.call_records) == sorted(ids)
    assert len(demo_server.state.call_records) == 21
    assert store.outbox.count() == 0
    assert uploader.drain().accepted == 0  # nothing left, nothing sent twice
    talk = sum(30 + i for i in range(20)) + 10
    assert client.active_tasks()[1].phone_seconds == phone_before + talk  # counted once


def test_resent_batch_counts_zero(demo_server: DemoServer, no_keychain: Keychain) -> None:
    client = _client(demo_server, no_keychain)
    now = datetime.now(UTC)
    record = CallRecord(
        new_call_id(),
        TASK,
        CallDirection.OUTGOING,
        "+4922112345678",
        CostZone.DE,
        TelephonyArea.BACKOFFICE_DE,
        now - timedelta(seconds=70),
        now - timedelta(seconds=65),
        now,
        EndReason.COMPLETED,
        200,
    )
    from vpaphone.myvpa.client import call_record_json

    first = client.upload(call_records=[call_record_json(record)])
    second = client.upload(call_records=[call_record_json(record)])
    assert first.accepted == {record.id}
    assert second.duplicates == {record.id}
    assert not second.accepted
    assert demo_server.state.phone_seconds_uploaded(TASK) == pytest.approx(65)


def test_work_sessions_reach_my_vpa_working_time(
    demo_server: DemoServer, no_keychain: Keychain, store: Store
) -> None:
    client = _client(demo_server, no_keychain)
    working_before = client.active_tasks()[1].working_seconds
    start = datetime.now(UTC) - timedelta(hours=2)
    store.work.start(TASK, start)
    store.work.stop(start + timedelta(minutes=45))
    report = Uploader(client, store.outbox).drain()
    assert report.accepted == 1
    assert client.active_tasks()[1].working_seconds == working_before + 45 * 60
