"""The rows of bench_day: what a working day cost each phone, judged against issue 19's targets.

The app's rows carry their target and verdict; the peers' are references (no pass/fail). Plain
data in, rows out: `tests/unit/bench/test_day_rows.py` checks that every target can fail.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from tests.bench.harness import Row
from tests.bench.procstat import Memory, Rates

APP = "vpaphone"
TWINKLE = "Twinkle"
LINPHONE = "Linphone Desktop"

PSS_VS_TWINKLE = 1.5
PSS_OVER_SIGNED_IN_MIB = 10.0
WAKEUPS_PER_S = 5.0
REGISTERED_VS_TWINKLE = 2.0
FIRST_KEY_MIB = 2.0
FIRST_KEY_MS = 20.0


@dataclass
class Typing:
    before: Memory
    after_first_key: Memory
    after_typing: Memory
    first_key_ms: float
    keys_ms: list[float]


@dataclass
class PhoneDay:
    """What one phone's day cost; `typing` and `tray` only where they could be measured."""

    registered_s: list[float] = field(default_factory=list)
    signed_in: Memory | None = None
    calls: list[Rates] = field(default_factory=list)
    after_calls: Memory | None = None
    idle: list[Rates] = field(default_factory=list)
    after_day: Memory | None = None
    typing: Typing | None = None
    tray: list[Rates] = field(default_factory=list)


# --- the rows ------------------------------------------------------------------------------


def _median(values: list[float]) -> tuple[float, tuple[float, float]]:
    return statistics.median(values), (min(values), max(values))


def _mib(m: Memory | None) -> float:
    if m is None:
        raise ValueError("a memory phase was not measured")
    return m.pss_mib


def day_rows(days: dict[str, PhoneDay]) -> list[Row]:
    """The rows of one day: the app's judged against its targets, the peers' as references."""
    app, twinkle, linphone = days[APP], days[TWINKLE], days[LINPHONE]
    rows: list[Row] = []

    reg, reg_spread = _median(app.registered_s)
    twinkle_reg = statistics.median(twinkle.registered_s)
    rows.append(
        Row(
            "day: start to registered, stored session (app)",
            reg * 1000,
            "ms",
            f"<= {REGISTERED_VS_TWINKLE:g}x Twinkle's",
            reg <= REGISTERED_VS_TWINKLE * twinkle_reg,
            baseline=twinkle_reg * 1000,
            spread=(reg_spread[0] * 1000, reg_spread[1] * 1000),
        )
    )

    signed_in = _mib(app.signed_in)
    rows.append(
        Row(
            "day: memory signed in, registered, idle (app, PSS)",
            signed_in,
            "MiB",
            "",
            None,
            baseline=_mib(linphone.signed_in),
        )
    )
    assert app.signed_in is not None
    assert linphone.signed_in is not None
    rows.append(
        Row(
            "day: memory signed in, registered, idle (app, RSS)",
            app.signed_in.rss_mib,
            "MiB",
            "",
            None,
            baseline=linphone.signed_in.rss_mib,
        )
    )

    typing = app.typing
    if typing is None:
        raise ValueError("the app's typing was not measured")
    # judged on private pages: what the key press allocated, whatever other processes map
    added = typing.after_first_key.uss_mib - typing.before.uss_mib
    rows.append(
        Row(
            "day: first key press, memory added (app, USS)",
            added,
            "MiB",
            f"< {FIRST_KEY_MIB:g}",
            added < FIRST_KEY_MIB,
            baseline=typing.before.uss_mib,
        )
    )
    rows.append(
        Row(
            "day: first key press, memory added (app, PSS, reported)",
            typing.after_first_key.pss_mib - typing.before.pss_mib,
            "MiB",
            "",
            None,
            baseline=typing.before.pss_mib,
        )
    )
    rows.append(
        Row(
            "day: first key press, event to repaint (app)",
            typing.first_key_ms,
            "ms",
            f"< {FIRST_KEY_MS:g}",
            typing.first_key_ms < FIRST_KEY_MS,
        )
    )
    key, key_spread = _median(typing.keys_ms)
    rows.append(
        Row("day: later key presses (app, reported)", key, "ms", "", None, spread=key_spread)
    )
    rows.append(
        Row(
            "day: memory after typing (app, PSS, reported)",
            typing.after_typing.pss_mib,
            "MiB",
            "",
            None,
        )
    )

    # Issue 17: a call with voice processing on costs no more than Linphone Desktop's call
    # (which cancels echo too), measured in the same run.
    cpu, cpu_spread = _median([r.cpu_pct for r in app.calls])
    linphone_cpu = statistics.median(r.cpu_pct for r in linphone.calls)
    rows.append(
        Row(
            "day: CPU during a call vs Linphone Desktop's (app, processing on)",
            cpu,
            "% of a core",
            f"<= {LINPHONE}'s",
            cpu <= linphone_cpu,
            baseline=linphone_cpu,
            spread=cpu_spread,
        )
    )
    rows.append(
        Row(
            "day: memory after 3 calls (app, PSS, reported)", _mib(app.after_calls), "MiB", "", None
        )
    )

    after_day = _mib(app.after_day)
    twinkle_day = _mib(twinkle.after_day)
    rows.append(
        Row(
            "day: memory after the day vs Twinkle's (app, PSS)",
            after_day,
            "MiB",
            f"<= {PSS_VS_TWINKLE:g}x Twinkle's",
            after_day <= PSS_VS_TWINKLE * twinkle_day,
            baseline=twinkle_day,
        )
    )
    rows.append(
        Row(
            "day: memory after the day vs signed in (app, PSS)",
            after_day,
            "MiB",
            f"<= signed in + {PSS_OVER_SIGNED_IN_MIB:g}",
            after_day <= signed_in + PSS_OVER_SIGNED_IN_MIB,
            baseline=signed_in,
        )
    )
    assert app.after_day is not None
    rows.append(
        Row(
            "day: memory after the day (app, RSS, reported)", app.after_day.rss_mib, "MiB", "", None
        )
    )

    wake, wake_spread = _median([r.wakeups_per_s for r in app.idle])
    twinkle_wake = statistics.median(r.wakeups_per_s for r in twinkle.idle)
    rows.append(
        Row(
            "day: idle wake-ups, window shown (app)",
            wake,
            "1/s",
            f"<= {WAKEUPS_PER_S:g}",
            wake <= WAKEUPS_PER_S,
            baseline=twinkle_wake,
            spread=wake_spread,
        )
    )
    tray, tray_spread = _median([r.wakeups_per_s for r in app.tray])
    rows.append(
        Row(
            "day: idle wake-ups, in the tray (app)",
            tray,
            "1/s",
            f"<= {WAKEUPS_PER_S:g}",
            tray <= WAKEUPS_PER_S,
            spread=tray_spread,
        )
    )
    idle_cpu, idle_cpu_spread = _median([r.cpu_pct for r in app.idle])
    rows.append(
        Row(
            "day: idle CPU, window shown (app, reported)",
            idle_cpu,
            "% of a core",
            "",
            None,
            baseline=statistics.median(r.cpu_pct for r in twinkle.idle),
            spread=idle_cpu_spread,
        )
    )

    for name in (TWINKLE, LINPHONE):
        rows.extend(_reference_rows(name, days[name]))
    return rows


