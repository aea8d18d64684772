"""The registrar restarts (and forgets us): the engine registers again without user action."""

from __future__ import annotations

import re
import time

import pytest

from tests.integration.sip.helpers import account
from vpaphone.sip.config import Transport
from vpaphone.sip.reasons import RegistrationState

pytestmark = [pytest.mark.kamailio, pytest.mark.slow]


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
    # the lost connection tells at once; the first retry follows within a few seconds
    phone = engine(account(kamailio, transport=transport))
    phone.wait_registration(RegistrationState.REGISTERED)
    before = _ruid(kamailio)
    assert before
    kamailio.restart()
    took = _wait_new_contact(phone, kamailio, before, timeout_s=15)
    phone.wait_registration(RegistrationState.REGISTERED)
    assert took < 15


def test_reregisters_after_restart_over_udp_within_the_refresh(kamailio, engine):
    # UDP has no connection to lose: the registration refresh (expiry - 5 s) finds out
    phone = engine(account(kamailio, register_expiry_s=10))
    phone.wait_registration(RegistrationState.REGISTERED)
    before = _ruid(kamailio)
    assert before
    kamailio.restart()
    took = _wait_new_contact(phone, kamailio, before, timeout_s=12)
    assert took < 12


def test_network_change_registers_at_once(kamailio, engine):
    phone = engine(account(kamailio))  # 300 s expiry: only the network change can explain it
    phone.wait_registration(RegistrationState.REGISTERED)
    before = _ruid(kamailio)
    kamailio.restart()
    phone.engine.network_changed()
    took = _wait_new_contact(phone, kamailio, before, timeout_s=5)
    assert took < 5
