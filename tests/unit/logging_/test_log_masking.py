"""Phone numbers that reach the log file are masked; the rest of the message is kept."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from vpaphone.logsetup import configure_logging, mask_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dial +4922182829980 now", "dial +49*********80 now"),
        ("dial +49 221 82829-980", "dial +49 *** *****-*80"),
        ("call 0221 8282 9980 failed", "call 0*** **** **80 failed"),
        ("SIP 486 after 1234 ms", "SIP 486 after 1234 ms"),
        ("at 2026-11-26 15:04:05", "at 2026-11-26 15:04:05"),
    ],
)
def test_mask_numbers(text: str, expected: str) -> None:
    assert mask_numbers(text) == expected


def test_log_file_never_holds_a_number(tmp_path: Path) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    path = configure_logging(tmp_path)
    try:
        log = logging.getLogger("vpaphone.test")
        log.info("calling %s for task %s", "+33142685300", "T-1001")
        try:
            raise ValueError("bad number 0049 221 82829980")
        except ValueError:
            log.exception("dial failed")
    finally:
        for handler in set(root.handlers) - set(before):
            handler.close()
            root.removeHandler(handler)
    text = path.read_text(encoding="utf-8")
    assert "task T-1001" in text
    assert "dial failed" in text
    for leaked in ("33142685300", "82829980", "142685300"):
        assert leaked not in text
