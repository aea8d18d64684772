"""The phones bench_day runs through a working day: our app, Twinkle and Linphone Desktop.

Each runs as its own process under one Xvfb display, with its own home, registered at the
bench's Kamailio, playing and recording through the bench's PulseAudio (null sinks): the app and
Linphone Desktop through libpulse, Twinkle through ALSA's pulse plugin. Each is driven only
through what it offers for scripting:

- the app: `tests.bench.day_probe` (commands on standard input, events on standard output);
- Twinkle 1.10: `twinkle --call URI --immediate` and `twinkle --cmd bye`, which hand the command
  to the running instance;
- Linphone Desktop 4.4: `linphone --config RC "call sip-address=URI"` and `linphone … bye`, which
  its single-application channel hands to the running instance.

Their profiles are the suite's (`tests.fixtures.twinkle.write_profile`,
`tests.fixtures.linphone.linphonerc`), with Twinkle's sound to PulseAudio and Linphone's echo
canceller on, as a user has it.

Neither peer can be told to type into its number field from outside, so only the app's typing
is measured (the peers' CLIs dial by address); that is said in the report, not filled in.
Every process started here is stopped by `stop()` (SIGTERM, then SIGKILL) and dies with the
bench (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from tests.fixtures import twinkle
from tests.fixtures.kamailio import Kamailio, die_with_parent, free_port
from tests.fixtures.linphone import linphonerc
from tests.fixtures.processes import stop_group

ROOT = Path(__file__).resolve().parents[2]


class PhoneError(RuntimeError):
    pass


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A private X server (`Xvfb`, display number picked by the server); yields ":N"."""
    if shutil.which("Xvfb") is None:
        raise PhoneError("Xvfb is missing (apt-get install xvfb; make bench does)")
    reader, writer = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(writer), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(writer,),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=die_with_parent,  # noqa: PLW1509 (one prctl call, see there)
    )
    os.close(writer)
    try:
        with os.fdopen(reader) as lines:
            number = lines.readline().strip()
        if not number.isdigit():
            raise PhoneError(f"Xvfb did not start (exit {process.poll()})")
        yield f":{number}"
    finally:
        stop_group(process)


