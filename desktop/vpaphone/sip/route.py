"""Which local address SIP binds to: the one the routing table sends from towards the server.

A phone bound to every interface answers SIP on all of them (a LAN, a VPN, a hotel network)
though it only ever talks to its registrar/outbound proxy; bound to the address the route to
that server leaves from, nothing else reaches it. The kernel names that address: a UDP socket
"connected" to the server (no packet is sent) gets it as its local address. Plain Python.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading

from vpaphone.sip.config import SipAccountConfig
from vpaphone.sip.hostport import split_host_port

log = logging.getLogger(__name__)

RESOLVE_WAIT_S = 2.0  # the engine start (and the UI waiting for it) waits at most this for DNS
ALL_INTERFACES = ""  # pjsip's boundAddress for 0.0.0.0


def server_hosts(cfg: SipAccountConfig) -> list[tuple[str, int]]:
    """Where the phone sends its requests: the outbound proxy, else the registrar (REGISTER)
    and the domain (calls), the domain alone without registration."""
    if cfg.outbound_proxy:
        hosts = [cfg.outbound_proxy]
    elif cfg.register:
        hosts = [cfg.registrar_host, cfg.domain]
    else:
        hosts = [cfg.domain]
    return list(dict.fromkeys(split_host_port(h, 5060) for h in hosts))


def bind_address(cfg: SipAccountConfig) -> str:
    """The address to bind SIP and RTP to at start; every interface for direct-IP setups
    (calls may come in on any of them), and when `route_address` finds none (logged)."""
    if cfg.allow_direct_calls:
        return ALL_INTERFACES
    source = route_address(cfg)
    if source is None:
        log.warning("no single local address towards the SIP server: SIP bound to every interface")
        return ALL_INTERFACES
    return source


def route_address(cfg: SipAccountConfig) -> str | None:
    """The one local address the routes to the servers the phone sends to leave from; None
    when a name does not resolve, no route leads there, or they leave from different ones."""
    sources = {source_address(host, port) for host, port in server_hosts(cfg)}
    if len(sources) != 1:
        return None
    return sources.pop()


def source_address(host: str, port: int, wait_s: float = RESOLVE_WAIT_S) -> str | None:
    """The local IPv4 address packets to `host`:`port` leave from; None when the name does not
    resolve within `wait_s` or no route leads there. The transports are IPv4."""
    address = _resolve(host, port, wait_s)
    if address is None:
        return None
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect((address, port))
        except OSError as exc:
            log.warning("no route to the SIP server %s: %s", host, exc.strerror)
            return None
        return str(probe.getsockname()[0])


def _resolve(host: str, port: int, wait_s: float) -> str | None:
    try:
        return str(ipaddress.IPv4Address(host))
    except ValueError:
        pass
    found: list[str] = []

    def lookup() -> None:  # getaddrinfo has no timeout: waited for from here, at most wait_s
        try:
            infos = socket.getaddrinfo(host, port, socket.AF_INET, socket.SOCK_DGRAM)
        except OSError as exc:
            log.warning("SIP server name %s does not resolve: %s", host, exc.strerror)
            return
        found.extend(str(info[4][0]) for info in infos)

    worker = threading.Thread(target=lookup, name="sip-resolve", daemon=True)
    worker.start()
    worker.join(wait_s)
    if worker.is_alive():
        log.warning("SIP server name %s did not resolve within %.0f s", host, wait_s)
        return None
    return found[0] if found else None
