"""The rest of the contract against the demo server: areas, admin team, task chat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.fixtures.demo_server import transport_for
from vpaphone.core.calls import CallRecord, new_call_id
from vpaphone.core.model import CallDirection, CostZone, EndReason, TelephonyArea
from vpaphone.demo.server import DemoServer
from vpaphone.myvpa.client import MyVpaClient, call_record_json
from vpaphone.myvpa.contract import load_contract
from vpaphone.myvpa.errors import ApiError
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.models import CENTRAL_CALLER_ID, AdminRequestKind
from vpaphone.myvpa.session import Session


def _client(server: DemoServer, keychain: Keychain, user: str = "demo") -> MyVpaClient:
    session = Session(transport_for(server), keychain)
    session.sign_in(user, "demo")
    return MyVpaClient(session)


def test_demo_tasks_cover_every_area_and_the_threshold(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    tasks = _client(demo_server, no_keychain).active_tasks()
    assert {t.area for t in tasks} == set(TelephonyArea)
    shares = [t.phone_seconds / t.working_seconds for t in tasks]
    assert any(0.20 <= s <= 0.25 for s in shares)  # nearing
    assert any(s > 0.25 for s in shares)  # over


def test_caller_id_is_central_unless_individual(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    backoffice = _client(demo_server, no_keychain)
    sales = _client(demo_server, no_keychain, "sales")
    assert backoffice.provisioning().caller_id == CENTRAL_CALLER_ID == "+4922182829980"
    assert not backoffice.provisioning().caller_id_individual
    assert sales.profile().role.value == "sales"
    assert sales.provisioning().caller_id == sales.profile().individual_number
    assert sales.provisioning().caller_id_individual
    sip = sales.provisioning().sip
    assert not sip.register
    assert sip.domain == demo_server.state.sip_domain


def test_change_task_area(demo_server: DemoServer, no_keychain: Keychain) -> None:
    client = _client(demo_server, no_keychain)
    task = client.set_task_area("T-1001", TelephonyArea.BACKOFFICE_EU)
    assert task.area is TelephonyArea.BACKOFFICE_EU
    assert client.active_tasks()[0].area is TelephonyArea.BACKOFFICE_EU
    with pytest.raises(ApiError) as refused:
        client.set_task_area("T-1001", TelephonyArea.INDIVIDUAL_QUOTE)
    assert refused.value.code == "individual_quote_not_agreed"
    with pytest.raises(ApiError) as missing:
        client.set_task_area("T-9999", TelephonyArea.SALES_DE)
    assert missing.value.status == 404
    assert demo_server.state.requests.count("setTaskArea") == 3  # 4xx never retried


def test_admin_requests_and_telefonfaktor_message(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    client = _client(demo_server, no_keychain)
    for kind in AdminRequestKind:
        sent = client.admin_request(kind, f"Bitte prüfen: {kind.value}", "T-1003")
        assert sent.kind is kind
    assert [r["kind"] for r in demo_server.state.admin_requests] == [
        k.value for k in AdminRequestKind
    ]
    message = client.post_telefonfaktor("T-1003", "EU", "de", "Telefonfaktor EU: 1,3 …")
    assert message.task_id == "T-1003"
    assert demo_server.state.chat_messages[0]["text"] == "Telefonfaktor EU: 1,3 …"


def test_server_rejects_requests_outside_the_contract(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    client = _client(demo_server, no_keychain)
    with pytest.raises(ApiError) as bad:
        client.admin_request(AdminRequestKind.BIGGER_PROJECT, "")  # empty message
    assert bad.value.code == "invalid_request"
    assert bad.value.status == 400
    assert not demo_server.state.admin_requests


def test_demo_server_implements_every_operation(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    client = _client(demo_server, no_keychain)
    client.profile()
    client.provisioning()
    client.active_tasks()
    client.set_task_area("T-1002", TelephonyArea.BACKOFFICE_EU)
    assert client.set_task_budget("T-1003", 305).budget_minutes == 305
    client.set_call_task(_uploaded_call(client, "T-1002"), "T-1003")
    client.admin_request(AdminRequestKind.MORE_PHONING, "Mehr Telefonate als geplant", "T-1002")
    client.post_telefonfaktor("T-1002", "EU", "en", "Phone factor EU")
    demo_server.state.expire_access_tokens()
    client.profile()
    client.session.sign_out()
    assert set(demo_server.state.requests) == set(load_contract().operations)


def _uploaded_call(client: MyVpaClient, task_id: str) -> str:
    end = datetime.now(UTC)
    record = CallRecord(
        new_call_id(),
        task_id,
        CallDirection.OUTGOING,
        "+4922112345678",
        CostZone.DE,
        TelephonyArea.BACKOFFICE_DE,
        end - timedelta(seconds=70),
        end - timedelta(seconds=65),
        end,
        EndReason.COMPLETED,
        200,
    )
    assert client.upload(call_records=[call_record_json(record)]).accepted == {record.id}
    return record.id


def test_an_uploaded_call_moves_to_another_task_of_the_same_vpa_only(
    demo_server: DemoServer, no_keychain: Keychain
) -> None:
    demo, sales = _client(demo_server, no_keychain), _client(demo_server, no_keychain, "sales")
    call_id = _uploaded_call(demo, "T-1002")
    demo.set_call_task(call_id, "T-1003")
    assert demo_server.state.call_records[call_id]["task_id"] == "T-1003"
    assert demo_server.state.phone_seconds_uploaded("T-1002") == 0
    refusals = [
        lambda: sales.set_call_task(call_id, sales.active_tasks()[0].id),  # not sales' record
        lambda: demo.set_call_task(call_id, "T-9999"),  # not one of demo's tasks
        lambda: demo.set_call_task(new_call_id(), "T-1002"),  # never uploaded
    ]
    for refused in refusals:
        with pytest.raises(ApiError) as error:
            refused()
        assert (error.value.status, error.value.code) == (404, "not_found")
    assert demo_server.state.call_records[call_id]["task_id"] == "T-1003"
