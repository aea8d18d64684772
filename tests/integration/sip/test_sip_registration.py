"""Registration at a real Kamailio: what the user sees for right and wrong credentials."""

from __future__ import annotations

import socket

import pytest

from tests.fixtures.kamailio import free_port
from tests.integration.sip.helpers import account
from vpaphone.sip.config import Transport
from vpaphone.sip.reasons import RegistrationState

pytestmark = pytest.mark.kamailio

# What pjsip answers itself when no server answered (no response: None)
UNREACHABLE = (None, 408, 502, 503, 504)


@pytest.mark.parametrize("transport", [Transport.UDP, Transport.TCP, Transport.TLS])
def test_registers_with_right_password(kamailio, engine, transport):
    phone = engine(account(kamailio, transport=transport))
    update = phone.wait_registration(RegistrationState.REGISTERED)
    assert update.sip_status == 200
    contacts = kamailio.registered_contacts("alice")
    assert f"transport={transport.value}" in contacts.lower() or transport is Transport.UDP
    assert "alice" in contacts


def test_wrong_password_is_named(kamailio, engine):
    phone = engine(account(kamailio, password="not-the-password"))
    update = phone.wait_registration(RegistrationState.FAILED)
    assert update.state is RegistrationState.FAILED
    assert update.sip_status == 401
    assert kamailio.registered_contacts("alice") == ""


def test_tls_server_with_unknown_certificate_is_refused(kamailio, engine, tmp_path):
    # the system CAs do not know the test CA: verification must fail, not silently pass
    other_ca = tmp_path / "other-ca.pem"
    from tests.fixtures.kamailio import make_test_pki

    ca, _, _ = make_test_pki(tmp_path / "pki")
    other_ca.write_bytes(ca.read_bytes())
    phone = engine(account(kamailio, transport=Transport.TLS, tls_ca_file=str(other_ca)))
    update = phone.wait_registration(RegistrationState.FAILED)
    assert update.sip_status in UNREACHABLE, update
    assert kamailio.registered_contacts("alice") == ""


def test_unreachable_server_is_named(engine, kamailio):
    port = free_port(socket.SOCK_STREAM)  # nothing listens here
    config = account(kamailio, transport=Transport.TCP)
    config = type(config)(
        **{
            **_fields(config),
            "registrar": f"127.0.0.1:{port}",
            "outbound_proxy": f"127.0.0.1:{port}",
        }
    )
    phone = engine(config)
    update = phone.wait_registration(RegistrationState.FAILED)
    assert update.sip_status in UNREACHABLE, update


def test_peer_to_peer_account_does_not_register(engine, kamailio):
    phone = engine(account(kamailio, register=False, password=""))
    assert phone.engine.registration.state is RegistrationState.NOT_REQUIRED
    phone.qtbot.wait(300)
    assert kamailio.registered_contacts("alice") == ""


def _fields(config):
    return {name: getattr(config, name) for name in config.__dataclass_fields__}


def test_busy_local_port_is_a_clear_start_error(kamailio, qtbot, call_log):
    from vpaphone.sip.engine import SipEngine
    from vpaphone.sip.events import SipEngineError

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        engine = SipEngine(call_log)
        with pytest.raises(SipEngineError, match=r"could not start: Address already in use"):
            engine.start(account(kamailio, local_port=port))
        assert not engine.running
        engine.shutdown()  # harmless after a failed start
