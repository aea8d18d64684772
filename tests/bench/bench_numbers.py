"""Classification throughput: dial input → Destination → cost zone, in-process.

Target (issue 2): ≥ 20,000 numbers/s on this machine. The input is a realistic mix of what
VPAs type and paste — German numbers in every common style, foreign numbers, links, pasted
debris, phone words, emergency codes and about 5 % mistakes — 20,000 inputs made from a fixed
seed. Nothing is cached between inputs, so every pass does the full work; the figure is the
median of three passes after a warm-up that loads phonenumbers' metadata.

Time is this process's CPU time (`time.process_time`): the machine's two cores are shared with
other engineers' test runs, and wall-clock time would measure their load, not this code. The
wall-clock rate is printed beside it.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

import phonenumbers
from phonenumbers import PhoneNumberFormat

from tests.bench.harness import Row
from vpaphone.core.numbers import DialInputError, parse_dial_input
from vpaphone.core.zones import ZoneTable

INPUTS = 20_000
PASSES = 3
TARGET_PER_S = 20_000
SEED = 20261126

_DE_AREAS = ("30", "40", "89", "221", "69", "211", "711", "351", "341", "511", "2234", "6151")
_DE_MOBILE = ("151", "152", "157", "160", "162", "170", "171", "172", "175", "176", "177", "179")
_FOREIGN = ("FR", "IT", "AT", "CH", "NL", "ES", "PL", "GB", "BE", "US", "DK", "SE", "TR", "CZ")


def _german(rng: random.Random) -> str:
    """A valid German number (phonenumbers says so) in one of the styles people type."""
    while True:
        if rng.random() < 0.4:
            area, subscriber = rng.choice(_DE_MOBILE), str(rng.randrange(10**6, 10**8))
        else:
            area, subscriber = rng.choice(_DE_AREAS), str(rng.randrange(10**5, 10**7))
        if phonenumbers.is_valid_number(phonenumbers.parse(f"+49{area}{subscriber}")):
            break
    style = rng.randrange(8)
    return [
        f"0{area} {subscriber}",
        f"0{area}/{subscriber}",
        f"0{area}-{subscriber[:3]} {subscriber[3:]}",
        f"{area} {subscriber}",  # as the help page says: without the leading zero
        f"+49 {area} {subscriber}",
        f"+49 (0){area} {subscriber}",
        f"0049 {area} {subscriber}",
        f"+49{area}{subscriber}",
    ][style]


def _foreign(rng: random.Random) -> tuple[str, str]:
    region = rng.choice(_FOREIGN)
    kind = rng.choice(
        (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE)
    )
    example = phonenumbers.example_number_for_type(region, kind)
    assert example is not None
    digits = str(example.national_number)
    example.national_number = int(digits[:-3] + f"{rng.randrange(1000):03d}")
    style = rng.randrange(3)
    if style == 0:
        return phonenumbers.format_number(example, PhoneNumberFormat.INTERNATIONAL), "DE"
    if style == 1:
        return "00" + phonenumbers.format_number(example, PhoneNumberFormat.E164)[1:], "DE"
    return phonenumbers.format_number(example, PhoneNumberFormat.NATIONAL), region


def _link(rng: random.Random) -> str:
    subscriber = rng.randrange(10**6, 10**7)
    return rng.choice(
        (
            f"tel:+49-221-{subscriber}",
            f"sip:+4930{subscriber}@pbx.example;user=phone",
            f"callto:+49 89 {subscriber}",
            f"tel:{subscriber};phone-context=+49-40",
        )
    )


def _pasted(rng: random.Random) -> str:
    subscriber = rng.randrange(10**6, 10**7)
    return rng.choice((f"+49\u00a0221\u00a0{subscriber}", f"\u202a0221\u2013{subscriber}\u202c"))


def _mistake(rng: random.Random) -> tuple[str, str]:
    subscriber = rng.randrange(10**6, 10**7)
    return rng.choice(
        (
            (f"0221 {subscriber}a", "DE"),  # letters where digits belong
            (f"O221 {subscriber}", "DE"),  # letter O for zero
            (f"0221 {subscriber % 100}", "DE"),  # incomplete
            (f"0221 {subscriber}{subscriber}", "DE"),  # too long
            (f"01 {subscriber % 100:02d} 45 67 89", "DE"),  # French number, Germany picked
            (f"6 {subscriber} ", "IT"),  # Rome without its 0
        )
    )


def _mixed_inputs(rng: random.Random) -> list[tuple[str, str]]:
    makers: list[tuple[float, Callable[[random.Random], tuple[str, str]]]] = [
        (0.55, lambda r: (_german(r), "DE")),
        (0.27, _foreign),
        (0.06, lambda r: (_link(r), "DE")),
        (0.03, lambda r: (_pasted(r), "DE")),
        (0.05, _mistake),
        (0.02, lambda r: (r.choice(("0800-FLOWERS", "0800 MYVPA24", "0800-TAXIRUF")), "DE")),
        (0.02, lambda r: (r.choice(("112", "110", "tel:112")), "DE")),
    ]
    weights = [weight for weight, _ in makers]
    return [rng.choices(makers, weights)[0][1](rng) for _ in range(INPUTS)]


def _classify_all(inputs: list[tuple[str, str]], zones: ZoneTable) -> tuple[float, float, int]:
    """CPU seconds, wall seconds, and how many inputs were rejected."""
    errors = 0
    cpu, wall = time.process_time(), time.perf_counter()
    for text, country in inputs:
        try:
            zones.zone_of(parse_dial_input(text, country).region)
        except DialInputError:
            errors += 1
    return time.process_time() - cpu, time.perf_counter() - wall, errors


def run() -> list[Row]:
    rng = random.Random(SEED)
    inputs = _mixed_inputs(rng)
    zones = ZoneTable.default()
    _classify_all(inputs[:2_000], zones)  # warm-up: metadata of every region used
    passes = [_classify_all(inputs, zones) for _ in range(PASSES)]
    per_cpu_second = len(inputs) / statistics.median(cpu for cpu, _, _ in passes)
    per_wall_second = len(inputs) / statistics.median(wall for _, wall, _ in passes)
    print(
        f"  {len(set(inputs))} distinct inputs, {passes[0][2]} rejected with DialInputError; "
        f"{per_cpu_second:.0f}/s CPU time, {per_wall_second:.0f}/s wall clock"
    )
    return [
        Row(
            name="numbers: dial input classification (mixed, incl. zone)",
            value=round(per_cpu_second),
            unit="numbers/s",
            target=f">= {TARGET_PER_S}",
            met=per_cpu_second >= TARGET_PER_S,
        )
    ]
