"""my-vpa telephony rule data: areas, factors, phone-share levels, offline period (RULES.md).

The numbers live in `resources/rules/rules.json`; provisioning may replace or override them, so
everything that comes in goes through `RuleData.from_mapping`, which either returns valid data or
raises `RuleDataError` naming the offending field. Factors and levels are `Decimal`: they end up
in customer budgets, where float rounding would be visible.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, TypeVar

from vpaphone.core.model import CostZone, NumberKind, Role, TelephonyArea
from vpaphone.paths import resource

SCHEMA_VERSION = 1
RULES_FILE = ("rules", "rules.json")
DEFAULT_RETENTION_DAYS = 90  # when the rule data does not say (older servers, caches)

_E = TypeVar("_E", bound=enum.StrEnum)


class RuleDataError(ValueError):
    """Rule data is malformed; the message names the field (e.g. `areas.sales_eu.factor`)."""


class Billing(enum.StrEnum):
    """How an area's phone time is paid for."""

    INCLUDED = "included"  # in the hourly rate; the phone share must stay within the included level
    FACTOR = "factor"  # the customer's budget is multiplied by the area's factor
    QUOTE = "quote"  # factor agreed individually through the admin team


class Language(enum.StrEnum):
    DE = "de"
    EN = "en"


@dataclass(frozen=True, slots=True)
class AreaRule:
    """One telephony area as the rules define it."""

    area: TelephonyArea
    billing: Billing
    role: Role | None  # the VPA role the area is meant for; None: any role
    zones: frozenset[CostZone]  # destinations the area covers
    factor: Decimal | None  # None only for QUOTE: agreed individually
    template: str | None  # task-chat template, "Telefonfaktor DE" / "Telefonfaktor EU"
    labels: Mapping[Language, str]

    def label(self, language: Language) -> str:
        return self.labels[language]

    def covers(self, zone: CostZone) -> bool:
        return zone in self.zones


