"""What is wrong with the audio devices, as codes (plain data: the texts and the CLI use it)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from vpaphone.audio.settings import DeviceRole


class ProblemKind(enum.StrEnum):
    NO_DEVICES = "no_devices"
    NO_MICROPHONE = "no_microphone"
    NO_SPEAKER = "no_speaker"
    CHOSEN_MISSING = "chosen_missing"  # the chosen device is gone; `role` uses `fallback`


@dataclass(frozen=True, slots=True)
class AudioProblem:
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
    issues: tuple[AudioProblem, ...] = ()  # most important first

    @property
    def can_talk(self) -> bool:
        """Both directions of a call have a device."""
        return self.microphone is not None and self.speaker is not None
