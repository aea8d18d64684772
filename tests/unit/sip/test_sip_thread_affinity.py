"""Thread-bound code refuses to run on the wrong thread (debug runs: Python's assertions on)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from vpaphone.sip.calls import EngineCalls
from vpaphone.sip.config import SipAccountConfig
from vpaphone.sip.engine import SipEngine
from vpaphone.sip.events import SipEngineError
from vpaphone.sip.loop import EngineLoop
from vpaphone.threads import (
    ThreadAffinityError,
    assert_engine_thread,
    assert_qt_thread,
    mark_engine_thread,
)

CONFIG = SipAccountConfig(domain="vpa.test", username="alice", password="pw")


def _on_thread(fn: Callable[[], object], engine: bool = False) -> BaseException | None:
    """Runs `fn` on a new thread (marked as the engine thread if `engine`); what it raised."""
    raised: list[BaseException] = []

    def run() -> None:
        if engine:
            mark_engine_thread()
        try:
            fn()
        except BaseException as exc:
            raised.append(exc)

    thread = threading.Thread(target=run, name="not-qt")
    thread.start()
    thread.join(5)
    return raised[0] if raised else None


def test_the_checks_are_active_in_debug_runs() -> None:
    assert __debug__  # the suite runs with assertions, as a developer's app does


def test_engine_thread_code_refuses_other_threads() -> None:
    with pytest.raises(ThreadAffinityError, match="MainThread"):
        assert_engine_thread()
    assert isinstance(_on_thread(assert_engine_thread), ThreadAffinityError)
    assert _on_thread(assert_engine_thread, engine=True) is None


def test_qt_thread_code_refuses_other_threads() -> None:
    assert_qt_thread()
    error = _on_thread(assert_qt_thread)
    assert isinstance(error, ThreadAffinityError)
    assert "not-qt" in str(error)
    assert isinstance(_on_thread(assert_qt_thread, engine=True), ThreadAffinityError)


@pytest.mark.parametrize(
    "command",
    [
        lambda calls: calls.hangup("call-1"),
        lambda calls: calls.answer("call-1"),
        lambda calls: calls.hold("call-1"),
        lambda calls: calls.send_dtmf("call-1", "1"),
        lambda calls: calls.make_call("call-1", "sip:+4930111111@vpa.test", "task-1"),
    ],
)
def test_call_commands_run_on_the_engine_thread_only(
    command: Callable[[EngineCalls], None],
) -> None:
    calls = EngineCalls(CONFIG, None, lambda event: None)
    with pytest.raises(ThreadAffinityError):
        command(calls)


def test_the_loop_refreshes_the_network_on_its_own_thread_only() -> None:
    loop = EngineLoop(CONFIG, notify=lambda: None, media_handler=None)
    with pytest.raises(ThreadAffinityError):
        loop.network_changed()


def test_sip_engine_is_driven_from_the_qt_thread_only(qtbot: QtBot) -> None:
    engine = SipEngine(call_log=None)  # type: ignore[arg-type]  # never reached
    for method in (
        lambda: engine.hold("call-1"),
        lambda: engine.hangup("call-1"),
        lambda: engine.start(CONFIG),
        engine.shutdown,
        engine.network_changed,
    ):
        assert isinstance(_on_thread(method), ThreadAffinityError)
    with pytest.raises(SipEngineError, match="no such call"):  # on the Qt thread: the real check
        engine.hold("call-1")
