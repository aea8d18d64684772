"""The engine against real softphones of other makers: linphonec (liblinphone 5.1) and Twinkle 1.10.

Issue 18's findings were made against these two phones and fixed with sipp and baresip tests
(test_sip_transfer, test_sip_refer, test_sip_replaces); here the same cases run against the
phones themselves, all registered at one Kamailio, each phone started once for the module:

- a call to linphonec with audio both ways (a tone each way, checked by its frequency), and a
  call from Twinkle;
- a blind transfer to linphonec: it completes the transfer to Twinkle, then sends its final
  NOTIFY with the malformed `reason=reason=noresource` that pjsip drops; the app still learns the
  transfer's outcome (none within the bound) and keeps its caller;
- a REFER from linphonec and from Twinkle: declined (603), handed to the app, and the app dials
  nothing by itself;
- TLS and SRTP end to end: a second linphonec registered over TLS (verifying Kamailio's
  certificate) with mandatory SRTP, the engine over TLS with mandatory SRTP; a call each way
  connects with RTP/SAVP and SDES keys (`a=crypto`) in offer and answer, and a tone each way is
  heard at its frequency (Twinkle 1.10 has neither: SIP over UDP or TCP only, and Debian builds it
  without its ZRTP library; docs/operations.md, "Tested here");
- Twinkle's attended transfer of a linphonec caller to the VPA (Twinkle consults the VPA, then
  linphonec sends the VPA an INVITE with Replaces): the replacing call connects.
"""

from __future__ import annotations

import contextlib
import math
import re
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from tests.fixtures.kamailio import DEFAULT_USERS, Kamailio, start_kamailio
from tests.fixtures.linphone import Linphonec, start_linphone
from tests.fixtures.sipp import ANSWER
from tests.fixtures.twinkle import Twinkle, start_twinkle
from tests.integration.audio.conftest import dominant_hz, loudest_second, pcm_to_array
from tests.integration.sip.helpers import Phone, ToneSource, account, destination
from vpaphone.core.model import CallDirection, EndReason
from vpaphone.sip.config import SipAccountConfig, SrtpMode, Transport
from vpaphone.sip.engine import CallState, CommandFailure, EngineCommand, TransferRequest
from vpaphone.sip.events import FailureCause
from vpaphone.sip.reasons import RegistrationState

pytestmark = [pytest.mark.kamailio]

LINPHONE = "+4922100000003"
TWINKLE = "+4922100000004"
LINPHONE_TLS = "+4922100000005"  # over TLS, SRTP mandatory
PREMIUM = "+19005550000"  # what a REFER asks the VPA to call; never dialled by itself


@pytest.fixture(scope="module")
def pbx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kamailio]:
    users = {
        **DEFAULT_USERS,
        LINPHONE: "linphone-secret",
        TWINKLE: "twinkle-secret",
        LINPHONE_TLS: "linphone-tls-secret",
    }
    with start_kamailio(tmp_path_factory.mktemp("kamailio"), users=users) as kam:
        yield kam


@contextlib.contextmanager
def _answering_linphone(
    pbx: Kamailio, user: str, directory: Path, **options: bool
) -> Iterator[Linphonec]:
    """linphonec answering every call by itself, a 440 Hz tone as its microphone."""
    tone = directory / "tone-440.wav"
    _write_tone(tone, 440, seconds=10)
    with start_linphone(pbx, user, directory, **options) as phone:
        phone.play(tone)
        phone.send("autoanswer enable")
        yield phone


@pytest.fixture(scope="module")
def linphone(pbx: Kamailio, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Linphonec]:
    directory = tmp_path_factory.mktemp("linphonec")
    with _answering_linphone(pbx, LINPHONE, directory) as phone:
        phone.record(directory / "heard.wav")
        yield phone


@pytest.fixture(scope="module")
def linphone_tls(pbx: Kamailio, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Linphonec]:
    """linphonec over TLS with mandatory SRTP: what it hears goes where each test says."""
    directory = tmp_path_factory.mktemp("linphonec-tls")
    with _answering_linphone(pbx, LINPHONE_TLS, directory, tls=True, srtp_mandatory=True) as phone:
        yield phone


