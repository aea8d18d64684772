"""Does the chosen microphone already come echo-cancelled? Then the app does not cancel twice.

- Linux (verified here, with PulseAudio 16): the source's own description in the sound server,
  asked with `pactl` — PulseAudio's `module-echo-cancel` makes sources whose driver is
  `module-echo-cancel.c`; PipeWire's `echo-cancel` module makes nodes named `echo-cancel-source`
  (recognised by that name; PipeWire itself was not run here).
- Every platform: the device's name, as the OS reports it — PulseAudio's "… (echo cancelled
  with …)", PipeWire's "Echo-Cancel Source", and speakerphones that cancel in their own
  hardware and say so ("Echo Cancelling Speakerphone"; such names were not seen on a real device
  here). Windows' "communications" signal processing and macOS voice processing are not visible
  through Qt's device API: users there switch the app's canceller off in Settings (headset mode).

`detect` is the one entry point; the per-platform part is `_SERVER_PROBES`.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

_PACTL_TIMEOUT_S = 2.0


@dataclass(frozen=True, slots=True)
class SystemEchoCancel:
    """Who cancels the echo before the app sees the microphone (plain English, for logs;
    `kind` is a stable code for the UI)."""

    kind: str  # "pulseaudio", "pipewire" or "device"
    detail: str


_NAME_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"echo.cancelled with", re.IGNORECASE), "pulseaudio"),
    (re.compile(r"echo[-_ ]cancel(?:led|ling)?[-_ ]source", re.IGNORECASE), "pipewire"),
    (re.compile(r"echo[-_ ]cancel(?:ling|ing|ler|er)?\b", re.IGNORECASE), "device"),
)


def from_name(device_id: str, description: str) -> SystemEchoCancel | None:
    """From the names alone (every platform)."""
    for text in (description, device_id):
        for pattern, kind in _NAME_PATTERNS:
            if pattern.search(text):
                return SystemEchoCancel(kind, text)
    return None


@dataclass(frozen=True, slots=True)
class PulseSource:
    name: str
    driver: str
    properties: dict[str, str]


def parse_pactl_sources(text: str) -> list[PulseSource]:
    """`pactl list sources` (run with LC_ALL=C) as sources with driver and properties."""
    sources: list[PulseSource] = []
    name = driver = ""
    props: dict[str, str] = {}
    in_props = False

    def flush() -> None:
        if name:
            sources.append(PulseSource(name, driver, dict(props)))

    for raw in text.splitlines():
        line = raw.strip()
        if raw.startswith("Source #"):
            flush()
            name, driver, props, in_props = "", "", {}, False
        elif line.startswith("Name: "):
            name = line.removeprefix("Name: ")
        elif line.startswith("Driver: "):
            driver = line.removeprefix("Driver: ")
        elif line == "Properties:":
            in_props = True
        elif in_props and " = " in line:
            key, _, value = line.partition(" = ")
            props[key] = value.strip('"')
        elif in_props and line.endswith(":"):
            in_props = False  # the next section (Ports:, Formats:)
    flush()
    return sources


def from_pulse(source: PulseSource) -> SystemEchoCancel | None:
    if "module-echo-cancel" in source.driver:
        return SystemEchoCancel("pulseaudio", f"module-echo-cancel ({source.name})")
    for key in ("node.name", "node.description", "device.description", "factory.name"):
        value = source.properties.get(key, "")
        if "echo-cancel" in value.lower() or "echo_cancel" in value.lower():
            return SystemEchoCancel("pipewire", f"{key}={value}")
    return None


def pulse_sources() -> list[PulseSource] | None:
    """The sound server's sources, or None when it cannot be asked (no pactl, no server)."""
    pactl = shutil.which("pactl")
    if pactl is None:
        return None
    env = {**os.environ, "LC_ALL": "C"}
    try:
        done = subprocess.run(
            [pactl, "list", "sources"],
            capture_output=True,
            text=True,
            timeout=_PACTL_TIMEOUT_S,
            env=env,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.info("could not ask the sound server about echo cancellation: %s", exc)
        return None
    if done.returncode != 0:
        return None
    return parse_pactl_sources(done.stdout)


def _linux_server(device_id: str) -> SystemEchoCancel | None:
    for source in pulse_sources() or []:
        if source.name == device_id:
            return from_pulse(source)
    return None


# platform prefix -> how to ask the sound server about a device id (Qt's id of a PulseAudio
# device is the source's name). Windows and macOS have none that Qt's API reaches.
_SERVER_PROBES: dict[str, Callable[[str], SystemEchoCancel | None]] = {"linux": _linux_server}


def detect(
    device_id: str, description: str, platform: str = sys.platform
) -> SystemEchoCancel | None:
    """Who already cancels echo on this microphone, if anyone can tell: the sound server where
    it can be asked (it knows what made the source), else the names."""
    for prefix, probe in _SERVER_PROBES.items():
        if platform.startswith(prefix):
            found = probe(device_id)
            if found is not None:
                return found
    return from_name(device_id, description)
