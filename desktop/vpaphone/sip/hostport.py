"""`host[:port]` as provisioning gives servers (STUN servers, registrar, outbound proxy)."""

from __future__ import annotations


def split_host_port(value: str, default_port: int) -> tuple[str, int]:
    """ "host[:port]" (an IPv6 address in brackets) → (host, port); `default_port` if none is
    given."""
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        return host, int(rest[1:]) if rest.startswith(":") and rest[1:].isdigit() else default_port
    host, sep, port = value.rpartition(":")
    if sep and port.isdigit() and ":" not in host:
        return host, int(port)
    return value, default_port
