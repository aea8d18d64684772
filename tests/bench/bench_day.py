"""A VPA's working day, and what it costs: our app next to Twinkle and Linphone Desktop (issue 19).

All three phones run side by side in the same run, under one Xvfb display, registered at the
same Kamailio (127.0.0.1), with audio through the same private PulseAudio (null sinks). The far
end is a real phone: baresip, registered as the customer's number, answering at once and sending
a tone; a tone is also played into the phones' microphone during calls (a silent microphone lets
some phones stop sending). The day, phase by phase:

1. Start with a stored session: the app was signed in once with "Stay signed in" (token in the
   suite's gnome-keyring) and quit; the peers have their account in their configuration. Each is
   started START_ROUNDS times, alternating; time to registered runs from spawning the process to
   Kamailio taking its REGISTER — the event, in Kamailio's own log with its own clock, the same
   for every phone. Each phone was started once before (file cache, first-run set-up).
2. Signed in, registered, idle (SETTLE_S): memory.
3. Typing (the app only: no peer can be told to type into its number field from outside): one
   key first — memory before and two seconds after, and the time from the key event to its
   repaint — then a few numbers as a VPA types them (~8 keys/s).
4. Three calls of CALL_S each (alternating between the phones): dialled to the customer through
   Kamailio, established at the far end (its event), the phone's streams present in PulseAudio,
   the far end's recording of what it heard checked for the tone; CPU over each call; memory
   after the calls.
5. IDLE_S idle, all windows shown: CPU and wake-ups (voluntary context switches of every
   thread, from /proc) in IDLE_WINDOW_S windows; memory after the day. Then the app alone in
   the tray (its window hidden, as closing it to the tray does): wake-ups again.

Memory is PSS (shared library pages divided among the processes that map them: what the phone
adds to a desktop), with RSS beside it; each phone's whole process tree. Figures are medians;
`spread` gives the lowest and highest sample.

Targets (issue 19): PSS after the day ≤ Twinkle's × 1.5 and ≤ the app's signed-in figure +
10 MiB; idle wake-ups ≤ 5/s (window shown, and in the tray); time to registered ≤ 2× Twinkle's;
the first key press adds < 2 MiB (private memory, USS: PSS also moves when other processes map
or unmap what the app shares) and takes < 20 ms. The peers' rows are references (no
pass/fail). The signed-in figure is reported next to Linphone Desktop's (issue 16).
Supersedes bench_idle (issue 17): its window-in-front, tray and Twinkle rows are the idle rows here.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from tests.bench.day_rows import APP, LINPHONE, TWINKLE, PhoneDay, Typing, day_rows
from tests.bench.harness import Row
from tests.bench.phones import AppPhone, LinphonePhone, Phone, PhoneError, TwinklePhone, xvfb
from tests.bench.procstat import Memory, Meter, Rates, memory
from tests.fixtures.baresip import Baresip, start_baresip
from tests.fixtures.kamailio import Kamailio, start_kamailio
from tests.fixtures.pulseaudio import PulseServer, pulse_server
from vpaphone.demo.data import DEMO_PASSWORD, DEMO_USER, DemoUser
from vpaphone.demo.server import DemoServer, DemoState
from vpaphone.demo.tls import make_certificates

APP_SIP_USER = "vpa-demo"
CUSTOMER = "+4922112345678"
TASK = "T-1002"  # back-office telephony DE: a German customer is simply allowed
FIRST_KEY = "0"
NUMBERS = ("0221 12345678", "+49 30 1234567", "0171 2345678", "0221 12345678")  # last is dialled
START_ROUNDS = 3
SETTLE_S = 10.0
AFTER_KEY_S = 2.0
CALLS = 3
CALL_S = 20.0
IDLE_S = 300.0
IDLE_WINDOW_S = 30.0
TRAY_S = 60.0
TONE_HZ = 440

NOT_MEASURED = {
    TWINKLE: "typing: its command line dials by address; no keys can be sent to its field",
    LINPHONE: "typing: its CLI dials by address; no keys can be sent to its QML field",
}


# --- the day -------------------------------------------------------------------------------


class _KamailioState(DemoState):
    """The demo my-vpa, provisioning the demo VPA's SIP account on the bench's Kamailio."""

    kamailio: Kamailio | None = None

    def provisioning(self, user: DemoUser) -> dict[str, Any]:
        data = super().provisioning(user)
        kam = self.kamailio
        assert kam is not None
        data["sip"].update(
            registrar=kam.address("udp"),
            domain=kam.domain,
            username=APP_SIP_USER,
            password=kam.users[APP_SIP_USER],
            register=True,
            outbound_proxy=kam.address("udp"),
        )
        return data


def _say(text: str) -> None:
    print(f"  {text}", flush=True)


def _describe(m: Memory) -> str:
    return f"PSS {m.pss_mib:.1f} MiB, RSS {m.rss_mib:.1f} MiB, USS {m.uss_mib:.1f} MiB"


def _streams(pulse: PulseServer, pid: int) -> tuple[int, int]:
    """(playback, recording) streams PulseAudio has from process `pid`."""
    counts = []
    for kind in ("sink-inputs", "source-outputs"):
        text = pulse.pactl("list", kind)
        counts.append(text.count(f'application.process.id = "{pid}"'))
    return counts[0], counts[1]


def _speech(seconds: float, rate: int = 48_000) -> bytes:
    """Speech-like sound for the microphone: voiced syllables (harmonics of a moving pitch)
    with gaps and pauses. A steady tone would be taken for noise: Twinkle's noise reduction
    fades it out within a second and its VAD then stops sending."""
    rng = np.random.default_rng(19)
    out = np.zeros(int(rate * seconds))
    pos = 0
    while pos < len(out):
        n = int(rate * rng.uniform(0.12, 0.3))
        t = np.arange(n) / rate
        pitch = rng.uniform(110, 220) * (1 + 0.1 * np.sin(2 * np.pi * rng.uniform(2, 5) * t))
        phase = 2 * np.pi * np.cumsum(pitch) / rate
        voiced = sum(np.sin(k * phase) / k for k in range(1, 8)) * np.sin(np.pi * t * rate / n)
        out[pos : pos + n] = (0.25 * voiced)[: len(out) - pos]
        pos += (
            n
            + int(rate * rng.uniform(0.04, 0.15))
            + (int(rate * 0.6) if rng.random() < 0.08 else 0)
        )
    return (out * 32767).clip(-32767, 32767).astype("<i2").tobytes()


def _heard(far: Baresip, before: set[Path]) -> tuple[int, int]:
    """(windows with sound, windows) of 2 s in the far end's recording of this call (what it
    decoded): audio that stopped after a while would leave windows silent."""
    new = [p for p in far.recordings() if p not in before and p.name.endswith("-dec.wav")]
    if not new:
        raise PhoneError("the far end recorded nothing of the call")
    with wave.open(str(new[-1])) as recording:
        rate, channels = recording.getframerate(), recording.getnchannels()
        samples = np.frombuffer(recording.readframes(recording.getnframes()), dtype="<i2")
    block = rate // 10 * channels
    blocks = samples[: len(samples) // block * block].reshape(-1, block).astype(float)
    loud = np.sqrt(np.mean(blocks**2, axis=1)) > 300
    windows = [loud[i : i + 20] for i in range(0, len(loud) - 19, 20)]
    return sum(bool(w.any()) for w in windows), len(windows)


def _call(phone: Phone, far: Baresip, pulse: PulseServer, uri: str) -> Rates:
    """One call of CALL_S: established at the far end, audio both ways, CPU over the call."""
    before = set(far.recordings())
    first = len(far.events)
    player = pulse.play("mic_feed_desk", _speech(CALL_S + 8))
    try:
        phone.dial(uri)
        far.wait_event(
            "CALL_ESTABLISHED", timeout=20, predicate=lambda e: far.events.index(e) >= first
        )
        if isinstance(phone, AppPhone):
            phone.expect("CONNECTED", timeout=10)
        meter = Meter(phone.pid)
        meter.start()
        time.sleep(2)
        playing, recording = _streams(pulse, phone.pid)
        if not (playing and recording):
            raise PhoneError(f"{phone.name}: no audio streams in PulseAudio during the call")
        time.sleep(CALL_S - 2)
        rates = meter.lap()
        phone.hang_up()
        far.wait_event("CALL_CLOSED", timeout=20, predicate=lambda e: far.events.index(e) >= first)
        if isinstance(phone, AppPhone):
            phone.expect("ENDED", timeout=10)
    finally:
        player.terminate()
        player.wait(timeout=5)
    time.sleep(1)  # the far end closes its recording
    heard, windows = _heard(far, before)
    if windows < CALL_S / 2 - 1 or heard < windows * 0.8:
        raise PhoneError(
            f"{phone.name}: the far end heard sound in {heard} of {windows} 2-s windows"
        )
    codecs = [line for line in far.log().splitlines() if "Set audio decoder" in line]
    codec = codecs[-1].split(":", 2)[-1].strip() if codecs else "?"
    _say(
        f"{phone.name}: call CPU {rates.cpu_pct:.2f} %, far end heard sound in {heard}/{windows}"
        f" ({codec})"
    )
    return rates


@contextlib.contextmanager
def _world(base: Path) -> Iterator[tuple[PulseServer, Kamailio, Baresip, str, DemoServer]]:
    users = {
        APP_SIP_USER: "app-line-secret",
        TwinklePhone.user: "twinkle-secret",
        LinphonePhone.user: "linphone-secret",
        CUSTOMER: "customer-secret",
    }
    (base / "kam").mkdir()
    with contextlib.ExitStack() as stack:
        pulse = stack.enter_context(pulse_server())
        kam = stack.enter_context(start_kamailio(base / "kam", users=users))
        far = stack.enter_context(start_baresip(kam, CUSTOMER, base / "far", tone_hz=TONE_HZ))
        display = stack.enter_context(xvfb())
        state = _KamailioState()
        state.kamailio = kam
        certificates = make_certificates(base / "tls")
        server = DemoServer(state, certificates).start()
        stack.callback(server.stop)
        yield pulse, kam, far, display, server


def _environments(base: Path, display: str, server: DemoServer) -> dict[str, dict[str, str]]:
    common = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", LANG="C.UTF-8")
    envs = {}
    for name in (APP, TWINKLE, LINPHONE):
        home = base / name.replace(" ", "-").lower()
        env = dict(common, HOME=str(home))
        for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[variable] = str(home / variable.lower())
        home.mkdir()
        envs[name] = env
    assert server.certificates is not None
    envs[APP].update(
        VPAPHONE_MYVPA_URL=server.base_url, VPAPHONE_CA_BUNDLE=str(server.certificates.ca_file)
    )
    return envs


def _sample(phones: dict[str, Phone], days: dict[str, PhoneDay], phase: str) -> None:
    for name, phone in phones.items():
        measured = memory(phone.pid)
        setattr(days[name], phase, measured)
        _say(f"{name} {phase}: {_describe(measured)}")


def _typing(app: AppPhone) -> Typing:
    before = memory(app.pid)
    app.send(f"type {FIRST_KEY}")
    first = float(app.expect("TYPED").split()[1])
    time.sleep(AFTER_KEY_S)
    after_first = memory(app.pid)
    keys: list[float] = []
    for number in NUMBERS:
        app.send(f"type {number}")
        keys += [float(t) for t in app.expect("TYPED").split(" ", 1)[1].split(",")]
    time.sleep(AFTER_KEY_S)
    after = memory(app.pid)
    _say(f"first key {first:.1f} ms: {_describe(before)} -> {_describe(after_first)}")
    _say(f"after typing: {_describe(after)}; keys {sorted(round(k, 1) for k in keys)} ms")
    return Typing(before, after_first, after, first, keys)


def _idle(phones: dict[str, Phone], seconds: float, into: Callable[[str], list[Rates]]) -> None:
    meters = {name: Meter(phone.pid) for name, phone in phones.items()}
    for meter in meters.values():
        meter.start()
    for _ in range(round(seconds / IDLE_WINDOW_S)):
        time.sleep(IDLE_WINDOW_S)
        for name, meter in meters.items():
            rates = meter.lap()
            into(name).append(rates)
            _say(
                f"{name} idle: {rates.wakeups_per_s:.2f} wake-ups/s, CPU {rates.cpu_pct:.3f} %; "
                f"busiest {rates.busiest[:3]}"
            )


@dataclass
class World:
    pulse: PulseServer
    kam: Kamailio
    far: Baresip
    base: Path
    envs: dict[str, dict[str, str]]


def _app_phone(kam: Kamailio, home: Path, env: dict[str, str]) -> AppPhone:
    phone = AppPhone(kam, home, env, APP_SIP_USER)
    phone.dial_text = NUMBERS[-1]
    return phone


def _make_phones(world: World, names: tuple[str, ...]) -> dict[str, Phone]:
    kam, base, envs = world.kam, world.base, world.envs
    makers: dict[str, Callable[[], Phone]] = {
        APP: lambda: _app_phone(kam, base / "vpaphone", envs[APP]),
        TWINKLE: lambda: TwinklePhone(kam, base / "twinkle", envs[TWINKLE]),
        LINPHONE: lambda: LinphonePhone(kam, base / "linphone-desktop", envs[LINPHONE]),
    }
    return {name: makers[name]() for name in names}


def _live_day(world: World, days: dict[str, PhoneDay], names: tuple[str, ...]) -> None:
    """The day for the phones `names`, side by side."""
    with contextlib.ExitStack() as stack:
        phones = _make_phones(world, names)
        for phone in phones.values():
            stack.callback(phone.stop)
        app = phones.get(APP)
        assert app is None or isinstance(app, AppPhone)

        # first start: the app signs in once and stays signed in; the peers set themselves up
        for phone in phones.values():
            phone.start()
            if isinstance(phone, AppPhone):
                phone.expect("ATTACHED")
                phone.send(f"sign-in {DEMO_USER} {DEMO_PASSWORD}")
                phone.expect("SIGNED_IN")
            phone.wait_registered()
            phone.stop()

        for round_ in range(START_ROUNDS):
            for name, phone in phones.items():
                phone.start()
                days[name].registered_s.append(phone.wait_registered())
                if round_ < START_ROUNDS - 1:
                    phone.stop()
        for name in phones:
            times = [round(s * 1000) for s in days[name].registered_s]
            _say(f"{name}: registered after {times} ms")
        if app is not None:
            app.expect("SIGNED_IN")  # the stored session, resumed
            steps = {e: app.since_start(e) for e in ("ATTACHED", "SIGNED_IN", "REGISTERED")}
            _say(f"app, last start: {[(e, round(s * 1000)) for e, s in steps.items() if s]} ms")
            app.send(f"task {TASK}")
            app.expect("DONE task")

        time.sleep(SETTLE_S)
        _sample(phones, days, "signed_in")
        if app is not None:
            days[APP].typing = _typing(app)

        uri = f"sip:{CUSTOMER}@{world.kam.domain}"
        for _ in range(CALLS):
            for name, phone in phones.items():
                days[name].calls.append(_call(phone, world.far, world.pulse, uri))
        _sample(phones, days, "after_calls")

        _idle(phones, IDLE_S, lambda name: days[name].idle)
        _sample(phones, days, "after_day")
        if app is not None:
            app.send("tray")
            app.expect("DONE tray")
            _idle({APP: app}, TRAY_S, lambda _name: days[APP].tray)


def run() -> list[Row]:
    """Both days. The app's runs beside Twinkle's; Linphone Desktop's after them, alone: it
    maps the same Qt 5 libraries as Twinkle, and sharing those pages would lower both peers'
    PSS. (This benchmark's own process loads neither Qt nor pjsua2, for the same reason.)
    """
    began = time.monotonic()
    load = os.getloadavg()
    days = {name: PhoneDay() for name in (APP, TWINKLE, LINPHONE)}
    with tempfile.TemporaryDirectory(prefix="bench-day-") as tmp, contextlib.ExitStack() as stack:
        base = Path(tmp)
        pulse, kam, far, display, server = stack.enter_context(_world(base))
        world = World(pulse, kam, far, base, _environments(base, display, server))
        _live_day(world, days, (APP, TWINKLE))
        _live_day(world, days, (LINPHONE,))
    minutes = (time.monotonic() - began) / 60
    _say(
        f"the days took {minutes:.1f} min; load average at the start {load}, "
        f"at the end {os.getloadavg()}"
    )
    for name, why in NOT_MEASURED.items():
        _say(f"not measured for {name}: {why}")
    return day_rows(days)
