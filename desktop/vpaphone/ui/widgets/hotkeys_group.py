"""Settings → General → Global hotkeys: on/off (off by default), one key editor per action, and
what the running hotkeys report (a key another program holds, a desktop without them)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QWidget,
)

from vpaphone.ui.globalkeys import hotkey, hotkeys_wanted
from vpaphone.ui.settings_keys import (
    GLOBAL_HOTKEYS_KEY,
    HOTKEY_ANSWER_HANG_UP_KEY,
    HOTKEY_HOLD_KEY,
    HOTKEY_MUTE_KEY,
)


class HotkeysGroup(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Global hotkeys (also while another program is active)"), parent)
        self.setCheckable(True)
        settings = QSettings()
        self.setChecked(hotkeys_wanted(settings))
        self.setToolTip(
            self.tr(
                "The keys work in every program, but only while a call rings or runs. "
                "Other programs cannot use these keys while this is on."
            )
        )
        names = {
            HOTKEY_ANSWER_HANG_UP_KEY: self.tr("Answer / hang up:"),
            HOTKEY_MUTE_KEY: self.tr("Mute:"),
            HOTKEY_HOLD_KEY: self.tr("Hold:"),
        }
        self.editors: dict[str, QKeySequenceEdit] = {}
        form = QFormLayout(self)
        for key, name in names.items():
            editor = QKeySequenceEdit(QKeySequence(hotkey(settings, key)), self)
            editor.setMaximumSequenceLength(1)  # one combination, as a grab takes it
            editor.setClearButtonEnabled(True)
            editor.setAccessibleName(name.rstrip(":"))
            for inner in editor.findChildren(QLineEdit):  # what a screen reader lands on
                inner.setAccessibleName(name.rstrip(":"))
            self.editors[key] = editor
            form.addRow(name, editor)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Global hotkeys status"))
        self.status.hide()
        form.addRow(self.status)

    def show_status(self, lines: list[str]) -> None:
        """What the running hotkeys report; nothing shown when every key works."""
        self.status.setText("\n".join(lines))
        self.status.setVisible(bool(lines))

    def save(self, settings: QSettings) -> None:
        settings.setValue(GLOBAL_HOTKEYS_KEY, self.isChecked())
        for key, editor in self.editors.items():
            sequence = editor.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
            settings.setValue(key, sequence)
