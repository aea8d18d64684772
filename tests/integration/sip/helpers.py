"""Shared pieces of the SIP integration tests: a recording CallLog and an engine factory."""

from __future__ import annotations

import contextlib
import ipaddress
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.fixtures.kamailio import Kamailio
from vpaphone.core.calls import CallRecord
from vpaphone.core.model import CostZone, Destination, EndReason, NumberKind, TelephonyArea
from vpaphone.sip.config import SipAccountConfig, Transport
from vpaphone.sip.engine import CallState, CallUpdate, SipEngine
from vpaphone.sip.reasons import RegistrationState


@dataclass
class RecordingCallLog:
    """CallLog that keeps what the engine wrote, checking it is only used on one thread."""

    records: dict[str, CallRecord] = field(default_factory=dict)
    progress: list[tuple[str, datetime]] = field(default_factory=list)
    threads: set[int] = field(default_factory=set)

    def call_started(self, record: CallRecord) -> None:
        self.threads.add(threading.get_ident())
        self.records[record.id] = record

    def call_answered(self, call_id: str, at: datetime) -> None:
        self.threads.add(threading.get_ident())
        self.records[call_id] = replace(self.records[call_id], answered_at=at)

    def call_progress(self, call_id: str, at: datetime) -> None:
        self.progress.append((call_id, at))

    def call_ended(
        self, call_id: str, at: datetime, reason: EndReason, sip_status: int | None
    ) -> None:
        self.threads.add(threading.get_ident())
        self.records[call_id] = replace(
            self.records[call_id], ended_at=at, end_reason=reason, sip_status=sip_status
        )

    def call_transferred(self, call_id: str, target: str, at: datetime) -> None:
        self.threads.add(threading.get_ident())
        self.records[call_id] = replace(
            self.records[call_id], transferred_to=target, transferred_at=at
        )


@pytest.fixture
def call_log() -> RecordingCallLog:
    return RecordingCallLog()


def account(
    kam: Kamailio, user: str = "alice", transport: Transport = Transport.UDP, **kwargs: Any
) -> SipAccountConfig:
    """An account at the test Kamailio, with requests routed through it as outbound proxy."""
    values: dict[str, Any] = {
        "domain": kam.domain,
        "username": user,
        "password": kam.users.get(user, "x"),
        "registrar": kam.address(transport.value),
        "outbound_proxy": kam.address(transport.value),
        "transport": transport,
        "tls_ca_pem": kam.ca_file.read_text(),  # as my-vpa provisions a company CA
    }
    values.update(kwargs)
    return SipAccountConfig(**values)


def destination(e164: str) -> Destination:
    return Destination(e164=e164, region="DE", kind=NumberKind.FIXED_LINE)


class Phone:
    """A started SipEngine plus everything it signalled, for assertions."""

    def __init__(self, engine: SipEngine, qtbot: QtBot) -> None:
        self.engine = engine
        self.qtbot = qtbot
        self.updates: list[CallUpdate] = []
        self.registrations: list[Any] = []
        self.incoming: list[Any] = []
        self.dtmf: list[tuple[str, str]] = []
        engine.call_changed.connect(self.updates.append)
        engine.registration_changed.connect(self.registrations.append)
        engine.incoming_call.connect(self.incoming.append)
        engine.dtmf_received.connect(lambda c, d: self.dtmf.append((c, d)))

    def wait_registration(self, state: RegistrationState, timeout: float = 10.0) -> Any:
        self.qtbot.waitUntil(
            lambda: self.engine.registration.state is state, timeout=int(timeout * 1000)
        )
        return self.engine.registration

    def states(self, call_id: str) -> list[CallState]:
        return [u.state for u in self.updates if u.call_id == call_id]

    def wait_state(self, call_id: str, state: CallState, timeout: float = 10.0) -> CallUpdate:
        def seen() -> bool:
            return state in self.states(call_id)

        self.qtbot.waitUntil(seen, timeout=int(timeout * 1000))
        return next(u for u in self.updates if u.call_id == call_id and u.state is state)

    def dial(self, e164: str, task_id: str | None = "task-1") -> str:
        return self.engine.dial(
            destination(e164), task_id, TelephonyArea.BACKOFFICE_DE, CostZone.DE
        )


@pytest.fixture
def engine(qtbot: QtBot, call_log: RecordingCallLog) -> Iterator[Callable[..., Phone]]:
    """Factory: `engine(config, **SipEngine kwargs)` → a started `Phone`; shut down after."""
    with contextlib.ExitStack() as stack:

        def make(config: SipAccountConfig, log: Any = None, **kwargs: Any) -> Phone:
            eng = SipEngine(log if log is not None else call_log, **kwargs)
            stack.callback(eng.shutdown)
            phone = Phone(eng, qtbot)
            eng.start(config)
            return phone

        yield make


class ToneSource:
    """Test media handler: a tone into every call (what a microphone would do); with
    `record_dir`, what each call hears goes to `record_dir/<call key>.wav` (8 kHz mono)."""

    def __init__(self, hz: int = 1000, record_dir: Path | None = None) -> None:
        self.hz = hz
        self.record_dir = record_dir
        self.tones: dict[str, object] = {}
        self.recorders: dict[str, object] = {}

    def on_call_audio_active(self, call_key: str, media: Any) -> None:
        import pjsua2 as pj

        if call_key in self.tones:
            return
        tone = pj.ToneGenerator()
        tone.createToneGenerator(8000, 1)
        desc = pj.ToneDesc()
        desc.freq1, desc.freq2, desc.on_msec, desc.off_msec, desc.volume = self.hz, 0, 30000, 0, 0
        tones = pj.ToneDescVector()
        tones.append(desc)
        tone.play(tones, True)
        tone.startTransmit(media)
        self.tones[call_key] = tone
        if self.record_dir is not None:
            recorder = pj.AudioMediaRecorder()
            recorder.createRecorder(str(self.record_dir / f"{call_key}.wav"))
            media.startTransmit(recorder)
            self.recorders[call_key] = recorder

    def on_call_audio_inactive(self, call_key: str) -> None:
        # neither has Python callbacks: del is safe
        self.tones.pop(call_key, None)
        self.recorders.pop(call_key, None)

    def close(self) -> None:
        self.tones.clear()
        self.recorders.clear()


def bound_addresses(port: int, proto: str = "udp") -> set[str]:
    """Local IPv4 addresses with a socket on `port` in this network namespace: UDP sockets, or
    listening TCP ones (`proto` "tcp"), from /proc/net (what `ss -lun`/`ss -ltn` shows)."""
    found = set()
    for line in Path(f"/proc/net/{proto}").read_text().splitlines()[1:]:
        fields = line.split()
        address, hex_port = fields[1].split(":")
        listening = proto == "udp" or fields[3] == "0A"  # TCP_LISTEN
        if int(hex_port, 16) == port and listening:
            found.add(str(ipaddress.IPv4Address(int(address, 16).to_bytes(4, "little"))))
    return found
