"""Call set-up time (dial → connected) through Kamailio to a sipp UAS: our engine vs. bare pjsua2
vs. baresip as the caller, 50 calls each, in the same run; RSS of an idle registered engine.
bare pjsua2 and baresip are references (no pass/fail); baresip is timed on its CALL_ESTABLISHED
event (when ctrl_tcp delivered it), not by polling for it.

Each caller runs in its own process (one pjsua2 Endpoint per process; RSS of the engine alone),
bare and engine alternating in halves of 25 calls.
`python -m tests.bench.bench_sip engine|bare PROXY NUMBER CALLS` prints one JSON line.
Our engine is timed as the UI sees it: from `SipEngine.dial()`, called in a slot of the running
Qt event loop as a dial button's handler would, to the CONNECTED signal arriving on the Qt
thread (an in-memory CallLog: the store's cost is the store benchmark's business). Dialling from
outside the loop timed this harness's own re-entry into it (a timer, a nested loop: ~0.1 ms
holding the GIL the engine thread needs), not the engine.
Target: engine median ≤ 1.1 × bare pjsua2 median. What was measured before, and what the
engine keeps (or dropped) because of it: docs/performance.md.
"""

from __future__ import annotations

import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.bench.harness import Row

CALLS = 50
NUMBER = "+4930777777"
PACE_S = 0.03  # pjsip frees a call's sockets ~0.5 s after it ends: never dial in a burst


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


# --- child: our engine ---------------------------------------------------------------------


class _MemoryLog:
    def call_started(self, record: Any) -> None:
        pass

    def call_answered(self, call_id: str, at: datetime) -> None:
        pass

    def call_progress(self, call_id: str, at: datetime) -> None:
        pass

    def call_ended(self, call_id: str, at: datetime, reason: Any, sip_status: int | None) -> None:
        pass

    def call_transferred(self, call_id: str, target: str, at: datetime) -> None:
        pass


def _child_engine(proxy: str, number: str, calls: int, password: str) -> dict[str, Any]:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from vpaphone.core.model import CostZone, Destination, NumberKind, TelephonyArea
    from vpaphone.sip.config import SipAccountConfig
    from vpaphone.sip.engine import CallState, CallUpdate, SipEngine
    from vpaphone.sip.reasons import RegistrationState

    app = QCoreApplication.instance() or QCoreApplication([])
    engine = SipEngine(_MemoryLog())
    loop = QEventLoop()
    connected: dict[str, float] = {}
    ended: set[str] = set()
    wanted: list[tuple[str, CallState]] = []

    def on_call(update: CallUpdate) -> None:
        if update.state is CallState.CONNECTED:
            connected.setdefault(update.call_id, time.perf_counter())
        if update.state is CallState.ENDED:
            ended.add(update.call_id)
        if wanted and wanted[0] == (update.call_id, update.state):
            loop.quit()

    def wait(condition: Any, timeout_s: float = 10.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("engine bench: timed out")
            QTimer.singleShot(int(timeout_s * 1000), loop.quit)
            loop.exec()

    engine.call_changed.connect(on_call)
    engine.registration_changed.connect(lambda _u: loop.quit())
    config = SipAccountConfig(
        domain="vpa.test",
        username="alice",
        password=password,
        registrar=proxy,
        outbound_proxy=proxy,
    )
    engine.start(config)
    try:
        wait(lambda: engine.registration.state is RegistrationState.REGISTERED)
        idle_until = time.monotonic() + 2.0
        while time.monotonic() < idle_until:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.05)
        idle_rss = _rss_kib()
        dest = Destination(e164=number, region="DE", kind=NumberKind.FIXED_LINE)
        setups: list[float] = []
        placed: list[tuple[str, float]] = []

        def place() -> None:  # as a button's slot would: dial, then back to the event loop
            start = time.perf_counter()
            call_id = engine.dial(dest, "bench-task", TelephonyArea.BACKOFFICE_DE, CostZone.DE)
            wanted[:] = [(call_id, CallState.CONNECTED)]
            placed.append((call_id, start))

        for _ in range(calls):
            placed.clear()
            QTimer.singleShot(0, place)
            wait(lambda: bool(placed) and (placed[0][0] in connected or placed[0][0] in ended))
            call_id, start = placed[0]
            if call_id not in connected:
                raise RuntimeError("engine bench: a call failed")
            setups.append((connected[call_id] - start) * 1000)
            wanted[:] = [(call_id, CallState.ENDED)]
            engine.hangup(call_id)
            wait(lambda cid=call_id: cid in ended)
            time.sleep(PACE_S)
    finally:
        engine.shutdown()
    return {"setup_ms": setups, "idle_rss_kib": idle_rss}


