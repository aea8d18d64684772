"""SRTP modes against real phones, through Kamailio over TLS (SDES keys only over TLS).

"optional" offers RTP/AVP with keys (a=crypto): plain phones and most SRTP phones take it; a
phone that requires SRTP refuses it (488) and gets the call again as RTP/SAVP, invisibly to the
app. "mandatory" to a plain phone fails with that reason. Incoming calls under "optional" take
plain and SRTP offers. The peers are baresip, one with `mediaenc=srtp-mand`, one plain.
"""

from __future__ import annotations

import logging
import re

import numpy as np
import pytest

from tests.fixtures.baresip import Baresip, start_baresip
from tests.fixtures.kamailio import DEFAULT_USERS, start_kamailio
from tests.fixtures.sipp import start_uas
from tests.fixtures.speech import read_wav
from tests.integration.sip.helpers import Phone, ToneSource, account
from vpaphone.core.model import CallDirection, EndReason
from vpaphone.sip.config import SrtpMode, Transport
from vpaphone.sip.engine import CallState
from vpaphone.sip.events import RtpStats
from vpaphone.sip.reasons import RegistrationState
from vpaphone.texts.calls import call_end_text

pytestmark = [pytest.mark.kamailio, pytest.mark.baresip]

SRTP_ONLY = "+4922100000002"  # baresip with mediaenc=srtp-mand: RTP/SAVP or nothing
PLAIN = "+4922100000003"  # baresip without media encryption
OURS = "+4922100000001"
SRTP_ON = "srtp: audio: SRTP is Enabled"  # baresip's line once a stream is encrypted
REFUSED = "call: no common audio codecs - rejected"  # baresip's line before its 488


@pytest.fixture(scope="module")
def kamailio(tmp_path_factory):
    users = {**DEFAULT_USERS, PLAIN: "line-three-secret"}
    with start_kamailio(tmp_path_factory.mktemp("kamailio"), users) as kam:
        yield kam


@pytest.fixture(scope="module")
def srtp_only(kamailio, tmp_path_factory):
    directory = tmp_path_factory.mktemp("srtp-only")
    with start_baresip(kamailio, SRTP_ONLY, directory, media_encryption="srtp-mand") as peer:
        yield peer


@pytest.fixture(scope="module")
def plain(kamailio, tmp_path_factory):
    with start_baresip(kamailio, PLAIN, tmp_path_factory.mktemp("plain")) as peer:
        yield peer


class _Log:
    """What a shared baresip printed from now on."""

    def __init__(self, peer: Baresip) -> None:
        peer.clear_events()
        self.peer = peer
        self.start = len(peer.log())

    def text(self) -> str:
        return self.peer.log()[self.start :]


def _phone(engine, kamailio, mode: SrtpMode, user: str = "alice", **kwargs) -> Phone:
    cfg = account(kamailio, user=user, transport=Transport.TLS, srtp=mode, caller_id=OURS)
    phone = engine(cfg, **kwargs)
    phone.wait_registration(RegistrationState.REGISTERED)
    return phone


def _hang_up(phone: Phone, call_id: str, peer: Baresip) -> None:
    phone.engine.hangup(call_id)
    phone.wait_state(call_id, CallState.ENDED)
    peer.wait_event("CALL_CLOSED")


_SETTLED = frozenset({CallState.CONNECTED, CallState.ENDED})


def _talk(
    phone: Phone, peer: Baresip, number: str, talk_ms: int = 300, hold: bool = False
) -> tuple[str, RtpStats]:
    """Call `number` at `peer`, talk for `talk_ms` (`hold`: then hold, resume and talk on),
    hang up: (call id, RTP figures)."""
    call_id = phone.dial(number)
    phone.qtbot.waitUntil(lambda: bool(_SETTLED & set(phone.states(call_id))), timeout=10_000)
    assert phone.states(call_id)[-1] is CallState.CONNECTED, phone.updates[-1]
    peer.wait_event("CALL_ESTABLISHED")
    phone.qtbot.wait(talk_ms)
    if hold:  # our re-INVITEs: the far end must get offers it takes (RTP/SAVP)
        phone.engine.hold(call_id)
        phone.wait_state(call_id, CallState.ON_HOLD)
        phone.engine.resume(call_id)
        phone.qtbot.waitUntil(lambda: phone.states(call_id)[-1] is CallState.CONNECTED)
        phone.qtbot.wait(300)  # the resumed stream's packets
    stats = phone.engine.stream_stats(call_id)
    _hang_up(phone, call_id, peer)
    assert stats is not None
    assert stats.rx_packets > 5  # decrypted (if encrypted) and accepted here
    assert stats.tx_packets > 5
    return call_id, stats


