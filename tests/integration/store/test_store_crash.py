"""A process killed mid-call loses at most the time since its last heartbeat."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from vpaphone.core.model import EndReason
from vpaphone.store import OutboxKind, Store

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def child_factory() -> Iterator[list[subprocess.Popen[str]]]:
    children: list[subprocess.Popen[str]] = []
    yield children
    for child in children:  # cleaned up even when the test failed half-way
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)
        if child.stdout:
            child.stdout.close()


def test_killed_process_leaves_one_interrupted_call_with_the_right_times(
    tmp_path: Path, child_factory: list[subprocess.Popen[str]]
) -> None:
    db = tmp_path / "vpaphone.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.integration.store.store_child", "crash", str(db)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    child_factory.append(child)
    assert child.stdout is not None
    report = json.loads(child.stdout.readline())
    assert child.poll() is None, "the child must still be mid-call when killed"
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=10) == -signal.SIGKILL
    assert Path(f"{db}-wal").exists()  # its commits were never checkpointed into the file

    started = datetime.fromisoformat(report["started"])
    answered = datetime.fromisoformat(report["answered"])
    last_beat = datetime.fromisoformat(report["last_beat"])
    with Store.open(db) as store:
        # Right after the kill the call could still belong to a live instance: left alone.
        assert store.recover_interrupted(last_beat + timedelta(seconds=1)).call_ids == ()
        recovered = store.recover_interrupted(last_beat + timedelta(minutes=1))
        assert recovered.call_ids == (report["call_id"],)
        assert recovered.session_ids == (report["session_id"],)

        calls = store.calls.recent()
        assert len(calls) == 1
        call = calls[0].record
        assert call.end_reason is EndReason.INTERRUPTED
        assert (call.started_at, call.answered_at, call.ended_at) == (started, answered, last_beat)
        assert call.talk_seconds == (last_beat - answered).total_seconds() > 0
        assert store.calls.phone_seconds("task-crash").unsynced == call.talk_seconds

        session = store.work.for_task("task-crash")[0]
        assert (session.stopped_at, session.interrupted) == (last_beat, True)
        queued = store.outbox.pending(OutboxKind.CALL_RECORD)
        assert [i.client_id for i in queued] == [report["call_id"]]
        assert queued[0].payload["end_reason"] == "interrupted"
        assert store.recover_interrupted(last_beat + timedelta(hours=1)).call_ids == ()
