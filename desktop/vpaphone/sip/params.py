"""pjsua2 parameters from the account configuration: pure builders, no Endpoint needed.

Every function returns a fresh pjsua2 struct and touches nothing else, so tests construct them
and read the fields back without a network or a running library. They are used on the engine
thread (`loop.py`, `calls.py`), like every pjsua2 object.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable

import pjsua2 as pj

from vpaphone.sip.config import SipAccountConfig, SrtpMode, Transport
from vpaphone.sip.trust import trusted_cas
from vpaphone.sip.uri import identity_uri

TASK_HEADER = "X-VPA-Task"  # the active task's id, for server-side attribution of the call
IDENTITY_HEADER = "P-Preferred-Identity"  # RFC 3325: the caller ID we ask the server to present
USER_AGENT = "my-vpa softphone"
MAX_CALLS = 8
REFRESH_BEFORE_EXPIRY_S = 5  # the registration is refreshed this long before it expires
# Offered in this order; every other codec of the library is disabled (priority 0).
CODEC_PRIORITIES = {"G722/16000": 255, "PCMA/8000": 254, "PCMU/8000": 253}
_SRTP = {
    SrtpMode.OFF: pj.PJMEDIA_SRTP_DISABLED,
    SrtpMode.OPTIONAL: pj.PJMEDIA_SRTP_OPTIONAL,
    SrtpMode.MANDATORY: pj.PJMEDIA_SRTP_MANDATORY,
}
# Of the 65 suites the bundled OpenSSL 1.0.2k offers by default (static RSA, DH, CBC with
# SHA-1, Camellia …), only forward-secret AEAD ones: ECDHE with AES-GCM (docs/security.md)
TLS_CIPHER_SUITES = (
    0xC02B,  # ECDHE-ECDSA-AES128-GCM-SHA256
    0xC02C,  # ECDHE-ECDSA-AES256-GCM-SHA384
    0xC02F,  # ECDHE-RSA-AES128-GCM-SHA256
    0xC030,  # ECDHE-RSA-AES256-GCM-SHA384
)
_TRANSPORTS = {
    Transport.UDP: pj.PJSIP_TRANSPORT_UDP,
    Transport.TCP: pj.PJSIP_TRANSPORT_TCP,
    Transport.TLS: pj.PJSIP_TRANSPORT_TLS,
}


# --- library and transports --------------------------------------------------------------


def endpoint_config(stun_servers: Iterable[str], log_level: int) -> pj.EpConfig:
    """One thread drives pjsua2 (`threadCnt = 0`, `mainThreadOnly`): PLATFORM.md, GIL."""
    ep_cfg = pj.EpConfig()
    ep_cfg.uaConfig.threadCnt = 0
    ep_cfg.uaConfig.mainThreadOnly = True
    ep_cfg.uaConfig.userAgent = USER_AGENT
    ep_cfg.uaConfig.maxCalls = MAX_CALLS
    for server in stun_servers:
        ep_cfg.uaConfig.stunServer.append(server)
    ep_cfg.logConfig.level = log_level
    ep_cfg.logConfig.consoleLevel = log_level
    ep_cfg.logConfig.msgLogging = log_level >= 4  # SIP messages carry phone numbers
    ep_cfg.medConfig.noVad = True
    # RTP on the engine thread's ioqueue, not pjmedia's own worker thread: that one polls with a
    # fixed 10 ms timeout (~99 wake-ups a second with no call, measured). Here the media sockets
    # wait in `libHandleEvents` with the SIP ones. The media clock (null device) is unaffected:
    # pjsua opens it when a call's audio connects, closes it 1 s after the last disconnect.
    ep_cfg.medConfig.hasIoqueue = False
    ep_cfg.medConfig.threadCnt = 0
    return ep_cfg


def pj_transport(transport: Transport) -> int:
    return int(_TRANSPORTS[transport])


def transport_config(cfg: SipAccountConfig, bound: str) -> pj.TransportConfig:
    """The SIP transport, bound to `bound` ("": every interface; sip.route chooses)."""
    tc = pj.TransportConfig()
    tc.port = cfg.local_port
    tc.boundAddress = bound
    if cfg.transport is not Transport.UDP:
        # pjsip leaves Nagle on: a call set-up over TCP then takes ~45 ms instead of ~3 ms
        nodelay = pj.SockOpt()
        nodelay.level = socket.IPPROTO_TCP
        nodelay.optName = socket.TCP_NODELAY
        nodelay.setOptValInt(1)
        tc.sockOptParams.sockOpts.append(nodelay)
        tc.tlsConfig.sockOptParams.sockOpts.append(nodelay)
    if cfg.transport is Transport.TLS:
        tc.tlsConfig.method = pj.PJSIP_TLSV1_2_METHOD  # the bundled OpenSSL's newest
        tc.tlsConfig.verifyServer = cfg.tls_verify_server
        tc.tlsConfig.CaBuf = trusted_cas(cfg.tls_ca_pem)
        suites = pj.IntVector()
        for suite in TLS_CIPHER_SUITES:
            suites.append(suite)
        tc.tlsConfig.ciphers = suites
    return tc


def ip_change_param() -> pj.IpChangeParam:
    """After a network change: registration and calls move to the new address, but the SIP
    listener stays as it was bound. pjsua's listener restart would rebind every transport,
    the loop's private wake-up one too, to every interface (measured: 127.0.0.1:P became
    0.0.0.0:P); the engine moves its SIP transport to the new route's address itself
    (`EngineLoop.network_changed`)."""
    prm = pj.IpChangeParam()
    prm.restartListener = False
    return prm


def wake_transport_config() -> pj.TransportConfig:
    """The private loopback UDP transport that only receives the loop's wake-up datagrams."""
    tc = pj.TransportConfig()
    tc.boundAddress = "127.0.0.1"
    return tc


