"""The /proc readings bench_day judges every phone by: they see what a process really does."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from tests.bench.procstat import MIB, Meter, descendants, memory

# A child that does what its first argument says, then waits for its standard input to close.
CHILD = """
import sys, time
what = sys.argv[1]
if what == "allocate":
    kept = bytearray(64 * 1024 * 1024)
    for i in range(0, len(kept), 4096):
        kept[i] = 1  # touch every page: private, resident memory
elif what == "tick":  # wakes 100 times a second
    while True:
        time.sleep(0.01)
elif what == "spin":
    while True:
        pass
elif what == "parent":  # a child of its own that allocates
    import subprocess
    subprocess.Popen([sys.executable, "-c", sys.argv[2], "allocate"], stdin=sys.stdin)
print("ready", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def child() -> Iterator[object]:
    started: list[subprocess.Popen[str]] = []

    def start(what: str) -> int:
        process = subprocess.Popen(
            [sys.executable, "-c", CHILD, what, CHILD],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        if what in ("allocate", "parent", "idle"):
            assert process.stdout is not None
            assert process.stdout.readline() == "ready\n"
        return process.pid

    yield start
    for process in started:
        process.kill()
        process.wait()


def test_memory_counts_private_pages_in_pss_and_uss(child) -> None:
    idle, big = memory(child("idle")), memory(child("allocate"))
    assert big.uss - idle.uss > 60 * MIB
    assert big.pss - idle.pss > 60 * MIB
    assert big.rss >= big.pss >= big.uss


def test_memory_includes_the_process_tree(child) -> None:
    pid = child("parent")
    deadline = time.monotonic() + 10
    while len(descendants(pid)) < 2 or memory(pid).uss < 60 * MIB:
        assert time.monotonic() < deadline, "the grandchild never showed up"
        time.sleep(0.05)
    assert memory(pid, tree=False).uss < 30 * MIB  # the 64 MiB are the grandchild's


def test_wakeups_tell_a_ticking_process_from_a_sleeping_one(child) -> None:
    ticking, sleeping = Meter(child("tick")), Meter(child("idle"))
    ticking.start()
    sleeping.start()
    time.sleep(1.0)
    tick, sleep = ticking.lap(), sleeping.lap()
    assert 40 <= tick.wakeups_per_s <= 150  # ~100/s; fewer when the machine is busy
    assert sleep.wakeups_per_s < 5
    assert tick.busiest[0][1] > 30  # the ticking thread is named as the busiest


def test_cpu_tells_a_spinning_process_from_a_sleeping_one(child) -> None:
    spinning, sleeping = Meter(child("spin")), Meter(child("idle"))
    spinning.start()
    sleeping.start()
    time.sleep(1.0)
    spin, sleep = spinning.lap(), sleeping.lap()
    assert spin.cpu_pct > 20  # a whole core if the machine is free; shared on a busy one
    assert sleep.cpu_pct < 5
