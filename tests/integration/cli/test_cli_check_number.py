"""`vpaphone check-number` as support and IT run it: the installed entry point, a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

VPAPHONE = Path(sys.executable).with_name("vpaphone")


def check_number(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VPAPHONE), "check-number", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def report(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(result.stdout)  # exactly one JSON object, nothing else
    return data


def test_entry_point_is_installed() -> None:
    assert VPAPHONE.is_file()


def test_eu_number_on_a_task_without_area_is_allowed() -> None:
    result = check_number("+33 1 23 45 67 89")
    assert result.returncode == 0, result.stderr
    data = report(result)
    assert {k: data[k] for k in ("e164", "region", "zone", "type", "decision")} == {
        "e164": "+33123456789",
        "region": "FR",
        "zone": "EU",
        "type": "fixed_line",
        "decision": "allow",
    }
    assert data["reasons"] == []


def test_eu_number_on_a_de_only_area_warns_and_exits_0() -> None:
    result = check_number("--area", "backoffice_de", "0033", "1", "23", "45", "67", "89")
    assert result.returncode == 0, result.stderr
    data = report(result)
    assert data["decision"] == "warn"
    assert [r["code"] for r in data["reasons"]] == ["area_covers_de_only"]
    assert "Back-office telephony EU" in data["reasons"][0]["message"]


def test_non_eu_number_without_quote_is_blocked_with_exit_1() -> None:
    result = check_number("--area", "backoffice_eu", "+41 44 668 18 00")
    assert result.returncode == 1
    data = report(result)
    assert (data["region"], data["zone"], data["decision"]) == ("CH", "NON_EU", "block")
    assert [r["code"] for r in data["reasons"]] == ["non_eu_needs_quote"]
    assert "admin team" in data["reasons"][0]["message"]


def test_non_eu_number_with_individual_quote_is_allowed() -> None:
    result = check_number("--area", "individual_quote", "+41 44 668 18 00")
    assert result.returncode == 0, result.stderr
    assert report(result)["decision"] == "allow"


def test_northern_cyprus_is_non_eu() -> None:
    result = check_number("--area", "sales_eu", "+90 392 228 1234")
    assert result.returncode == 1
    assert (report(result)["region"], report(result)["zone"]) == ("TR", "NON_EU")


def test_premium_rate_is_blocked_whatever_the_area() -> None:
    result = check_number("--area", "sales_de", "0900 1 234567")
    assert result.returncode == 1
    data = report(result)
    assert (data["type"], data["decision"]) == ("premium_rate", "block")
    assert "premium_rate" in [r["code"] for r in data["reasons"]]


def test_emergency_is_allowed_and_is_no_task_time() -> None:
    result = check_number("112")
    assert result.returncode == 0, result.stderr
    data = report(result)
    assert (data["e164"], data["type"], data["decision"]) == ("112", "emergency", "allow")
    assert data["counts_as_task_time"] is False


def test_italian_number_keeps_its_zero_with_country_it() -> None:
    result = check_number("--country", "it", "06 4620 1234")
    assert result.returncode == 0, result.stderr
    assert (report(result)["e164"], report(result)["zone"]) == ("+390646201234", "EU")


def test_tel_link_with_brackets() -> None:
    result = check_number("tel:+49-(0)221-82829-980")
    assert result.returncode == 0, result.stderr
    assert report(result)["e164"] == "+4922182829980"


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (("--country", "IT", "6 4620 1234"), "Did you mean 06 4620 1234?"),
        (("0221 12a4567",), "letters: Letters where digits belong"),
        (("020 7946 0958",), "wrong_country: Not a number in Germany"),
        (("",), "empty: Type a phone number."),
    ],
)
def test_input_that_is_no_phone_number_exits_2_with_the_reason_on_stderr(
    args: tuple[str, ...], stderr: str
) -> None:
    result = check_number(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert stderr in result.stderr


def test_unknown_picker_country_is_a_usage_error() -> None:
    result = check_number("--country", "XX", "0221 82829980")
    assert result.returncode == 2
    assert "'XX' is not a country code" in result.stderr


def test_unknown_area_is_a_usage_error() -> None:
    result = check_number("--area", "vertrieb", "0221 82829980")
    assert result.returncode == 2
    assert "invalid choice: 'vertrieb'" in result.stderr
