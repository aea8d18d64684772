"""Facts about the linked PJSIP, for `vpaphone diagnose` (no endpoint is started)."""

from __future__ import annotations

import pjsua2 as pj


def pjproject_version() -> str:
    endpoint = pj.Endpoint()
    try:
        return str(endpoint.libVersion().full)
    finally:
        pj._pjsua2.delete_Endpoint(endpoint)


def transport_lines() -> list[tuple[str, str]]:
    """Whether each SIP transport can be created here (bound to 127.0.0.1, any port): the
    Windows wheel of pjsua2 appears to lack TLS — this is where a machine says so.

    Needs a process without a pjsua2 Endpoint of its own (pjsua2 allows one per process)."""
    endpoint = pj.Endpoint()
    endpoint.libCreate()
    lines = []
    try:
        cfg = pj.EpConfig()
        cfg.uaConfig.threadCnt = 0
        cfg.uaConfig.mainThreadOnly = True
        cfg.logConfig.level = 0
        cfg.logConfig.consoleLevel = 0
        endpoint.libInit(cfg)
        for name, kind in (
            ("UDP", pj.PJSIP_TRANSPORT_UDP),
            ("TCP", pj.PJSIP_TRANSPORT_TCP),
            ("TLS", pj.PJSIP_TRANSPORT_TLS),
        ):
            transport = pj.TransportConfig()
            transport.boundAddress = "127.0.0.1"
            transport.port = 0
            if kind == pj.PJSIP_TRANSPORT_TLS:
                transport.tlsConfig.method = pj.PJSIP_TLSV1_2_METHOD
            try:
                endpoint.transportCreate(kind, transport)
                lines.append((name, "can be created"))
            except pj.Error as exc:
                lines.append((name, f"NOT AVAILABLE: {exc.reason} (status {exc.status})"))
    finally:
        endpoint.libDestroy()
        pj._pjsua2.delete_Endpoint(endpoint)
    return lines