@pytest.fixture(scope="module")
def twinkle(pbx: Kamailio, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Twinkle]:
    with start_twinkle(pbx, TWINKLE, tmp_path_factory.mktemp("twinkle")) as phone:
        yield phone


def _write_tone(path: Path, hz: int, seconds: float, rate: int = 8000) -> None:
    t = np.arange(int(seconds * rate)) / rate
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes((np.sin(2 * math.pi * hz * t) * 12000).astype("<i2").tobytes())


def _registered(engine, pbx: Kamailio, config: SipAccountConfig | None = None, **kwargs) -> Phone:
    phone = engine(config or account(pbx), **kwargs)
    phone.wait_registration(RegistrationState.REGISTERED)
    return phone


def _heard_hz(path: Path) -> float:
    """The dominant frequency of a recording's loudest second. The file is read as the canonical
    44-byte WAV header plus 16-bit PCM: pjsua's recorder fills in the header's lengths only when
    it is destroyed, which happens on the engine's thread some time after the call ended."""
    data = path.read_bytes()
    assert data[:4] == b"RIFF", data[:44]
    assert data[36:40] == b"data", data[:44]
    channels = int.from_bytes(data[22:24], "little")
    rate = int.from_bytes(data[24:28], "little")
    samples = pcm_to_array(data[44:])[::channels]
    return dominant_hz(loudest_second(samples, rate), rate)


def _end_all(phone: Phone) -> None:
    for call_id in phone.engine.active_calls():
        phone.engine.hangup(call_id)
        phone.wait_state(call_id, CallState.ENDED)


@pytest.mark.linphone
def test_call_to_linphone_carries_audio_both_ways(pbx, linphone, engine, tmp_path, call_log):
    tones = ToneSource(1000, record_dir=tmp_path)
    phone = _registered(engine, pbx, media_handler=tones)
    heard_by_linphone = linphone.directory / "heard.wav"
    mark = linphone.console.mark()
    call_id = phone.dial(LINPHONE)
    phone.wait_state(call_id, CallState.CONNECTED)
    linphone.console.wait_for(r"Media streams established", after=mark)
    phone.qtbot.wait(1500)  # 1.5 s of tone each way
    stats = phone.engine.stream_stats(call_id)
    phone.engine.hangup(call_id)
    phone.wait_state(call_id, CallState.ENDED)
    linphone.console.wait_for(r"Call \d+ with .* ended", after=mark)
    assert stats is not None
    assert stats.rx_packets > 30
    assert stats.tx_packets > 30
    assert abs(_heard_hz(tmp_path / f"{call_id}.wav") - 440) < 20  # linphone's tone, heard here
    assert abs(_heard_hz(heard_by_linphone) - 1000) < 20  # ours, heard by linphone
    assert call_log.records[call_id].end_reason is EndReason.COMPLETED


@pytest.mark.twinkle
def test_call_from_twinkle_is_answered(pbx, twinkle, engine, call_log):
    phone = _registered(engine, pbx)
    mark = twinkle.console.mark()
    twinkle.send(f"call sip:alice@{pbx.domain}")
    phone.qtbot.waitUntil(lambda: len(phone.incoming) == 1, timeout=10_000)
    incoming = phone.incoming[0]
    assert incoming.caller_e164 == TWINKLE
    phone.engine.answer(incoming.call_id)
    phone.wait_state(incoming.call_id, CallState.CONNECTED)
    twinkle.console.wait_for(r"far end answered call", after=mark)
    twinkle.send("bye")
    ended = phone.wait_state(incoming.call_id, CallState.ENDED)
    assert ended.end_reason is EndReason.COMPLETED
    record = call_log.records[incoming.call_id]
    assert record.direction is CallDirection.INCOMING
    assert record.answered_at is not None


