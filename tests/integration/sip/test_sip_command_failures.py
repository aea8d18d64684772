"""A command the far end or the library refuses is reported (`command_failed`), not lost.

sipp answers the call and then refuses what we send inside the dialog: the hold re-INVITE
(488), the transfer's REFER (403). A hold while the call still rings is refused by PJSIP
itself. Each failure arrives as codes, is logged without the dialled number, and the call goes
on as before.
"""

from __future__ import annotations

import logging

import pytest

from tests.fixtures.sipp import CONTACT
from tests.integration.sip.helpers import account, destination
from vpaphone.core.model import EndReason
from vpaphone.sip.engine import CallState
from vpaphone.sip.events import CommandFailure, EngineCommand, FailureCause
from vpaphone.sip.reasons import RegistrationState

pytestmark = [pytest.mark.kamailio, pytest.mark.sipp]

NUMBER = "+4930999999"
PJSIP_ESESSIONSTATE = 171141  # pjsip/sip_errno.h (2.15); the bindings do not export it

_HDRS = "[last_Via:]\n[last_From:]\n[last_To:]{tag}\n[last_Call-ID:]\n[last_CSeq:]\n"
_SDP = (
    "v=0\no=sipp 1 1 IN IP[local_ip_type] [local_ip]\ns=-\nc=IN IP[media_ip_type] [media_ip]\n"
    "t=0 0\nm=audio [media_port] RTP/AVP 8 101\na=rtpmap:8 PCMA/8000\n"
    "a=rtpmap:101 telephone-event/8000\na=fmtp:101 0-15\na=sendrecv"
)


def _answers_then_refuses(method: str, status: int, phrase: str) -> str:
    """sipp UAS: answers the INVITE, then refuses one `method` request in the dialog with
    `status`, then waits for our BYE."""
    tag = _HDRS.format(tag=";tag=[pid]SIPpTag[call_number]")
    in_dialog = _HDRS.format(tag="")
    parts = [
        '  <recv request="INVITE" crlf="true"/>\n',
        f"  <send><![CDATA[\nSIP/2.0 100 Trying\n{in_dialog}Content-Length: 0\n]]></send>\n",
        (
            f'  <send retrans="500"><![CDATA[\nSIP/2.0 200 OK\n{tag}[last_Record-Route:]\n'
            f"{CONTACT}\nContent-Type: application/sdp\nContent-Length: [len]\n\n{_SDP}\n"
            "]]></send>\n"
        ),
        '  <recv request="ACK" crlf="true"/>\n',
        f'  <recv request="{method}"/>\n',
        f"  <send><![CDATA[\nSIP/2.0 {status} {phrase}\n{in_dialog}Content-Length: 0\n]]></send>\n",
        '  <recv request="ACK" optional="true"/>\n',
        '  <recv request="BYE"/>\n',
        f"  <send><![CDATA[\nSIP/2.0 200 OK\n{in_dialog}Content-Length: 0\n]]></send>\n",
    ]
    return (
        '<?xml version="1.0" encoding="ISO-8859-1" ?>\n'
        f'<scenario name="refuses {method}">\n{"".join(parts)}</scenario>\n'
    )


def _connected_call(engine, kamailio, sipp_uas, scenario_xml=None, **uas):
    phone = engine(account(kamailio))
    phone.wait_registration(RegistrationState.REGISTERED)
    failures: list[CommandFailure] = []
    phone.engine.command_failed.connect(failures.append)
    uas_process = sipp_uas(scenario_xml=scenario_xml, **uas)
    kamailio.route_number(NUMBER, uas_process.address)
    call_id = phone.dial(NUMBER)
    return phone, call_id, failures, uas_process


def _no_number_logged(caplog: pytest.LogCaptureFixture) -> None:
    texts = [record.getMessage() for record in caplog.records]
    assert texts, "the failure was not logged"
    assert not any(NUMBER[1:] in text or NUMBER[3:] in text for text in texts), texts