def codec_priority(codec_id: str) -> int:
    """pjsua2's priority for a codec id like "PCMA/8000/1" (0 disables it)."""
    return CODEC_PRIORITIES.get("/".join(codec_id.split("/")[:2]), 0)


# --- the account ---------------------------------------------------------------------------


def account_config(
    cfg: SipAccountConfig, transport_id: int, stun: bool, bound: str
) -> pj.AccountConfig:
    """The SIP account on transport `transport_id`; `stun`: STUN servers are in use; RTP
    bound to `bound` like SIP ("": every interface)."""
    acc = pj.AccountConfig()
    tp_param = "" if cfg.transport is Transport.UDP else f";transport={cfg.transport.value}"
    acc.idUri = f"sip:{cfg.username}@{cfg.domain}"
    if cfg.display_name:
        acc.idUri = f'"{cfg.display_name}" <{acc.idUri}>'
    acc.sipConfig.transportId = transport_id
    if cfg.outbound_proxy:
        acc.sipConfig.proxies.append(f"sip:{cfg.outbound_proxy};lr{tp_param}")
    if cfg.password:
        # for the registrar's realm only: "*" would answer any far end's challenge with it
        user = cfg.auth_username or cfg.username
        cred = pj.AuthCredInfo("digest", cfg.auth_realm, user, 0, cfg.password)
        acc.sipConfig.authCreds.append(cred)
    _registration(acc.regConfig, cfg, tp_param)
    _nat(acc.natConfig, cfg, stun)
    acc.mediaConfig.srtpUse = _SRTP[cfg.srtp]
    # SDES keys only over TLS when SIP is encrypted; over UDP/TCP the key would be plain text
    acc.mediaConfig.srtpSecureSignaling = 1 if cfg.transport is Transport.TLS else 0
    acc.mediaConfig.transportConfig.boundAddress = bound
    return acc


def _registration(reg: pj.AccountRegConfig, cfg: SipAccountConfig, tp_param: str) -> None:
    if cfg.register:
        reg.registrarUri = f"sip:{cfg.registrar_host}{tp_param}"
    reg.timeoutSec = cfg.expiry_s
    reg.delayBeforeRefreshSec = REFRESH_BEFORE_EXPIRY_S
    reg.firstRetryIntervalSec = cfg.register_retry_first_s
    reg.retryIntervalSec = cfg.register_retry_s
    reg.randomRetryIntervalSec = cfg.register_retry_random_s
    reg.unregWaitMsec = 1000  # how long pjsua waits for an un-REGISTER (the engine waits itself)
    reg.dropCallsOnFail = False


def _nat(nat: pj.AccountNatConfig, cfg: SipAccountConfig, stun: bool) -> None:
    nat.iceEnabled = cfg.ice
    nat.udpKaIntervalSec = cfg.keepalive_s
    nat.contactRewriteUse = 0  # a loopback/LAN contact must not be rewritten
    nat.viaRewriteUse = 0
    nat.sdpNatRewriteUse = 0
    if not stun:
        nat.sipStunUse = pj.PJSUA_STUN_USE_DISABLED
        nat.mediaStunUse = pj.PJSUA_STUN_USE_DISABLED


# --- per call ------------------------------------------------------------------------------


def call_param(cfg: SipAccountConfig, task_id: str | None) -> pj.CallOpParam:
    """An outgoing INVITE's options: the task id in `TASK_HEADER` (none for an emergency
    call), the caller ID to present in `IDENTITY_HEADER` (when the account has one)."""
    prm = pj.CallOpParam(True)
    if cfg.caller_id:
        _add_header(prm, IDENTITY_HEADER, identity_uri(cfg.caller_id, cfg.domain))
    if task_id is not None:
        _add_header(prm, TASK_HEADER, task_id)
    return prm


def _add_header(prm: pj.CallOpParam, name: str, value: str) -> None:
    header = pj.SipHeader()
    header.hName = name
    header.hValue = value
    prm.txOption.headers.append(header)


def status_param(status: int) -> pj.CallOpParam:
    """For answer/hangup: the SIP status to send (0 on hangup: pjsua picks CANCEL/BYE/603)."""
    prm = pj.CallOpParam(True)
    prm.statusCode = status
    return prm


def redirect_param(uri: str) -> pj.CallOpParam:
    """For hangup: `302 Moved Temporarily` sending the caller to `uri` (its Contact)."""
    prm = status_param(302)
    _add_header(prm, "Contact", f"<{uri}>")
    return prm


def unhold_param() -> pj.CallOpParam:
    prm = pj.CallOpParam(True)
    prm.opt.flag = pj.PJSUA_CALL_UNHOLD
    return prm


def dtmf_param(digits: str, sip_info: bool) -> pj.CallSendDtmfParam:
    """RFC 4733 events in the RTP stream, or SIP INFO requests (`sip_info`)."""
    prm = pj.CallSendDtmfParam()
    prm.digits = digits
    prm.method = pj.PJSUA_DTMF_METHOD_SIP_INFO if sip_info else pj.PJSUA_DTMF_METHOD_RFC2833
    return prm
