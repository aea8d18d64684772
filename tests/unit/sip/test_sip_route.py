"""The address SIP binds to: the one the route to the server leaves from (loopback here)."""

from __future__ import annotations

from vpaphone.sip.config import SipAccountConfig
from vpaphone.sip.route import (
    ALL_INTERFACES,
    bind_address,
    route_address,
    server_hosts,
    source_address,
)


def _config(**changes: object) -> SipAccountConfig:
    values: dict[str, object] = {
        "domain": "vpa.test",
        "username": "vpa-7",
        "password": "pw",
        "registrar": "127.0.0.1:5070",
    }
    values.update(changes)
    return SipAccountConfig(**values)  # type: ignore[arg-type]


def test_requests_go_to_the_proxy_else_to_registrar_and_domain() -> None:
    assert server_hosts(_config(outbound_proxy="proxy.test:5080")) == [("proxy.test", 5080)]
    assert server_hosts(_config()) == [("127.0.0.1", 5070), ("vpa.test", 5060)]
    p2p = _config(register=False, password="", registrar=None, domain="127.0.0.1:5090")
    assert server_hosts(p2p) == [("127.0.0.1", 5090)]


def test_a_loopback_server_is_reached_from_loopback_also_by_name() -> None:
    assert source_address("127.0.0.1", 5060) == "127.0.0.1"
    assert source_address("localhost", 5060) == "127.0.0.1"  # IPv4 only: the transports are
    assert bind_address(_config(domain="localhost", outbound_proxy="localhost:5070")) == (
        "127.0.0.1"
    )


def test_direct_calls_keep_every_interface() -> None:
    assert bind_address(_config(outbound_proxy="127.0.0.1", allow_direct_calls=True)) == (
        ALL_INTERFACES
    )


def test_a_name_that_does_not_resolve_binds_every_interface(caplog) -> None:
    # the phone still starts (pjsua resolves again itself); the log says why
    config = _config(outbound_proxy="no-such-host.invalid")
    assert bind_address(config) == ALL_INTERFACES
    assert "does not resolve" in caplog.text


def test_every_server_the_phone_sends_to_counts() -> None:
    # without a proxy, calls go to the domain: its route counts as much as the registrar's;
    # unknown, the phone binds every interface at start, and stays where it is later
    config = _config(domain="no-such-host.invalid")
    assert route_address(config) is None
    assert bind_address(config) == ALL_INTERFACES


def test_servers_routed_from_different_addresses_have_no_single_route(monkeypatch) -> None:
    sources = {"proxy.test": "192.0.2.10", "vpa.test": "198.51.100.7"}  # made up: two LANs
    monkeypatch.setattr(
        "vpaphone.sip.route.source_address", lambda host, _port, **_kw: sources.get(host)
    )
    config = _config(registrar="proxy.test")
    assert route_address(config) is None
    assert bind_address(config) == ALL_INTERFACES
    sources["vpa.test"] = "192.0.2.10"
    assert route_address(config) == bind_address(config) == "192.0.2.10"


def test_ipv6_servers_are_not_bound_to() -> None:
    # the SIP transports are IPv4: an IPv6 server has no IPv4 route
    assert source_address("::1", 5060) is None
    assert bind_address(_config(outbound_proxy="[::1]:5060")) == ALL_INTERFACES
