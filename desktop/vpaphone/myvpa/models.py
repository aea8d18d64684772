"""What the client hands to the rest of the app: plain dataclasses built from validated payloads.

Parsing happens completely before anything is returned, so a bad payload is never half-applied.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from vpaphone.core.model import Role, Task, TelephonyArea
from vpaphone.core.rules import RuleData, RuleDataError
from vpaphone.core.zones import ZoneDataError, ZoneTable
from vpaphone.myvpa.errors import ContractViolationError

CENTRAL_CALLER_ID = "+4922182829980"  # my-vpa's central number, +49 221 82829-980


def new_idempotency_key() -> str:
    """A key for one intended action; every repeat of that action sends the same one."""
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_in: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_in": self.expires_in,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TokenPair:
        return cls(str(data["access_token"]), str(data["refresh_token"]), int(data["expires_in"]))


@dataclass(frozen=True, slots=True)
class Profile:
    id: str
    name: str
    role: Role
    individual_number: str | None


@dataclass(frozen=True, slots=True)
class SipAccount:
    """The fields the SIP engine's account config needs; the app maps them (no pjsua2 here)."""

    registrar: str  # host[:port]
    domain: str  # host[:port] of the address of record
    username: str
    auth_username: str
    password: str = field(repr=False)
    transport: str = "udp"  # udp | tcp | tls
    outbound_proxy: str | None = None
    register: bool = True
    srtp: str = "off"  # off | optional | mandatory
    stun_servers: tuple[str, ...] = ()  # host[:port]; optional in the contract (older servers)
    ice: bool = False
    register_expiry_s: int | None = None  # optional in the contract (absent: by transport)
    keepalive_s: int | None = None  # optional in the contract (absent: 15 s)
    register_check_s: int | None = None  # optional (1.5; absent: 30 s, 0: no checks)
    tls_ca_pem: str | None = None  # optional: CA(s) trusted besides the system store
    realm: str | None = None  # optional: digest realm (absent: the domain's host)
    allow_direct_calls: bool = False  # optional: calls not from registrar/proxy accepted

    def to_json(self) -> dict[str, Any]:
        """The contract's SipAccount object: what `provisioning_from` reads back."""
        data = asdict(self)
        data["stun_servers"] = list(self.stun_servers)
        optional_fields = (
            "register_expiry_s",
            "keepalive_s",
            "register_check_s",
            "tls_ca_pem",
            "realm",
        )
        for optional in optional_fields:  # absent
            if data[optional] is None:
                del data[optional]
        return data


@dataclass(frozen=True, slots=True)
class Provisioning:
    sip: SipAccount
    caller_id: str  # E.164
    caller_id_individual: bool
    rules: dict[str, Any]  # for vpaphone.core.rules.RuleData.from_mapping
    zones: dict[str, Any]  # validated; ZoneTable.from_mapping(zones) gives the table
    issued_at: datetime
    # where a call the VPA turns away during another call goes (302); None: 486 Busy
    voicemail_uri: str | None = None

    @property
    def offline_max_hours(self) -> int:
        """How long cached provisioning and tasks may be used without reaching my-vpa."""
        return int(self.rules["offline_max_hours"])


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why my-vpa did not store an uploaded item: its problem code and (short) detail."""

    code: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class UploadOutcome:
    accepted: frozenset[str]
    duplicates: frozenset[str]
    rejected: dict[str, Rejection] = field(default_factory=dict)  # client id -> why

    @property
    def delivered(self) -> frozenset[str]:
        """Ids the server now has, either way; safe to mark delivered."""
        return self.accepted | self.duplicates


class AdminRequestKind(enum.StrEnum):
    INDIVIDUAL_QUOTE = "individual_quote"
    MORE_PHONING = "more_phoning"  # phoning more than planned
    SALES_CALL_NOTICE = "sales_call_notice"
    BIGGER_PROJECT = "bigger_project"  # answering machine, customer's own number, ...


@dataclass(frozen=True, slots=True)
class AdminRequest:
    id: str
    kind: AdminRequestKind
    task_id: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ChatMessage:
    id: str
    task_id: str
    posted_at: datetime


def parse_time(value: str) -> datetime:
    """RFC 3339 → aware datetime; a well-formed but impossible date is a contract violation."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ContractViolationError(
            "my-vpa sent an invalid timestamp", code="contract_violation"
        ) from None
    if parsed.tzinfo is None:
        raise ContractViolationError(
            "my-vpa sent a timestamp without offset", code="contract_violation"
        )
    return parsed


def profile_from(data: dict[str, Any]) -> Profile:
    return Profile(
        id=data["id"],
        name=data["name"],
        role=Role(data["role"]),
        individual_number=data["individual_number"],
    )


def provisioning_from(data: dict[str, Any]) -> Provisioning:
    sip = data["sip"]
    try:  # the core's own validation is the last word on rule data
        RuleData.default().with_overrides(data["rules"])
    except RuleDataError as exc:
        raise ContractViolationError(
            f"my-vpa sent unusable rule data ({str(exc)[:200]})", code="contract_violation"
        ) from None
    try:
        ZoneTable.from_mapping(data["zones"])
    except ZoneDataError as exc:
        raise ContractViolationError(
            f"my-vpa sent unusable zone data ({str(exc)[:200]})", code="contract_violation"
        ) from None
    return Provisioning(
        sip=SipAccount(
            registrar=sip["registrar"],
            domain=sip["domain"],
            username=sip["username"],
            auth_username=sip.get("auth_username", sip["username"]),
            password=sip["password"],
            transport=sip["transport"],
            outbound_proxy=sip.get("outbound_proxy"),
            register=sip["register"],
            srtp=sip["srtp"],
            stun_servers=tuple(sip.get("stun_servers", ())),
            ice=sip.get("ice", False),
            register_expiry_s=sip.get("register_expiry_s"),
            keepalive_s=sip.get("keepalive_s"),
            register_check_s=sip.get("register_check_s"),
            tls_ca_pem=sip.get("tls_ca_pem"),
            realm=sip.get("realm"),
            allow_direct_calls=sip.get("allow_direct_calls", False),
        ),
        caller_id=data["caller_id"],
        caller_id_individual=data["caller_id_individual"],
        rules=data["rules"],
        zones=data["zones"],
        issued_at=parse_time(data["issued_at"]),
        voicemail_uri=data.get("voicemail_uri"),
    )


def task_from(data: dict[str, Any]) -> Task:
    return Task(
        id=data["id"],
        title=data["title"],
        customer=data["customer"],
        area=TelephonyArea(data["telephony_area"]),
        individual_quote=data["individual_quote"],
        working_seconds=data["working_seconds"],
        phone_seconds=data["phone_seconds"],
        budget_minutes=data["budget_minutes"],
        budget_raisable=bool(data.get("budget_raisable", False)),
    )
