"""What the user can expect from audio right now, in words the UI shows before they dial."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from vpaphone.audio.devices import device_id, list_devices, media_devices, resolve
from vpaphone.audio.settings import DeviceChoice, DeviceRole

_ROLE_WORDS = {
    DeviceRole.MICROPHONE: "microphone",
    DeviceRole.SPEAKER: "speaker/headset",
    DeviceRole.RINGER: "ringer",
}


class ProblemKind(enum.StrEnum):
    NO_DEVICES = "no_devices"
    NO_MICROPHONE = "no_microphone"
    NO_SPEAKER = "no_speaker"
    CHOSEN_MISSING = "chosen_missing"  # the chosen device is gone; `role` uses `fallback`


@dataclass(frozen=True, slots=True)
class AudioProblem:
    """A problem as a stable code, for the UI to put into its own language."""

    kind: ProblemKind
    role: DeviceRole | None = None
    fallback: str | None = None  # description of the device used instead


@dataclass(frozen=True, slots=True)
class AudioStatus:
    inputs: int
    outputs: int
    # Description of the device each role will use; None when there is none.
    microphone: str | None
    speaker: str | None
    ringer: str | None
    problems: tuple[str, ...]  # plain English sentences (diagnostics), most important first
    issues: tuple[AudioProblem, ...] = ()  # the same problems as codes, in the same order

    @property
    def can_talk(self) -> bool:
        """Both directions of a call have a device."""
        return self.microphone is not None and self.speaker is not None


def probe(choice: DeviceChoice) -> AudioStatus:
    """Reads Qt's device lists (needs a Qt application object) and names every problem."""
    inputs = list_devices(DeviceRole.MICROPHONE)
    outputs = list_devices(DeviceRole.SPEAKER)
    used: dict[DeviceRole, str | None] = {}
    problems: list[str] = []
    issues: list[AudioProblem] = []
    if not inputs and not outputs:
        issues.append(AudioProblem(ProblemKind.NO_DEVICES))
        problems.append(
            "No audio devices found: the sound system (PulseAudio/PipeWire on Linux) may not be "
            "running. Calls can be placed, but nobody will hear anything."
        )
    elif not inputs:
        issues.append(AudioProblem(ProblemKind.NO_MICROPHONE))
        problems.append("No microphone found: the other party will not hear you.")
    elif not outputs:
        issues.append(AudioProblem(ProblemKind.NO_SPEAKER))
        problems.append("No speaker or headset found: you will not hear the other party.")
    for role in DeviceRole:
        device = resolve(role, choice)
        used[role] = device.description() if device is not None else None
        wanted = choice.get(role)
        if device is not None and wanted is not None and device_id(device) != wanted:
            issues.append(AudioProblem(ProblemKind.CHOSEN_MISSING, role, device.description()))
            problems.append(
                f"The chosen {_ROLE_WORDS[role]} is not connected; using "
                f"{device.description()!r} instead."
            )
    return AudioStatus(
        inputs=len(inputs),
        outputs=len(outputs),
        microphone=used[DeviceRole.MICROPHONE],
        speaker=used[DeviceRole.SPEAKER],
        ringer=used[DeviceRole.RINGER],
        problems=tuple(problems),
        issues=tuple(issues),
    )


class AudioStatusWatcher(QObject):
    """Keeps `status` current as devices come and go; `changed` carries the new AudioStatus."""

    changed = Signal(object)

    def __init__(self, choice: DeviceChoice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choice = choice
        self.status = probe(choice)
        self._devices = media_devices(self)
        self._devices.audioInputsChanged.connect(self.refresh)
        self._devices.audioOutputsChanged.connect(self.refresh)

    def set_choice(self, choice: DeviceChoice) -> None:
        self._choice = choice
        self.refresh()

    def refresh(self) -> None:
        status = probe(self._choice)
        if status != self.status:
            self.status = status
            self.changed.emit(status)