@pytest.mark.linphone
@pytest.mark.twinkle
def test_blind_transfer_to_linphone_reports_an_outcome_despite_its_final_notify(
    pbx, linphone, twinkle, engine, call_log
):
    outcome_s = 3.0
    phone = _registered(engine, pbx, transfer_outcome_s=outcome_s)
    finished: list[tuple[str, int]] = []
    failures: list[CommandFailure] = []
    phone.engine.transfer_finished.connect(lambda c, s: finished.append((c, s)))
    phone.engine.command_failed.connect(failures.append)
    call_id = phone.dial(LINPHONE)
    phone.wait_state(call_id, CallState.CONNECTED)
    mark = twinkle.console.mark()
    phone.engine.transfer(call_id, destination(TWINKLE))
    # linphone calls the target, Twinkle answers: the transfer itself succeeds
    twinkle.console.wait_for(rf"incoming call\s+From:\s+sip:\{LINPHONE}@", after=mark)
    twinkle.send("answer")
    twinkle.console.wait_for(r"call established", after=mark)
    # its final NOTIFY (malformed) is dropped by pjsip; within the bound the app hears that
    # the transfer has no outcome, and keeps the caller
    phone.qtbot.waitUntil(lambda: bool(finished), timeout=int((outcome_s + 5) * 1000))
    assert "Subscription-State: terminated;reason=reason=noresource" in linphone.log()
    assert finished == [(call_id, 0)]
    assert failures == [CommandFailure(call_id, EngineCommand.TRANSFER, FailureCause.NO_OUTCOME)]
    assert phone.states(call_id)[-1] is not CallState.ENDED
    _end_all(phone)
    twinkle.send("bye")  # linphone's call to Twinkle
    twinkle.console.wait_for(r"(far end ended call|call released|Line 1: call ended)", after=mark)
    assert call_log.records[call_id].transferred_to is None  # no outcome: not transferred


def _refer_is_declined(phone: Phone, pbx: Kamailio, sipp_uas, call_id: str, refer) -> None:
    requests: list[TransferRequest] = []
    phone.engine.transfer_requested.connect(requests.append)
    target = sipp_uas(ANSWER)  # where the premium number would ring
    pbx.route_number(PREMIUM, target.address)
    refer()
    phone.qtbot.waitUntil(lambda: bool(requests), timeout=10_000)
    assert requests == [TransferRequest(call_id, PREMIUM, PREMIUM)]
    phone.qtbot.wait(1500)  # time enough for a call pjsua would have placed by itself
    assert target.invites() == []
    assert [u.call_id for u in phone.updates if u.call_id != call_id] == []
    assert phone.engine.active_calls() == [call_id]  # the customer's call goes on


@pytest.mark.linphone
def test_refer_from_linphone_is_declined(pbx, linphone, sipp_uas, engine):
    phone = _registered(engine, pbx)
    call_id = phone.dial(LINPHONE)
    phone.wait_state(call_id, CallState.CONNECTED)
    _refer_is_declined(
        phone,
        pbx,
        sipp_uas,
        call_id,
        lambda: linphone.send(f"transfer sip:{PREMIUM}@{pbx.domain}"),
    )
    assert re.search(r"SIP/2.0 603 Decline\r?\n(.*\r?\n)*?CSeq: \d+ REFER", linphone.log())
    _end_all(phone)


@pytest.mark.twinkle
def test_refer_from_twinkle_is_declined(pbx, twinkle, sipp_uas, engine):
    phone = _registered(engine, pbx)
    mark = twinkle.console.mark()
    call_id = phone.dial(TWINKLE)
    twinkle.console.wait_for(r"incoming call", after=mark)
    twinkle.send("answer")
    phone.wait_state(call_id, CallState.CONNECTED)
    _refer_is_declined(
        phone,
        pbx,
        sipp_uas,
        call_id,
        lambda: twinkle.send(f"transfer sip:{PREMIUM}@{pbx.domain}"),
    )
    twinkle.console.wait_for(r"refer request failed\.\s+603 Decline", after=mark)
    _end_all(phone)


