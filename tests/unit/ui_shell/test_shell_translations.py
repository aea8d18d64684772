"""Every visible string of the UI has a German translation (issue 6), checked against the code."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from vpaphone import paths

PACKAGE = Path(__file__).resolve().parents[3] / "desktop" / "vpaphone"
TRANSLATED = (PACKAGE / "ui", PACKAGE / "texts")  # what resources/translations/update.sh reads


def _sources(ts: Path) -> dict[tuple[str, str], bool]:
    """(context, source) → translated?"""
    found: dict[tuple[str, str], bool] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None
            found[(name, message.findtext("source") or "")] = done
    return found


def test_every_string_in_the_code_is_translated_in_the_committed_file(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    fresh = tmp_path / "fresh_de.ts"
    sources = sorted(str(p) for folder in TRANSLATED for p in folder.rglob("*.py"))
    subprocess.run(
        [str(lupdate), "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    committed = _sources(paths.resource("translations", "vpaphone_de.ts"))
    in_code = set(_sources(fresh))
    missing = sorted(in_code - {key for key, done in committed.items() if done})
    assert missing == [], (
        "untranslated UI strings: run resources/translations/update.sh and translate them"
    )
    assert paths.resource("translations", "vpaphone_de.qm").stat().st_size > 10_000


def test_the_german_ui_says_du_as_my_vpa_does() -> None:
    """my-vpa addresses its VPAs with "du"; the UI said "Sie" (issue 15). The customer message
    (core.messages) is for customers and keeps "Sie"; it is not in this file."""
    formal = re.compile(r"\b(Sie|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihnen)\b")
    found = []
    for context in (
        ET.parse(paths.resource("translations", "vpaphone_de.ts")).getroot().iter("context")
    ):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            texts = [translation.text or ""] + [
                f.text or "" for f in translation.iter("numerusform")
            ]
            found += [text for text in texts if formal.search(text)]
    assert found == []
