"""Rows survive the trip from a benchmark's own process, and the table says what they judge."""

from __future__ import annotations

import json

from tests.bench.harness import Row, format_table, row_from_json


def test_rows_round_trip_through_json() -> None:
    rows = [
        Row("judged", 4.2, "ms", "<= 5", True, baseline=4.0, spread=(3.5, 6.0)),
        Row("reference", 9.1, "ms", "", None),
    ]
    again = [row_from_json(json.loads(json.dumps(r.as_json()))) for r in rows]
    assert again == rows


def test_the_table_shows_references_as_unjudged_and_misses_as_no() -> None:
    table = format_table(
        [
            Row("missed", 6.0, "ms", "<= 5", False, spread=(5.5, 7.25)),
            Row("ref", 1.0, "ms", "", None),
        ]
    ).splitlines()
    missed, reference = table[2].split(), table[3].split()
    assert missed[-1] == "NO"
    assert "5.5-7.25" in missed
    assert reference[-1] == "-"