@pytest.mark.linphone
@pytest.mark.twinkle
def test_attended_transfer_by_twinkle_replaces_the_call(pbx, linphone, twinkle, engine, call_log):
    phone = _registered(engine, pbx)
    mark = twinkle.console.mark()
    linphone.send(f"call sip:{TWINKLE}@{pbx.domain}")  # the customer calls Twinkle
    twinkle.console.wait_for(r"incoming call", after=mark)
    twinkle.send("answer")
    twinkle.console.wait_for(r"call established", after=mark)
    mark = twinkle.console.mark()
    twinkle.send(f"transfer -c sip:alice@{pbx.domain}")  # Twinkle consults the VPA
    phone.qtbot.waitUntil(lambda: len(phone.incoming) == 1, timeout=10_000)
    consultation = phone.incoming[0].call_id
    phone.engine.answer(consultation)
    phone.wait_state(consultation, CallState.CONNECTED)
    twinkle.console.wait_for(r"Line 2: far end answered call", after=mark)
    twinkle.send("transfer -c")  # REFER to linphonec, which sends the VPA INVITE + Replaces
    ended = phone.wait_state(consultation, CallState.ENDED)
    assert ended.end_reason is EndReason.COMPLETED

    def replacing() -> list[str]:
        return [
            u.call_id
            for u in phone.updates
            if u.call_id != consultation and u.state is CallState.CONNECTED
        ]

    phone.qtbot.waitUntil(lambda: bool(replacing()), timeout=10_000)
    new = replacing()[0]
    assert re.search(r"INVITE sip:alice@[^\n]*\n(.*\n)*?Replaces: ", linphone.log())
    assert phone.engine.active_calls() == [new]
    record = call_log.records[new]
    assert record.direction is CallDirection.INCOMING
    assert record.e164 == LINPHONE
    _end_all(phone)
    assert phone.engine.live_calls() == 0
    # Twinkle leaves its own call with linphonec paused there: end it (the next test needs
    # linphonec without calls, or it does not auto-answer)
    mark = linphone.console.mark()
    linphone.send("terminate all")
    linphone.console.wait_for(rf"Call \d+ with sip:\{TWINKLE}@\S+ ended", after=mark)


# a SIP message linphonec sent or received over TLS, in its debug log (belle-sip's lines)
_TLS_MESSAGE = re.compile(
    r"channel \[\w+\]: (?P<way>message sent to|received \[\d+\] new bytes from) \[TLS://[^]]+\]"
    r"[^\n]*\n(?P<text>.*?)(?=^\d{4}-\d\d-\d\d \d\d:|\Z)",
    re.DOTALL | re.MULTILINE,
)


def _secure_exchange(log: str, offer: str) -> None:
    """In (part of) linphonec's log: the first INVITE starting with `offer` and its 200 went
    over TLS and carry SDES-keyed SRTP (RTP/SAVP with `a=crypto`) — linphonec's leg by the
    channel it logs, the engine's by its Contact in the one linphonec received (pjsua puts the
    transport it uses there), as Kamailio passes SDP and Contact on unchanged."""
    messages = [
        (m["way"].startswith("message sent"), m["text"].replace("\r\n", "\n"))
        for m in _TLS_MESSAGE.finditer(log)
    ]
    starts = [i for i, (_, text) in enumerate(messages) if text.startswith(offer)]
    assert starts, f"no {offer!r} over TLS in linphonec's log"
    answers = [
        message
        for message in messages[starts[0] :]
        if message[1].startswith("SIP/2.0 200")
        and re.search(r"^CSeq: \d+ INVITE", message[1], re.MULTILINE)
    ]
    assert answers, f"no 200 to {offer!r} over TLS in linphonec's log"
    by_way = dict((messages[starts[0]], answers[0]))
    assert set(by_way) == {True, False}, by_way  # one sent by linphonec, one received
    sent, received = by_way[True], by_way[False]
    for text in (sent, received):
        assert re.search(r"^m=audio \d+ RTP/SAVP ", text, re.MULTILINE), text
        assert re.search(r"^a=crypto:\d+ \w+ inline:", text, re.MULTILINE), text
    assert re.search(r"^Contact: <sip:[^>]*;transport=tls", received, re.MULTILINE | re.I), received