# --- child: bare pjsua2, the same work with nothing around it --------------------------------


def _child_bare(proxy: str, number: str, calls: int, password: str) -> dict[str, Any]:
    import pjsua2 as pj

    ep = pj.Endpoint()
    ep.libCreate()
    cfg = pj.EpConfig()
    cfg.uaConfig.threadCnt = 0
    cfg.uaConfig.mainThreadOnly = True
    cfg.logConfig.level = 1
    cfg.logConfig.consoleLevel = 1
    ep.libInit(cfg)
    ep.audDevManager().setNullDev()
    tc = pj.TransportConfig()
    tc.boundAddress = "127.0.0.1"
    ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, tc)
    ep.libStart()
    state: dict[str, Any] = {"reg": 0}

    class Acc(pj.Account):  # type: ignore[misc]
        def onRegState(self, prm: Any) -> None:
            state["reg"] = prm.code

    class Call(pj.Call):  # type: ignore[misc]
        def onCallState(self, prm: Any) -> None:
            info = self.getInfo()
            if info.state == pj.PJSIP_INV_STATE_CONFIRMED:
                state["confirmed"] = time.perf_counter()
            elif info.state == pj.PJSIP_INV_STATE_DISCONNECTED:
                state["ended"] = True

    acc_cfg = pj.AccountConfig()
    acc_cfg.idUri = "sip:alice@vpa.test"
    acc_cfg.regConfig.registrarUri = f"sip:{proxy}"
    acc_cfg.sipConfig.proxies.append(f"sip:{proxy};lr")
    acc_cfg.sipConfig.authCreds.append(pj.AuthCredInfo("digest", "*", "alice", 0, password))
    acc = Acc()
    acc.create(acc_cfg)

    def pump(key: str, timeout_s: float = 10.0) -> None:
        deadline = time.monotonic() + timeout_s
        while not state.get(key):
            if time.monotonic() > deadline:
                raise TimeoutError(f"bare bench: no {key}")
            ep.libHandleEvents(10)

    setups: list[float] = []
    try:
        deadline = time.monotonic() + 10
        while state["reg"] != 200 and time.monotonic() < deadline:
            ep.libHandleEvents(10)
        idle_until = time.monotonic() + 2.0
        while time.monotonic() < idle_until:
            ep.libHandleEvents(50)
        idle_rss = _rss_kib()
        for _ in range(calls):
            state.pop("confirmed", None)
            state.pop("ended", None)
            call = Call(acc)
            start = time.perf_counter()
            call.makeCall(f"sip:{number}@vpa.test;user=phone", pj.CallOpParam(True))
            pump("confirmed")
            setups.append((state["confirmed"] - start) * 1000)
            call.hangup(pj.CallOpParam())
            pump("ended")
            del call
            end_pace = time.monotonic() + PACE_S
            while time.monotonic() < end_pace:
                ep.libHandleEvents(5)
    finally:
        acc.shutdown()
        del acc
        ep.libDestroy()
    return {"setup_ms": setups, "idle_rss_kib": idle_rss}


# --- baresip as the caller -----------------------------------------------------------------


