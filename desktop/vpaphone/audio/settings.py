"""The user's audio settings: the devices (microphone, speaker/headset, ringer, persisted by
device id) and the voice processing (which stages clean the microphone).

An id of `None` means "the system default". Each is stored as JSON in the per-user config
directory; a damaged file is reported and set aside (renamed, not deleted) so that nothing is lost.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from vpaphone import paths

log = logging.getLogger(__name__)
T = TypeVar("T")

FILE_NAME = "audio-devices.json"
PROCESSING_FILE_NAME = "audio-processing.json"


class DeviceRole(StrEnum):
    MICROPHONE = "microphone"
    SPEAKER = "speaker"  # the call's audio: speaker or headset
    RINGER = "ringer"  # where incoming calls ring (often the loud speakers, not the headset)

    @property
    def is_input(self) -> bool:
        return self is DeviceRole.MICROPHONE


@dataclass(frozen=True, slots=True)
class DeviceChoice:
    microphone: str | None = None
    speaker: str | None = None
    ringer: str | None = None

    def get(self, role: DeviceRole) -> str | None:
        value: str | None = getattr(self, role.value)
        return value

    def with_device(self, role: DeviceRole, device_id: str | None) -> DeviceChoice:
        return replace(self, **{role.value: device_id})


class DeviceSettingsError(ValueError):
    pass


def _json_object(text: str) -> dict[str, object]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DeviceSettingsError(f"not JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, dict):
        raise DeviceSettingsError("expected a JSON object")
    return data


def _parse(text: str) -> DeviceChoice:
    data = _json_object(text)
    values: dict[str, str | None] = {}
    for role in DeviceRole:
        value = data.get(role.value)
        if value is not None and not (isinstance(value, str) and value):
            raise DeviceSettingsError(f"{role.value!r} must be a device id string or null")
        values[role.value] = value
    return DeviceChoice(**values)


@dataclass(frozen=True, slots=True)
class ProcessingChoice:
    """Which voice-processing stages run on the microphone (`voice.VoiceStage`); all on by default.

    Headset mode is echo cancellation off: a headset's earpiece does not reach its microphone.
    """

    echo_cancellation: bool = True
    noise_suppression: bool = True
    high_pass_filter: bool = True
    auto_gain: bool = True

    @property
    def any(self) -> bool:
        return any(asdict(self).values())


def _parse_processing(text: str) -> ProcessingChoice:
    data = _json_object(text)
    values: dict[str, bool] = {}
    for name in ProcessingChoice.__dataclass_fields__:
        value = data.get(name, True)
        if not isinstance(value, bool):
            raise DeviceSettingsError(f"{name!r} must be true or false")
        values[name] = value
    return ProcessingChoice(**values)


def _load(path: Path, parse: Callable[[str], T], default: T, what: str) -> T:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return default
    try:
        return parse(text)
    except DeviceSettingsError as exc:
        aside = path.with_name(path.name + ".damaged")
        os.replace(path, aside)
        log.warning("%s %s unreadable (%s); kept as %s", what, path, exc, aside)
        return default


def _save(data: object, path: Path) -> None:
    """Atomic write: a crash mid-save leaves the previous settings intact."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def load_choice(path: Path | None = None) -> DeviceChoice:
    """The saved choice, or all defaults when there is none or it is unreadable."""
    path = path or paths.config_dir() / FILE_NAME
    return _load(path, _parse, DeviceChoice(), "audio device settings")


def save_choice(choice: DeviceChoice, path: Path | None = None) -> None:
    _save(asdict(choice), path or paths.config_dir() / FILE_NAME)


def load_processing(path: Path | None = None) -> ProcessingChoice:
    """The saved voice-processing choice, or all on when there is none or it is unreadable."""
    path = path or paths.config_dir() / PROCESSING_FILE_NAME
    return _load(path, _parse_processing, ProcessingChoice(), "voice processing settings")


def save_processing(choice: ProcessingChoice, path: Path | None = None) -> None:
    _save(asdict(choice), path or paths.config_dir() / PROCESSING_FILE_NAME)
