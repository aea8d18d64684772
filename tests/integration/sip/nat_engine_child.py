"""Child process for test_sip_nat: our engine with a given account, in a process of its own.

A STUN server that does not answer can stall pjsua for seconds and leave an engine half started,
and a call pjsua cannot place can abort the process at exit; in a child process neither can hang
the test run or disturb the next engine (pjsua2 allows one Endpoint per process). It starts the
engine, waits for registration (if any), dials NUMBER once, waits for the answer and lets RTP flow
for a second, then shuts down. Prints one JSON line `RESULT {...}`: the seconds each step took
(null: did not happen in time), the errors and end reason seen, and the RTP packet counters.

Usage: python nat_engine_child.py ACCOUNT_JSON NUMBER
(ACCOUNT_JSON: SipAccountConfig keyword arguments; `transport` as its string value)
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from tests.integration.sip.helpers import RecordingCallLog, destination
from vpaphone.core.model import CostZone, TelephonyArea
from vpaphone.sip.config import SipAccountConfig, Transport
from vpaphone.sip.engine import CallState, CallUpdate, SipEngine
from vpaphone.sip.reasons import RegistrationState

REGISTER_WAIT_S = 25.0
CALL_WAIT_S = 15.0


def wait_for(app: QCoreApplication, done: Callable[[], bool], seconds: float) -> float | None:
    """Seconds until `done()` (processing Qt events meanwhile), or None after `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        app.processEvents()
        if done():
            return round(time.monotonic() - start, 3)
        time.sleep(0.01)
    return None


def config_from(text: str) -> SipAccountConfig:
    values: dict[str, Any] = json.loads(text)
    values["transport"] = Transport(values.get("transport", "udp"))
    values["stun_servers"] = tuple(values.get("stun_servers", ()))
    return SipAccountConfig(**values)


def run_engine(app: QCoreApplication, config: SipAccountConfig, number: str) -> dict[str, Any]:
    result: dict[str, Any] = {"start_s": None, "start_error": None, "registered_s": None}
    result |= {"registration": None, "connected_s": None, "ended": None, "rx": 0, "tx": 0}
    engine = SipEngine(RecordingCallLog())
    updates: list[CallUpdate] = []
    engine.call_changed.connect(updates.append)
    begin = time.monotonic()
    try:
        engine.start(config)
        result["start_s"] = round(time.monotonic() - begin, 3)
    except Exception as exc:  # what the app would show the user
        result["start_error"] = f"{type(exc).__name__}: {exc}"
        return result
    wanted = RegistrationState.REGISTERED if config.register else RegistrationState.NOT_REQUIRED
    result["registered_s"] = wait_for(
        app, lambda: engine.registration.state is wanted, REGISTER_WAIT_S
    )
    registration = engine.registration
    result["registration"] = f"{registration.state.value} {registration.sip_status}"
    if result["registered_s"] is not None:
        call_id = engine.dial(
            destination(number), "task-nat", TelephonyArea.BACKOFFICE_DE, CostZone.DE
        )

        def states() -> set[CallState]:
            return {u.state for u in updates}

        result["connected_s"] = wait_for(
            app, lambda: bool(states() & {CallState.CONNECTED, CallState.ENDED}), CALL_WAIT_S
        )
        if CallState.CONNECTED in states():
            wait_for(app, lambda: False, 1.0)  # let RTP flow for a second
            stats = engine.stream_stats(call_id)
            if stats is not None:
                result["rx"], result["tx"] = stats.rx_packets, stats.tx_packets
        else:
            result["connected_s"] = None
        ended = [u for u in updates if u.state is CallState.ENDED]
        if ended:
            result["ended"] = f"{ended[0].end_reason} (SIP {ended[0].sip_status})"
    engine.shutdown()
    gc.collect()  # what the app's later garbage collections do: no pjsua2 object may be left
    return result


def main() -> int:
    app = QCoreApplication([])
    result = run_engine(app, config_from(sys.argv[1]), sys.argv[2])
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
