"""A separate process using the store, for the crash and concurrency tests.

python -m tests.integration.store.store_child crash DB      # heartbeat, report, wait for SIGKILL
python -m tests.integration.store.store_child writer DB N GO_FILE
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from vpaphone.core.calls import CallRecord, new_call_id
from vpaphone.core.model import CallDirection, CostZone, EndReason, TelephonyArea
from vpaphone.store import Store

BEATS = 5


def now_ms() -> datetime:
    """Wall-clock time at the store's millisecond precision, so the parent can compare exactly."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def record(task_id: str) -> CallRecord:
    return CallRecord(
        id=new_call_id(),
        task_id=task_id,
        direction=CallDirection.OUTGOING,
        e164="+4922182829980",
        zone=CostZone.DE,
        area=TelephonyArea.NONE,
        started_at=now_ms(),
    )


def crash(db: Path) -> None:
    store = Store.open(db)
    call = record("task-crash")
    store.calls.call_started(call)
    session = store.work.start("task-crash", call.started_at)
    time.sleep(0.05)
    answered = now_ms()
    store.calls.call_answered(call.id, answered)
    beat = answered
    for _ in range(BEATS):
        time.sleep(0.05)
        beat = now_ms()
        store.calls.call_progress(call.id, beat)
        store.work.heartbeat(beat)
    report = {
        "call_id": call.id,
        "session_id": session.id,
        "started": call.started_at.isoformat(),
        "answered": answered.isoformat(),
        "last_beat": beat.isoformat(),
    }
    print(json.dumps(report), flush=True)
    time.sleep(600)  # the parent kills us here, mid-call, with the connection open


def writer(db: Path, count: int, go_file: Path) -> None:
    while not go_file.exists():  # start together with the other writer
        time.sleep(0.005)
    store = Store.open(db)  # both may migrate a fresh file at the same moment
    for i in range(count):
        call = record(f"task-{i % 7}")
        store.calls.call_started(call)
        store.calls.call_answered(call.id, now_ms())
        store.calls.call_progress(call.id, now_ms())
        store.calls.call_ended(call.id, now_ms(), EndReason.COMPLETED, 200)
    store.close()


def main(argv: list[str]) -> int:
    mode, db = argv[0], Path(argv[1])
    if mode == "crash":
        crash(db)
    else:
        writer(db, int(argv[2]), Path(argv[3]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
