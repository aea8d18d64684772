"""When an outgoing call is placed again as RTP/SAVP (SRTP optional, far end requires SRTP).

Placing a call twice that the VPA hung up, or that the far end refused for another reason,
would ring someone she no longer wants to reach; not placing it leaves SRTP-only phones
unreachable. The decision is checked here without a network; the real exchange with an
SRTP-only baresip is in tests/integration/sip/test_sip_srtp.py.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from vpaphone.sip.calls import EngineCalls
from vpaphone.sip.config import SipAccountConfig, SrtpMode, Transport
from vpaphone.sip.events import FailureCause
from vpaphone.sip.failures import CommandError

URI = "sip:+4930111111@vpa.test;user=phone"


def _calls(srtp: SrtpMode, placed: list[tuple[Any, ...]], fail: bool = False) -> EngineCalls:
    config = SipAccountConfig(
        domain="vpa.test", username="alice", password="pw", transport=Transport.TLS, srtp=srtp
    )
    calls = EngineCalls(config, None, lambda event: None)

    def place(key: str, uri: str, task_id: str | None, savp: bool = False) -> None:
        if fail:
            raise CommandError(FailureCause.LIBRARY_ERROR, 70013)
        placed.append((key, uri, task_id, savp))

    calls._place = place  # type: ignore[method-assign]
    return calls


def _refused_call(**changes: object) -> Any:
    values: dict[str, object] = {
        "key": "call-1",
        "target": (URI, "task-7"),
        "offer_savp": False,
        "hung_up_here": False,
        "answered": False,
        "heard_from_peer": True,
    }
    values.update(changes)
    return SimpleNamespace(**values)


@pytest.mark.parametrize("status", [488, 606])
def test_a_media_refusal_under_optional_is_placed_again_as_savp(status: int) -> None:
    placed: list[tuple[Any, ...]] = []
    calls = _calls(SrtpMode.OPTIONAL, placed)
    assert calls._placed_again_as_savp(_refused_call(), status)
    assert placed == [("call-1", URI, "task-7", True)]  # same key, target, task


@pytest.mark.parametrize(
    ("mode", "status", "changes", "stopping"),
    [
        (SrtpMode.OFF, 488, {}, False),
        (SrtpMode.MANDATORY, 488, {}, False),  # offered RTP/SAVP already
        (SrtpMode.OPTIONAL, 486, {}, False),  # busy: not about media
        (SrtpMode.OPTIONAL, 503, {}, False),
        (SrtpMode.OPTIONAL, 488, {"offer_savp": True}, False),  # once only
        (SrtpMode.OPTIONAL, 488, {"hung_up_here": True}, False),  # the VPA hung up
        (SrtpMode.OPTIONAL, 488, {"answered": True}, False),
        (SrtpMode.OPTIONAL, 488, {"heard_from_peer": False}, False),
        (SrtpMode.OPTIONAL, 488, {"target": None}, False),  # an incoming call
        (SrtpMode.OPTIONAL, 488, {}, True),  # the engine shuts down
    ],
)
def test_other_ends_are_not_placed_again(
    mode: SrtpMode, status: int, changes: dict[str, object], stopping: bool
) -> None:
    placed: list[tuple[Any, ...]] = []
    calls = _calls(mode, placed)
    calls.stopping = stopping
    assert not calls._placed_again_as_savp(_refused_call(**changes), status)
    assert placed == []


def test_a_retry_that_cannot_be_sent_lets_the_refusal_stand() -> None:
    calls = _calls(SrtpMode.OPTIONAL, [], fail=True)
    assert not calls._placed_again_as_savp(_refused_call(), 488)
