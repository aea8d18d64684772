"""Whom the SIP engine trusts: which CAs for the server's TLS certificate (and how a refused
certificate is named), and which hosts may ring the phone.

pjsua2's bundled OpenSSL (1.0.2k) loads no trust store by itself, and it reads either a CA
file or a CA buffer, never both (measured: with both set the buffer is ignored). So the
system's trust store and the provisioned company CA go into one buffer.

The system store is where the system's OpenSSL looks (`ssl.get_default_verify_paths`): on
Debian `/etc/ssl/certs/ca-certificates.crt`, moved by the standard `SSL_CERT_FILE` variable.
Plain Python: no pjsua2 here.
"""

from __future__ import annotations

import enum
import logging
import socket
import ssl
import time
from pathlib import Path

from vpaphone.sip.config import SipAccountConfig
from vpaphone.sip.hostport import split_host_port

log = logging.getLogger(__name__)

# pj_ssl_cert_verify_flag_t (pj/ssl_sock.h): the bits of a TLS handshake's verify status
_EISSUER_NOT_FOUND = 1 << 0
_EUNTRUSTED = 1 << 1
_EVALIDITY_PERIOD = 1 << 2
_EIDENTITY_NOT_MATCH = 1 << 30


class TlsProblem(enum.StrEnum):
    """Why the SIP server's certificate was refused (for the status line and the log)."""

    UNTRUSTED = "untrusted"  # no trusted CA issued it (self-signed, unknown company CA)
    NAME_MISMATCH = "name_mismatch"  # it is not for the server name the phone connected to
    EXPIRED = "expired"  # not valid now (expired, or not yet valid)
    INVALID = "invalid"  # anything else (revoked, wrong purpose, weak signature …)


def tls_problem(verify_status: int) -> TlsProblem:
    """The problem a (non-zero) verify status names; trust first: an untrusted certificate's
    other claims mean nothing."""
    if verify_status & (_EISSUER_NOT_FOUND | _EUNTRUSTED):
        return TlsProblem.UNTRUSTED
    if verify_status & _EIDENTITY_NOT_MATCH:
        return TlsProblem.NAME_MISMATCH
    if verify_status & _EVALIDITY_PERIOD:
        return TlsProblem.EXPIRED
    return TlsProblem.INVALID


def system_ca_file() -> Path | None:
    """The system trust store's CA bundle, None if this system has none at a known place."""
    paths = ssl.get_default_verify_paths()
    for candidate in (paths.cafile, paths.openssl_cafile):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def trusted_cas(provisioned_pem: str | None) -> str:
    """PEM text of every CA the SIP server's certificate may chain to: the system store's
    and the provisioned ones."""
    parts = []
    system = system_ca_file()
    if system is None:
        log.warning("no system trust store found: SIP-TLS trusts only a provisioned CA")
    else:
        try:
            parts.append(system.read_text(encoding="ascii", errors="replace"))
        except OSError as exc:
            log.warning("system trust store %s not readable: %s", system, exc.strerror)
    if provisioned_pem:
        parts.append(provisioned_pem)
    return "\n".join(parts)


class CallSources:
    """Which addresses incoming calls may come from: the registrar's and the outbound proxy's
    (the domain's for an account without a registrar), by IP address — a carrier's proxy may
    answer from other ports, and a TCP/TLS connection from any. The names are resolved when
    the first call arrives (not at start: a slow DNS server must not delay the engine's start)
    and again, at most once a minute, when a call comes from an unknown address, so a server
    that moved is followed."""

    RESOLVE_AGAIN_S = 60.0

    def __init__(self, cfg: SipAccountConfig) -> None:
        hosts = [cfg.registrar_host if cfg.register else cfg.domain, cfg.outbound_proxy]
        self._hosts = [split_host_port(h, 5060)[0] for h in hosts if h]
        self.allow_any = cfg.allow_direct_calls
        self._addresses: frozenset[str] = frozenset()
        self._resolved_at: float | None = None  # never

    def allows(self, source: str) -> bool:
        """`source`: the INVITE's sender as pjsip gives it ("1.2.3.4:5060", "[::1]:5060")."""
        if self.allow_any:
            return True
        host = split_host_port(source, 0)[0]
        if host in self._addresses:
            return True
        if (
            self._resolved_at is None
            or time.monotonic() - self._resolved_at >= self.RESOLVE_AGAIN_S
        ):
            self._resolve()
        return host in self._addresses

    def _resolve(self) -> None:
        self._resolved_at = time.monotonic()
        found: set[str] = set()
        for host in self._hosts:
            try:
                infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_UDP)
            except OSError as exc:
                log.warning("SIP server name %s does not resolve: %s", host, exc.strerror)
                continue
            found.update(str(info[4][0]) for info in infos)
        if found:  # a failed lookup keeps what was known
            self._addresses = frozenset(found)
