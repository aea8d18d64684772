"""Audio lines for `vpaphone diagnose`: what Qt sees, what the user chose, and the media clock."""

from __future__ import annotations

import time

import pjsua2 as pj

from vpaphone.audio.buffer import PcmBuffer
from vpaphone.audio.devices import list_devices
from vpaphone.audio.format import FRAME_MS
from vpaphone.audio.port import BridgePort, destroy_port
from vpaphone.audio.settings import DeviceRole, load_choice
from vpaphone.audio.status import probe
from vpaphone.texts.audio import audio_problem_text

NULL_DEVICE_PROBE_S = 0.3


def device_lines() -> list[tuple[str, str]]:
    """Needs a Qt application object."""
    lines: list[tuple[str, str]] = []
    for role, label in ((DeviceRole.SPEAKER, "outputs"), (DeviceRole.MICROPHONE, "inputs")):
        devices = list_devices(role)
        lines.append((label, str(len(devices)) if devices else "none"))
        lines.extend(
            (f"  {d.id}", d.description + ("  (system default)" if d.is_default else ""))
            for d in devices
        )
    status = probe(load_choice())
    lines.append(("call microphone", status.microphone or "none"))
    lines.append(("call speaker", status.speaker or "none"))
    lines.append(("ringer", status.ringer or "none"))
    lines.extend(("problem", audio_problem_text(problem)) for problem in status.issues)
    return lines


def null_device_line() -> tuple[str, str]:
    """Runs pjmedia's null device with a bridge port looped onto itself and counts frames.

    Needs a process without a pjsua2 Endpoint of its own (pjsua2 allows one per process).
    """
    ep = pj.Endpoint()
    ep.libCreate()
    try:
        cfg = pj.EpConfig()
        cfg.uaConfig.threadCnt = 0
        cfg.uaConfig.mainThreadOnly = True
        cfg.logConfig.level = 0
        cfg.logConfig.consoleLevel = 0
        ep.libInit(cfg)
        ep.audDevManager().setNullDev()
        ep.libStart()
        port = BridgePort(PcmBuffer(), PcmBuffer())
        port.startTransmit(port)
        end = time.monotonic() + NULL_DEVICE_PROBE_S
        while time.monotonic() < end:
            ep.libHandleEvents(10)
        port.stopTransmit(port)
        frames, errors = port.frames_received, port.callback_errors
        destroy_port(port)
    finally:
        ep.libDestroy(pj.PJSUA_DESTROY_NO_RX_MSG)  # no SIP was sent: skip pjsua's 1 s sleep
        pj._pjsua2.delete_Endpoint(ep)
    expected = NULL_DEVICE_PROBE_S * 1000 / FRAME_MS
    works = frames >= expected * 0.5 and errors == 0
    verdict = "works" if works else "NOT WORKING"
    return (
        "pjsua2 null device",
        f"{verdict}: {frames} frames in {NULL_DEVICE_PROBE_S:.1f} s "
        f"(expected ~{expected:.0f}), {errors} callback errors",
    )
