"""Which of the provisioned STUN servers answer, asked once before pjsua is given them.

Why: pjsua resolves the public address of every UDP socket it opens through the configured
STUN servers and blocks for ~8 s per socket on one that does not answer (its retransmission
schedule); with two sockets the engine's start would miss its deadline and the phone would not
register at all. One parallel Binding request (RFC 5389) to all servers, bounded by `timeout`,
keeps only the servers that answer: a silent one costs the start at most that second.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import socket
import struct
import time
from collections.abc import Sequence
from typing import Any

from vpaphone.sip.hostport import split_host_port

log = logging.getLogger(__name__)

STUN_PORT = 3478
_BINDING_REQUEST = 0x0001
_MAGIC_COOKIE = 0x2112A442


def _request(transaction: bytes) -> bytes:
    return struct.pack("!HHI", _BINDING_REQUEST, 0, _MAGIC_COOKIE) + transaction


def _answer_id(datagram: bytes) -> bytes | None:
    """The transaction id of a STUN response, or None for anything else."""
    if len(datagram) < 20:
        return None
    kind, _, cookie = struct.unpack("!HHI", datagram[:8])
    # a success or an error response (class bit C1): either means the server is alive
    if cookie != _MAGIC_COOKIE or kind & 0xC000 or not kind & 0x0100:
        return None
    return datagram[8:20]


def reachable(servers: Sequence[str], timeout: float = 1.0) -> tuple[str, ...]:
    """The servers (in the given order) that answer a Binding request within `timeout`
    seconds; the request is repeated every 250 ms (UDP may lose one)."""
    sockets: dict[int, socket.socket] = {}  # one per address family
    targets: list[tuple[str, Any, socket.socket]] = []  # (server, address, socket)
    try:
        for server in servers:
            host, port = split_host_port(server, STUN_PORT)
            try:
                family, _, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM)[0]
            except (OSError, UnicodeError) as exc:
                log.warning("STUN server %s cannot be resolved: %s", server, exc)
                continue
            if family not in sockets:
                sockets[family] = socket.socket(family, socket.SOCK_DGRAM)
            targets.append((server, address, sockets[family]))
        answered = _collect_answers(targets, list(sockets.values()), time.monotonic() + timeout)
        return tuple(server for server in servers if server in answered)
    finally:
        for sock in sockets.values():
            sock.close()


def _collect_answers(
    targets: list[tuple[str, Any, socket.socket]], sockets: list[socket.socket], deadline: float
) -> set[str]:
    sent: dict[bytes, str] = {}  # transaction id → server
    answered: set[str] = set()
    next_send = 0.0
    while len(answered) < len(targets) and (now := time.monotonic()) < deadline:
        if now >= next_send:
            for server, address, sock in targets:
                if server not in answered:
                    transaction = os.urandom(12)
                    sent[transaction] = server
                    with contextlib.suppress(OSError):  # no route: it stays silent
                        sock.sendto(_request(transaction), address)
            next_send = now + 0.25
        ready, _, _ = select.select(sockets, [], [], max(0.0, min(deadline, next_send) - now))
        for sock in ready:
            try:
                datagram = sock.recv(2048)
            except OSError:  # e.g. an ICMP "port unreachable" reported on this read
                continue
            if (name := sent.get(_answer_id(datagram) or b"")) is not None:
                answered.add(name)
    return answered
