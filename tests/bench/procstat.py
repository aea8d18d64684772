"""What a running process costs, read from /proc the same way for our app and for any peer.

- `memory(pid)`: RSS, PSS and USS of the process and its descendants (smaps_rollup). PSS shares
  each library page among the processes mapping it: the fair figure for "what this phone adds".
- `counters(pid)`: CPU seconds (user + system, every thread) and voluntary context switches
  (every thread) of the process and its descendants, so far. A voluntary switch is a thread going
  to sleep, so each one is followed by a wake-up (a timer, a socket). Involuntary switches are
  not counted: they are preemptions while running, which a busy machine multiplies (a thread
  ticking 100 times a second showed 770 switches a second under load).
- `Meter`: the same over a window of time: CPU as % of one core, wake-ups per second, and the
  threads that woke most (named by /proc/PID/task/TID/comm).

Linux only; reading another user's smaps needs root or the same user (the bench runs as root).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")
MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Memory:
    rss: int  # bytes
    pss: int
    uss: int  # private pages only: what would be freed if the process ended

    @property
    def pss_mib(self) -> float:
        return self.pss / MIB

    @property
    def rss_mib(self) -> float:
        return self.rss / MIB

    @property
    def uss_mib(self) -> float:
        return self.uss / MIB

    def __add__(self, other: Memory) -> Memory:
        return Memory(self.rss + other.rss, self.pss + other.pss, self.uss + other.uss)


@dataclass(frozen=True, slots=True)
class Counters:
    at: float  # time.monotonic() when read
    cpu_s: float
    switches: dict[str, int]  # "pid/tid name" -> voluntary context switches so far


@dataclass(frozen=True, slots=True)
class Rates:
    seconds: float
    cpu_pct: float  # of one core
    wakeups_per_s: float
    busiest: list[tuple[str, float]]  # threads with the most wake-ups/s, most first


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it (a peer may run helpers in child processes)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry))
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue.extend(children.get(current, []))
    return found


def _rollup(pid: int) -> Memory:
    fields: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        fields[name] = int(value.split()[0]) * 1024
    private = fields["Private_Clean"] + fields["Private_Dirty"]
    return Memory(fields["Rss"], fields["Pss"], private)


def memory(pid: int, *, tree: bool = True) -> Memory:
    """RSS, PSS and USS of `pid` and (`tree`) its descendants, in bytes."""
    total = Memory(0, 0, 0)
    for member in descendants(pid) if tree else [pid]:
        try:
            total = total + _rollup(member)
        except (OSError, KeyError):  # ended meanwhile
            continue
    return total


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    # after the name: state is field 3, utime 14 and stime 15 (1-based, man proc)
    return (int(fields[11]) + int(fields[12])) / _TICKS


def counters(pid: int) -> Counters:
    cpu = 0.0
    switches: dict[str, int] = {}
    at = time.monotonic()
    for member in descendants(pid):
        try:
            cpu += _cpu_seconds(member)
            tids = os.listdir(f"/proc/{member}/task")
        except OSError:
            continue
        for tid in tids:
            try:
                name = Path(f"/proc/{member}/task/{tid}/comm").read_text().strip()
                lines = Path(f"/proc/{member}/task/{tid}/status").read_text().splitlines()
            except OSError:  # the thread ended meanwhile
                continue
            switches[f"{member}/{tid} {name}"] = sum(
                int(line.split()[1]) for line in lines if line.startswith("voluntary_ctxt")
            )
    return Counters(at, cpu, switches)


def rates(before: Counters, after: Counters) -> Rates:
    """CPU and wake-ups between two readings. A thread that ended in between is not counted
    (its last switches are lost with it): a slight undercount, never an overcount."""
    seconds = after.at - before.at
    if seconds <= 0:
        raise ValueError("the second reading must come later")
    per_thread = {
        name: (count - before.switches.get(name, 0)) / seconds
        for name, count in after.switches.items()
        if count != before.switches.get(name, 0)
    }
    busiest = sorted(per_thread.items(), key=lambda item: -item[1])[:5]
    return Rates(
        seconds,
        (after.cpu_s - before.cpu_s) / seconds * 100,
        sum(per_thread.values()),
        [(name, round(rate, 2)) for name, rate in busiest],
    )


class Meter:
    """Rates of one process (tree) over consecutive windows: `start()`, then `lap()`."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._last: Counters | None = None

    def start(self) -> None:
        self._last = counters(self.pid)

    def lap(self) -> Rates:
        if self._last is None:
            raise RuntimeError("start() first")
        now = counters(self.pid)
        result = rates(self._last, now)
        self._last = now
        return result
