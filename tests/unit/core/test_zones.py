"""Cost zones as RULES.md "What EU means here" defines them, kept as overridable data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import phonenumbers
import pytest

from vpaphone.core.model import CostZone
from vpaphone.core.numbers import parse_dial_input
from vpaphone.core.zones import ZoneDataError, ZoneTable
from vpaphone.paths import resource

# The 27 member states, restated here from europa.eu independently of zones.json.
EU_MEMBERS = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
}  # fmt: skip
OUTERMOST_AND_ALAND = {"RE", "GP", "MQ", "GF", "YT", "MF", "AX"}
NOT_EU = {
    "CH", "GB", "NO", "IS", "LI", "GI", "GL", "FO",  # named in RULES.md
    "NC", "PF", "AW", "CW", "SX", "BQ", "WF", "PM", "BL",  # overseas countries and territories
    "GG", "JE", "IM", "SJ", "AD", "MC", "SM", "VA", "TR", "US", "RU", "UA", "RS",
}  # fmt: skip


@pytest.fixture(scope="module")
def table() -> ZoneTable:
    return ZoneTable.default()


def test_there_are_27_member_states() -> None:
    assert len(EU_MEMBERS) == 27


def test_germany_is_its_own_zone(table: ZoneTable) -> None:
    assert table.zone_of("DE") is CostZone.DE


@pytest.mark.parametrize("region", sorted((EU_MEMBERS - {"DE"}) | OUTERMOST_AND_ALAND))
def test_member_states_and_their_outermost_regions_are_eu(table: ZoneTable, region: str) -> None:
    assert table.zone_of(region) is CostZone.EU


@pytest.mark.parametrize("region", sorted(NOT_EU))
def test_neighbours_microstates_and_overseas_territories_are_not_eu(
    table: ZoneTable, region: str
) -> None:
    assert table.zone_of(region) is CostZone.NON_EU


def test_exactly_the_members_and_their_regions_are_eu(table: ZoneTable) -> None:
    regions = [*sorted(phonenumbers.SUPPORTED_REGIONS), "001"]
    eu = {region for region in regions if table.zone_of(region) is CostZone.EU}
    assert eu == (EU_MEMBERS - {"DE"}) | OUTERMOST_AND_ALAND


def test_unknown_and_global_regions_fall_back_to_non_eu(table: ZoneTable) -> None:
    assert table.zone_of("001") is CostZone.NON_EU  # +800, +870, +881 …
    assert table.zone_of("ZZ") is CostZone.NON_EU
    assert table.zone_of("fr") is CostZone.EU  # case does not matter


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("+49 221 82829980", CostZone.DE),  # my-vpa, Cologne
        ("+43 1 58801 0", CostZone.EU),  # Vienna
        ("+33 1 23 45 67 89", CostZone.EU),  # Paris
        ("+262 262 16 12 34", CostZone.EU),  # Réunion
        ("+262 269 61 12 34", CostZone.EU),  # Mayotte
        ("+596 596 30 12 34", CostZone.EU),  # Martinique
        ("+594 594 10 12 34", CostZone.EU),  # French Guiana
        ("+358 18 12345", CostZone.EU),  # Åland (Mariehamn)
        ("+34 928 12 34 56", CostZone.EU),  # Las Palmas, Canary Islands
        ("+351 291 123 456", CostZone.EU),  # Funchal, Madeira
        ("+351 296 123 456", CostZone.EU),  # Ponta Delgada, Azores
        ("+357 22 123456", CostZone.EU),  # Nicosia, Republic of Cyprus
        ("+90 392 228 1234", CostZone.NON_EU),  # Northern Cyprus, dialled under Turkey
        ("+41 44 668 18 00", CostZone.NON_EU),  # Zurich
        ("+44 20 7946 0958", CostZone.NON_EU),  # London
        ("+44 1534 123456", CostZone.NON_EU),  # Jersey
        ("+350 200 12345", CostZone.NON_EU),  # Gibraltar
        ("+47 22 12 34 56", CostZone.NON_EU),  # Oslo
        ("+423 239 63 63", CostZone.NON_EU),  # Liechtenstein
        ("+299 32 10 00", CostZone.NON_EU),  # Nuuk, Greenland
        ("+298 302 000", CostZone.NON_EU),  # Tórshavn, Faroe Islands
        ("+687 75 12 01", CostZone.NON_EU),  # New Caledonia
        ("+689 40 41 23 45", CostZone.NON_EU),  # French Polynesia
        ("+297 521 2345", CostZone.NON_EU),  # Aruba
        ("+599 9 435 1234", CostZone.NON_EU),  # Curaçao
        ("+590 590 27 12 34", CostZone.NON_EU),  # Saint-Barthélemy (an OCT since 2012)
        ("+39 06 6988 3427", CostZone.NON_EU),  # Vatican City, though under +39
        ("+378 0549 882555", CostZone.NON_EU),  # San Marino
        ("+800 1234 5678", CostZone.NON_EU),  # international freephone
    ],
)
def test_real_numbers_get_the_zone_of_their_region(
    table: ZoneTable, typed: str, zone: CostZone
) -> None:
    assert table.zone_of(parse_dial_input(typed, "DE").region) is zone


def test_the_shipped_file_documents_its_sources() -> None:
    data = json.loads(resource("rules", "zones.json").read_text(encoding="utf-8"))
    comment = " ".join(data["_comment"])
    for source in ("TFEU art. 349", "Annex II", "2010/718/EU", "2012/419/EU", "Protocol No 2"):
        assert source in comment


def test_override_moves_single_regions_and_leaves_the_original_alone(table: ZoneTable) -> None:
    provisioned = table.with_override({"CH": "EU", "GB": CostZone.EU})
    assert provisioned.zone_of("CH") is CostZone.EU
    assert provisioned.zone_of("GB") is CostZone.EU
    assert provisioned.zone_of("FR") is CostZone.EU
    assert table.zone_of("CH") is CostZone.NON_EU


def test_to_mapping_round_trips(table: ZoneTable) -> None:
    again = ZoneTable.from_mapping(json.loads(json.dumps(table.to_mapping())))
    assert dict(again.regions) == dict(table.regions)
    assert again.default_zone is table.default_zone


def test_a_whole_provisioned_document_replaces_the_table() -> None:
    table = ZoneTable.from_mapping(
        {"schema": 1, "default_zone": "EU", "zones": {"DE": ["DE", "AT"], "NON_EU": ["FR"]}}
    )
    assert (table.zone_of("AT"), table.zone_of("FR"), table.zone_of("IT")) == (
        CostZone.DE,
        CostZone.NON_EU,
        CostZone.EU,
    )


VALID = {"schema": 1, "default_zone": "NON_EU", "zones": {"DE": ["DE"], "EU": ["FR"]}}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "zones.json: expected an object"),
        ({**VALID, "schema": 2}, "schema: unsupported version 2, expected 1"),
        ({**VALID, "schema": True}, "schema: unsupported version True"),
        ({**VALID, "regions": {}}, "unknown field 'regions'"),
        ({**VALID, "default_zone": "EEA"}, "default_zone: expected one of DE, EU, NON_EU"),
        ({**VALID, "zones": {"EEA": ["NO"]}}, "zones.EEA: expected one of DE, EU, NON_EU"),
        ({**VALID, "zones": {"EU": "FR"}}, "zones.EU: expected a list of region codes"),
        ({**VALID, "zones": {"NON_EU": ["UK"]}}, "'UK' is not a region code (the United Kingdom"),
        ({**VALID, "zones": {"EU": ["fr"]}}, "zones.EU[0]: 'fr' is not a region code"),
        ({**VALID, "zones": {"EU": [7]}}, "zones.EU[0]: 7 is not a region code"),
        (
            {**VALID, "zones": {"EU": ["FR"], "NON_EU": ["CH", "FR"]}},
            "zones.NON_EU[1]: FR is already in zone EU",
        ),
    ],
)
def test_malformed_documents_name_the_offending_field(document: object, message: str) -> None:
    with pytest.raises(ZoneDataError, match=re.escape(message)):
        ZoneTable.from_mapping(document)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"CH": "EEA"}, "overrides.CH: expected one of"),
        ({"Schweiz": "EU"}, "overrides.Schweiz: 'Schweiz' is not a region code"),
        (["CH"], "overrides: expected an object"),
        ({"CH": ["EU"]}, "overrides.CH: expected one of"),
    ],
)
def test_malformed_overrides_are_rejected(
    table: ZoneTable, overrides: object, message: str
) -> None:
    with pytest.raises(ZoneDataError, match=re.escape(message)):
        table.with_override(overrides)


def test_a_broken_shipped_file_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "zones.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("VPAPHONE_RESOURCES", str(tmp_path))
    with pytest.raises(ZoneDataError, match="cannot read shipped zone data"):
        ZoneTable.default()