def _dominant_hz(samples: np.ndarray, rate: int) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    spectrum[: int(50 * len(samples) / rate)] = 0  # DC and hum
    return float(np.argmax(spectrum) * rate / len(samples))


def test_optional_srtp_reaches_a_phone_that_requires_srtp(kamailio, srtp_only, engine, call_log):
    """The 488 to the RTP/AVP offer is retried as RTP/SAVP: one call to the app (states,
    record, key), encrypted, our tone arrives at the far end, hold and resume work."""
    seen = _Log(srtp_only)
    before = set(srtp_only.recordings())
    phone = _phone(engine, kamailio, SrtpMode.OPTIONAL, media_handler=ToneSource())
    call_id = _talk(phone, srtp_only, SRTP_ONLY, talk_ms=800, hold=True)[0]  # tone to analyse
    # (RINGING may be skipped: baresip answers at once)
    assert [state for state in phone.states(call_id) if state is not CallState.RINGING] == [
        CallState.CALLING,
        CallState.CONNECTED,
        CallState.ON_HOLD,
        CallState.CONNECTED,
        CallState.ENDED,
    ]
    (record,) = call_log.records.values()
    assert (record.id, record.task_id, record.end_reason) == (
        call_id,
        "task-1",
        EndReason.COMPLETED,
    )
    log = seen.text()
    assert log.count(REFUSED) == 1  # the RTP/AVP offer, refused once
    assert SRTP_ON in log
    # what it decoded from us: the longest new recording (hold and resume start new ones)
    heard = [p for p in set(srtp_only.recordings()) - before if p.name.endswith("-dec.wav")]
    samples, rate = max((read_wav(p) for p in heard), key=lambda wav: len(wav[0]))
    assert len(samples) > rate // 2
    assert abs(_dominant_hz(samples, rate) - 1000) < 20  # our SRTP decrypted there


def test_optional_srtp_calls_a_plain_phone_on_the_first_try(kamailio, plain, engine):
    seen = _Log(plain)
    phone = _phone(engine, kamailio, SrtpMode.OPTIONAL)
    _talk(phone, plain, PLAIN)
    assert len({e["id"] for e in plain.events}) == 1  # one INVITE: nothing refused, no retry
    assert REFUSED not in seen.text()
    assert SRTP_ON not in seen.text()  # it has no SRTP: our a=crypto was left unanswered


def test_mandatory_srtp_call_to_a_phone_that_requires_srtp(kamailio, srtp_only, engine):
    seen = _Log(srtp_only)
    phone = _phone(engine, kamailio, SrtpMode.MANDATORY)
    _talk(phone, srtp_only, SRTP_ONLY)
    assert REFUSED not in seen.text()  # RTP/SAVP at once
    assert SRTP_ON in seen.text()


def test_plain_rtp_call_refused_by_mandatory_srtp_is_recorded_as_missed(
    kamailio, plain, engine, call_log
):
    seen = _Log(plain)
    phone = _phone(engine, kamailio, SrtpMode.MANDATORY, user=OURS)
    plain.command("dial", f"sip:{OURS}@{kamailio.domain}")
    closed = plain.wait_event("CALL_CLOSED")
    assert "488" in str(closed), seen.text()
    phone.qtbot.waitUntil(lambda: len(call_log.records) == 1, timeout=5000)
    (record,) = call_log.records.values()
    assert (record.direction, record.e164) == (CallDirection.INCOMING, PLAIN)
    assert (record.end_reason, record.sip_status) == (EndReason.MISSED, 488)
    assert phone.incoming == []  # it never rang: nothing to answer


