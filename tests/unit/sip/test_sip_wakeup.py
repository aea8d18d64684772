"""After the computer slept, the engine refreshes network and registration by itself."""

from __future__ import annotations

import pytest

from vpaphone.sip import loop as loop_module
from vpaphone.sip.config import SipAccountConfig
from vpaphone.sip.events import CommandFailure, EngineCommand, FailureCause
from vpaphone.sip.loop import SLEEP_GAP_S, EngineLoop


@pytest.fixture
def loop(monkeypatch: pytest.MonkeyPatch) -> EngineLoop:
    config = SipAccountConfig(domain="vpa.test", username="alice", password="pw")
    made = EngineLoop(config, notify=lambda: None, media_handler=None)
    made.refreshes = 0  # type: ignore[attr-defined]

    def refresh() -> None:
        made.refreshes += 1  # type: ignore[attr-defined]

    monkeypatch.setattr(made, "network_changed", refresh)
    return made


def test_a_sleep_gap_triggers_a_refresh(loop, monkeypatch):
    monkeypatch.setattr(loop_module, "_clocks", lambda: (1000.0 + SLEEP_GAP_S + 60, 101.0))
    assert loop._check_sleep(1000.0, 100.0) == (1000.0 + SLEEP_GAP_S + 60, 101.0)
    assert loop.refreshes == 1


def test_normal_running_does_not(loop, monkeypatch):
    monkeypatch.setattr(loop_module, "_clocks", lambda: (1000.2, 100.2))
    loop._check_sleep(1000.0, 100.0)
    assert loop.refreshes == 0


def test_a_failing_refresh_after_sleep_is_reported_not_raised(loop, monkeypatch):
    def broken() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(loop, "network_changed", broken)
    monkeypatch.setattr(loop_module, "_clocks", lambda: (1000.0 + SLEEP_GAP_S + 60, 101.0))
    loop._check_sleep(1000.0, 100.0)  # the loop keeps running
    assert list(loop.events) == [
        CommandFailure(None, EngineCommand.NETWORK_REFRESH, FailureCause.INTERNAL)
    ]
