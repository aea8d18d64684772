"""The number as the user types or pastes it: formatted live, checked, explained.

Numbers are personal data: nothing here logs them.
"""

from __future__ import annotations

import html

import phonenumbers
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from vpaphone.core.dialerrors import DialErrorCode, DialInputError
from vpaphone.core.dialtext import read_dial_text
from vpaphone.core.model import Destination
from vpaphone.core.numbers import parse_dial_input
from vpaphone.texts.dial import dial_error_text

# Where landline numbers keep their leading 0 after the country code (RULES.md, Calling 2).
KEEP_ZERO_REGIONS = frozenset({"IT", "SM", "VA"})
_LINK_SCHEMES = ("tel:", "callto:", "sip:", "sips:")
# Errors that are only the number being unfinished: shown once the user tries to dial.
_WHILE_TYPING = frozenset({DialErrorCode.EMPTY, DialErrorCode.TOO_SHORT})
_DIAL_CHARS = frozenset("0123456789+")


def _is_paste(old: str, new: str) -> bool:
    """More than one character arrived at once, or a link: a paste (or a drop), not typing."""
    return len(new) - len(old) > 1 or new.lstrip().lower().startswith(_LINK_SCHEMES)


class NumberField(QWidget):
    """Line edit plus the inline error/suggestion and the leading-zero hint.

    `destination_changed` after every edit (read `destination()`); `country_requested(code)` when
    a pasted or typed +CC names another country than the picked one; `submitted` on Enter.
    """

    destination_changed = Signal()
    country_requested = Signal(str)
    submitted = Signal()

    def __init__(self, region: str = "DE", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._region = region
        self._destination: Destination | None = None
        self._error: DialInputError | None = None
        self._previous = ""
        self._updating = False  # our own reformatting must not count as an edit
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(self.tr("Phone number"))
        self.edit.setPlaceholderText(self.tr("Number, e.g. 221 82829980"))
        self.edit.setClearButtonEnabled(True)
        font = self.edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.edit.setFont(font)
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.error_label = QLabel(self)
        self.error_label.setAccessibleName(self.tr("Number problem"))
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.RichText)
        self.error_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.error_label.linkActivated.connect(self._accept_suggestion)
        self.error_label.hide()
        self.hint_label = QLabel(self)
        self.hint_label.setAccessibleName(self.tr("Dialling hint"))
        self.hint_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.hint_label)
        self.setFocusProxy(self.edit)
        # textChanged, not textEdited: the clear button, undo and drops must update too.
        self.edit.textChanged.connect(self._changed)
        self.edit.returnPressed.connect(self._submit)
        self._update_hint()

    # --- what the dialer reads ------------------------------------------------------------

    def text(self) -> str:
        return self.edit.text()

    def destination(self) -> Destination | None:
        """The dialable destination the text names, or None (see `error()`)."""
        return self._destination

    def error(self) -> DialInputError | None:
        return self._error

    def region(self) -> str:
        return self._region

    # --- what the dialer and the dialpad change -------------------------------------------

    def set_region(self, region: str) -> None:
        """The picked country changed: re-read (and re-format) the number for it."""
        if region == self._region:
            return
        self._region = region
        self._update_hint()
        self._set_formatted(self.edit.text(), cursor=None)
        self._check(show_all=False)

    def set_text(self, text: str) -> None:
        """Replace the number as if it had been pasted (links and +CC are normalised)."""
        self._previous = ""
        if text == self.edit.text():
            self._edited(text)
        else:
            self.edit.setText(text)

    def type_key(self, key: str) -> None:
        """A dial-pad key: insert it at the cursor, as typing would."""
        self.edit.insert(key)

    def clear(self) -> None:
        self.set_text("")

    def show_problem(self) -> None:
        """The user tried to dial: show why the number is not dialable, unfinished or not."""
        self._check(show_all=True)

    # --- internals ------------------------------------------------------------------------

    def _changed(self, text: str) -> None:
        if not self._updating:
            self._edited(text)

    def _edited(self, text: str) -> None:
        if _is_paste(self._previous, text):
            self._normalise_paste(text)
        else:
            self._set_formatted(text, cursor=self.edit.cursorPosition())
        self._check(show_all=False)

    def _normalise_paste(self, text: str) -> None:
        """Switch the country when the paste names one, and show the number nationally."""
        try:
            dial = read_dial_text(text)
        except DialInputError:
            self._remember(text)
            return
        if dial.extension or dial.phone_word or dial.text_after:
            self._remember(text)  # kept as pasted: the check explains what to do with it
            return
        if not dial.international:
            self._set_formatted(dial.digits, cursor=None)
            return
        try:
            destination = parse_dial_input(text, self._region)
        except DialInputError:
            destination = None
        if destination is not None and not destination.is_emergency and destination.national:
            if destination.region != self._region:
                self._region = destination.region
                self._update_hint()
                self.country_requested.emit(destination.region)
            self._set_text(destination.national, cursor=None)
            return
        region = phonenumbers.UNKNOWN_REGION
        for length in (1, 2, 3):  # the calling code is the shortest prefix naming a country
            region = phonenumbers.region_code_for_country_code(int(dial.digits[:length] or 0))
            if region != phonenumbers.UNKNOWN_REGION:
                break
        if region not in (phonenumbers.UNKNOWN_REGION, self._region, "001"):
            self.country_requested.emit(region)
        self._set_formatted(f"+{dial.digits}", cursor=None)

    def _set_formatted(self, text: str, cursor: int | None) -> None:
        """Format as you type for the picked country; text with letters stays as typed."""
        if not text or any(char.isalpha() for char in text):
            self._set_text(text, cursor)
            return
        kept = [char for char in text if char in _DIAL_CHARS]
        formatter = phonenumbers.AsYouTypeFormatter(self._region)
        formatted = ""
        for char in kept:
            formatted = formatter.input_digit(char)
        # No trailing separator: Backspace would only delete it and formatting would put it back.
        formatted = formatted.rstrip(" -/()")
        if cursor is not None:  # keep the cursor after the same number of dial characters
            before = sum(1 for char in text[:cursor] if char in _DIAL_CHARS)
            cursor = _position_after(formatted, before)
        self._set_text(formatted, cursor)

    def _set_text(self, text: str, cursor: int | None) -> None:
        if text != self.edit.text():
            self._updating = True
            try:
                self.edit.setText(text)
            finally:
                self._updating = False
        self.edit.setCursorPosition(len(text) if cursor is None else cursor)
        self._remember(text)

    def _remember(self, text: str) -> None:
        self._previous = text

    def _check(self, *, show_all: bool) -> None:
        text = self.edit.text()
        try:
            self._destination = parse_dial_input(text, self._region)
            self._error = None
        except DialInputError as error:
            self._destination = None
            self._error = error
        self._show_error(show_all)
        found = self._destination
        typed_other_country = (  # "+33 …" typed with Germany picked
            found is not None
            and not found.is_emergency
            and found.region != self._region
            and self._is_international(text)
        )
        if found is not None and typed_other_country:
            self.country_requested.emit(found.region)
        self.destination_changed.emit()

    @staticmethod
    def _is_international(text: str) -> bool:
        try:
            return read_dial_text(text).international
        except DialInputError:
            return False

    def _show_error(self, show_all: bool) -> None:
        error = self._error
        if error is None or (error.code in _WHILE_TYPING and not show_all):
            self.error_label.hide()
            self.error_label.clear()
            return
        message = html.escape(dial_error_text(error))
        if error.suggestion:
            link = html.escape(error.suggestion)
            offer = self.tr("Did you mean %1?").replace("%1", f'<a href="suggestion">{link}</a>')
            message = f"{message} {offer}"
        self.error_label.setText(message)
        self.error_label.show()

    def _accept_suggestion(self, _link: str) -> None:
        if self._error is not None and self._error.suggestion:
            self.set_text(self._error.suggestion)
            self.edit.setFocus()

    def _update_hint(self) -> None:
        if self._region in KEEP_ZERO_REGIONS:
            self.hint_label.setText(
                self.tr(
                    "Landline numbers here keep their leading 0 after the country code "
                    "(Rome: 06 …, +39 06 …). Type it."
                )
            )
            self.hint_label.show()
        else:
            self.hint_label.clear()
            self.hint_label.hide()

    def _submit(self) -> None:
        self.show_problem()
        self.submitted.emit()


def _position_after(text: str, dial_chars: int) -> int:
    """Index in `text` just after its `dial_chars`-th dial character."""
    if dial_chars == 0:
        return 0
    seen = 0
    for index, char in enumerate(text):
        if char in _DIAL_CHARS:
            seen += 1
            if seen == dial_chars:
                return index + 1
    return len(text)
