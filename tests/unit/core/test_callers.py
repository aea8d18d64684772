"""What a record's number is, for the my-vpa contract: a number, withheld, or something else."""

from __future__ import annotations

import pytest

from vpaphone.core.calls import CallerKind, caller_fields, caller_kind


@pytest.mark.parametrize(
    ("shown", "kind"),
    [
        ("+4922182829980", CallerKind.NUMBER),
        ("112", CallerKind.NUMBER),  # an emergency short code as dialled
        ("Anonymous", CallerKind.WITHHELD),
        ("anonymous", CallerKind.WITHHELD),
        ("Unbekannt", CallerKind.WITHHELD),
        ("restricted", CallerKind.WITHHELD),
        ("alice", CallerKind.NOT_A_NUMBER),
        ("Bob Miller", CallerKind.NOT_A_NUMBER),
        ("0221 1234", CallerKind.NOT_A_NUMBER),  # not E.164: never sent as if it were
    ],
)
def test_each_presented_caller_has_its_kind(shown: str, kind: CallerKind) -> None:
    assert caller_kind(shown) is kind


def test_only_numbers_travel_as_numbers() -> None:
    assert caller_fields("+4922182829980") == {"e164": "+4922182829980"}
    assert caller_fields("Anonymous") == {"e164": None, "caller": "withheld"}
    assert caller_fields("Bob Miller") == {"e164": None, "caller": "not_a_number"}
