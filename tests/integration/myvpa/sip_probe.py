"""A minimal SIP caller over raw UDP sockets: INVITE with PCMU, send RTP, record RTP, BYE.

Just enough SIP to check the demo peer from the outside with no SIP stack in common with it.
"""

from __future__ import annotations

import math
import random
import re
import socket
import struct
import time
from dataclasses import dataclass

import numpy as np

RATE = 8000
FRAME = 160  # 20 ms of PCMU


def _ulaw_encode(sample: int) -> int:
    bias, clip = 0x84, 32635
    sign = 0x80 if sample < 0 else 0
    sample = min(abs(sample), clip) + bias
    exponent = max(0, sample.bit_length() - 8)
    mantissa = (sample >> (exponent + 3)) & 0x0F
    return ~(sign | (exponent << 4) | mantissa) & 0xFF


def _ulaw_decode(byte: int) -> int:
    byte = ~byte & 0xFF
    sign, exponent, mantissa = byte & 0x80, (byte >> 4) & 0x07, byte & 0x0F
    sample = (((mantissa << 3) + 0x84) << exponent) - 0x84
    return -sample if sign else sample


_DECODE = np.array([_ulaw_decode(b) for b in range(256)], dtype=np.int32)


@dataclass
class EchoResult:
    answered: bool
    received: np.ndarray  # decoded samples, in arrival order (8 kHz)
    arrival: list[float]  # arrival time of each packet, seconds after the tone started
    energy: list[float]  # RMS of each received packet


def _request(
    method: str,
    target: str,
    local: str,
    call_id: str,
    tag: str,
    cseq: int,
    to_tag: str = "",
    body: str = "",
) -> bytes:
    to = f"<{target}>" + (f";tag={to_tag}" if to_tag else "")
    branch = f"z9hG4bK{random.getrandbits(32):08x}"
    lines = [
        f"{method} {target} SIP/2.0",
        f"Via: SIP/2.0/UDP {local};branch={branch};rport",
        "Max-Forwards: 70",
        f"From: <sip:probe@{local}>;tag={tag}",
        f"To: {to}",
        f"Call-ID: {call_id}",
        f"CSeq: {cseq} {method}",
        f"Contact: <sip:probe@{local}>",
    ]
    if body:
        lines.append("Content-Type: application/sdp")
    lines.append(f"Content-Length: {len(body.encode())}")
    return ("\r\n".join(lines) + "\r\n\r\n" + body).encode()


def _wait_final(sock: socket.socket, method: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            data = sock.recv(65535).decode(errors="replace")
        except TimeoutError:
            break
        status = re.match(r"SIP/2.0 (\d{3})", data)
        if status and int(status.group(1)) >= 200 and f" {method}" in data.split("CSeq:")[1][:30]:
            return data
    raise TimeoutError(f"no final response to {method}")


def call_and_record(
    port: int,
    number: str = "+4930123456",
    tone_s: float = 0.5,
    listen_s: float = 3.0,
    freq: float = 1000.0,
) -> EchoResult:
    sip = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    rtp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sip.bind(("127.0.0.1", 0))
        rtp.bind(("127.0.0.1", 0))
        local = f"127.0.0.1:{sip.getsockname()[1]}"
        target = f"sip:{number}@127.0.0.1:{port}"
        call_id, tag = f"{random.getrandbits(64):x}@probe", f"{random.getrandbits(32):x}"
        sdp = (
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            f"m=audio {rtp.getsockname()[1]} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n"
        )
        sip.sendto(
            _request("INVITE", target, local, call_id, tag, 1, body=sdp), ("127.0.0.1", port)
        )
        answer = _wait_final(sip, "INVITE", 5)
        if not answer.startswith("SIP/2.0 200"):
            return EchoResult(False, np.zeros(0), [], [])
        to_tag = re.search(r"^To:.*;tag=([^;\s]+)", answer, re.M | re.I)
        media_port = re.search(r"^m=audio (\d+)", answer, re.M)
        assert to_tag, "200 OK without To tag"
        assert media_port, "200 OK without SDP"
        sip.sendto(
            _request("ACK", target, local, call_id, tag, 1, to_tag.group(1)), ("127.0.0.1", port)
        )
        result = _stream(rtp, int(media_port.group(1)), tone_s, listen_s, freq)
        sip.sendto(
            _request("BYE", target, local, call_id, tag, 2, to_tag.group(1)), ("127.0.0.1", port)
        )
        _wait_final(sip, "BYE", 5)
        return result
    finally:
        sip.close()
        rtp.close()


def _stream(
    rtp: socket.socket, media_port: int, tone_s: float, listen_s: float, freq: float
) -> EchoResult:
    ssrc, seq, ts = random.getrandbits(32), 0, 0
    silence = bytes([0xFF]) * FRAME
    samples, arrival, energy = [], [], []
    start = time.monotonic()
    next_send = start
    rtp.setblocking(False)
    n = 0
    while time.monotonic() - start < listen_s:
        now = time.monotonic()
        if now >= next_send:
            t0 = n * FRAME
            if t0 < tone_s * RATE:
                payload = bytes(
                    _ulaw_encode(int(12000 * math.sin(2 * math.pi * freq * (t0 + i) / RATE)))
                    for i in range(FRAME)
                )
            else:
                payload = silence
            header = struct.pack("!BBHII", 0x80, 0, seq & 0xFFFF, ts & 0xFFFFFFFF, ssrc)
            rtp.sendto(header + payload, ("127.0.0.1", media_port))
            seq, ts, n = seq + 1, ts + FRAME, n + 1
            next_send += FRAME / RATE
        try:
            packet = rtp.recv(2048)
        except BlockingIOError:
            time.sleep(0.002)
            continue
        if len(packet) > 12 and packet[1] & 0x7F == 0:
            pcm = _DECODE[np.frombuffer(packet[12:], dtype=np.uint8)]
            samples.append(pcm)
            arrival.append(time.monotonic() - start)
            energy.append(float(np.sqrt(np.mean(pcm.astype(np.float64) ** 2))))
    received = np.concatenate(samples) if samples else np.zeros(0)
    return EchoResult(True, received, arrival, energy)
