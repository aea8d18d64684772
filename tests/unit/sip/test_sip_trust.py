"""Plain trust decisions of the SIP engine: certificate problems, call sources, SDP offers."""

from __future__ import annotations

import pjsua2 as pj
import pytest

from vpaphone.sip.config import SipAccountConfig
from vpaphone.sip.sdp import as_savp_offer, offer_has_usable_audio
from vpaphone.sip.trust import CallSources, TlsProblem, tls_problem


@pytest.mark.parametrize(
    ("flags", "problem"),
    [
        (pj.PJ_SSL_CERT_EUNTRUSTED, TlsProblem.UNTRUSTED),
        (pj.PJ_SSL_CERT_EISSUER_NOT_FOUND, TlsProblem.UNTRUSTED),
        # an untrusted certificate's name means nothing: trust is named first
        (pj.PJ_SSL_CERT_EUNTRUSTED | pj.PJ_SSL_CERT_EIDENTITY_NOT_MATCH, TlsProblem.UNTRUSTED),
        (pj.PJ_SSL_CERT_EIDENTITY_NOT_MATCH, TlsProblem.NAME_MISMATCH),
        (pj.PJ_SSL_CERT_EVALIDITY_PERIOD, TlsProblem.EXPIRED),
        (pj.PJ_SSL_CERT_EREVOKED, TlsProblem.INVALID),
    ],
)
def test_verify_status_bits_name_the_problem(flags: int, problem: TlsProblem) -> None:
    assert tls_problem(flags) is problem


def _config(**changes: object) -> SipAccountConfig:
    values: dict[str, object] = {
        "domain": "vpa.test",
        "username": "alice",
        "password": "pw",
        "registrar": "127.0.0.1:5070",
        "outbound_proxy": "127.0.0.3:5080",
    }
    values.update(changes)
    return SipAccountConfig(**values)  # type: ignore[arg-type]


def test_calls_come_from_the_registrar_or_proxy_by_address_on_any_port() -> None:
    sources = CallSources(_config())
    assert sources.allows("127.0.0.1:5070")
    assert sources.allows("127.0.0.3:41234")  # a TCP connection from any port
    assert not sources.allows("127.0.0.2:5060")
    assert not sources.allows("[::1]:5060")
    assert CallSources(_config(allow_direct_calls=True)).allows("127.0.0.2:5060")


def test_without_a_registrar_the_domain_host_may_call() -> None:
    peer = CallSources(_config(register=False, password="", domain="127.0.0.4:5090"))
    peer_no_proxy = CallSources(
        _config(register=False, password="", domain="127.0.0.4:5090", outbound_proxy=None)
    )
    assert peer.allows("127.0.0.4:5090")
    assert not peer_no_proxy.allows("127.0.0.1:5070")  # the registrar field is not used


_OFFER = "v=0\r\nm=audio 4000 RTP/AVP {fmts}\r\n{maps}"


@pytest.mark.parametrize(
    ("fmts", "maps", "usable"),
    [
        ("8", "", True),  # static PCMA
        ("18", "a=rtpmap:18 G729/8000\r\n", False),
        ("96 101", "a=rtpmap:96 opus/48000/2\r\na=rtpmap:101 telephone-event/8000\r\n", False),
        ("97", "a=rtpmap:97 pcmu/8000\r\n", True),  # dynamic type, any case
        ("18 9", "a=rtpmap:18 G729/8000\r\n", True),
    ],
)
def test_offer_is_usable_when_an_audio_stream_has_one_of_our_codecs(
    fmts: str, maps: str, usable: bool
) -> None:
    assert offer_has_usable_audio(_OFFER.format(fmts=fmts, maps=maps)) is usable


def test_a_declined_stream_does_not_count() -> None:
    assert not offer_has_usable_audio("v=0\r\nm=audio 0 RTP/AVP 8\r\n")


def test_the_srtp_retry_declares_the_audio_stream_savp_and_keeps_its_keys() -> None:
    offer = (
        "v=0\r\nm=audio 4000 RTP/AVP 9 8 101\r\na=rtpmap:9 G722/8000\r\n"
        "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:KEY\r\nm=video 0 RTP/AVP 96\r\n"
    )
    assert as_savp_offer(offer) == offer.replace(
        "m=audio 4000 RTP/AVP 9", "m=audio 4000 RTP/SAVP 9"
    )
    plain = "v=0\r\nm=audio 4000 RTP/AVP 8\r\n"
    assert as_savp_offer(plain) == plain  # no keys: RTP/SAVP would promise what is not there
