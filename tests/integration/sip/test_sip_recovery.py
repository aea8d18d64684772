"""The registrar restarts (and forgets us): the engine registers again without user action."""

from __future__ import annotations

import re
import time

import pytest

from tests.fixtures.kamailio import free_port
from tests.integration.sip.helpers import account, bound_addresses
from vpaphone.sip.config import Transport
from vpaphone.sip.reasons import RegistrationState

pytestmark = [pytest.mark.kamailio, pytest.mark.slow]

ROUND_TRIP_S = 2.0  # a REGISTER, its 401 and the answer on loopback, on a loaded machine


def _ruid(kamailio) -> str:
    """The registrar's id of alice's current contact ("" when not registered); a restarted
    Kamailio hands out new ones, so a changed id proves a registration made after the restart
    (the engine may re-register before a check for "empty" could run)."""
    found = re.search(r"Ruid: (\S+)", kamailio.registered_contacts("alice"))
    return found.group(1) if found else ""


def _wait_new_contact(phone, kamailio, before: str, timeout_s: float) -> float:
    start = time.monotonic()
    phone.qtbot.waitUntil(
        lambda: _ruid(kamailio) not in ("", before), timeout=int(timeout_s * 1000)
    )
    return time.monotonic() - start


@pytest.mark.parametrize("transport", [Transport.TCP, Transport.TLS])
def test_reregisters_after_restart_over_a_connection(kamailio, engine, transport):
    # The lost connection tells at once and the first retry follows register_retry_first_s
    # later; if that one still finds Kamailio starting (a loaded machine), the next comes
    # register_retry_s ± register_retry_random_s after it. So from the moment Kamailio answers
    # again, a new registration is due within retry + random (plus its round trip).
    config = account(
        kamailio,
        transport=transport,
        register_retry_first_s=1,
        register_retry_s=4,
        register_retry_random_s=2,
    )
    phone = engine(config)
    phone.wait_registration(RegistrationState.REGISTERED)
    before = _ruid(kamailio)
    assert before
    kamailio.restart()  # returns once the new Kamailio answers OPTIONS
    bound = config.register_retry_s + config.register_retry_random_s + ROUND_TRIP_S
    took = _wait_new_contact(phone, kamailio, before, timeout_s=bound)
    phone.wait_registration(RegistrationState.REGISTERED)
    assert took < bound


def test_reregisters_after_restart_over_udp_within_the_check_interval(kamailio, engine):
    # UDP has no connection to lose: the next check REGISTER (every register_check_s, 30 s by
    # default: well within 2 minutes) registers with the restarted registrar, which forgot the
    # phone, long before the expiry (120 s) would
    phone = engine(account(kamailio, register_check_s=3))
    phone.wait_registration(RegistrationState.REGISTERED)
    before = _ruid(kamailio)
    assert before
    kamailio.restart()
    bound = 3 + ROUND_TRIP_S
    took = _wait_new_contact(phone, kamailio, before, timeout_s=bound)
    assert took < bound


def test_udp_registration_is_refreshed_within_two_minutes(kamailio, engine):
    # the default expiry over UDP: a restarted registrar (which forgot us) is noticed by the
    # refresh 5 s before expiry, so well within 2 minutes (300 s took 235-295 s: issue 18)
    phone = engine(account(kamailio, register_expiry_s=None))
    phone.wait_registration(RegistrationState.REGISTERED)
    asked = re.findall(r"REGISTERED alice expires=(\d+)", kamailio.log())
    assert asked
    assert int(asked[-1]) == 120


def test_network_change_registers_at_once(kamailio, engine):
    # 300 s expiry: only the network change can explain it
    phone = engine(account(kamailio, register_expiry_s=300))
    phone.wait_registration(RegistrationState.REGISTERED)
    before = _ruid(kamailio)
    kamailio.restart()
    phone.engine.network_changed()
    took = _wait_new_contact(phone, kamailio, before, timeout_s=5)
    assert took < 5


def test_network_change_keeps_sip_bound_to_loopback(kamailio, engine):
    # pjsua's listener restart on a network change rebound the port to every interface
    port = free_port()
    phone = engine(account(kamailio, local_port=port, register_expiry_s=300))
    phone.wait_registration(RegistrationState.REGISTERED)
    assert bound_addresses(port) == {"127.0.0.1"}
    before = _ruid(kamailio)
    kamailio.restart()
    phone.engine.network_changed()
    _wait_new_contact(phone, kamailio, before, timeout_s=5)  # registered again meanwhile
    assert bound_addresses(port) == {"127.0.0.1"}


def test_network_change_moves_sip_to_the_address_of_the_new_route(kamailio, engine, monkeypatch):
    # Only the routing table's answer is made up: after the "change" the route to the server
    # leaves from 127.0.0.2 (a laptop on another network, a VPN that came up). SIP moves there
    # and registers from there; the old socket goes.
    port = free_port()
    phone = engine(account(kamailio, local_port=port, register_expiry_s=300))
    phone.wait_registration(RegistrationState.REGISTERED)
    assert bound_addresses(port) == {"127.0.0.1"}
    monkeypatch.setattr("vpaphone.sip.loop.route_address", lambda _cfg: "127.0.0.2")
    phone.engine.network_changed()
    phone.qtbot.waitUntil(
        lambda: f"127.0.0.2:{port}" in kamailio.registered_contacts("alice"), timeout=5000
    )
    # pjsip lets the old transport go ~5 s after its last user
    phone.qtbot.waitUntil(lambda: bound_addresses(port) == {"127.0.0.2"}, timeout=10_000)
    assert phone.engine.registration.state is RegistrationState.REGISTERED


def test_a_silent_registrar_makes_sip_follow_a_route_that_changed_unannounced(
    kamailio, engine, monkeypatch
):
    # No network notice (a VPN that came up, a route added by hand): the check REGISTER gets
    # no answer (here: Kamailio stopped), and the route, asked again then, leaves from
    # 127.0.0.2 now (made up) — SIP moves there and registers once the server answers.
    port = free_port()
    phone = engine(account(kamailio, local_port=port, register_check_s=2, register_answer_s=2))
    phone.wait_registration(RegistrationState.REGISTERED)
    kamailio.pause()
    monkeypatch.setattr("vpaphone.sip.loop.route_address", lambda _cfg: "127.0.0.2")
    # "not registered" (then "registering" again at once, from the new address)
    phone.qtbot.waitUntil(
        lambda: any(u.state is RegistrationState.FAILED for u in phone.registrations),
        timeout=int((2 + 2 + ROUND_TRIP_S) * 1000),
    )
    kamailio.resume()
    phone.qtbot.waitUntil(
        lambda: f"127.0.0.2:{port}" in kamailio.registered_contacts("alice"), timeout=5000
    )
    phone.wait_registration(RegistrationState.REGISTERED)
