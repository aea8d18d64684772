"""Destination country: flag and name in the UI language, searchable by name, ISO code or +CC."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtGui import QFocusEvent, QIcon
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QCompleter, QLineEdit, QWidget

from vpaphone.core.rules import Language
from vpaphone.core.zones import ZoneTable
from vpaphone.ui.widgets.countries import HOME_REGION, Country, countries, search
from vpaphone.ui.widgets.uilang import ui_language


class CountryPicker(QComboBox):
    """An editable combo box: typing searches, Enter or a click on a match picks the country.

    It starts at, and `reset()` returns to, the VPA's default country: a pick never carries
    over to the next call (Cologne's "0221 …" typed with Italy still picked became a Milan
    number).
    """

    country_changed = Signal(str)  # ISO code

    def __init__(
        self,
        zones: ZoneTable,
        *,
        default: str = HOME_REGION,
        language: Language | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._default = default
        self._catalogue = countries(language or ui_language(), zones)
        self._by_label: dict[str, Country] = {}
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._line = QLineEdit(self)
        self.setLineEdit(self._line)
        # Qt's prefix completion cannot search codes; ours below can.
        self.setCompleter(None)  # type: ignore[arg-type]  # stubs omit None; Qt accepts it
        self.setAccessibleName(self.tr("Destination country"))
        self._line.setAccessibleName(self.accessibleName())  # what a screen reader meets on Tab
        self.setToolTip(self.tr("Search by name, ISO code (AT) or calling code (+43)"))
        self.setMaxVisibleItems(15)
        # Not as wide as the longest name ("Südgeorgien und die Südlichen Sandwichinseln").
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(20)
        for country in self._catalogue:
            label = self._label(country)
            self._by_label[label] = country
            self.addItem(QIcon(str(country.flag)), label, country.code)
        line = self._line
        line.setPlaceholderText(self.tr("Country, AT or +43"))
        self._matches = QStringListModel(self)
        self._completer = QCompleter(self._matches, self)
        self._completer.setWidget(line)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(10)
        self._completer.activated.connect(self._pick_label)
        line.textEdited.connect(self._search)
        line.returnPressed.connect(self._pick_best)
        self.currentIndexChanged.connect(self._changed)
        self.reset()

    def country(self) -> str:
        """ISO code of the picked country."""
        return str(self.currentData())

    def set_country(self, code: str) -> bool:
        """Pick `code` (as phonenumbers names regions); False if the picker does not offer it."""
        index = self.findData(code.upper())
        if index < 0:
            return False
        self.setCurrentIndex(index)
        self._line.setText(self.itemText(index))
        return True

    def default(self) -> str:
        return self._default

    def set_default(self, code: str) -> None:
        """The VPA's country for dialling (Settings); picked now too."""
        if self.findData(code.upper()) >= 0:
            self._default = code.upper()
            self.reset()

    def reset(self) -> None:
        """Back to the default country (after a call, at sign-in)."""
        if not self.set_country(self._default):
            self.set_country(HOME_REGION)

    def matches(self, query: str) -> list[str]:
        """ISO codes of the countries a search for `query` offers, best first."""
        return [country.code for country in search(self._catalogue, query)]

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        super().focusOutEvent(event)
        if not self._popup().isVisible():
            self._line.setText(self.itemText(self.currentIndex()))  # drop an unfinished search

    def _popup(self) -> QAbstractItemView:
        popup = self._completer.popup()
        assert popup is not None  # QCompleter always has one
        return popup

    def _label(self, country: Country) -> str:
        return f"{country.name} (+{country.calling_code})"

    def _search(self, text: str) -> None:
        found = search(self._catalogue, text)
        self._matches.setStringList([self._label(country) for country in found])
        if found and text.strip():
            self._completer.complete()
        else:
            self._popup().hide()

    def _pick_label(self, label: str) -> None:
        country = self._by_label.get(label)
        if country is not None:
            self.set_country(country.code)

    def _pick_best(self) -> None:
        text = self._line.text()
        if text in self._by_label:
            self._pick_label(text)
            return
        found = search(self._catalogue, text)
        self._popup().hide()
        if found:
            self.set_country(found[0].code)
        else:
            self._line.setText(self.itemText(self.currentIndex()))

    def _changed(self, index: int) -> None:
        if index < 0:
            return
        self.country_changed.emit(self.country())
