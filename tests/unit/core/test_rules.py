"""Rule data: the page's areas and factors as shipped, and validation of provisioning data."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from vpaphone.core.model import CostZone, NumberKind, Role, TelephonyArea
from vpaphone.core.rules import Billing, Language, RuleData, RuleDataError

DE, EU, NON_EU = CostZone.DE, CostZone.EU, CostZone.NON_EU


@pytest.fixture(scope="module")
def rules() -> RuleData:
    return RuleData.default()


@pytest.mark.parametrize(
    ("area", "factor", "role", "zones", "template", "label_de"),
    [
        (TelephonyArea.NONE, "1.0", None, {DE, EU}, None, "Kein Telefonie-Bereich"),
        (
            TelephonyArea.BACKOFFICE_DE,
            "1.2",
            Role.BACKOFFICE,
            {DE},
            "Telefonfaktor DE",
            "Backoffice Telefonie DE",
        ),
        (
            TelephonyArea.BACKOFFICE_EU,
            "1.3",
            Role.BACKOFFICE,
            {DE, EU},
            "Telefonfaktor EU",
            "Backoffice Telefonie EU",
        ),
        (
            TelephonyArea.SALES_DE,
            "2.0",
            Role.SALES,
            {DE},
            "Telefonfaktor DE",
            "Vertrieb Telefonie DE",
        ),
        (
            TelephonyArea.SALES_EU,
            "2.1",
            Role.SALES,
            {DE, EU},
            "Telefonfaktor EU",
            "Vertrieb Telefonie EU",
        ),
    ],
)
def test_areas_and_factors_as_on_the_page(
    rules: RuleData,
    area: TelephonyArea,
    factor: str,
    role: Role | None,
    zones: set[CostZone],
    template: str | None,
    label_de: str,
) -> None:
    rule = rules.area(area)
    assert rule.factor == Decimal(factor)
    assert isinstance(rule.factor, Decimal)  # exact, no float
    assert rule.role is role
    assert rule.zones == zones
    assert rule.template == template
    assert rule.label(Language.DE) == label_de


def test_outside_the_eu_is_an_individual_quote_without_a_fixed_factor(rules: RuleData) -> None:
    rule = rules.area(TelephonyArea.INDIVIDUAL_QUOTE)
    assert rule.billing is Billing.QUOTE
    assert rule.factor is None
    assert NON_EU in rule.zones
    assert not any(
        NON_EU in r.zones for r in rules.areas.values() if r.billing is not Billing.QUOTE
    )


def test_included_share_is_25_percent_nearing_20_percent(rules: RuleData) -> None:
    assert rules.included_share == Decimal("0.25")
    assert rules.included_share * 60 == 15  # 15 minutes per working hour
    assert rules.nearing_share == Decimal("0.20")


def test_premium_rate_and_shared_cost_are_blocked_kinds(rules: RuleData) -> None:
    assert rules.blocked_kinds == {NumberKind.PREMIUM_RATE, NumberKind.SHARED_COST}


def test_round_trip_through_mapping(rules: RuleData) -> None:
    assert RuleData.from_mapping(rules.to_mapping()) == rules


def test_cached_data_usable_offline_for_the_configured_period(rules: RuleData) -> None:
    fetched = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    assert rules.offline_max == timedelta(hours=72)
    assert rules.cache_usable(fetched, fetched + timedelta(hours=72))
    assert not rules.cache_usable(fetched, fetched + timedelta(hours=72, seconds=1))
    assert not rules.cache_usable(fetched, fetched - timedelta(minutes=5))  # clock went back


def test_overrides_change_levels_and_factors(rules: RuleData) -> None:
    changed = rules.with_overrides(
        {
            "phone_share": {"nearing": "0.15"},
            "areas": {"backoffice_eu": {"factor": "1.35"}},
            "offline_max_hours": 24,
        }
    )
    assert changed.nearing_share == Decimal("0.15")
    assert changed.included_share == Decimal("0.25")
    assert changed.area(TelephonyArea.BACKOFFICE_EU).factor == Decimal("1.35")
    assert changed.area(TelephonyArea.SALES_EU).factor == Decimal("2.1")
    assert changed.offline_max == timedelta(hours=24)
    assert rules.area(TelephonyArea.BACKOFFICE_EU).factor == Decimal("1.3")  # original unchanged


def test_json_number_factor_is_read_exactly(rules: RuleData) -> None:
    changed = rules.with_overrides({"areas": {"sales_eu": {"factor": 2.1}}})
    assert changed.area(TelephonyArea.SALES_EU).factor == Decimal("2.1")


def _doc(rules: RuleData) -> dict[str, Any]:
    return copy.deepcopy(rules.to_mapping())


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (
            ("areas", "backoffice_de", "factor"),
            "0.9",
            "areas.backoffice_de.factor: must be between 1",
        ),
        (("areas", "sales_de", "factor"), "zwei", "areas.sales_de.factor: expected a decimal"),
        (("areas", "sales_de", "factor"), True, "areas.sales_de.factor: expected a decimal"),
        (("areas", "sales_de", "factor"), "NaN", "areas.sales_de.factor: expected a finite"),
        (("areas", "sales_de", "factor"), None, "areas.sales_de.factor: a factor area needs"),
        (("areas", "none", "factor"), "1.2", "areas.none.factor: an included area has factor 1.0"),
        (("areas", "sales_de", "zones"), "DE", "areas.sales_de.zones: expected a list"),
        (("areas", "sales_de", "zones"), ["DE", "XX"], "areas.sales_de.zones[1]: expected one of"),
        (("areas", "sales_de", "zones"), [], "at least one zone"),
        (("areas", "sales_de", "role"), "boss", "areas.sales_de.role: expected one of"),
        (("areas", "sales_de", "billing"), "factor", "areas.sales_de: unknown field 'billing'"),
        (("areas", "sales_de", "label"), {"de": "x"}, "areas.sales_de.label.en: missing"),
        (("phone_share", "nearing"), "0.25", "nearing: must be above 0 and below the included"),
        (("phone_share", "nearing"), "0.3", "nearing: must be above 0 and below the included"),
        (("phone_share", "included"), "1.5", "included: must be between 0 and 1"),
        (("phone_share", "included"), 25, "included: must be between 0 and 1"),
        (("offline_max_hours",), 0, "offline_max_hours: must be 1 to 2160"),
        (("offline_max_hours",), "72", "offline_max_hours: expected a whole number"),
        (("blocked_number_kinds",), ["emergency"], "emergency numbers may never be blocked"),
        (("schema",), 2, "rules.schema: unsupported version 2"),
        (("areas", "sales_eu"), [], "areas.sales_eu: expected an object"),
    ],
)
def test_invalid_data_is_rejected_with_the_field_named(
    rules: RuleData, path: tuple[str, ...], value: object, message: str
) -> None:
    doc = _doc(rules)
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(RuleDataError, match=r"^rules\.") as caught:
        RuleData.from_mapping(doc)
    assert message in str(caught.value)


def test_missing_area_and_unknown_fields_are_rejected(rules: RuleData) -> None:
    doc = _doc(rules)
    del doc["areas"]["sales_eu"]
    with pytest.raises(RuleDataError, match=r"rules\.areas\.sales_eu: missing"):
        RuleData.from_mapping(doc)
    doc = _doc(rules)
    doc["phone_shares"] = {}
    with pytest.raises(RuleDataError, match="unknown field 'phone_shares'"):
        RuleData.from_mapping(doc)
    doc = _doc(rules)
    doc["areas"]["telefonie_ch"] = doc["areas"]["sales_eu"]
    with pytest.raises(RuleDataError, match="unknown field 'telefonie_ch'"):
        RuleData.from_mapping(doc)


def test_comment_fields_are_allowed(rules: RuleData) -> None:
    doc = _doc(rules)
    doc["_comment"] = ["provisioned 2026-11-26"]
    assert RuleData.from_mapping(doc) == rules


@pytest.mark.parametrize("junk", [None, [], "rules", 3, {1: 2}])
def test_non_object_documents_are_rejected(rules: RuleData, junk: object) -> None:
    with pytest.raises(RuleDataError, match="expected an object"):
        RuleData.from_mapping(junk)
    with pytest.raises(RuleDataError, match="expected an object"):
        rules.with_overrides(junk)


def test_invalid_override_leaves_the_rules_unchanged(rules: RuleData) -> None:
    before = rules.to_mapping()
    with pytest.raises(RuleDataError, match="must be between 1"):
        rules.with_overrides({"areas": {"sales_eu": {"factor": "0.5"}}})
    assert rules.to_mapping() == before


def test_unreadable_shipped_file_gives_a_clear_error(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "rules.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setenv("VPAPHONE_RESOURCES", str(tmp_path))
    with pytest.raises(RuleDataError, match="cannot read shipped rule data"):
        RuleData.default()
