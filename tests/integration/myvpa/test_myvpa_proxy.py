"""HTTPS to my-vpa through a company proxy (CONNECT tunnel), as the environment configures it.

The real demo server over HTTPS, reached through a small CONNECT proxy on loopback that counts
the tunnels it opens and checks the Basic credentials taken from the proxy URL.
"""

from __future__ import annotations

import base64
import logging

import pytest

from tests.fixtures.demo_server import transport_for
from tests.fixtures.http_server import ConnectProxy, clear_proxy_environment
from vpaphone.demo.server import DemoServer
from vpaphone.myvpa.client import MyVpaClient
from vpaphone.myvpa.errors import ServerUnreachableError
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.session import Session
from vpaphone.myvpa.transport import Transport, TransportConfig

USER, PASSWORD = "vpa-alice", "s3cr@t:pw"  # both need percent-encoding in a URL
CREDENTIALS = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
IN_URL = "vpa-alice:s3cr%40t%3Apw"


@pytest.fixture(autouse=True)
def _no_proxy_from_the_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_proxy_environment(monkeypatch)


def _use_the_demo(server: DemoServer, keychain: Keychain) -> None:
    session = Session(transport_for(server), keychain)
    session.sign_in("demo", "demo")
    client = MyVpaClient(session)
    assert client.profile().name == "Dana Demo"
    assert client.active_tasks()
    session.transport.close()


@pytest.mark.parametrize("variable", ["HTTPS_PROXY", "https_proxy", "ALL_PROXY"])
def test_requests_go_through_the_proxy_tunnel(
    demo_server: DemoServer,
    no_keychain: Keychain,
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
) -> None:
    with ConnectProxy(required_authorization=CREDENTIALS) as proxy:
        monkeypatch.setenv(variable, f"http://{IN_URL}@127.0.0.1:{proxy.port}")
        _use_the_demo(demo_server, no_keychain)
        tunnels = proxy.tunnels
    assert len(tunnels) == 1  # three requests, one kept-alive tunnel
    assert tunnels[0].target == f"127.0.0.1:{demo_server.port}"
    assert tunnels[0].authorization == CREDENTIALS
    assert demo_server.state.requests == ["signIn", "getProfile", "listActiveTasks"]


def test_no_proxy_addresses_are_reached_directly(
    demo_server: DemoServer, no_keychain: Keychain, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ConnectProxy() as proxy:
        monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{proxy.port}")
        monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
        _use_the_demo(demo_server, no_keychain)
        assert proxy.tunnels == []
    assert demo_server.state.requests == ["signIn", "getProfile", "listActiveTasks"]


def test_refused_proxy_credentials_never_show_up(
    demo_server: DemoServer,
    no_keychain: Keychain,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    with ConnectProxy(required_authorization="Basic c29tZW9uZTplbHNl") as proxy:
        monkeypatch.setenv("HTTPS_PROXY", f"http://{IN_URL}@127.0.0.1:{proxy.port}")
        session = Session(transport_for(demo_server), no_keychain)  # retries=2
        with pytest.raises(ServerUnreachableError) as caught:
            session.sign_in("demo", "demo")
        assert len(proxy.tunnels) == 3  # a 407 is a network failure: retried, then reported
    assert caught.value.code == "network"
    assert "cannot be reached" in caught.value.message
    assert demo_server.state.requests == []
    for text in (str(caught.value), caplog.text):
        for secret in (USER, "s3cr", CREDENTIALS, str(proxy.port)):
            assert secret not in text


def test_certificate_is_verified_through_the_tunnel(
    demo_server: DemoServer, no_keychain: Keychain, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ConnectProxy() as proxy:
        monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{proxy.port}")
        # The system trust store does not know the test CA: the tunnel changes nothing.
        transport = Transport(TransportConfig(demo_server.base_url, retries=0))
        with pytest.raises(ServerUnreachableError) as caught:
            Session(transport, no_keychain).sign_in("demo", "demo")
        assert len(proxy.tunnels) == 1
    assert caught.value.code == "tls"
    assert demo_server.state.requests == []