@dataclass(frozen=True, slots=True)
class RuleData:
    """Validated rule data. Build it with `default()`, `from_mapping()` or `with_overrides()`."""

    areas: Mapping[TelephonyArea, AreaRule]
    included_share: Decimal  # 0.25: up to 15 min per working hour are in the hourly rate
    nearing_share: Decimal  # 0.20: warn before the included share is used up
    offline_max: timedelta  # how long cached tasks and rules may be used without my-vpa
    blocked_kinds: frozenset[NumberKind]  # premium-rate, shared-cost: never dialled
    # confirmed call history is kept this long on the computer (unconfirmed: until confirmed)
    history_retention: timedelta = timedelta(days=DEFAULT_RETENTION_DAYS)

    @classmethod
    def default(cls) -> RuleData:
        """The rule data shipped in resources/rules/rules.json."""
        path = resource(*RULES_FILE)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise RuleDataError(f"cannot read shipped rule data {path}: {exc}") from exc
        return cls.from_mapping(data)

    @classmethod
    def from_mapping(cls, data: object) -> RuleData:
        """Validate a complete rule document (the shape of rules.json). Raises `RuleDataError`."""
        root = _Reader(data, "rules").mapping()
        allowed = {
            "schema",
            "phone_share",
            "offline_max_hours",
            "history_retention_days",
            "blocked_number_kinds",
            "areas",
        }
        root.reject_unknown(allowed)
        schema = root.field("schema").integer()
        if schema != SCHEMA_VERSION:
            raise RuleDataError(f"rules.schema: unsupported version {schema}, expected 1")
        share = root.field("phone_share").mapping()
        share.reject_unknown({"included", "nearing"})
        included = share.field("included").decimal()
        nearing = share.field("nearing").decimal()
        if not Decimal(0) < included < Decimal(1):
            raise RuleDataError(
                f"rules.phone_share.included: must be between 0 and 1, got {included}"
            )
        if not Decimal(0) < nearing < included:
            raise RuleDataError(
                f"rules.phone_share.nearing: must be above 0 and below the included share "
                f"{included}, got {nearing}"
            )
        hours = root.field("offline_max_hours").integer()
        if not 0 < hours <= 24 * 90:
            raise RuleDataError(f"rules.offline_max_hours: must be 1 to 2160 hours, got {hours}")
        retention = DEFAULT_RETENTION_DAYS
        if "history_retention_days" in root.raw:
            retention = root.field("history_retention_days").integer()
            if not 0 < retention <= 3650:
                raise RuleDataError(
                    f"rules.history_retention_days: must be 1 to 3650 days, got {retention}"
                )
        kinds = frozenset(k.enum(NumberKind) for k in root.field("blocked_number_kinds").sequence())
        if NumberKind.EMERGENCY in kinds:
            raise RuleDataError(
                "rules.blocked_number_kinds: emergency numbers may never be blocked"
            )
        areas_reader = root.field("areas").mapping()
        areas_reader.reject_unknown({a.value for a in TelephonyArea})
        areas = {a: _area(a, areas_reader.field(a.value)) for a in TelephonyArea}
        return cls(
            areas=MappingProxyType(areas),
            included_share=included,
            nearing_share=nearing,
            offline_max=timedelta(hours=hours),
            blocked_kinds=kinds,
            history_retention=timedelta(days=retention),
        )

    def to_mapping(self) -> dict[str, Any]:
        """The JSON-able document `from_mapping` accepts (for caching provisioned rules)."""
        return {
            "schema": SCHEMA_VERSION,
            "phone_share": {
                "included": str(self.included_share),
                "nearing": str(self.nearing_share),
            },
            "offline_max_hours": int(self.offline_max.total_seconds() // 3600),
            "history_retention_days": self.history_retention.days,
            "blocked_number_kinds": sorted(k.value for k in self.blocked_kinds),
            "areas": {
                a.value: {
                    "role": r.role.value if r.role else None,
                    "zones": sorted(z.value for z in r.zones),
                    "factor": str(r.factor) if r.factor is not None else None,
                    "template": r.template,
                    "label": {lang.value: text for lang, text in r.labels.items()},
                }
                for a, r in self.areas.items()
            },
        }

    def with_overrides(self, overrides: object) -> RuleData:
        """These rules with a partial document merged over them (provisioning), re-validated."""
        merged = _deep_merge(self.to_mapping(), _Reader(overrides, "overrides").mapping().raw)
        return RuleData.from_mapping(merged)

    def area(self, area: TelephonyArea) -> AreaRule:
        return self.areas[area]

    def cache_usable(self, fetched_at: datetime, now: datetime) -> bool:
        """Whether data fetched from my-vpa at `fetched_at` may still be used offline at `now`."""
        return timedelta(0) <= now - fetched_at <= self.offline_max


# How each area is paid for follows from what the area is; only factors, zones etc. are data.
_BILLING = {TelephonyArea.NONE: Billing.INCLUDED, TelephonyArea.INDIVIDUAL_QUOTE: Billing.QUOTE}


def _area(area: TelephonyArea, reader: _Reader) -> AreaRule:
    fields = reader.mapping()
    fields.reject_unknown({"role", "zones", "factor", "template", "label"})
    path = fields.path
    billing = _BILLING.get(area, Billing.FACTOR)
    role_reader = fields.field("role")
    role = None if role_reader.raw is None else role_reader.enum(Role)
    zones = frozenset(z.enum(CostZone) for z in fields.field("zones").sequence())
    factor_reader = fields.field("factor")
    factor = None if factor_reader.raw is None else factor_reader.decimal()
    template_reader = fields.field("template")
    template = None if template_reader.raw is None else template_reader.text()
    labels_reader = fields.field("label").mapping()
    labels_reader.reject_unknown({lang.value for lang in Language})
    labels = MappingProxyType({lang: labels_reader.field(lang.value).text() for lang in Language})

    if not zones:
        raise RuleDataError(f"{path}.zones: an area must cover at least one zone")
    if billing is Billing.INCLUDED and (factor is None or factor != 1):
        raise RuleDataError(f"{path}.factor: an included area has factor 1.0, got {factor}")
    if billing is Billing.FACTOR:
        if factor is None:
            raise RuleDataError(f"{path}.factor: a factor area needs a factor")
        if role is None or template is None:
            raise RuleDataError(f"{path}: a factor area needs a role and a chat template")
    if factor is not None and not Decimal(1) <= factor <= Decimal(10):
        raise RuleDataError(f"{path}.factor: must be between 1 and 10, got {factor}")
    return AreaRule(area, billing, role, zones, factor, template, labels)


def _deep_merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        current = merged.get(key)
        if isinstance(current, dict) and isinstance(value, Mapping):
            merged[key] = _deep_merge(current, value)
        else:
            merged[key] = value
    return merged


@dataclass(frozen=True, slots=True)
class _Reader:
    """A value at a path in an untrusted document, with typed accessors that raise RuleDataError."""

    raw: Any
    path: str

    def _fail(self, expected: str) -> RuleDataError:
        shown = repr(self.raw)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return RuleDataError(f"{self.path}: expected {expected}, got {shown}")

    def mapping(self) -> _Reader:
        if not isinstance(self.raw, Mapping) or not all(isinstance(k, str) for k in self.raw):
            raise self._fail("an object")
        return self

    def reject_unknown(self, allowed: set[str]) -> None:
        unknown = sorted(k for k in self.raw if k not in allowed and not k.startswith("_"))
        if unknown:
            raise RuleDataError(
                f"{self.path}: unknown field {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})"
            )

    def field(self, name: str) -> _Reader:
        if name not in self.raw:
            raise RuleDataError(f"{self.path}.{name}: missing")
        return _Reader(self.raw[name], f"{self.path}.{name}")

    def sequence(self) -> list[_Reader]:
        if not isinstance(self.raw, list | tuple):
            raise self._fail("a list")
        return [_Reader(item, f"{self.path}[{i}]") for i, item in enumerate(self.raw)]

    def integer(self) -> int:
        if isinstance(self.raw, bool) or not isinstance(self.raw, int):
            raise self._fail("a whole number")
        return self.raw

    def text(self) -> str:
        if not isinstance(self.raw, str) or not self.raw.strip():
            raise self._fail("a non-empty text")
        return self.raw

    def decimal(self) -> Decimal:
        """A decimal string ("1.3") or a JSON number; floats go through their shortest repr."""
        if isinstance(self.raw, bool) or not isinstance(self.raw, str | int | float):
            raise self._fail('a decimal number such as "1.3"')
        try:
            value = Decimal(str(self.raw).strip())
        except InvalidOperation:
            raise self._fail('a decimal number such as "1.3"') from None
        if not value.is_finite():
            raise self._fail("a finite number")
        exponent = value.normalize().as_tuple().exponent
        if abs(value) >= 10**6 or (isinstance(exponent, int) and exponent < -6):
            raise self._fail("a number below 1000000 with at most 6 decimals")
        return value

    def enum(self, kind: type[_E]) -> _E:
        allowed = ", ".join(m.value for m in kind)
        if not isinstance(self.raw, str):
            raise self._fail(f"one of {allowed}")
        try:
            return kind(self.raw)
        except ValueError:
            raise self._fail(f"one of {allowed}") from None
