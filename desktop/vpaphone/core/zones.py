"""Cost zone (DE / EU / NON_EU) of a destination's region, from data provisioning may override.

The shipped table is `resources/rules/zones.json` (sources in its `_comment`). Everything that
comes in goes through `ZoneTable.from_mapping`, which returns valid data or raises
`ZoneDataError` naming the offending field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import phonenumbers

from vpaphone.core.model import CostZone
from vpaphone.paths import resource

SCHEMA_VERSION = 1
ZONES_FILE = ("rules", "zones.json")
NON_GEOGRAPHIC = phonenumbers.REGION_CODE_FOR_NON_GEO_ENTITY  # "001": +800, +870, +881 …
_KNOWN_REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS) | {NON_GEOGRAPHIC}


class ZoneDataError(ValueError):
    """Zone data is malformed; the message names the field (e.g. `zones.EU[3]`)."""


@dataclass(frozen=True, slots=True)
class ZoneTable:
    """Region → cost zone. Build it with `default()`, `from_mapping()` or `with_override()`."""

    regions: Mapping[str, CostZone]
    default_zone: CostZone  # for every region not listed

    @classmethod
    def default(cls) -> ZoneTable:
        """The table shipped in resources/rules/zones.json."""
        path = resource(*ZONES_FILE)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ZoneDataError(f"cannot read shipped zone data {path}: {exc}") from exc
        return cls.from_mapping(data)

    @classmethod
    def from_mapping(cls, data: object) -> ZoneTable:
        """Validate a complete zone document (the shape of zones.json). Raises ZoneDataError."""
        root = _mapping(data, "zones.json")
        _reject_unknown(root, {"schema", "default_zone", "zones"}, "zones.json")
        schema = root.get("schema")
        if schema != SCHEMA_VERSION or isinstance(schema, bool):
            raise ZoneDataError(f"schema: unsupported version {schema!r}, expected 1")
        default_zone = _zone(root.get("default_zone"), "default_zone")
        lists = _mapping(root.get("zones"), "zones")
        regions: dict[str, CostZone] = {}
        for zone_name, members in lists.items():
            zone = _zone(zone_name, f"zones.{zone_name}")
            if not isinstance(members, list):
                raise ZoneDataError(f"zones.{zone_name}: expected a list of region codes")
            for index, member in enumerate(members):
                region = _region(member, f"zones.{zone_name}[{index}]")
                if region in regions:
                    raise ZoneDataError(
                        f"zones.{zone_name}[{index}]: {region} is already in zone "
                        f"{regions[region].value}"
                    )
                regions[region] = zone
        return cls(MappingProxyType(regions), default_zone)

    def to_mapping(self) -> dict[str, Any]:
        """The JSON-able document `from_mapping` accepts (for caching provisioned data)."""
        lists: dict[str, list[str]] = {zone.value: [] for zone in CostZone}
        for region, zone in sorted(self.regions.items()):
            lists[zone.value].append(region)
        return {"schema": SCHEMA_VERSION, "default_zone": self.default_zone.value, "zones": lists}

    def with_override(self, overrides: object) -> ZoneTable:
        """This table with single regions moved to another zone: `{"CH": "EU"}`."""
        changes = _mapping(overrides, "overrides")
        regions = dict(self.regions)
        for key, value in changes.items():
            regions[_region(key, f"overrides.{key}")] = _zone(value, f"overrides.{key}")
        return ZoneTable(MappingProxyType(regions), self.default_zone)

    def zone_of(self, region: str) -> CostZone:
        """Zone of a region code as phonenumbers reports it ("DE", "RE", "001")."""
        return self.regions.get(region.upper(), self.default_zone)


def _mapping(data: object, path: str) -> Mapping[str, Any]:
    if not isinstance(data, Mapping) or not all(isinstance(key, str) for key in data):
        raise ZoneDataError(f"{path}: expected an object, got {_shown(data)}")
    return data


def _reject_unknown(data: Mapping[str, Any], allowed: set[str], path: str) -> None:
    unknown = sorted(key for key in data if key not in allowed and not key.startswith("_"))
    if unknown:
        raise ZoneDataError(
            f"{path}: unknown field {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})"
        )


def _zone(value: object, path: str) -> CostZone:
    if isinstance(value, str) and value in {zone.value for zone in CostZone}:
        return CostZone(value)
    allowed = ", ".join(zone.value for zone in CostZone)
    raise ZoneDataError(f"{path}: expected one of {allowed}, got {_shown(value)}")


def _region(value: object, path: str) -> str:
    if isinstance(value, str) and value in _KNOWN_REGIONS:
        return value
    hint = " (the United Kingdom is GB)" if value == "UK" else ""
    raise ZoneDataError(f"{path}: {_shown(value)} is not a region code{hint}")


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."
