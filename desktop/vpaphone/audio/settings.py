"""The user's device choice (microphone, speaker/headset, ringer), persisted by device id.

An id of `None` means "the system default". Stored as JSON in the per-user config directory;
a damaged file is reported and set aside (renamed, not deleted) so that nothing is lost.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from pathlib import Path

from vpaphone import paths

log = logging.getLogger(__name__)

FILE_NAME = "audio-devices.json"


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


def _parse(text: str) -> DeviceChoice:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DeviceSettingsError(f"not JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, dict):
        raise DeviceSettingsError("expected a JSON object")
    values: dict[str, str | None] = {}
    for role in DeviceRole:
        value = data.get(role.value)
        if value is not None and not (isinstance(value, str) and value):
            raise DeviceSettingsError(f"{role.value!r} must be a device id string or null")
        values[role.value] = value
    return DeviceChoice(**values)


def load_choice(path: Path | None = None) -> DeviceChoice:
    """The saved choice, or all defaults when there is none or it is unreadable."""
    path = path or paths.config_dir() / FILE_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return DeviceChoice()
    try:
        return _parse(text)
    except DeviceSettingsError as exc:
        aside = path.with_name(path.name + ".damaged")
        os.replace(path, aside)
        log.warning("audio device settings %s unreadable (%s); kept as %s", path, exc, aside)
        return DeviceChoice()


def save_choice(choice: DeviceChoice, path: Path | None = None) -> None:
    """Atomic write: a crash mid-save leaves the previous choice intact."""
    path = path or paths.config_dir() / FILE_NAME
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(asdict(choice), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
