"""What the user can expect from audio right now (`vpaphone.texts.audio` says it in words)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from vpaphone.audio.devices import device_id, list_devices, media_devices, resolve
from vpaphone.audio.problems import AudioProblem, AudioStatus, ProblemKind
from vpaphone.audio.settings import DeviceChoice, DeviceRole

__all__ = ["AudioProblem", "AudioStatus", "AudioStatusWatcher", "ProblemKind", "probe"]


def probe(choice: DeviceChoice) -> AudioStatus:
    """Reads Qt's device lists (needs a Qt application object) and names every problem."""
    inputs = list_devices(DeviceRole.MICROPHONE)
    outputs = list_devices(DeviceRole.SPEAKER)
    used: dict[DeviceRole, str | None] = {}
    issues: list[AudioProblem] = []
    if not inputs and not outputs:
        issues.append(AudioProblem(ProblemKind.NO_DEVICES))
    elif not inputs:
        issues.append(AudioProblem(ProblemKind.NO_MICROPHONE))
    elif not outputs:
        issues.append(AudioProblem(ProblemKind.NO_SPEAKER))
    for role in DeviceRole:
        device = resolve(role, choice)
        used[role] = device.description() if device is not None else None
        wanted = choice.get(role)
        if device is not None and wanted is not None and device_id(device) != wanted:
            issues.append(AudioProblem(ProblemKind.CHOSEN_MISSING, role, device.description()))
    return AudioStatus(
        inputs=len(inputs),
        outputs=len(outputs),
        microphone=used[DeviceRole.MICROPHONE],
        speaker=used[DeviceRole.SPEAKER],
        ringer=used[DeviceRole.RINGER],
        issues=tuple(issues),
    )


class AudioStatusWatcher(QObject):
    """Keeps `status` current as devices come and go; `changed` carries the new AudioStatus."""

    changed = Signal(AudioStatus)

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
