"""The audio devices Qt sees, and which one a role uses (the chosen one, else the default).

Every use of Qt Multimedia in the app starts here (`_audio_io_only`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat, QMediaDevices

from vpaphone.audio.format import CHANNELS, DEVICE_RATE
from vpaphone.audio.settings import DeviceChoice, DeviceRole


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    id: str
    description: str
    is_default: bool


def device_id(device: QAudioDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


_NO_BACKEND_NOTE = "No QtMultimedia backends found"
_audio_io_ready = False


def _audio_io_only() -> None:
    """Start Qt Multimedia without a media backend; a no-op once done.

    The app uses audio devices, QAudioSink/QAudioSource and QSoundEffect, which Qt Multimedia
    implements itself (PulseAudio/PipeWire, WASAPI, CoreAudio). Its media backend plugin (FFmpeg,
    for players, cameras and recorders) would bring libavcodec, QtQuick and QML along: +12 MB
    resident for nothing (measured: 20.7 vs 8.3 MB for a call's audio objects). Qt has no
    setting for "no backend" (an unknown QT_MEDIA_BACKEND falls back to FFmpeg), so the backend
    is chosen, once per process, while the plugin path is empty; Qt keeps that choice.
    """
    global _audio_io_ready  # noqa: PLW0603 - once per process, as Qt keeps its choice
    app = QCoreApplication.instance()
    if _audio_io_ready or app is None:
        return
    _audio_io_ready = True
    paths = QCoreApplication.libraryPaths()

    def quiet(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if _NO_BACKEND_NOTE in message:  # expected here, and alarming in a log
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous: Callable[[QtMsgType, QMessageLogContext, str], None] | None = None
    previous = qInstallMessageHandler(quiet)
    QCoreApplication.setLibraryPaths([])
    try:
        QMediaDevices.audioOutputs()  # makes the integration
    finally:
        QCoreApplication.setLibraryPaths(paths)
        qInstallMessageHandler(previous)


def media_devices(parent: QObject) -> QMediaDevices:
    """A QMediaDevices (device added/removed signals) for `parent`."""
    _audio_io_only()
    return QMediaDevices(parent)


def _devices(role: DeviceRole) -> list[QAudioDevice]:
    _audio_io_only()
    return list(QMediaDevices.audioInputs() if role.is_input else QMediaDevices.audioOutputs())


def list_devices(role: DeviceRole) -> list[DeviceInfo]:
    return [DeviceInfo(device_id(d), d.description(), d.isDefault()) for d in _devices(role)]


def default_device(role: DeviceRole) -> QAudioDevice | None:
    _audio_io_only()
    device = (
        QMediaDevices.defaultAudioInput() if role.is_input else QMediaDevices.defaultAudioOutput()
    )
    if not device.isNull():
        return device
    # Some backends report no default while devices exist: take the first.
    devices = _devices(role)
    return devices[0] if devices else None


def resolve(
    role: DeviceRole, choice: DeviceChoice, present: frozenset[str] | None = None
) -> QAudioDevice | None:
    """The chosen device if present, else the system default; None if there is no device.

    `present`: the ids the sound server reports now (`audio.pulsewatch`), when known: Qt may
    still list a device that is gone."""

    def usable(device: QAudioDevice) -> bool:
        return present is None or device_id(device) in present

    wanted = choice.get(role)
    if wanted is not None:
        for device in _devices(role):
            if device_id(device) == wanted and usable(device):
                return device
    default = default_device(role)
    if default is None or usable(default):
        return default
    return next((d for d in _devices(role) if usable(d)), None)


def pcm_format() -> QAudioFormat:
    fmt = QAudioFormat()
    fmt.setSampleRate(DEVICE_RATE)
    fmt.setChannelCount(CHANNELS)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt
