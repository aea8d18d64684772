"""STUN and ICE from provisioning, against a real STUN server (coturn) and a second pjsua2 phone.

What a user or admin notices: with STUN the phone registers and calls as before and really asks
the STUN server for its addresses; a dead STUN server neither hangs nor crashes the app; with ICE
on both sides a call connects with candidates in the SDP and audio flows both ways.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.kamailio import free_port, start_kamailio
from tests.fixtures.sipp import ANSWER, start_uas
from tests.fixtures.stun import stun_server
from tests.integration.sip.helpers import account
from vpaphone.sip.engine import CallState
from vpaphone.sip.reasons import RegistrationState
from vpaphone.sip.stunprobe import reachable

__all__ = ["stun_server"]

pytestmark = [pytest.mark.kamailio, pytest.mark.sipp]

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).parent
NUMBER = "+4930111111"
# A network namespace of the test's own with a veth pair (10.99.0.1 ↔ 10.99.0.2): pjnath never
# offers loopback addresses as ICE candidates, and nothing outside the namespace is reachable.
NETNS_SETUP = (
    "ip link set lo up && ip link add v0 type veth peer name v1"
    " && ip addr add 10.99.0.1/24 dev v0 && ip addr add 10.99.0.2/24 dev v1"
    ' && ip link set v0 up && ip link set v1 up && exec "$0" "$@"'
)
IN_NETNS = ["unshare", "--net", "--", "sh", "-c", NETNS_SETUP]


def _child(args: list[str], timeout: float = 120) -> tuple[subprocess.CompletedProcess[str], float]:
    begin = time.monotonic()
    done = subprocess.run(
        args,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return done, time.monotonic() - begin


def _result(done: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT ")), None)
    assert line is not None, f"exit {done.returncode}: {done.stderr[-3000:]}"
    result: dict[str, Any] = json.loads(line.removeprefix("RESULT "))
    return result


def _sdp_port(invite: str) -> int:
    match = re.search(r"^m=audio (\d+) ", invite, re.MULTILINE)
    assert match is not None, invite
    return int(match.group(1))


def _contact(kamailio: Any, user: str) -> str:
    match = re.search(r"Address: sip:[^@]+@([0-9.]+:\d+)", kamailio.registered_contacts(user))
    assert match is not None, kamailio.registered_contacts(user)
    return match.group(1)


def _call_through_kamailio(kamailio: Any, sipp_uas: Any, engine: Any, **kwargs: Any) -> str:
    """Register, call a sipp UAS that echoes RTP, check audio both ways; the INVITE sipp saw."""
    phone = engine(account(kamailio, **kwargs))
    phone.wait_registration(RegistrationState.REGISTERED)
    uas = sipp_uas(ANSWER)
    kamailio.route_number(NUMBER, uas.address)
    call_id = phone.dial(NUMBER)
    phone.wait_state(call_id, CallState.CONNECTED)
    phone.qtbot.wait(1000)
    stats = phone.engine.stream_stats(call_id)
    phone.engine.hangup(call_id)
    phone.wait_state(call_id, CallState.ENDED)
    assert stats is not None
    assert stats.tx_packets >= 15
    assert stats.rx_packets >= stats.tx_packets * 0.8  # sipp echoes them back
    invite: str = uas.invites()[0]
    return invite


def test_with_stun_the_phone_calls_as_before_and_asks_the_stun_server(
    kamailio, sipp_uas, engine, stun_server
):
    invite = _call_through_kamailio(kamailio, sipp_uas, engine, stun_servers=(stun_server.address,))
    assert stun_server.binding_requests() >= 1
    clients = stun_server.clients()
    assert f"127.0.0.1:{_sdp_port(invite)}" in clients  # the call's RTP socket learnt its address
    assert _contact(kamailio, "alice") in clients  # and so did the SIP socket that registered


def test_without_stun_servers_the_stun_server_hears_nothing(
    kamailio, sipp_uas, engine, stun_server
):
    _call_through_kamailio(kamailio, sipp_uas, engine)
    assert stun_server.binding_requests() == 0


def test_only_answering_stun_servers_are_used(stun_server):
    # pjsua would wait ~8 s per socket for a silent one; the probe leaves it out in ≤ 1 s
    dead = f"127.0.0.1:{free_port()}"
    begin = time.monotonic()
    assert reachable([dead, stun_server.address]) == (stun_server.address,)
    assert time.monotonic() - begin < 1.5
    assert stun_server.binding_requests() >= 1


@pytest.fixture(scope="module")
def dead_stun_run() -> Iterator[tuple[subprocess.CompletedProcess[str], float]]:
    """Our engine (child process) with a STUN server that never answers: register, call sipp.
    Module-scoped: it takes ~20 s and two tests read its result."""
    with start_kamailio() as kamailio, start_uas(status=ANSWER) as uas:
        kamailio.route_number(NUMBER, uas.address)
        values = {
            "domain": kamailio.domain,
            "username": "alice",
            "password": kamailio.users["alice"],
            "registrar": kamailio.address(),
            "outbound_proxy": kamailio.address(),
            "stun_servers": [f"127.0.0.1:{free_port()}"],  # nobody listens there
        }
        yield _child(
            [sys.executable, str(HERE / "nat_engine_child.py"), json.dumps(values), NUMBER]
        )


@pytest.mark.slow
def test_dead_stun_server_neither_hangs_nor_crashes(dead_stun_run):
    done, seconds = dead_stun_run
    result = _result(done)
    assert done.returncode == 0, done.stderr[-3000:]  # no abort, no segfault at exit
    assert seconds < 60
    assert result["start_error"] is None, result


@pytest.mark.slow
def test_dead_stun_server_does_not_delay_registration_or_calls(dead_stun_run):
    done, _ = dead_stun_run
    result = _result(done)
    assert result["start_error"] is None, result
    assert result["start_s"] < 3.0, result
    assert result["registered_s"] is not None, result
    assert result["registered_s"] < 5.0, result
    assert result["connected_s"] is not None, result
    assert result["connected_s"] < 3.0, result
    assert result["rx"] > 10, result
    assert result["tx"] > 10, result


def test_ice_call_connects_with_candidates_and_audio_both_ways(tmp_path):
    done, _ = _child(
        [*IN_NETNS, sys.executable, str(HERE / "ice_call_child.py"), str(tmp_path)],
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = _result(done)
    assert result["connected_s"] is not None, result
    candidates = result["sdp_candidates"]
    # our INVITE offers host candidates where its RTP is bound: the address the route to the
    # peer leaves from, which in this one namespace is the peer's own 10.99.0.2 (no longer every
    # interface, 10.99.0.1 too); the peer answers with its own
    offered = [c for c in candidates["invite"] if "typ host" in c]
    assert offered, candidates
    assert all(" 10.99.0.2 " in c for c in offered), candidates
    assert any(" 10.99.0.2 " in c and "typ host" in c for c in candidates["ok"]), candidates
    assert result["tx"] >= 15, result
    assert result["rx"] >= 15, result  # the peer's tone came back over the ICE-chosen path
