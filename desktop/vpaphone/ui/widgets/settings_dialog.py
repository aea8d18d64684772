"""Settings: audio devices (with microphone meter and speaker test), voice processing, and
general preferences.

Device and voice-processing choices are saved by `vpaphone.audio.settings` (their own files);
the general preferences in QSettings under the keys below, which the shell reads at start.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vpaphone import APP_DISPLAY_NAME, __version__
from vpaphone.audio.devices import device_id, list_devices, resolve
from vpaphone.audio.meter import MicLevelMonitor
from vpaphone.audio.settings import (
    DeviceChoice,
    DeviceRole,
    ProcessingChoice,
    load_choice,
    load_processing,
    save_choice,
    save_processing,
)
from vpaphone.audio.status import probe
from vpaphone.audio.system_aec import SystemEchoCancel, detect
from vpaphone.audio.tones import Tone, TonePlayer
from vpaphone.core.zones import ZoneTable
from vpaphone.texts.audio import audio_problems_text
from vpaphone.texts.rules import monitoring_notice
from vpaphone.ui.i18n import LANGUAGE_KEY
from vpaphone.ui.settings import start_at_login_allowed
from vpaphone.ui.settings_keys import (
    BACKGROUND_CALL_KEYS_KEY,
    CLOSE_TO_TRAY_KEY,
    DEFAULT_COUNTRY_KEY,
    START_AT_LOGIN_KEY,
)
from vpaphone.ui.widgets.countries import HOME_REGION
from vpaphone.ui.widgets.country_picker import CountryPicker
from vpaphone.ui.widgets.hotkeys_group import HotkeysGroup

__all__ = [
    "LANGUAGE_KEY",
    "AudioPage",
    "GeneralPage",
    "ProcessingBox",
    "SettingsDialog",
]

SYSTEM_LANGUAGE = ""  # as ui.i18n reads LANGUAGE_KEY: "de", "en" or "" (the system's)
METER_FLOOR_DBFS = -60.0  # an empty meter: a quiet room; full: 0 dBFS


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    return value in (True, "true", "1", 1)


class AudioPage(QWidget):
    """Device pickers, a live microphone meter and a speaker test; says why when there are
    no devices."""

    def __init__(
        self,
        choice: DeviceChoice,
        parent: QWidget | None = None,
        processing: ProcessingChoice | None = None,
    ) -> None:
        super().__init__(parent)
        self._choice = choice
        self._monitor: MicLevelMonitor | None = None
        self.processing = ProcessingBox(processing or ProcessingChoice(), self)
        self._tones = TonePlayer(choice, self)
        self.problems_label = QLabel(self)
        self.problems_label.setAccessibleName(self.tr("Audio problems"))
        self.problems_label.setWordWrap(True)
        self.boxes: dict[DeviceRole, QComboBox] = {}
        names = {
            DeviceRole.MICROPHONE: self.tr("Microphone"),
            DeviceRole.SPEAKER: self.tr("Speaker or headset"),
            DeviceRole.RINGER: self.tr("Ringer"),
        }
        form = QFormLayout()
        for role in DeviceRole:
            box = QComboBox(self)
            box.setAccessibleName(names[role])
            self.boxes[role] = box
            form.addRow(names[role] + ":", box)
        self.meter = QProgressBar(self)
        self.meter.setAccessibleName(self.tr("Microphone level"))
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setValue(0)
        self.mic_test = QPushButton(self.tr("Test microphone"), self)
        self.mic_test.setCheckable(True)
        self.mic_test.setAccessibleName(self.tr("Test microphone"))
        self.speaker_test = QPushButton(self.tr("Play test sound"), self)
        self.speaker_test.setAccessibleName(self.tr("Play test sound"))
        self.ringer_test = QPushButton(self.tr("Test ringer"), self)
        self.ringer_test.setCheckable(True)  # rings until pressed again
        self.ringer_test.setAccessibleName(self.tr("Test the ringer"))
        form.addRow(self.mic_test, self.meter)
        form.addRow("", self.speaker_test)
        form.addRow("", self.ringer_test)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems_label)
        layout.addLayout(form)
        layout.addWidget(self.processing)
        layout.addStretch(1)
        self.boxes[DeviceRole.MICROPHONE].currentIndexChanged.connect(self._microphone_changed)
        self.mic_test.toggled.connect(self._test_microphone)
        self.speaker_test.clicked.connect(self._test_speaker)
        self.ringer_test.toggled.connect(self._test_ringer)
        self.reload()

    def reload(self) -> None:
        """Re-read the devices Qt sees (a headset was plugged in)."""
        for role, box in self.boxes.items():
            box.clear()
            box.addItem(self.tr("System default"), None)
            for device in list_devices(role):
                box.addItem(device.description, device.id)
            index = box.findData(self._choice.get(role))
            box.setCurrentIndex(max(0, index))
        status = probe(self._choice)
        # The audio module words its problems in English; shown as they are.
        self.problems_label.setText(audio_problems_text(status))
        self.problems_label.setVisible(bool(status.issues))
        has_input = status.microphone is not None
        self.mic_test.setEnabled(has_input)
        self.meter.setEnabled(has_input)
        self.speaker_test.setEnabled(status.speaker is not None)
        self.ringer_test.setEnabled(status.ringer is not None)
        self._microphone_changed()

    def _microphone_changed(self) -> None:
        mic = resolve(DeviceRole.MICROPHONE, self.choice())
        found = detect(device_id(mic), mic.description()) if mic is not None else None
        self.processing.show_system_aec(found)

    def choice(self) -> DeviceChoice:
        choice = DeviceChoice()
        for role, box in self.boxes.items():
            data = box.currentData()
            choice = choice.with_device(role, str(data) if data is not None else None)
        return choice

    def stop(self) -> None:
        self.mic_test.setChecked(False)
        self.ringer_test.setChecked(False)
        self._tones.stop()

    def _test_microphone(self, on: bool) -> None:
        if self._monitor is not None:
            self._monitor.stop()
            self._monitor.deleteLater()
            self._monitor = None
        self.meter.setValue(0)
        if not on:
            return
        device = resolve(DeviceRole.MICROPHONE, self.choice())
        if device is None:
            self.mic_test.setChecked(False)
            return
        self._monitor = MicLevelMonitor(device, parent=self)
        self._monitor.level.connect(self._show_level)

    def _show_level(self, dbfs: float) -> None:
        share = (dbfs - METER_FLOOR_DBFS) / -METER_FLOOR_DBFS
        self.meter.setValue(round(100 * max(0.0, min(1.0, share))))

    def _test_ringer(self, on: bool) -> None:
        if on:
            self._tones.set_choice(self.choice())
            self._tones.play(Tone.RINGTONE)
        else:
            self._tones.stop()

    def _test_speaker(self) -> None:
        self._tones.set_choice(self.choice())
        self._tones.play(Tone.SPEAKER_TEST)


class ProcessingBox(QGroupBox):
    """The voice-processing switches, and who already cancels echo on the chosen microphone."""

    def __init__(self, choice: ProcessingChoice, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Voice processing"), parent)
        self.echo = QCheckBox(self.tr("Echo cancellation (not needed with a headset)"), self)
        self.noise = QCheckBox(self.tr("Noise suppression"), self)
        self.high_pass = QCheckBox(self.tr("Low-frequency filter (rumble, hum)"), self)
        self.gain = QCheckBox(self.tr("Automatic level"), self)
        self.system_aec = QLabel(self)
        self.system_aec.setWordWrap(True)
        self.system_aec.setAccessibleName(self.tr("Echo cancellation by the system"))
        layout = QVBoxLayout(self)
        for box, on in (
            (self.echo, choice.echo_cancellation),
            (self.noise, choice.noise_suppression),
            (self.high_pass, choice.high_pass_filter),
            (self.gain, choice.auto_gain),
        ):
            box.setChecked(on)
            box.setAccessibleName(box.text())
            layout.addWidget(box)
        layout.addWidget(self.system_aec)
        self.show_system_aec(None)

    def choice(self) -> ProcessingChoice:
        return ProcessingChoice(
            echo_cancellation=self.echo.isChecked(),
            noise_suppression=self.noise.isChecked(),
            high_pass_filter=self.high_pass.isChecked(),
            auto_gain=self.gain.isChecked(),
        )

    def show_system_aec(self, found: SystemEchoCancel | None) -> None:
        """Says when the microphone comes echo-cancelled: the app's canceller then stays off."""
        if found is None:
            self.system_aec.setVisible(False)
            return
        who = {
            "pulseaudio": self.tr("PulseAudio's echo cancellation"),
            "pipewire": self.tr("PipeWire's echo cancellation"),
        }.get(found.kind, self.tr("the device itself"))
        self.system_aec.setText(
            self.tr(
                "This microphone is echo-cancelled already (by %1): the app does not cancel "
                "echo a second time."
            ).replace("%1", who)
        )
        self.system_aec.setVisible(True)


class GeneralPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = QSettings()
        self.country = CountryPicker(
            ZoneTable.default(), default=str(settings.value(DEFAULT_COUNTRY_KEY, HOME_REGION))
        )
        self.country.setAccessibleName(self.tr("Country each dial starts from"))
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("System language"), SYSTEM_LANGUAGE)
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        current = str(settings.value(LANGUAGE_KEY, SYSTEM_LANGUAGE) or SYSTEM_LANGUAGE)
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.start_at_login = QCheckBox(self.tr("Start when I log in"), self)
        self.start_at_login.setChecked(_flag(settings, START_AT_LOGIN_KEY, False))
        if not start_at_login_allowed():  # IT's policy: StartAtLoginAllowed = 0
            self.start_at_login.setChecked(False)
            self.start_at_login.setEnabled(False)
            self.start_at_login.setToolTip(self.tr("Switched off by your IT department."))
        self.close_to_tray = QCheckBox(
            self.tr("Closing the window keeps the phone running in the tray"), self
        )
        self.close_to_tray.setChecked(_flag(settings, CLOSE_TO_TRAY_KEY, True))
        self.background_keys = QCheckBox(
            self.tr("Headset buttons and media keys answer and end calls in other programs too"),
            self,
        )
        self.background_keys.setToolTip(
            self.tr(
                "During calls the softphone takes play/pause and stop from the desktop, as a "
                "media player would; between calls your music player keeps them."
            )
        )
        self.background_keys.setChecked(_flag(settings, BACKGROUND_CALL_KEYS_KEY, False))
        self.background_keys.setVisible(sys.platform.startswith("linux"))  # MPRIS: Linux only
        form = QFormLayout(self)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Dialling country:"), self.country)
        form.addRow(self.start_at_login)
        form.addRow(self.close_to_tray)
        form.addRow(self.background_keys)
        self.hotkeys = HotkeysGroup(self)
        form.addRow(self.hotkeys)


