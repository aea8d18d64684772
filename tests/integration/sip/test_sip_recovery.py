"""The registrar restarts (and forgets us): the engine registers again without user action."""

from __future__ import annotations

import time

import pytest

from tests.integration.sip.helpers import account
from vpaphone.sip.config import Transport
from vpaphone.sip.reasons import RegistrationState

pytestmark = [pytest.mark.kamailio, pytest.mark.slow]


def _wait_contact(phone, kamailio, timeout_s: float) -> float:
    start = time.monotonic()
    phone.qtbot.waitUntil(
        lambda: bool(kamailio.registered_contacts("alice")), timeout=int(timeout_s * 1000)
    )
    return time.monotonic() - start


@pytest.mark.parametrize("transport", [Transport.TCP, Transport.TLS])
def test_reregisters_after_restart_over_a_connection(kamailio, engine, transport):
    # the lost connection tells at once; the first retry follows within a few seconds
    phone = engine(account(kamailio, transport=transport))
    phone.wait_registration(RegistrationState.REGISTERED)
    kamailio.restart()
    assert kamailio.registered_contacts("alice") == ""
    took = _wait_contact(phone, kamailio, timeout_s=15)
    phone.wait_registration(RegistrationState.REGISTERED)
    assert took < 15


def test_reregisters_after_restart_over_udp_within_the_refresh(kamailio, engine):
    # UDP has no connection to lose: the registration refresh (expiry - 5 s) finds out
    phone = engine(account(kamailio, register_expiry_s=10))
    phone.wait_registration(RegistrationState.REGISTERED)
    kamailio.restart()
    assert kamailio.registered_contacts("alice") == ""
    took = _wait_contact(phone, kamailio, timeout_s=12)
    assert took < 12


def test_network_change_registers_at_once(kamailio, engine):
    phone = engine(account(kamailio))  # 300 s expiry: only the network change can explain it
    phone.wait_registration(RegistrationState.REGISTERED)
    kamailio.restart()
    phone.engine.network_changed()
    took = _wait_contact(phone, kamailio, timeout_s=5)
    assert took < 5