def test_mandatory_srtp_to_a_plain_phone_fails_with_the_reason(
    kamailio, plain, engine, call_log, caplog
):
    phone = _phone(engine, kamailio, SrtpMode.MANDATORY)
    caplog.set_level(logging.WARNING, logger="vpaphone.sip")
    call_id = phone.dial(PLAIN)
    ended = phone.wait_state(call_id, CallState.ENDED)
    assert (ended.end_reason, ended.sip_status, ended.srtp_refused) == (
        EndReason.FAILED,
        488,
        True,
    )
    text = call_end_text(
        ended.end_reason,
        no_common_media=ended.no_common_media,
        sip_status=ended.sip_status,
        srtp_refused=ended.srtp_refused,
    )
    assert "encrypted audio (SRTP)" in text
    assert "takes no encrypted audio (SIP 488) and SRTP is mandatory" in caplog.text
    assert call_log.records[call_id].sip_status == 488


def test_the_savp_retry_keeps_headers_and_record_and_is_tried_once(
    kamailio, engine, call_log, tmp_path
):
    """A far end that refuses every offer (sipp, 488): the call goes out twice, RTP/AVP then
    RTP/SAVP, both with the task and caller-ID headers; the app sees one failed call."""
    with start_uas(tmp_path / "sipp", 488) as uas:
        kamailio.route_number("+4930555555", uas.address)
        phone = _phone(engine, kamailio, SrtpMode.OPTIONAL)
        call_id = phone.dial("+4930555555", task_id="task-7")
        ended = phone.wait_state(call_id, CallState.ENDED)
        first, second = uas.invites()
    for invite, profile in ((first, "RTP/AVP"), (second, "RTP/SAVP")):
        assert re.search(rf"^m=audio \d+ {profile} ", invite, re.MULTILINE), invite
        assert "a=crypto:" in invite
        assert re.search(r"^X-VPA-Task: task-7\r?$", invite, re.MULTILINE)
        assert f"P-Preferred-Identity: <sip:{OURS}@" in invite
    assert _call_id_header(first) != _call_id_header(second)  # a new INVITE, not a re-send
    assert phone.states(call_id) == [CallState.CALLING, CallState.ENDED]
    assert (ended.end_reason, ended.sip_status, ended.srtp_refused) == (
        EndReason.FAILED,
        488,
        False,
    )
    assert list(call_log.records) == [call_id]


def _call_id_header(message: str) -> str:
    match = re.search(r"^Call-ID:\s*(\S+)", message, re.MULTILINE | re.IGNORECASE)
    assert match
    return match.group(1)


@pytest.mark.parametrize("peer_name", ["plain", "srtp_only"])
def test_optional_srtp_takes_plain_and_srtp_calls(
    kamailio, srtp_only, plain, engine, call_log, peer_name
):
    peer = {"plain": plain, "srtp_only": srtp_only}[peer_name]
    seen = _Log(peer)
    phone = _phone(engine, kamailio, SrtpMode.OPTIONAL, user=OURS)
    peer.command("dial", f"sip:{OURS}@{kamailio.domain}")
    phone.qtbot.waitUntil(lambda: len(phone.incoming) == 1, timeout=5000)
    call_id = phone.incoming[0].call_id
    phone.engine.answer(call_id)
    phone.wait_state(call_id, CallState.CONNECTED)
    peer.wait_event("CALL_ESTABLISHED")
    phone.qtbot.wait(300)
    stats = phone.engine.stream_stats(call_id)
    _hang_up(phone, call_id, peer)
    assert call_log.records[call_id].direction is CallDirection.INCOMING
    assert call_log.records[call_id].end_reason is EndReason.COMPLETED
    assert (SRTP_ON in seen.text()) is (peer is srtp_only)  # answered in kind
    assert stats is not None
    assert stats.rx_packets > 5
