"""bench_day's verdicts: the app's rows fail when it misses a target, the peers' never judge."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.bench.day_rows import APP, LINPHONE, TWINKLE, PhoneDay, Typing, day_rows
from tests.bench.harness import Row
from tests.bench.procstat import MIB, Memory, Rates


def _mem(pss_mib: float, uss_mib: float | None = None) -> Memory:
    uss = pss_mib * 0.9 if uss_mib is None else uss_mib
    return Memory(int(pss_mib * 1.3 * MIB), int(pss_mib * MIB), int(uss * MIB))


def _rates(wakeups: float, cpu: float = 1.0) -> Rates:
    return Rates(30.0, cpu, wakeups, [])


def _day(pss: float, registered: float, wakeups: float, typing: bool = False) -> PhoneDay:
    day = PhoneDay(
        registered_s=[registered, registered * 1.1, registered * 0.9],
        signed_in=_mem(pss),
        calls=[_rates(50, 6.0)] * 3,
        after_calls=_mem(pss + 2),
        idle=[_rates(wakeups)] * 10,
        after_day=_mem(pss + 2),
    )
    if typing:
        day.typing = Typing(_mem(pss), _mem(pss + 0.1), _mem(pss + 0.4), 5.0, [2.0, 3.0])
        day.tray = [_rates(wakeups)] * 2
    return day


def _days(**app_changes: object) -> dict[str, PhoneDay]:
    app = replace(_day(110, 0.3, 1.0, typing=True), **app_changes)  # type: ignore[arg-type]
    return {APP: app, TWINKLE: _day(80, 0.2, 1.5), LINPHONE: _day(190, 1.2, 200)}


def test_shared_pages_moving_do_not_fail_the_first_key_press() -> None:
    """PSS moves when other processes map or unmap libraries the app shares; USS does not."""
    typing = Typing(_mem(110, 99), _mem(113, 99.2), _mem(113), 5.0, [2.0])
    rows = day_rows(_days(typing=typing))
    assert _row(rows, "day: first key press, memory added (app, USS)").met is True
    assert _row(rows, "day: first key press, memory added (app, PSS").value == pytest.approx(3)


def _row(rows: list[Row], start: str) -> Row:
    return next(r for r in rows if r.name.startswith(start))


def test_a_good_day_passes_and_references_never_judge() -> None:
    rows = day_rows(_days())
    judged = [r for r in rows if r.target]
    assert judged
    assert all(r.met is True for r in judged), [r.name for r in judged if not r.met]
    assert all(r.met is None for r in rows if not r.target)
    peers = [r for r in rows if f"({TWINKLE}," in r.name or f"({LINPHONE}," in r.name]
    assert peers
    assert all(r.met is None and r.target == "" for r in peers)


@pytest.mark.parametrize(
    ("changes", "failing"),
    [
        (  # Twinkle ends its day at 82 MiB
            {"signed_in": _mem(120), "after_day": _mem(82 * 1.5 + 1)},
            "day: memory after the day vs Twinkle's",
        ),
        ({"after_day": _mem(110 + 10.5)}, "day: memory after the day vs signed in"),
        ({"idle": [_rates(5.2)] * 10}, "day: idle wake-ups, window shown"),
        ({"tray": [_rates(6.0)] * 2}, "day: idle wake-ups, in the tray"),
        ({"registered_s": [0.45, 0.5, 0.41]}, "day: start to registered"),
        ({"calls": [_rates(50, 6.2)] * 3}, "day: CPU during a call vs Linphone Desktop's"),
        (  # private memory grew: the key press allocated it
            {"typing": Typing(_mem(110, 99), _mem(110.5, 101.5), _mem(113), 5.0, [2.0])},
            "day: first key press, memory added (app, USS)",
        ),
        (
            {"typing": Typing(_mem(110), _mem(110.1), _mem(111), 25.0, [2.0])},
            "day: first key press, event to repaint",
        ),
    ],
)
def test_each_target_fails_when_missed(changes: dict[str, object], failing: str) -> None:
    rows = day_rows(_days(**changes))
    assert _row(rows, failing).met is False
    assert [r.name for r in rows if r.met is False] == [_row(rows, failing).name]


def test_the_signed_in_figure_stands_next_to_linphone_desktops() -> None:
    row = _row(day_rows(_days()), "day: memory signed in, registered, idle (app, PSS)")
    assert row.value == pytest.approx(110)
    assert row.baseline == pytest.approx(190)
    assert row.met is None
