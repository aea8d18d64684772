"""Issue 15: global hotkeys. A real baresip phone calls the VPA through a real Kamailio; the keys
are typed on a real X server (Xvfb) through XTEST (xdotool) — the app draws offscreen, so no
window of it has the X focus: a key reaches it only through its grab on the root window."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings

from tests.e2e.conftest import App
from tests.e2e.test_e2e_kamailio import (  # noqa: F401 - fixtures
    CUSTOMER,
    OWN_NUMBER,
    SALES_TASK,
    demo_state_factory,
    kamailio,
)
from tests.fixtures.baresip import Baresip, baresip_phone  # noqa: F401
from tests.fixtures.kamailio import Kamailio
from tests.fixtures.xgrab import other_program_grabbing
from tests.fixtures.xserver import XServer, xvfb
from vpaphone.ui.widgets.settings_dialog import SettingsDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.keyring,
    pytest.mark.kamailio,
    pytest.mark.baresip,
    pytest.mark.slow,
]


@pytest.fixture
def xserver(monkeypatch: pytest.MonkeyPatch) -> Iterator[XServer]:
    """The desktop's X display: the app finds it in $DISPLAY, as on an X11 session. The app's
    own QSettings live for the whole suite: the hotkey settings start and end at their defaults."""
    QSettings().remove("hotkeys")
    with xvfb() as server:
        monkeypatch.setenv("DISPLAY", server.display)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        try:
            yield server
        finally:
            QSettings().remove("hotkeys")


def settings_dialog(app: App) -> SettingsDialog:
    app.window.open_settings()
    dialog = app.window.settings_dialog
    assert isinstance(dialog, SettingsDialog)
    return dialog


def test_hotkeys_answer_mute_and_end_a_call_while_another_program_is_active(
    app: App,
    kamailio: Kamailio,  # noqa: F811
    baresip_phone: Callable[..., Baresip],  # noqa: F811
    xserver: XServer,
) -> None:
    window, qtbot = app.window, app.qtbot
    customer = baresip_phone(kamailio, CUSTOMER)
    app.sign_in(user="sales")
    app.signed_in()
    qtbot.waitUntil(lambda: "registered" in window.main.registration.text(), timeout=15_000)
    app.pick_task(SALES_TASK)

    # Off by default: Ctrl+Alt+H does nothing to a ringing call.
    dialog = settings_dialog(app)
    group = dialog.general.hotkeys
    assert not group.isChecked()
    dialog.reject()
    customer.command("dial", f"sip:{OWN_NUMBER}@{kamailio.domain}")
    qtbot.waitUntil(lambda: bool(window.main.incoming_dialogs), timeout=15_000)
    xserver.key("ctrl+alt+h")
    qtbot.wait(1500)
    assert window.main.phone_page._ringing() is not None  # still ringing
    assert app.services.phone.call is None

    # Turned on (the defaults), applied at once: the same key answers.
    dialog = settings_dialog(app)
    group = dialog.general.hotkeys
    assert {e.keySequence().toString() for e in group.editors.values()} == {
        "Ctrl+Alt+H",
        "Ctrl+Alt+M",
        "Ctrl+Alt+P",
    }
    group.setChecked(True)
    dialog.accept()
    xserver.key("ctrl+alt+h")
    qtbot.waitUntil(lambda: window.main.in_call.state_label.text() == "Connected", timeout=15_000)
    customer.wait_event("CALL_ESTABLISHED", timeout=15)

    xserver.key("ctrl+alt+m")
    qtbot.waitUntil(window.main.in_call.mute_button.isChecked, timeout=5000)
    qtbot.waitUntil(lambda: app.services.phone.call is not None and app.services.phone.call.muted)
    xserver.key("ctrl+alt+m")
    qtbot.waitUntil(lambda: not window.main.in_call.mute_button.isChecked(), timeout=5000)
    xserver.key("ctrl+alt+p")
    qtbot.waitUntil(window.main.in_call.hold_button.isChecked, timeout=5000)
    xserver.key("ctrl+alt+p")
    qtbot.waitUntil(lambda: not window.main.in_call.hold_button.isChecked(), timeout=5000)

    xserver.key("ctrl+alt+h")
    qtbot.waitUntil(lambda: not window.main.in_call.isVisible(), timeout=15_000)
    customer.wait_event("CALL_CLOSED", timeout=15)
    calls = app.services.store.calls.recent()
    assert [(c.record.direction.value, c.record.task_id) for c in calls] == [
        ("incoming", SALES_TASK)
    ]


def test_a_hotkey_another_program_holds_is_named_in_settings(
    app: App,
    kamailio: Kamailio,  # noqa: F811
    xserver: XServer,
) -> None:
    window, qtbot = app.window, app.qtbot
    app.sign_in(user="sales")
    app.signed_in()
    messages: list[str] = []
    window.main.phone_page.message.connect(messages.append)
    with other_program_grabbing(xserver, "Ctrl+Alt+H"):
        dialog = settings_dialog(app)
        dialog.general.hotkeys.setChecked(True)
        dialog.accept()
        assert messages == ["Ctrl+Alt+H is taken by another program."]
        dialog = settings_dialog(app)
        status = dialog.general.hotkeys.status
        dialog.tabs.setCurrentWidget(dialog.general)
        assert status.isVisibleTo(dialog)
        assert status.text() == "Ctrl+Alt+H is taken by another program."
        # another key for it: applied at once, nothing is reported any more
        dialog.general.hotkeys.editors["hotkeys/answer_hang_up"].setKeySequence("Ctrl+Alt+J")
        dialog.accept()
        dialog = settings_dialog(app)
        dialog.tabs.setCurrentWidget(dialog.general)
        assert not dialog.general.hotkeys.status.isVisibleTo(dialog)
        assert dialog.general.hotkeys.status.text() == ""
        dialog.reject()
    qtbot.wait(10)
