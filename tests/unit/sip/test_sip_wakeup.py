"""After the computer slept, the engine refreshes network and registration by itself."""

from __future__ import annotations

import pytest

from vpaphone.sip import worker as worker_module
from vpaphone.sip.config import SipAccountConfig
from vpaphone.sip.worker import SLEEP_GAP_S, EngineWorker


@pytest.fixture
def worker(monkeypatch: pytest.MonkeyPatch) -> EngineWorker:
    config = SipAccountConfig(domain="vpa.test", username="alice", password="pw")
    made = EngineWorker(config, notify=lambda: None, media_handler=None)
    made.refreshes = 0  # type: ignore[attr-defined]

    def refresh() -> None:
        made.refreshes += 1  # type: ignore[attr-defined]

    monkeypatch.setattr(made, "network_changed", refresh)
    return made


def test_a_sleep_gap_triggers_a_refresh(worker, monkeypatch):
    monkeypatch.setattr(worker_module, "_clocks", lambda: (1000.0 + SLEEP_GAP_S + 60, 101.0))
    assert worker._check_sleep(1000.0, 100.0) == (1000.0 + SLEEP_GAP_S + 60, 101.0)
    assert worker.refreshes == 1


def test_normal_running_does_not(worker, monkeypatch):
    monkeypatch.setattr(worker_module, "_clocks", lambda: (1000.2, 100.2))
    worker._check_sleep(1000.0, 100.0)
    assert worker.refreshes == 0
