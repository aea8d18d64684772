"""A registrar that stops answering: "not registered" within a stated bound, and registered
again by itself once it answers (issue 18). Real Kamailio, stopped (SIGSTOP: a host that is
gone, nothing answers, no ICMP, no reset) or killed.

The bound: the check interval (`register_check_s`: a REGISTER goes out then) + the answer bound
(`register_answer_s`); the engine loop waits no longer than the next of them. Defaults
30 s + 8 s = 38 s; these tests provision 3 s + 3 s to prove it in less suite time.
"""

from __future__ import annotations

import time

import pytest

from tests.integration.sip.helpers import account
from vpaphone.sip.config import Transport
from vpaphone.sip.reasons import RegistrationState
from vpaphone.texts.calls import registration_text

pytestmark = [pytest.mark.kamailio, pytest.mark.slow]

CHECK_S = 3
ANSWER_S = 3.0
LOAD_S = 2.0  # a loaded machine (2 cores, several suites)
SILENCE_BOUND_S = CHECK_S + ANSWER_S + LOAD_S
# Once it answers again: pjsip retransmits the pending REGISTER every 4 s (T2) until its 32 s
# timeout, and a check goes out every CHECK_S after that; one REGISTER/401/REGISTER/200 round.
BACK_BOUND_S = 4 + CHECK_S + LOAD_S


def _watched(kamailio, engine, transport: Transport = Transport.UDP):
    config = account(
        kamailio, transport=transport, register_check_s=CHECK_S, register_answer_s=ANSWER_S
    )
    phone = engine(config)
    phone.wait_registration(RegistrationState.REGISTERED)
    return phone


def _took(phone, state: RegistrationState, bound_s: float) -> float:
    start = time.monotonic()
    phone.wait_registration(state, timeout=bound_s)
    return time.monotonic() - start


@pytest.mark.parametrize("transport", [Transport.UDP, Transport.TCP])
def test_stopped_registrar_is_not_registered_within_the_bound_and_back(kamailio, engine, transport):
    # TCP too: a stopped (or unplugged) server keeps the connection, nothing tells pjsua
    phone = _watched(kamailio, engine, transport)
    kamailio.pause()
    took = _took(phone, RegistrationState.FAILED, SILENCE_BOUND_S)
    update = phone.engine.registration
    assert registration_text(update.state, update.sip_status) == "Server unreachable"
    assert took >= ANSWER_S - 0.1  # the silence was waited for, not assumed
    kamailio.resume()
    back = _took(phone, RegistrationState.REGISTERED, BACK_BOUND_S)
    print(f"{transport.value}: not registered after {took:.1f} s, registered {back:.1f} s after")


def test_killed_registrar_is_not_registered_within_the_bound_and_back_after_restart(
    kamailio, engine
):
    phone = _watched(kamailio, engine)
    kamailio.kill()
    took = _took(phone, RegistrationState.FAILED, SILENCE_BOUND_S)
    kamailio.start()  # on the same ports, with no registrations
    back = _took(phone, RegistrationState.REGISTERED, BACK_BOUND_S)
    assert "alice" in kamailio.registered_contacts("alice")
    print(f"killed: not registered after {took:.1f} s, registered {back:.1f} s after restart")
