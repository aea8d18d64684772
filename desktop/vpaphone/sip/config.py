"""Typed SIP account configuration, as provisioned by my-vpa (or the demo backend)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from vpaphone.sip.hostport import split_host_port

# A registrar that restarts forgets every registration; over UDP nothing tells the phone, so
# the refresh (expiry - 5 s) must come soon enough for "registered" to stay true: < 2 minutes.
UDP_EXPIRY_S = 120
CONNECTION_EXPIRY_S = 300
KEEPALIVE_S = 15  # CRLF keep-alives on UDP (NAT bindings); nothing answers them
# Between refreshes a REGISTER every this long checks the registrar still answers and still has
# the phone (sip.regwatch): a silent one shows as "not registered" within this + the answer bound.
REGISTER_CHECK_S = 30
REGISTER_ANSWER_S = 8.0  # a REGISTER unanswered this long: "not registered" (pjsip waits 32 s)


class Transport(enum.StrEnum):
    UDP = "udp"
    TCP = "tcp"
    TLS = "tls"


class SrtpMode(enum.StrEnum):
    OFF = "off"
    OPTIONAL = "optional"
    MANDATORY = "mandatory"


class SipConfigError(ValueError):
    """The account configuration cannot work; the message names the field."""


@dataclass(frozen=True, slots=True)
class SipAccountConfig:
    """One SIP account.

    `domain` is the SIP domain of the account's address (`sip:username@domain`) and of the
    numbers dialled (`sip:+49…@domain;user=phone`); it may carry a port ("127.0.0.1:5070").
    `registrar` ("host[:port]") defaults to the domain. With `register=False` (the demo peer)
    nothing is registered and calls go straight to the domain. `outbound_proxy` ("host[:port]")
    routes every request through a proxy, for domains that do not resolve.
    The password is handed over in memory only (from the OS keychain) and never logged.
    """

    domain: str
    username: str
    password: str = field(default="", repr=False)
    register: bool = True
    registrar: str | None = None
    transport: Transport = Transport.UDP
    outbound_proxy: str | None = None
    auth_username: str | None = None  # digest user if it differs from the SIP username
    caller_id: str | None = None  # E.164 to present, sent as P-Preferred-Identity
    display_name: str = ""
    default_region: str = "DE"  # to normalise national caller numbers to E.164
    stun_servers: tuple[str, ...] = ()
    ice: bool = False
    srtp: SrtpMode = SrtpMode.OFF
    # PEM certificates of CAs trusted for the SIP server in addition to the system's trust
    # store (a company CA); public data, provisioned by my-vpa
    tls_ca_pem: str | None = None
    tls_verify_server: bool = True
    # Digest realm the password is given to (the registrar's and outbound proxy's); None: the
    # domain's host. A challenge for any other realm gets no answer.
    realm: str | None = None
    # Accept calls that do not come from the registrar or outbound proxy (direct-IP setups)
    allow_direct_calls: bool = False
    # None: UDP_EXPIRY_S over UDP (only the refresh finds a registrar that restarted and forgot
    # us), CONNECTION_EXPIRY_S over TCP/TLS (a lost connection tells at once)
    register_expiry_s: int | None = None
    register_retry_first_s: int = 2  # first retry after a failure / a lost connection
    register_retry_s: int = 30  # later retries, each moved by up to ± register_retry_random_s
    register_retry_random_s: int = 10
    keepalive_s: int = KEEPALIVE_S  # 0: none
    register_check_s: int = REGISTER_CHECK_S  # 0: only pjsua's refresh before the expiry
    register_answer_s: float = REGISTER_ANSWER_S
    local_port: int = 0  # 0: any free port

    def __post_init__(self) -> None:
        if not self.domain or any(c in self.domain for c in " <>;@"):
            raise SipConfigError(f"SIP domain is not valid: {self.domain!r}")
        if not self.username or any(c in self.username for c in " <>;@:"):
            raise SipConfigError(f"SIP username is not valid: {self.username!r}")
        if self.register and not self.password:
            raise SipConfigError("a password is needed to register")
        if self.caller_id is not None and not _is_e164(self.caller_id):
            raise SipConfigError(f"caller ID must be E.164 (+ and 8-15 digits): {self.caller_id!r}")
        if self.expiry_s < 1 or self.register_retry_first_s < 1 or self.register_retry_s < 1:
            raise SipConfigError("registration intervals must be at least 1 s")
        if self.register_retry_random_s < 0 or self.keepalive_s < 0 or self.register_check_s < 0:
            raise SipConfigError("registration intervals must not be negative")
        if self.register_answer_s <= 0:
            raise SipConfigError("the registrar's answer bound must be positive")
        if self.srtp is not SrtpMode.OFF and self.transport is not Transport.TLS:
            # SDES carries the media keys in the SDP: over UDP/TCP anyone on the path reads them
            raise SipConfigError(
                f"SRTP ({self.srtp.value}) needs SIP over TLS: its keys travel in the SIP"
                f" messages, which are not encrypted over {self.transport.value.upper()}"
            )
        if self.realm is not None and (not self.realm or '"' in self.realm or "*" in self.realm):
            raise SipConfigError(f"digest realm is not valid: {self.realm!r}")
        if not 0 <= self.local_port <= 65535:
            raise SipConfigError(f"local port out of range: {self.local_port}")

    @property
    def expiry_s(self) -> int:
        """The registration's expiry: provisioned, else the transport's default."""
        if self.register_expiry_s is not None:
            return self.register_expiry_s
        return UDP_EXPIRY_S if self.transport is Transport.UDP else CONNECTION_EXPIRY_S

    @property
    def auth_realm(self) -> str:
        """The one realm credentials are given to (never "*", which answers any far end)."""
        return self.realm or split_host_port(self.domain, 5060)[0]

    @property
    def registrar_host(self) -> str:
        return self.registrar or self.domain


def _is_e164(text: str) -> bool:
    return text.startswith("+") and text[1:].isdigit() and 8 <= len(text) - 1 <= 15
