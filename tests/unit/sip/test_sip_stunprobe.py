"""The STUN probe: provisioned "host[:port]" strings and which servers count as answering."""

from __future__ import annotations

import socket
import struct
import threading

import pytest

from vpaphone.sip.hostport import split_host_port
from vpaphone.sip.stunprobe import reachable


@pytest.mark.parametrize(
    ("server", "expected"),
    [
        ("stun.example.com", ("stun.example.com", 3478)),
        ("stun.example.com:19302", ("stun.example.com", 19302)),
        ("192.0.2.1:3479", ("192.0.2.1", 3479)),
        ("[2001:db8::1]:3480", ("2001:db8::1", 3480)),
        ("[2001:db8::1]", ("2001:db8::1", 3478)),
    ],
)
def test_split_host_port(server, expected):
    assert split_host_port(server, 3478) == expected


def _responder(reply: bool) -> tuple[socket.socket, threading.Thread]:
    """A UDP server on loopback that answers each request with a Binding success response
    echoing its transaction id (reply=True) or with garbage that is not STUN."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(2)

    def serve() -> None:
        try:
            data, peer = sock.recvfrom(2048)
        except OSError:
            return
        if reply:
            sock.sendto(struct.pack("!HHI", 0x0101, 0, 0x2112A442) + data[8:20], peer)
        else:
            sock.sendto(b"HTTP/1.1 400 Bad Request\r\n\r\n", peer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return sock, thread


def test_an_answering_server_is_kept_and_a_non_stun_reply_is_not():
    good, good_thread = _responder(reply=True)
    bad, bad_thread = _responder(reply=False)
    good_address = f"127.0.0.1:{good.getsockname()[1]}"
    bad_address = f"127.0.0.1:{bad.getsockname()[1]}"
    try:
        assert reachable([bad_address, good_address], timeout=0.5) == (good_address,)
    finally:
        for sock, thread in ((good, good_thread), (bad, bad_thread)):
            thread.join()
            sock.close()
