"""What my-vpa and callers send is shown as text, never as markup (issue 13, failure 8): a
profile, task, customer or area label carrying `<b>`, a link or `<img src=file:…>` appears
literally in every label, tooltip and question of the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.e2e.conftest import App
from vpaphone.demo.data import DemoTask, DemoUser
from vpaphone.demo.server import DemoState
from vpaphone.ui.dialer import ask_confirmation
from vpaphone.ui.widgets.incoming import IncomingCallDialog

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.slow]

MARKUP = '<b>X</b> <a href="https://evil.example/">link</a> <img src="file:///etc/hostname">'
TASK = "T-6666"


class HostileState(DemoState):
    """The demo my-vpa with markup in every name it sends."""

    def provisioning(self, user: DemoUser) -> dict[str, Any]:
        data = super().provisioning(user)
        for area in data["rules"]["areas"].values():
            area["label"] = {"de": f"Bereich {MARKUP}", "en": f"Area {MARKUP}"}
        return data


@pytest.fixture
def demo_state_factory() -> Callable[[int], DemoState]:
    def make(peer_port: int) -> DemoState:
        state = HostileState(sip_domain=f"127.0.0.1:{peer_port}")
        demo = state.users["demo"]
        demo.name = f"Dana {MARKUP}"
        # past the nearing level: the banner quotes the title
        demo.tasks.append(DemoTask(TASK, f"Titel {MARKUP}", f"Kunde {MARKUP}", "none", 3600, 860))
        return state

    return make


def _rendered_as_markup(text: str, text_format: Qt.TextFormat) -> bool:
    """What Qt does with a label's text: rich text when asked or when it "looks rich"."""
    if text_format is Qt.TextFormat.RichText:
        return True
    return text_format is Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)


def _markup_shown_as_markup(root: QWidget) -> list[str]:
    found = []
    for label in root.findChildren(QLabel):
        if "<" in label.text() and _rendered_as_markup(label.text(), label.textFormat()):
            found.append(f"label {label.objectName() or type(label).__name__}: {label.text()!r}")
    for widget in [root, *root.findChildren(QWidget)]:
        tip = widget.toolTip()
        if "<img" in tip or "<a href" in tip:  # a tooltip that looks rich is rendered rich
            found.append(f"tooltip of {type(widget).__name__}: {tip!r}")
    return found


def test_server_supplied_names_are_shown_as_text(app: App) -> None:
    window, qtbot = app.window, app.qtbot
    app.sign_in()
    app.signed_in()
    app.pick_task(TASK)
    main = window.main
    qtbot.waitUntil(main.banner.isVisible, timeout=10_000)
    assert MARKUP in main.user_label.text()  # it is there, literally ...
    assert MARKUP in main.tasks.customer.text()
    assert MARKUP in main.tasks.area_box.currentText()  # a combo box shows plain text
    assert MARKUP in main.banner.text.text()
    assert _markup_shown_as_markup(window) == []  # ... and nowhere rendered

    app.pick_task("T-1002")  # back-office DE: a call to France names the area labels
    app.type_number("+33 1 42 68 53 00")
    qtbot.waitUntil(lambda: MARKUP in main.dialer.reason_label.text(), timeout=5_000)
    assert MARKUP in main.dialer.call_button.toolTip().replace("&lt;", "<").replace("&gt;", ">")
    assert _markup_shown_as_markup(window) == []

    app.pick_task(TASK)
    panel = app.call_until_connected("+49 221 82829980")
    assert MARKUP in panel.task_label.text()
    assert _markup_shown_as_markup(window) == []
    panel.hangup_button.click()


def test_a_callers_display_name_is_shown_as_text(qtbot: QtBot) -> None:
    dialog = IncomingCallDialog("+4922112345678", f"Bob {MARKUP}", [], None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert MARKUP in dialog.name_label.text()
    assert _markup_shown_as_markup(dialog) == []


def test_the_call_anyway_question_shows_its_reason_as_text(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def answer() -> None:  # as the user would: read it, then cancel
        box = next((w for w in parent.findChildren(QMessageBox) if w.isVisible()), None)
        if box is None:
            QTimer.singleShot(10, answer)
            return
        seen.update(format=box.textFormat(), text=box.text())
        box.reject()

    QTimer.singleShot(0, answer)
    assert ask_confirmation(parent, f"Reason {MARKUP}") is False
    assert MARKUP in str(seen["text"])
    assert seen["format"] is Qt.TextFormat.PlainText