@pytest.mark.linphone
def test_tls_srtp_call_to_linphone(pbx, linphone_tls, engine, tmp_path, call_log):
    """Both legs TLS, SRTP mandatory on both phones: linphonec answers our RTP/SAVP offer with
    its own key, and each hears the other's tone decrypted."""
    tones = ToneSource(1000, record_dir=tmp_path)
    secure = account(pbx, transport=Transport.TLS, srtp=SrtpMode.MANDATORY)
    phone = _registered(engine, pbx, secure, media_handler=tones)
    heard_by_linphone = tmp_path / "heard-by-linphone.wav"
    linphone_tls.record(heard_by_linphone)
    log_start = len(linphone_tls.log())
    mark = linphone_tls.console.mark()
    call_id = phone.dial(LINPHONE_TLS)
    phone.wait_state(call_id, CallState.CONNECTED)
    linphone_tls.console.wait_for(r"Media streams established", after=mark)
    phone.qtbot.wait(1500)  # 1.5 s of tone each way
    stats = phone.engine.stream_stats(call_id)
    _end_all(phone)
    linphone_tls.console.wait_for(r"Call \d+ with .* ended", after=mark)
    assert stats is not None
    assert stats.rx_packets > 30  # decrypted and accepted here
    assert stats.tx_packets > 30
    assert abs(_heard_hz(tmp_path / f"{call_id}.wav") - 440) < 20  # linphone's tone, heard here
    assert abs(_heard_hz(heard_by_linphone) - 1000) < 20  # ours, decrypted by linphone
    _secure_exchange(linphone_tls.log()[log_start:], f"INVITE sip:{LINPHONE_TLS}@")
    assert call_log.records[call_id].end_reason is EndReason.COMPLETED


@pytest.mark.linphone
def test_tls_srtp_call_from_linphone(pbx, linphone_tls, engine, tmp_path, call_log):
    tones = ToneSource(1000, record_dir=tmp_path)
    secure = account(pbx, transport=Transport.TLS, srtp=SrtpMode.MANDATORY)
    phone = _registered(engine, pbx, secure, media_handler=tones)
    heard_by_linphone = tmp_path / "heard-by-linphone.wav"
    linphone_tls.record(heard_by_linphone)
    log_start = len(linphone_tls.log())
    mark = linphone_tls.console.mark()
    linphone_tls.send(f"call sip:alice@{pbx.domain}")
    phone.qtbot.waitUntil(lambda: len(phone.incoming) == 1, timeout=10_000)
    incoming = phone.incoming[0]
    assert incoming.caller_e164 == LINPHONE_TLS
    phone.engine.answer(incoming.call_id)
    phone.wait_state(incoming.call_id, CallState.CONNECTED)
    linphone_tls.console.wait_for(r"Media streams established", after=mark)
    phone.qtbot.wait(1500)
    stats = phone.engine.stream_stats(incoming.call_id)
    linphone_tls.send("terminate")
    ended = phone.wait_state(incoming.call_id, CallState.ENDED)
    linphone_tls.console.wait_for(r"Call \d+ with .* ended", after=mark)
    assert ended.end_reason is EndReason.COMPLETED
    assert stats is not None
    assert stats.rx_packets > 30
    assert stats.tx_packets > 30
    assert abs(_heard_hz(tmp_path / f"{incoming.call_id}.wav") - 440) < 20
    assert abs(_heard_hz(heard_by_linphone) - 1000) < 20
    _secure_exchange(linphone_tls.log()[log_start:], "INVITE sip:alice@")
    assert call_log.records[incoming.call_id].direction is CallDirection.INCOMING
