"""The audio devices Qt sees, and which one a role uses (the chosen one, else the default)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QMediaDevices

from vpaphone.audio.format import CHANNELS, RATE
from vpaphone.audio.settings import DeviceChoice, DeviceRole


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    id: str
    description: str
    is_default: bool


def device_id(device: QAudioDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def _devices(role: DeviceRole) -> list[QAudioDevice]:
    return list(QMediaDevices.audioInputs() if role.is_input else QMediaDevices.audioOutputs())


def list_devices(role: DeviceRole) -> list[DeviceInfo]:
    return [DeviceInfo(device_id(d), d.description(), d.isDefault()) for d in _devices(role)]


def default_device(role: DeviceRole) -> QAudioDevice | None:
    device = (
        QMediaDevices.defaultAudioInput() if role.is_input else QMediaDevices.defaultAudioOutput()
    )
    if not device.isNull():
        return device
    # Some backends report no default while devices exist: take the first.
    devices = _devices(role)
    return devices[0] if devices else None


def resolve(role: DeviceRole, choice: DeviceChoice) -> QAudioDevice | None:
    """The chosen device if present, else the system default; None if there is no device."""
    wanted = choice.get(role)
    if wanted is not None:
        for device in _devices(role):
            if device_id(device) == wanted:
                return device
    return default_device(role)


def pcm_format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(RATE)
    fmt.setChannelCount(CHANNELS)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt
