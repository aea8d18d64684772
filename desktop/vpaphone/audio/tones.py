"""Ringtone, call-progress tones, DTMF key feedback and the speaker test, on the right device.

The ringtone plays on the ringer device, everything else on the call's speaker/headset. Sounds
are the WAV files in `resources/sounds/` (see its README for how they are made and their
licence), played with QSoundEffect: low latency, looping, and a device choice per sound.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QSoundEffect

from vpaphone import paths
from vpaphone.audio.devices import resolve
from vpaphone.audio.settings import DeviceChoice, DeviceRole


class Tone(Enum):
    """A sound, where it plays and how often (`QSoundEffect.Loop.Infinite` = until stopped)."""

    RINGTONE = ("ringtone", DeviceRole.RINGER, -2)
    RINGBACK = ("ringback", DeviceRole.SPEAKER, -2)
    CALL_WAITING = ("call_waiting", DeviceRole.SPEAKER, -2)  # quiet, over the running call
    BUSY = ("busy", DeviceRole.SPEAKER, 4)  # ~4 s, then the UI shows the reason
    FAILURE = ("failure", DeviceRole.SPEAKER, 2)
    SPEAKER_TEST = ("speaker_test", DeviceRole.SPEAKER, 1)

    def __init__(self, file_stem: str, role: DeviceRole, loops: int) -> None:
        self.file_stem = file_stem
        self.role = role
        self.loops = loops


DTMF_KEYS = "0123456789*#"
_DTMF_STEMS = {"*": "dtmf_star", "#": "dtmf_hash"}


def sound_file(stem: str) -> QUrl:
    path = paths.resource("sounds", f"{stem}.wav")
    if not path.is_file():
        raise FileNotFoundError(f"sound {path} is missing; run resources/sounds/generate_tones.py")
    return QUrl.fromLocalFile(str(path))


class TonePlayer(QObject):
    """One looping tone at a time (a new one replaces the old), plus DTMF clicks on top."""

    def __init__(self, choice: DeviceChoice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choice = choice
        self._effects: dict[str, QSoundEffect] = {}
        self.current: Tone | None = None

    def set_choice(self, choice: DeviceChoice) -> None:
        self._choice = choice

    def play(self, tone: Tone) -> None:
        self.stop()
        if self._start(tone.file_stem, tone.role, tone.loops):
            self.current = tone

    def stop(self) -> None:
        if self.current is not None:
            self._effects[self.current.file_stem].stop()
            self.current = None

    def key_click(self, key: str) -> None:
        """Feedback for a dial-pad key (the DTMF pair the far end will get)."""
        if len(key) != 1 or key not in DTMF_KEYS:
            raise ValueError(f"not a DTMF key: {key!r} (expected one of {DTMF_KEYS})")
        self._start(_DTMF_STEMS.get(key, f"dtmf_{key}"), DeviceRole.SPEAKER, 1)

    def is_playing(self) -> bool:
        return self.current is not None and self._effects[self.current.file_stem].isPlaying()

    def _start(self, stem: str, role: DeviceRole, loops: int) -> bool:
        """Starts the tone; False when there is no output device to play it on."""
        device = resolve(role, self._choice)
        if device is None:
            return False  # no output device at all: AudioStatus already tells the user
        effect = self._effects.get(stem)
        if effect is None:
            effect = QSoundEffect(self)
            effect.setSource(sound_file(stem))
            self._effects[stem] = effect
        effect.stop()
        effect.setAudioDevice(device)
        effect.setLoopCount(loops)
        effect.play()
        return True