class AboutPage(QWidget):
    """The version, and the rules the VPA was told at the first sign-in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        version = QLabel(
            self.tr("%1, version %2").replace("%1", APP_DISPLAY_NAME).replace("%2", __version__)
        )
        self.monitoring = QLabel(monitoring_notice())
        self.monitoring.setWordWrap(True)
        self.monitoring.setAccessibleName(self.tr("Monitoring of calls"))
        layout = QVBoxLayout(self)
        layout.addWidget(version)
        layout.addWidget(self.monitoring)
        layout.addStretch(1)


class SettingsDialog(QDialog):
    """OK saves everything; `language_changed(code)` when the language setting changed
    ("de", "en" or "" for the system's), `devices_changed(DeviceChoice)` when the devices did,
    `processing_changed(ProcessingChoice)` when the voice processing did."""

    language_changed = Signal(str)
    devices_changed = Signal(DeviceChoice)
    processing_changed = Signal(ProcessingChoice)
    general_changed = Signal()

    def __init__(
        self,
        devices_file: Path | None = None,
        parent: QWidget | None = None,
        processing_file: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._devices_file = devices_file
        self._processing_file = processing_file
        self._saved_choice = load_choice(devices_file)
        self._saved_processing = load_processing(processing_file)
        self.audio = AudioPage(self._saved_choice, self, self._saved_processing)
        self.general = GeneralPage(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.audio, self.tr("Audio"))
        self.tabs.addTab(self.general, self.tr("General"))
        self.about = AboutPage(self)
        self.tabs.addTab(self.about, self.tr("About"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.finished.connect(lambda _result: self.audio.stop())

    def accept(self) -> None:
        self.save()
        super().accept()

    def save(self) -> None:
        choice = self.audio.choice()
        if choice != self._saved_choice:
            save_choice(choice, self._devices_file)
            self._saved_choice = choice
            self.devices_changed.emit(choice)
        processing = self.audio.processing.choice()
        if processing != self._saved_processing:
            save_processing(processing, self._processing_file)
            self._saved_processing = processing
            self.processing_changed.emit(processing)
        settings = QSettings()
        language = str(self.general.language.currentData())
        if str(settings.value(LANGUAGE_KEY, SYSTEM_LANGUAGE) or SYSTEM_LANGUAGE) != language:
            settings.setValue(LANGUAGE_KEY, language)
            self.language_changed.emit(language)
        settings.setValue(START_AT_LOGIN_KEY, self.general.start_at_login.isChecked())
        settings.setValue(DEFAULT_COUNTRY_KEY, self.general.country.country())
        settings.setValue(CLOSE_TO_TRAY_KEY, self.general.close_to_tray.isChecked())
        settings.setValue(BACKGROUND_CALL_KEYS_KEY, self.general.background_keys.isChecked())
        self.general.hotkeys.save(settings)
        self.general_changed.emit()