def _baresip_setups(kam: Any, number: str, calls: int, directory: Path) -> list[float]:
    from tests.fixtures.baresip import start_baresip

    setups: list[float] = []
    with start_baresip(kam, "bob", directory, auto_answer=False) as phone:
        for i in range(calls):
            before = len(phone.events)
            start = time.perf_counter()
            phone.command("dial", f"sip:{number}@{kam.domain}")

            def is_new(event: dict[str, Any], first: int = before) -> bool:
                return phone.events.index(event) >= first

            established = phone.wait_event("CALL_ESTABLISHED", predicate=is_new)
            setups.append((established["received_at"] - start) * 1000)  # on its event
            phone.command("hangup")
            phone.wait_event("CALL_CLOSED", predicate=is_new)
            time.sleep(PACE_S)
            if i == 0:
                time.sleep(0.2)
    return setups


def _run_child(kind: str, proxy: str, password: str, calls: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench.bench_sip", kind, proxy, NUMBER, str(calls), password],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    if done.returncode != 0:
        raise RuntimeError(f"{kind} bench failed ({done.returncode}):\n{done.stderr[-3000:]}")
    # The result is the child's JSON line; bare pjsua2 writes pjlib's start-up and shutdown
    # lines to stdout through C stdio, which a pipe flushes at exit, after it.
    line = next(x for x in reversed(done.stdout.splitlines()) if x.startswith("{"))
    result: dict[str, Any] = json.loads(line)
    return result


def run() -> list[Row]:
    from tests.fixtures.kamailio import start_kamailio
    from tests.fixtures.sipp import start_uas

    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-sip-")))
        (tmp / "kam").mkdir()
        kam = stack.enter_context(start_kamailio(tmp / "kam"))
        uas = stack.enter_context(start_uas(tmp / "sipp"))
        kam.route_number(NUMBER, uas.address)
        proxy = kam.address("udp")
        password = kam.users["alice"]
        # alternate halves, so that a load change on the shared machine hits both sides alike
        bare: dict[str, Any] = {"setup_ms": []}
        ours: dict[str, Any] = {"setup_ms": []}
        for _ in range(2):
            for kind, into in (("bare", bare), ("engine", ours)):
                result = _run_child(kind, proxy, password, CALLS // 2)
                into["setup_ms"] += result["setup_ms"]
                into.setdefault("idle_rss_kib", result["idle_rss_kib"])
        baresip = _baresip_setups(kam, NUMBER, CALLS, tmp / "baresip")

    bare_median = statistics.median(bare["setup_ms"])
    bare_p95 = _p95(bare["setup_ms"])
    our_median = statistics.median(ours["setup_ms"])
    our_p95 = _p95(ours["setup_ms"])
    ratio = our_median / bare_median
    idle_mb = ours["idle_rss_kib"] / 1024
    return [
        Row(
            "sip_setup_median_ratio_vs_bare_pjsua2",
            ratio,
            "x",
            "<= 1.1",
            ratio <= 1.1,
            baseline=bare_median,
        ),
        Row(
            "sip_setup_median_engine",
            our_median,
            "ms",
            "<= 1.1x bare pjsua2",
            our_median <= 1.1 * bare_median,
            baseline=bare_median,
        ),
        Row(
            "sip_setup_p95_engine",
            our_p95,
            "ms",
            "<= 1.1x bare pjsua2 p95",
            our_p95 <= 1.1 * bare_p95,
            baseline=bare_p95,
        ),
        # references: figures of other stacks in the same run, judged by nothing
        Row("sip_setup_median_bare_pjsua2", bare_median, "ms", "reference", None),
        Row("sip_setup_p95_bare_pjsua2", bare_p95, "ms", "reference", None),
        Row(
            "sip_setup_median_baresip_caller",
            statistics.median(baresip),
            "ms",
            "reference",
            None,
        ),
        Row("sip_setup_p95_baresip_caller", _p95(baresip), "ms", "reference", None),
        # the engine alone is not what a VPA meets: bench_day judges the app's memory
        Row(
            "sip_idle_registered_engine_rss (reported)",
            idle_mb,
            "MB",
            "",
            None,
            baseline=bare["idle_rss_kib"] / 1024,
        ),
    ]


def _main(argv: list[str]) -> int:
    kind, proxy, number, calls, password = argv
    child = _child_engine if kind == "engine" else _child_bare
    result = child(proxy, number, int(calls), password)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
