"""Issue 15, clear state: when the headset goes mid-call, the call's sound moves to another
device, and the VPA is told so — in the call view and in the status bar — instead of talking on
unaware through the laptop's speakers. Real PulseAudio: the headset is a null sink that the test
unloads in the middle of a call to the demo customer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.conftest import App
from tests.fixtures.pulseaudio import PulseServer
from vpaphone.audio.settings import load_choice, save_choice

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.pulseaudio, pytest.mark.slow]

DE_TASK = "T-1002"  # Back-office telephony DE
HEADSET = "desk_headset"


@pytest.fixture
def headset(pulse: PulseServer) -> Iterator[str]:
    """A USB headset plugged in (a null sink of its own); the device choice is restored after."""
    saved = load_choice()
    pulse.add_sink(HEADSET, "Desk Headset")
    try:
        yield HEADSET
    finally:
        if pulse.has(HEADSET):
            pulse.remove(HEADSET)
        save_choice(saved)


def test_the_call_view_and_status_bar_say_where_the_audio_moved(
    app: App, pulse: PulseServer, headset: str
) -> None:
    window, qtbot = app.window, app.qtbot
    app.sign_in()
    app.signed_in()
    qtbot.waitUntil(lambda: "Ready" in window.main.registration.text(), timeout=10_000)
    app.pick_task(DE_TASK)
    window.main.dialer.picker.set_country("DE")
    panel = app.call_until_connected("0221 8282 9980")
    assert not panel.notice_label.isVisible()  # nothing to say at the start of a call

    # The VPA moves the call onto the headset from the in-call device menu.
    actions = {str(a.data()): a for a in panel.audio_menu.actions()}
    assert headset in actions, list(actions)
    actions[headset].trigger()
    qtbot.waitUntil(lambda: app.services.phone.speaker_id() == headset, timeout=5000)
    qtbot.waitUntil(lambda: "Desk_Headset" in panel.notice_label.text(), timeout=5000)
    assert panel.notice_label.text() == "Audio moved to “Desk_Headset”."

    # The headset is pulled out mid-call: the sound goes to the speakers, and the VPA sees it.
    pulse.remove(headset)
    qtbot.waitUntil(lambda: app.services.phone.speaker_id() == "speakers", timeout=10_000)
    qtbot.waitUntil(
        lambda: panel.notice_label.text() == "Audio moved to “speakers”.", timeout=10_000
    )
    assert panel.notice_label.isVisible()
    assert window.statusBar().currentMessage() == "Audio moved to “speakers”."
    ticked = [str(a.data()) for a in panel.audio_menu.actions() if a.isChecked()]
    assert ticked == ["speakers"]  # the device menu follows
    assert panel.state_label.text() == "Connected"  # the call itself went on

    panel.hangup_button.click()
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=10_000)
    calls = app.services.store.calls.recent()
    assert len(calls) == 1
    assert calls[0].record.end_reason is not None