def test_hold_refused_by_the_far_end_is_reported(kamailio, sipp_uas, engine, caplog):
    caplog.set_level(logging.WARNING, logger="vpaphone")
    xml = _answers_then_refuses("INVITE", 488, "Not Acceptable Here")
    phone, call_id, failures, uas = _connected_call(engine, kamailio, sipp_uas, xml)
    phone.wait_state(call_id, CallState.CONNECTED)

    phone.engine.hold(call_id)
    phone.qtbot.waitUntil(lambda: bool(failures), timeout=5000)

    assert failures == [CommandFailure(call_id, EngineCommand.HOLD, FailureCause.PEER_REFUSED, 488)]
    assert uas.messages().count("INVITE sip:") == 2  # the re-INVITE really went out
    phone.qtbot.wait(300)
    assert CallState.ON_HOLD not in phone.states(call_id)  # the call goes on as it was
    assert any("hold failed" in r.getMessage() and "488" in r.getMessage() for r in caplog.records)
    _no_number_logged(caplog)
    phone.engine.hangup(call_id)
    assert phone.wait_state(call_id, CallState.ENDED).end_reason is EndReason.COMPLETED


def test_transfer_refused_by_the_far_end_is_reported(kamailio, sipp_uas, engine, caplog):
    caplog.set_level(logging.WARNING, logger="vpaphone")
    xml = _answers_then_refuses("REFER", 403, "Forbidden")
    phone, call_id, failures, uas = _connected_call(engine, kamailio, sipp_uas, xml)
    finished: list[tuple[str, int]] = []
    phone.engine.transfer_finished.connect(lambda c, s: finished.append((c, s)))
    phone.wait_state(call_id, CallState.CONNECTED)

    phone.engine.transfer(call_id, destination("+4930222222"))
    phone.qtbot.waitUntil(lambda: bool(failures), timeout=5000)

    assert failures == [
        CommandFailure(call_id, EngineCommand.TRANSFER, FailureCause.PEER_REFUSED, 403)
    ]
    assert finished == [(call_id, 403)]
    assert "REFER sip:" in uas.messages()
    assert phone.states(call_id)[-1] is CallState.CONNECTED  # our leg stays up
    _no_number_logged(caplog)
    assert "+4930222222"[3:] not in caplog.text  # nor the transfer target's
    phone.engine.hangup(call_id)
    assert phone.wait_state(call_id, CallState.ENDED).end_reason is EndReason.COMPLETED


def test_hold_while_ringing_is_refused_by_the_library(kamailio, sipp_uas, engine, caplog):
    caplog.set_level(logging.WARNING, logger="vpaphone")
    phone, call_id, failures, _uas = _connected_call(engine, kamailio, sipp_uas, status=0)
    phone.wait_state(call_id, CallState.RINGING)

    phone.engine.hold(call_id)
    phone.qtbot.waitUntil(lambda: bool(failures), timeout=5000)

    assert failures == [
        CommandFailure(call_id, EngineCommand.HOLD, FailureCause.LIBRARY_ERROR, PJSIP_ESESSIONSTATE)
    ]
    _no_number_logged(caplog)
    phone.engine.hangup(call_id)
    assert phone.wait_state(call_id, CallState.ENDED).end_reason is EndReason.CANCELLED


def test_a_command_for_a_call_that_just_ended_is_reported(kamailio, sipp_uas, engine):
    xml = _answers_then_refuses("INVITE", 488, "Not Acceptable Here")
    phone, call_id, failures, _uas = _connected_call(engine, kamailio, sipp_uas, xml)
    phone.wait_state(call_id, CallState.CONNECTED)
    phone.engine.hangup(call_id)
    phone.engine.send_dtmf(call_id, "5")  # queued behind the hang-up: the call is gone then
    phone.wait_state(call_id, CallState.ENDED)
    phone.qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert failures == [CommandFailure(call_id, EngineCommand.DTMF, FailureCause.NO_SUCH_CALL, 0)]
