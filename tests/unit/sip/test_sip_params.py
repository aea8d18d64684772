"""The pjsua2 parameters the engine builds from an account: read back without a network.

What a user or admin would notice when one is wrong: calls not attributed to the task, the
wrong caller ID, SRTP keys sent in clear text, a registrar reached over the wrong transport.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pjsua2 as pj
import pytest

from vpaphone.sip.callmedia import MEDIA_STATUSES
from vpaphone.sip.calls import INVITE_STATES
from vpaphone.sip.config import SipAccountConfig, SipConfigError, SrtpMode, Transport
from vpaphone.sip.events import InviteState, MediaStatus
from vpaphone.sip.params import (
    IDENTITY_HEADER,
    TASK_HEADER,
    account_config,
    call_param,
    codec_priority,
    dtmf_param,
    endpoint_config,
    status_param,
    transport_config,
    unhold_param,
)


def _config(**changes: object) -> SipAccountConfig:
    values: dict[str, object] = {
        "domain": "vpa.example",
        "username": "vpa-7",
        "password": "pw",
        "registrar": "sip.example:5061",
        "outbound_proxy": "proxy.example:5061",
    }
    values.update(changes)
    return SipAccountConfig(**values)  # type: ignore[arg-type]


def _headers(prm: pj.CallOpParam) -> dict[str, str]:
    return {str(h.hName): str(h.hValue) for h in prm.txOption.headers}


def test_invite_carries_the_task_and_the_caller_id() -> None:
    prm = call_param(_config(caller_id="+4922182829980"), "task-42")
    assert _headers(prm) == {
        TASK_HEADER: "task-42",
        IDENTITY_HEADER: "<sip:+4922182829980@vpa.example;user=phone>",
    }
    assert (TASK_HEADER, IDENTITY_HEADER) == ("X-VPA-Task", "P-Preferred-Identity")


def test_emergency_call_has_no_task_header_and_no_caller_id_without_one() -> None:
    assert _headers(call_param(_config(), None)) == {}
    assert _headers(call_param(_config(caller_id="+4922182829980"), None)) == {
        IDENTITY_HEADER: "<sip:+4922182829980@vpa.example;user=phone>"
    }


def test_each_call_gets_its_own_parameters() -> None:
    first = call_param(_config(), "task-a")
    second = call_param(_config(), "task-b")
    assert _headers(first)[TASK_HEADER] == "task-a"  # not overwritten by the second call
    assert _headers(second)[TASK_HEADER] == "task-b"


@pytest.mark.parametrize(
    ("transport", "param"),
    [(Transport.UDP, ""), (Transport.TCP, ";transport=tcp"), (Transport.TLS, ";transport=tls")],
)
def test_registrar_and_proxy_are_reached_over_the_configured_transport(transport, param) -> None:
    acc = account_config(_config(transport=transport), transport_id=3, stun=False, bound="")
    assert acc.regConfig.registrarUri == f"sip:sip.example:5061{param}"
    assert list(acc.sipConfig.proxies) == [f"sip:proxy.example:5061;lr{param}"]
    assert acc.sipConfig.transportId == 3


def test_account_identity_credentials_and_registration_timers() -> None:
    config = _config(
        display_name="Anna Muster",
        auth_username="auth-7",
        register_expiry_s=120,
        register_retry_first_s=3,
        register_retry_s=40,
    )
    acc = account_config(config, transport_id=0, stun=False, bound="")
    assert acc.idUri == '"Anna Muster" <sip:vpa-7@vpa.example>'
    (cred,) = acc.sipConfig.authCreds
    # the password answers the registrar's realm only (the domain's host), never "*"
    realm = ("digest", "vpa.example", "auth-7", "pw")
    assert (cred.scheme, cred.realm, cred.username, cred.data) == realm
    provisioned = account_config(
        _config(domain="vpa.example:5070", realm="pbx"), 0, stun=False, bound=""
    )
    assert [c.realm for c in provisioned.sipConfig.authCreds] == ["pbx"]
    assert _config(domain="vpa.example:5070").auth_realm == "vpa.example"
    reg = acc.regConfig
    assert (reg.timeoutSec, reg.firstRetryIntervalSec, reg.retryIntervalSec) == (120, 3, 40)
    assert reg.dropCallsOnFail is False  # a lost registration must not cut a running call


def test_peer_to_peer_account_registers_nowhere_and_sends_no_credentials() -> None:
    acc = account_config(
        _config(register=False, password="", registrar=None, outbound_proxy=None), 0, False, ""
    )
    assert acc.regConfig.registrarUri == ""
    assert list(acc.sipConfig.authCreds) == []
    assert list(acc.sipConfig.proxies) == []


def test_srtp_keys_only_travel_encrypted_over_tls() -> None:
    acc = account_config(
        _config(transport=Transport.TLS, srtp=SrtpMode.MANDATORY), 0, stun=False, bound=""
    )
    assert acc.mediaConfig.srtpUse == pj.PJMEDIA_SRTP_MANDATORY
    assert acc.mediaConfig.srtpSecureSignaling == 1
    for transport in (Transport.UDP, Transport.TCP):
        for mode in (SrtpMode.OPTIONAL, SrtpMode.MANDATORY):
            with pytest.raises(SipConfigError, match=r"SRTP \(\w+\) needs SIP over TLS"):
                _config(transport=transport, srtp=mode)


@pytest.mark.parametrize(
    ("mode", "use"),
    [
        (SrtpMode.OFF, pj.PJMEDIA_SRTP_DISABLED),
        (SrtpMode.OPTIONAL, pj.PJMEDIA_SRTP_OPTIONAL),
        (SrtpMode.MANDATORY, pj.PJMEDIA_SRTP_MANDATORY),
    ],
)
def test_srtp_mode(mode, use) -> None:
    config = _config(transport=Transport.TLS, srtp=mode)
    assert account_config(config, 0, stun=False, bound="").mediaConfig.srtpUse == use


def test_nat_settings_follow_stun_and_ice() -> None:
    plain = account_config(_config(), 0, stun=False, bound="").natConfig
    assert plain.sipStunUse == pj.PJSUA_STUN_USE_DISABLED
    assert plain.mediaStunUse == pj.PJSUA_STUN_USE_DISABLED
    assert plain.iceEnabled is False
    assert plain.contactRewriteUse == 0  # a LAN contact is not rewritten behind our back
    nat = account_config(_config(ice=True), 0, stun=True, bound="").natConfig
    assert nat.sipStunUse != pj.PJSUA_STUN_USE_DISABLED
    assert nat.iceEnabled is True


def test_media_and_sip_bind_to_the_address_given() -> None:
    local = _config(registrar="127.0.0.1:5070", outbound_proxy=None)
    assert transport_config(local, "127.0.0.1").boundAddress == "127.0.0.1"
    acc = account_config(local, 0, False, "127.0.0.1")  # held: SWIG members point into it
    assert acc.mediaConfig.transportConfig.boundAddress == "127.0.0.1"


def test_tcp_and_tls_switch_nagle_off_and_tls_verifies_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system = tmp_path / "system-store.pem"
    system.write_text("SYSTEM CAS\n")
    monkeypatch.setenv("SSL_CERT_FILE", str(system))  # where the system's OpenSSL looks
    assert list(transport_config(_config(), "").sockOptParams.sockOpts) == []
    tls = transport_config(_config(transport=Transport.TLS, tls_ca_pem="COMPANY CA\n"), "")
    for opts in (tls.sockOptParams.sockOpts, tls.tlsConfig.sockOptParams.sockOpts):
        (opt,) = opts
        assert (opt.level, opt.optName) == (socket.IPPROTO_TCP, socket.TCP_NODELAY)
    assert tls.tlsConfig.method == pj.PJSIP_TLSV1_2_METHOD
    assert tls.tlsConfig.verifyServer is True
    # one buffer: the bundled OpenSSL ignores a CA buffer when a CA file is set as well
    assert (tls.tlsConfig.CaListFile, tls.tlsConfig.CaBuf) == ("", "SYSTEM CAS\n\nCOMPANY CA\n")
    assert [f"{c:04X}" for c in tls.tlsConfig.ciphers] == ["C02B", "C02C", "C02F", "C030"]


def test_library_runs_on_one_thread_and_keeps_sip_messages_out_of_its_log() -> None:
    ep = endpoint_config(["stun.example:3478"], log_level=1)
    assert (ep.uaConfig.threadCnt, ep.uaConfig.mainThreadOnly) == (0, True)
    assert list(ep.uaConfig.stunServer) == ["stun.example:3478"]
    assert not ep.logConfig.msgLogging  # SIP messages carry phone numbers
    assert endpoint_config([], log_level=4).logConfig.msgLogging  # support asked for it


def test_only_the_three_codecs_are_offered_in_order() -> None:
    priorities = [codec_priority(c) for c in ("G722/16000/1", "PCMA/8000/1", "PCMU/8000/1")]
    assert priorities == sorted(priorities, reverse=True)
    assert all(p > 0 for p in priorities)
    assert codec_priority("speex/16000/1") == 0
    assert codec_priority("GSM/8000/1") == 0


def test_per_call_operations() -> None:
    assert status_param(603).statusCode == 603
    assert unhold_param().opt.flag & pj.PJSUA_CALL_UNHOLD
    assert dtmf_param("12#", sip_info=False).method == pj.PJSUA_DTMF_METHOD_RFC2833
    info = dtmf_param("5", sip_info=True)
    assert (info.digits, info.method) == ("5", pj.PJSUA_DTMF_METHOD_SIP_INFO)


def test_every_pjsua2_state_becomes_its_own_enum_member() -> None:
    assert sorted(INVITE_STATES) == list(range(7))  # pjsip_inv_state: NULL … DISCONNECTED
    assert set(INVITE_STATES.values()) == set(InviteState)
    assert INVITE_STATES[pj.PJSIP_INV_STATE_CONFIRMED] is InviteState.CONFIRMED
    assert set(MEDIA_STATUSES.values()) == set(MediaStatus)
    assert MEDIA_STATUSES[pj.PJSUA_CALL_MEDIA_LOCAL_HOLD] is MediaStatus.LOCAL_HOLD


@pytest.mark.parametrize(
    ("transport", "expiry"), [(Transport.UDP, 120), (Transport.TCP, 300), (Transport.TLS, 300)]
)
def test_registration_expiry_by_transport_unless_provisioned(transport, expiry) -> None:
    # over UDP only the refresh finds a registrar that restarted: it must come within 2 minutes
    reg = account_config(
        _config(transport=transport), transport_id=0, stun=False, bound=""
    ).regConfig
    assert reg.timeoutSec == expiry
    if transport is Transport.UDP:
        assert reg.timeoutSec - reg.delayBeforeRefreshSec < 120
    provisioned = _config(transport=transport, register_expiry_s=600)
    assert (
        account_config(provisioned, transport_id=0, stun=False, bound="").regConfig.timeoutSec
        == 600
    )


def test_keepalive_and_retry_randomisation_come_from_the_account() -> None:
    acc = account_config(
        _config(keepalive_s=25, register_retry_random_s=3), transport_id=0, stun=False, bound=""
    )
    assert acc.natConfig.udpKaIntervalSec == 25
    assert acc.regConfig.randomRetryIntervalSec == 3
