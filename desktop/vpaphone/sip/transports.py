"""pjsua2 transport settings from the account configuration."""

from __future__ import annotations

import socket

import pjsua2 as pj

from vpaphone.sip.config import SipAccountConfig, Transport


def pj_transport(transport: Transport) -> int:
    kinds: dict[Transport, int] = {
        Transport.UDP: pj.PJSIP_TRANSPORT_UDP,
        Transport.TCP: pj.PJSIP_TRANSPORT_TCP,
        Transport.TLS: pj.PJSIP_TRANSPORT_TLS,
    }
    return kinds[transport]


def bound_address(cfg: SipAccountConfig) -> str:
    """Bind to loopback when the peer is on loopback (tests, demo), else to all interfaces."""
    hosts = [cfg.registrar_host, cfg.outbound_proxy or "", cfg.domain]
    return "127.0.0.1" if any(h.startswith(("127.", "localhost")) for h in hosts) else ""


def transport_config(cfg: SipAccountConfig) -> pj.TransportConfig:
    tc = pj.TransportConfig()
    tc.port = cfg.local_port
    tc.boundAddress = bound_address(cfg)
    if cfg.transport is not Transport.UDP:
        # pjsip leaves Nagle on: a call set-up over TCP then takes ~45 ms instead of ~3 ms
        nodelay = pj.SockOpt()
        nodelay.level = socket.IPPROTO_TCP
        nodelay.optName = socket.TCP_NODELAY
        nodelay.setOptValInt(1)
        tc.sockOptParams.sockOpts.append(nodelay)
        tc.tlsConfig.sockOptParams.sockOpts.append(nodelay)
    if cfg.transport is Transport.TLS:
        tc.tlsConfig.method = pj.PJSIP_TLSV1_2_METHOD
        tc.tlsConfig.verifyServer = cfg.tls_verify_server
        if cfg.tls_ca_file:
            tc.tlsConfig.CaListFile = cfg.tls_ca_file
    return tc
