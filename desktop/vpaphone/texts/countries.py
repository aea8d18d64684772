"""Country names in the shipped languages, from `resources/countries/names.json` (CLDR; see its
generator). Small and loaded on first use — never phonenumbers' geocoder, whose data costs
~100 MB of memory."""

from __future__ import annotations

import functools
import json

from vpaphone.core.rules import Language
from vpaphone.paths import resource
from vpaphone.texts.translate import language

# English names said with "the" (CLDR's spellings): "in the Netherlands".
_WITH_ARTICLE = (
    "United ", "Netherlands", "Philippines", "Bahamas", "Dominican", "Czech Republic", "Gambia",
    "Central African", "Palestinian", "Maldives",
)  # fmt: skip


@functools.cache
def names() -> dict[str, dict[str, str]]:
    """Language code ("de", "en") → region code → name."""
    data = json.loads(resource("countries", "names.json").read_text(encoding="utf-8"))
    table: dict[str, dict[str, str]] = data["names"]
    return table


def country_name(code: str, lang: Language | None = None) -> str:
    """Name in `lang` (default: the UI's) — "Österreich" / "Austria"; the code if unknown."""
    return names()[(lang or language()).value].get(code, code)


def with_article(name: str) -> str:
    """An English country name as it follows "in": "the Netherlands", but "Germany"."""
    return f"the {name}" if name.startswith(_WITH_ARTICLE) or name.endswith("Islands") else name


def place(region: str) -> str:
    """A country as a sentence names it: "the Netherlands" (English), "Niederlande" (German)."""
    lang = language()
    name = country_name(region, lang)
    return with_article(name) if lang is Language.EN else name