def _reference_rows(name: str, day: PhoneDay) -> list[Row]:
    reg, reg_spread = _median(day.registered_s)
    cpu, cpu_spread = _median([r.cpu_pct for r in day.calls])
    wake, wake_spread = _median([r.wakeups_per_s for r in day.idle])
    idle_cpu, idle_cpu_spread = _median([r.cpu_pct for r in day.idle])
    assert day.signed_in is not None
    assert day.after_day is not None
    return [
        Row(
            f"day: start to registered ({name}, reference)",
            reg * 1000,
            "ms",
            "",
            None,
            spread=(reg_spread[0] * 1000, reg_spread[1] * 1000),
        ),
        Row(
            f"day: memory signed in, idle ({name}, PSS, reference)",
            day.signed_in.pss_mib,
            "MiB",
            "",
            None,
        ),
        Row(
            f"day: memory signed in, idle ({name}, RSS, reference)",
            day.signed_in.rss_mib,
            "MiB",
            "",
            None,
        ),
        Row(
            f"day: CPU during a call ({name}, reference)",
            cpu,
            "% of a core",
            "",
            None,
            spread=cpu_spread,
        ),
        Row(
            f"day: memory after 3 calls ({name}, PSS, reference)",
            _mib(day.after_calls),
            "MiB",
            "",
            None,
        ),
        Row(
            f"day: memory after the day ({name}, PSS, reference)",
            day.after_day.pss_mib,
            "MiB",
            "",
            None,
        ),
        Row(
            f"day: memory after the day ({name}, RSS, reference)",
            day.after_day.rss_mib,
            "MiB",
            "",
            None,
        ),
        Row(
            f"day: idle wake-ups, window shown ({name}, reference)",
            wake,
            "1/s",
            "",
            None,
            spread=wake_spread,
        ),
        Row(
            f"day: idle CPU, window shown ({name}, reference)",
            idle_cpu,
            "% of a core",
            "",
            None,
            spread=idle_cpu_spread,
        ),
    ]