class Phone:
    """One running softphone. `started` is time.time() at spawn (Kamailio's clock too)."""

    name = "phone"
    user = ""

    def __init__(self, kam: Kamailio, home: Path, env: dict[str, str]) -> None:
        self.kam = kam
        self.home = home
        self.env = env
        self.process: subprocess.Popen[str] | None = None
        self.started = 0.0

    @property
    def pid(self) -> int:
        if self.process is None:
            raise PhoneError(f"{self.name} is not running")
        return self.process.pid

    def command(self) -> list[str]:
        raise NotImplementedError

    def start(self) -> None:
        self.started = time.time()
        self.process = subprocess.Popen(
            self.command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=(self.home / "stderr.log").open("a"),
            text=True,
            env=self.env,
            cwd=ROOT,
            start_new_session=True,
            preexec_fn=die_with_parent,  # noqa: PLW1509 (one prctl call, see there)
        )

    def wait_registered(self, timeout: float = 30.0) -> float:
        """Seconds from spawn to Kamailio taking the REGISTER (its own log, its own clock)."""
        deadline = time.monotonic() + timeout
        while (at := self.kam.registered_at(self.user, self.started)) is None:
            if self.process is None or self.process.poll() is not None:
                raise PhoneError(f"{self.name} ended before it registered: {self.log_tail()}")
            if time.monotonic() > deadline:
                raise PhoneError(f"{self.name} did not register in {timeout} s: {self.log_tail()}")
            time.sleep(0.05)  # reading the log later does not move the event's time
        return at - self.started

    def dial(self, uri: str) -> None:
        raise NotImplementedError

    def hang_up(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        if self.process is not None:
            stop_group(self.process, grace_s=10)
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
            self.process = None

    def log_tail(self) -> str:
        path = self.home / "stderr.log"
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def tool(self) -> list[str]:
        """How a second invocation reaches the running phone."""
        return self.command()[:1]

    def _tool(self, *args: str) -> None:
        """A second invocation of the peer that hands a command to the running one."""
        done = subprocess.run(
            [*self.tool(), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        if done.returncode != 0:
            raise PhoneError(f"{self.name} {' '.join(args)}: exit {done.returncode}")


class AppPhone(Phone):
    """Our app (`tests.bench.day_probe`); its output lines are read on a thread into a queue."""

    name = "vpaphone"

    def __init__(self, kam: Kamailio, home: Path, env: dict[str, str], user: str) -> None:
        super().__init__(kam, home, env)
        self.user = user
        self._lines: queue.Queue[str] = queue.Queue()
        self.seen: dict[str, float] = {}
        self.dial_text = ""  # the number as typed into the number field

    def command(self) -> list[str]:
        return [sys.executable, "-m", "tests.bench.day_probe"]

    def start(self) -> None:
        super().start()
        self._lines = queue.Queue()
        self.seen = {}  # first line of each kind: when it arrived
        assert self.process is not None
        assert self.process.stdout is not None
        stdout = self.process.stdout
        threading.Thread(target=self._read, args=(stdout, self._lines), daemon=True).start()

    def _read(self, stream: object, into: queue.Queue[str]) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.seen.setdefault(line.split(" ", 1)[0].strip(), time.time())
            into.put(line.rstrip("\n"))
        into.put("EXITED")

    def since_start(self, event: str) -> float | None:
        """Seconds from spawn to the app's first `event` line (ATTACHED, SIGNED_IN…)."""
        at = self.seen.get(event)
        return None if at is None else at - self.started

    def send(self, line: str) -> None:
        assert self.process is not None
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def expect(self, prefix: str, timeout: float = 30.0) -> str:
        """The next output line starting with `prefix` (others are skipped)."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise PhoneError(f"the app did not say {prefix} in {timeout} s")
            try:
                line = self._lines.get(timeout=remaining)
            except queue.Empty:
                continue
            if line.startswith(("FAILED", "EXITED")):
                raise PhoneError(f"the app, waiting for {prefix}: {line} {self.log_tail()}")
            if line.startswith(prefix):
                return line

    def dial(self, uri: str) -> None:
        """Types the number (`dial_text`, as the VPA types it) and clicks Call: after a call the
        field starts empty again, as for a VPA."""
        self.send(f"type {self.dial_text}")
        self.expect("TYPED")
        self.send("call")
        self.expect("DONE call")

    def hang_up(self) -> None:
        self.send("hangup")
        self.expect("DONE hangup")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(OSError):
                self.send("quit")  # as Quit from the menu: unregisters, ends cleanly
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=20)
        super().stop()


class TwinklePhone(Phone):
    name = "Twinkle"
    user = "twinkle"

    def __init__(self, kam: Kamailio, home: Path, env: dict[str, str]) -> None:
        super().__init__(kam, home, env)
        self.ports = (free_port(), free_port())  # SIP, RTP

    def command(self) -> list[str]:
        return twinkle.command(*self.ports)

    def start(self) -> None:
        if shutil.which("twinkle") is None:
            raise PhoneError("twinkle is missing (apt-get install twinkle; make test does)")
        # ALSA's default device is the bench's PulseAudio (libasound2-plugins)
        twinkle.write_profile(self.home, self.kam, self.user, asoundrc=twinkle.PULSE_ALSA)
        super().start()

    def dial(self, uri: str) -> None:
        self._tool("--call", uri, "--immediate")

    def hang_up(self) -> None:
        self._tool("--cmd", "bye")


class LinphonePhone(Phone):
    name = "Linphone Desktop"
    user = "linphone"

    def start(self) -> None:
        if shutil.which("linphone") is None:
            raise PhoneError(
                "linphone is missing (apt-get install linphone-desktop; make bench does)"
            )
        (self.home / "linphonerc").write_text(
            linphonerc(self.kam, self.user, free_port(), free_port(), echo_canceller=True)
        )
        super().start()

    def command(self) -> list[str]:
        return ["linphone", "--config", str(self.home / "linphonerc")]

    def tool(self) -> list[str]:
        return self.command()  # the same config: the same single-application channel

    def dial(self, uri: str) -> None:
        self._tool(f"call sip-address={uri}")

    def hang_up(self) -> None:
        self._tool("bye")
