"""The countries the picker offers: name in the UI language, calling code, flag, order, search.

Names come from `vpaphone.texts.countries` (CLDR), flags from
`resources/flags/` (flag-icons, MIT). Plain data and functions: the picker widget is a view.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import phonenumbers

from vpaphone.core.model import CostZone
from vpaphone.core.rules import Language
from vpaphone.core.zones import ZoneTable
from vpaphone.paths import resource
from vpaphone.texts.countries import names as country_names

HOME_REGION = "DE"


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2, as phonenumbers names regions ("DE")
    name: str  # in the UI language
    calling_code: int  # 49
    other_names: tuple[str, ...] = ()  # the names in the other shipped languages, for search

    @property
    def flag(self) -> Path:
        return resource("flags", f"{self.code}.svg")


@functools.cache
def _calling_codes() -> dict[str, int]:
    """Region → calling code, without loading every region's metadata (80 ms at start)."""
    return {
        region: code
        for code, regions in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.items()
        for region in regions
    }


def sort_key(text: str) -> str:
    """Alphabetical order as a dictionary has it: Ö with O, É with E (DIN 5007-1)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def countries(language: Language, zones: ZoneTable) -> list[Country]:
    """Germany first, then the EU zone, then the rest; each group alphabetical in `language`."""
    names = country_names()
    own = names[language.value]
    others = [table for lang, table in names.items() if lang != language.value]
    result = [
        Country(
            code=region,
            name=own.get(region, region),
            calling_code=_calling_codes()[region],
            other_names=tuple(table[region] for table in others if region in table),
        )
        for region in phonenumbers.SUPPORTED_REGIONS
    ]

    def group(country: Country) -> int:
        if country.code == HOME_REGION:
            return 0
        return 1 if zones.zone_of(country.code) is CostZone.EU else 2

    result.sort(key=lambda c: (group(c), sort_key(c.name)))
    return result


def search(catalogue: Sequence[Country], query: str) -> list[Country]:
    """Countries matching `query`: "+43" or "43" (calling code), "AT" (ISO code), or a name
    in any shipped language ("Österreich", "austria", "oster"). Best matches first: exact
    code, then name starting with the query, then name containing it; catalogue order within."""
    text = query.strip()
    if not text:
        return list(catalogue)
    digits = text.removeprefix("+").removeprefix("00").strip()
    if digits.isdecimal():
        main = phonenumbers.region_code_for_country_code(int(digits))  # +1 → US, +44 → GB
        found = [c for c in catalogue if str(c.calling_code) == digits]
        return sorted(found, key=lambda c: c.code != main)
    wanted = sort_key(text)
    ranked: list[tuple[int, int, Country]] = []
    for index, country in enumerate(catalogue):
        names = [sort_key(name) for name in (country.name, *country.other_names)]
        if country.code.casefold() == wanted:
            rank = 0
        elif any(name.startswith(wanted) for name in names):
            rank = 1
        elif any(wanted in name for name in names):
            rank = 2
        else:
            continue
        ranked.append((rank, index, country))
    ranked.sort(key=lambda item: item[:2])
    return [country for _, _, country in ranked]
