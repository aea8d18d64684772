"""TLS problems with my-vpa are named as what they are, in the error, the window's text and the
log; the company CA bundle is added to the system's trust store (issue 13, failure 10)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from vpaphone.demo.server import DemoServer, DemoState
from vpaphone.demo.tls import DemoCertificates, make_certificates
from vpaphone.myvpa.errors import MyVpaError, TlsError, TlsProblem
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.session import Session
from vpaphone.myvpa.transport import Transport, TransportConfig
from vpaphone.texts.myvpa import sign_in_failure_text

StartServer = Callable[[DemoCertificates], DemoServer]


@pytest.fixture
def server_with() -> Iterator[StartServer]:
    started: list[DemoServer] = []

    def start(certificates: DemoCertificates) -> DemoServer:
        server = DemoServer(DemoState(), certificates).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def _sign_in_error(server: DemoServer, ca: Path | None, keychain: Keychain) -> MyVpaError:
    transport = Transport(TransportConfig(server.base_url, ca_bundle=ca, retries=0))
    with pytest.raises(MyVpaError) as caught:
        Session(transport, keychain).sign_in("demo", "demo")
    return caught.value


@pytest.mark.parametrize(
    ("kind", "problem", "words"),
    [
        ("untrusted", TlsProblem.UNTRUSTED, "not trusted"),
        ("other-name", TlsProblem.HOSTNAME_MISMATCH, "another server name"),
        ("expired", TlsProblem.EXPIRED, "expired"),
    ],
)
def test_each_tls_problem_is_named_in_the_text_and_the_log(
    tmp_path: Path,
    server_with: StartServer,
    no_keychain: Keychain,
    caplog: pytest.LogCaptureFixture,
    kind: str,
    problem: TlsProblem,
    words: str,
) -> None:
    certificates = make_certificates(
        tmp_path / kind,
        server_names=("other.example",) if kind == "other-name" else ("127.0.0.1",),
        expired=kind == "expired",
    )
    server = server_with(certificates)
    ca = None if kind == "untrusted" else certificates.ca_file
    caplog.set_level(logging.WARNING, logger="vpaphone.myvpa")

    error = _sign_in_error(server, ca, no_keychain)

    assert isinstance(error, TlsError)
    assert error.problem is problem
    text = sign_in_failure_text(error, server.base_url)
    assert words in text
    assert "internet connection" not in text.replace("not a problem of your internet", "")
    logged = [r.getMessage() for r in caplog.records if "TLS to my-vpa" in r.getMessage()]
    assert logged, caplog.text
    assert problem.value in logged[0]
    assert "signIn" not in server.state.requests  # nothing was sent over it


def test_the_ca_bundle_is_added_to_the_system_store_not_instead_of_it(
    tmp_path: Path,
    server_with: StartServer,
    no_keychain: Keychain,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A public my-vpa (system store) and an internal one (company CA) both verify while a
    company CA bundle is configured — as docs/operations.md promises IT."""
    public = make_certificates(tmp_path / "public")
    company = make_certificates(tmp_path / "company")
    monkeypatch.setenv("SSL_CERT_FILE", str(public.ca_file))  # OpenSSL's system store: public CA
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    public_server = server_with(public)
    company_server = server_with(company)

    for server in (public_server, company_server):
        config = TransportConfig(server.base_url, ca_bundle=company.ca_file, retries=0)
        session = Session(Transport(config), no_keychain)
        session.sign_in("demo", "demo")
        assert session.signed_in, server.base_url
