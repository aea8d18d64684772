"""Registration at a real Kamailio: what the user sees for right and wrong credentials."""

from __future__ import annotations

import socket
import ssl
from pathlib import Path

import pytest

from tests.fixtures.kamailio import free_port, make_test_pki
from tests.integration.sip.helpers import account, bound_addresses
from vpaphone.demo.tls import make_certificates
from vpaphone.sip.config import Transport
from vpaphone.sip.reasons import RegistrationState
from vpaphone.sip.trust import TlsProblem
from vpaphone.texts.calls import registration_text

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


@pytest.mark.parametrize("transport", [Transport.UDP, Transport.TLS])
def test_shutdown_takes_the_registration_back(kamailio, engine, transport):
    """Calls must not be routed to a phone that quit: the registrar has answered the
    un-REGISTER by the time shutdown returns (the engine waits for it itself)."""
    phone = engine(account(kamailio, transport=transport))
    phone.wait_registration(RegistrationState.REGISTERED)
    assert kamailio.registered_contacts("alice")
    phone.engine.shutdown()
    assert kamailio.registered_contacts("alice") == ""
    assert kamailio.registrations("alice")[-1].removal


def test_wrong_password_is_named(kamailio, engine):
    phone = engine(account(kamailio, password="not-the-password"))
    update = phone.wait_registration(RegistrationState.FAILED)
    assert update.state is RegistrationState.FAILED
    assert update.sip_status == 401
    assert kamailio.registered_contacts("alice") == ""


def test_tls_registers_with_the_ca_from_provisioning(kamailio, engine):
    # the system store (the real one) does not know the test CA: only the provisioned PEM does
    phone = engine(account(kamailio, transport=Transport.TLS))
    update = phone.wait_registration(RegistrationState.REGISTERED)
    assert (update.sip_status, update.tls_problem) == (200, None)
    assert "transport=tls" in kamailio.registered_contacts("alice").lower()


def test_tls_registers_with_the_ca_from_the_system_store(kamailio, engine, tmp_path, monkeypatch):
    # a system store that holds the test CA, where the system's OpenSSL looks for it
    store = tmp_path / "ca-certificates.crt"
    store.write_text(Path(ssl.get_default_verify_paths().openssl_cafile).read_text())
    with store.open("a") as bundle:
        bundle.write(kamailio.ca_file.read_text())
    monkeypatch.setenv("SSL_CERT_FILE", str(store))
    phone = engine(account(kamailio, transport=Transport.TLS, tls_ca_pem=None))
    update = phone.wait_registration(RegistrationState.REGISTERED)
    assert update.sip_status == 200
    assert "alice" in kamailio.registered_contacts("alice")


def test_tls_server_with_an_untrusted_certificate_is_named(kamailio, engine, tmp_path, caplog):
    # another CA is provisioned; the system store does not know Kamailio's: refused, and said so
    other_ca, _, _ = make_test_pki(tmp_path / "pki")
    phone = engine(account(kamailio, transport=Transport.TLS, tls_ca_pem=other_ca.read_text()))
    update = phone.wait_registration(RegistrationState.FAILED)
    assert update.tls_problem is TlsProblem.UNTRUSTED, update
    assert registration_text(update.state, update.sip_status, update.tls_problem) == (
        "The phone server's certificate is not trusted"
    )
    assert kamailio.registered_contacts("alice") == ""
    logged = [r.getMessage() for r in caplog.records if r.name.startswith("vpaphone.sip")]
    assert any("TLS certificate refused (untrusted)" in m for m in logged), logged


@pytest.mark.parametrize(
    ("certificate", "problem", "text"),
    [
        (
            {"server_names": ("sip.other.example",)},
            TlsProblem.NAME_MISMATCH,
            "The phone server's certificate is for another server name",
        ),
        (
            {"expired": True},
            TlsProblem.EXPIRED,
            "The phone server's certificate has expired or is not yet valid",
        ),
    ],
)
def test_tls_certificate_for_another_name_or_expired_is_named(
    kamailio, engine, tmp_path, certificate, problem, text
):
    # a trusted CA, but the server's certificate is not for 127.0.0.1 / no longer valid
    pki = make_certificates(tmp_path / "pki", **certificate)
    kamailio.cert_file, kamailio.key_file = pki.cert_file, pki.key_file
    kamailio.restart()
    phone = engine(account(kamailio, transport=Transport.TLS, tls_ca_pem=pki.ca_file.read_text()))
    update = phone.wait_registration(RegistrationState.FAILED)
    assert update.tls_problem is problem, update
    assert registration_text(update.state, update.sip_status, update.tls_problem) == text


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


@pytest.mark.parametrize("transport", [Transport.UDP, Transport.TCP, Transport.TLS])
def test_sip_is_bound_only_to_the_address_towards_the_server(kamailio, engine, transport):
    # the route to 127.0.0.1 leaves from 127.0.0.1: nothing else reaches the phone's SIP port
    port = free_port(socket.SOCK_STREAM)
    phone = engine(account(kamailio, transport=transport, local_port=port))
    phone.wait_registration(RegistrationState.REGISTERED)
    proto = "udp" if transport is Transport.UDP else "tcp"
    assert bound_addresses(port, proto) == {"127.0.0.1"}


def test_direct_calls_keep_sip_on_every_interface(kamailio, engine):
    # a direct-IP caller may come in on any interface
    port = free_port()
    phone = engine(account(kamailio, local_port=port, allow_direct_calls=True))
    phone.wait_registration(RegistrationState.REGISTERED)
    assert bound_addresses(port) == {"0.0.0.0"}
