"""Issue 15, call waiting, against real phones through a real Kamailio: a sales VPA with an
individual number talks to one customer (baresip) when a second (baresip) calls. The second
call knocks softly in the call view with its number and suggested task; answering holds the
first (seen on the wire: the held phone stops sending), swap, end either; turning it away
sends it to the provisioning's answering machine (302) or answers 486. Every call keeps its
own record (task, direction, talk time), in the store, in History and at my-vpa."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from tests.e2e.conftest import App
from tests.e2e.test_e2e_kamailio import OWN_NUMBER, SALES_TASK, KamailioDemoState
from tests.fixtures.baresip import Baresip, baresip_phone  # noqa: F401
from tests.fixtures.kamailio import Kamailio, start_kamailio
from tests.fixtures.pulseaudio import PulseServer
from vpaphone.demo.server import DemoState
from vpaphone.ui.widgets.history import shown_number

pytestmark = [
    pytest.mark.gui,
    pytest.mark.keyring,
    pytest.mark.kamailio,
    pytest.mark.baresip,
    pytest.mark.slow,
]

FIRST = "+4922112345678"  # the customer the VPA is talking to
SECOND = "+4922187654321"  # the customer who calls meanwhile
VOICEMAIL = "+4922182829900"  # the central answering machine (a number at the registrar)
OTHER_TASK = "T-1007"  # the task the second customer was last called for


@pytest.fixture
def kamailio(tmp_path: Path) -> Iterator[Kamailio]:
    directory = tmp_path / "kamailio"
    directory.mkdir()
    users = {
        OWN_NUMBER: "sales-line-secret",
        FIRST: "first-secret",
        SECOND: "second-secret",
        VOICEMAIL: "voicemail-secret",
    }
    with start_kamailio(directory, users=users) as kam:
        yield kam


@pytest.fixture
def voicemail_uri(request: pytest.FixtureRequest, kamailio: Kamailio) -> str | None:
    wanted: bool = getattr(request, "param", False)
    return f"sip:{VOICEMAIL}@{kamailio.domain}" if wanted else None


@pytest.fixture
def demo_state_factory(kamailio: Kamailio, voicemail_uri: str | None) -> Callable[[int], DemoState]:
    return lambda peer_port: KamailioDemoState(
        sip_domain=kamailio.domain, kamailio=kamailio, voicemail_uri=voicemail_uri
    )


def _ready(app: App) -> None:
    app.sign_in(user="sales")
    app.signed_in()
    app.qtbot.waitUntil(lambda: "registered" in app.window.main.registration.text(), timeout=15_000)


def _call_first(app: App, number: str, task_id: str) -> None:
    """The VPA calls `number` (national format) for `task_id`; it answers (auto-answer)."""
    app.pick_task(task_id)
    app.window.main.dialer.picker.set_country("DE")
    app.call_until_connected(number)


def _rx_packets(app: App, call_id: str) -> int:
    engine = app.services.phone.engine
    assert engine is not None
    stats = engine.stream_stats(call_id)
    return 0 if stats is None else stats.rx_packets


def _sends(app: App, qtbot: QtBot, call_id: str) -> bool:
    """Whether the far end sends audio in this call now (RTP arriving over 1 s)."""
    before = _rx_packets(app, call_id)
    qtbot.wait(1000)
    return _rx_packets(app, call_id) - before > 10  # 50 packets a second while it talks


def _band(samples: np.ndarray, hz: float, rate: int = 48000) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    bin_hz = rate / len(samples)
    low, high = int((hz - 15) / bin_hz), int((hz + 15) / bin_hz) + 1
    return float(spectrum[low:high].max())


def test_a_second_call_knocks_is_answered_swapped_and_ended(
    app: App,
    kamailio: Kamailio,
    baresip_phone: Callable[..., Baresip],  # noqa: F811
    pulse: PulseServer,
) -> None:
    window, qtbot, state = app.window, app.qtbot, app.server.state
    first = baresip_phone(kamailio, FIRST, tone_hz=1000)
    second = baresip_phone(kamailio, SECOND, auto_answer=True, tone_hz=700)
    _ready(app)
    page = window.main.phone_page

    # Earlier, the VPA called the second customer for another task: that task is suggested.
    _call_first(app, "0221 87654321", OTHER_TASK)
    second.wait_event("CALL_ESTABLISHED", timeout=15)
    window.main.in_call.hangup_button.click()
    second.wait_event("CALL_CLOSED", timeout=15)
    qtbot.waitUntil(lambda: not window.main.in_call.isVisible(), timeout=10_000)
    second.events.clear()

    _call_first(app, "0221 12345678", SALES_TASK)
    first_call = app.services.phone.call
    assert first_call is not None
    assert _sends(app, qtbot, first_call.call_id)

    # The second customer calls: it knocks in the call view, with a soft tone in the headset.
    recording = pulse.start_recording("speakers.monitor")  # the call's speaker (the default)
    second.command("dial", f"sip:{OWN_NUMBER}@{kamailio.domain}")
    qtbot.waitUntil(page.waiting.isVisible, timeout=15_000)
    assert page.waiting.caller_label.text() == shown_number(SECOND)
    assert page.waiting.task_id() == OTHER_TASK  # where this number was last called for
    assert page.waiting.reject_button.text() == "Busy"  # no answering machine provisioned
    assert not window.main.incoming_dialogs  # no dialog over the call
    assert window.main.in_call.state_label.text() == "Connected"  # the call goes on
    qtbot.wait(1500)
    heard = recording.stop()
    samples = np.frombuffer(heard[: len(heard) - len(heard) % 2], dtype="<i2").astype(float)
    # the call's 1 kHz tone through G.711 leaves a broadband floor between the tones
    floor = float(np.median([_band(samples, hz) for hz in (550, 650, 750, 1200, 1300)]))
    knock, ringer = _band(samples, 425), _band(samples, 880)
    assert knock > 5 * floor, (knock, ringer, floor)  # the waiting tone played …
    # … and not the ringtone: at its level (4× the knock's) its 880 Hz would stand out
    assert ringer < knock / 4, (knock, ringer, floor)

    # Answer: the first call goes on hold (its phone stops sending), the second connects.
    page.waiting.answer_button.click()
    second.wait_event("CALL_ESTABLISHED", timeout=15)
    qtbot.waitUntil(page.held_bar.isVisible, timeout=10_000)
    qtbot.waitUntil(lambda: window.main.in_call.state_label.text() == "Connected", timeout=10_000)
    assert window.main.in_call.number_label.text() == shown_number(SECOND)
    qtbot.waitUntil(lambda: page.held_bar.label.text().startswith("On hold"), timeout=10_000)
    assert shown_number(FIRST) in page.held_bar.label.text()
    second_call = app.services.phone.call
    assert second_call is not None
    assert second_call.task_id == OTHER_TASK
    assert not _sends(app, qtbot, first_call.call_id)  # held on the wire
    assert _sends(app, qtbot, second_call.call_id)

    # Swap: the first call back in front and talking, the second on hold.
    page.held_bar.swap_button.click()
    qtbot.waitUntil(
        lambda: window.main.in_call.number_label.text() == shown_number(FIRST), timeout=10_000
    )
    qtbot.waitUntil(lambda: window.main.in_call.state_label.text() == "Connected", timeout=10_000)
    qtbot.waitUntil(lambda: shown_number(SECOND) in page.held_bar.label.text(), timeout=10_000)
    qtbot.waitUntil(lambda: _sends(app, qtbot, first_call.call_id), timeout=10_000)
    assert not _sends(app, qtbot, second_call.call_id)

    # End the held call; the first goes on; then end it too.
    page.held_bar.end_button.click()
    second.wait_event("CALL_CLOSED", timeout=15)
    qtbot.waitUntil(lambda: not page.held_bar.isVisible(), timeout=10_000)
    assert window.main.in_call.isVisible()
    assert window.main.in_call.state_label.text() == "Connected"
    window.main.in_call.hangup_button.click()
    first.wait_event("CALL_CLOSED", timeout=15)
    qtbot.waitUntil(lambda: not window.main.in_call.isVisible(), timeout=10_000)

    # Three calls, three records: each with its own task, direction and talk time.
    calls = [c.record for c in app.services.store.calls.recent()]
    assert [(c.direction.value, c.e164, c.task_id) for c in calls] == [
        ("incoming", SECOND, OTHER_TASK),
        ("outgoing", FIRST, SALES_TASK),
        ("outgoing", SECOND, OTHER_TASK),
    ]
    assert len({c.id for c in calls}) == 3
    assert all(c.end_reason is not None and c.end_reason.value == "completed" for c in calls)
    waiting, talking = calls[0], calls[1]
    assert waiting.talk_seconds >= 2  # answered, held, swapped: the whole time counts
    assert talking.talk_seconds > waiting.talk_seconds  # it started before and ended after
    history = window.main.history
    history.scope.setCurrentIndex(0)  # all calls
    qtbot.waitUntil(lambda: history.model.rowCount() == 3, timeout=5000)
    assert [history.model.record(row).id for row in range(3)] == [c.id for c in calls]
    qtbot.waitUntil(lambda: len(state.call_records) == 3, timeout=20_000)


@pytest.mark.parametrize("voicemail_uri", [True, False], ids=["voicemail", "busy"], indirect=True)
def test_a_waiting_call_turned_away_goes_to_the_answering_machine_or_hears_busy(
    app: App,
    kamailio: Kamailio,
    baresip_phone: Callable[..., Baresip],  # noqa: F811
    voicemail_uri: str | None,
) -> None:
    window, qtbot = app.window, app.qtbot
    first = baresip_phone(kamailio, FIRST)
    second = baresip_phone(kamailio, SECOND, auto_answer=False)
    answering_machine = baresip_phone(kamailio, VOICEMAIL) if voicemail_uri else None
    _ready(app)
    page = window.main.phone_page
    _call_first(app, "0221 12345678", SALES_TASK)

    second.command("dial", f"sip:{OWN_NUMBER}@{kamailio.domain}")
    qtbot.waitUntil(page.waiting.isVisible, timeout=15_000)
    expected = "To voicemail" if voicemail_uri else "Busy"
    assert page.waiting.reject_button.text() == expected
    page.waiting.reject_button.click()
    if answering_machine is not None:  # the caller follows the 302 to the answering machine
        answering_machine.wait_event("CALL_ESTABLISHED", timeout=15)
        assert second.wait_event("CALL_ESTABLISHED", timeout=15)
        second.command("hangup")
        answering_machine.wait_event("CALL_CLOSED", timeout=15)
    else:
        closed = second.wait_event("CALL_CLOSED", timeout=15)
        assert "486" in str(closed.get("param", "")), closed
    qtbot.waitUntil(lambda: not page.waiting.isVisible(), timeout=5000)
    assert window.main.in_call.state_label.text() == "Connected"  # the call went on, untouched
    assert not page.held_bar.isVisible()

    window.main.in_call.hangup_button.click()
    first.wait_event("CALL_CLOSED", timeout=15)
    qtbot.waitUntil(lambda: not window.main.in_call.isVisible(), timeout=10_000)
    calls = [c.record for c in app.services.store.calls.recent()]
    assert [(c.direction.value, c.e164, c.end_reason and c.end_reason.value) for c in calls] == [
        ("incoming", SECOND, "rejected"),
        ("outgoing", FIRST, "completed"),
    ]
    assert calls[0].talk_seconds == 0


def test_a_waiting_call_rings_as_usual_when_the_first_call_ends(
    app: App,
    kamailio: Kamailio,
    baresip_phone: Callable[..., Baresip],  # noqa: F811
) -> None:
    """The first customer hangs up while the second knocks: the knock becomes the usual
    incoming call (dialog, ringer), and answering it needs no hold."""
    window, qtbot = app.window, app.qtbot
    first = baresip_phone(kamailio, FIRST)
    second = baresip_phone(kamailio, SECOND, auto_answer=False)
    _ready(app)
    page = window.main.phone_page
    _call_first(app, "0221 12345678", SALES_TASK)
    second.command("dial", f"sip:{OWN_NUMBER}@{kamailio.domain}")
    qtbot.waitUntil(page.waiting.isVisible, timeout=15_000)

    first.command("hangup")
    qtbot.waitUntil(lambda: bool(window.main.incoming_dialogs), timeout=10_000)
    assert not page.waiting.isVisible()
    dialog = next(iter(window.main.incoming_dialogs.values()))
    assert dialog.caller_label.text() == shown_number(SECOND)
    assert dialog.task_id() == SALES_TASK  # never called before: the active task
    dialog.answer_button.click()
    second.wait_event("CALL_ESTABLISHED", timeout=15)
    qtbot.waitUntil(lambda: window.main.in_call.state_label.text() == "Connected", timeout=10_000)
    assert not page.held_bar.isVisible()
    second.command("hangup")
    qtbot.waitUntil(lambda: not window.main.in_call.isVisible(), timeout=10_000)
    calls = [c.record for c in app.services.store.calls.recent()]
    assert [(c.direction.value, c.e164, c.task_id) for c in calls] == [
        ("incoming", SECOND, SALES_TASK),
        ("outgoing", FIRST, SALES_TASK),
    ]


@pytest.mark.usefixtures("german")  # before the app fixture builds the window
def test_call_waiting_speaks_german(
    app: App,
    kamailio: Kamailio,
    baresip_phone: Callable[..., Baresip],  # noqa: F811
) -> None:
    """The German UI (my-vpa's "du") in the running app: the knock, its buttons, the held bar."""
    window, qtbot = app.window, app.qtbot
    first = baresip_phone(kamailio, FIRST)
    second = baresip_phone(kamailio, SECOND, auto_answer=False)
    app.sign_in(user="sales")
    app.signed_in()
    qtbot.waitUntil(lambda: "Bereit" in window.main.registration.text(), timeout=15_000)
    page = window.main.phone_page
    app.pick_task(SALES_TASK)
    window.main.dialer.picker.set_country("DE")
    app.type_number("0221 12345678")
    qtbot.waitUntil(window.main.dialer.call_button.isEnabled, timeout=3000)
    window.main.dialer.call_button.click()
    first.wait_event("CALL_ESTABLISHED", timeout=15)
    second.command("dial", f"sip:{OWN_NUMBER}@{kamailio.domain}")
    qtbot.waitUntil(page.waiting.isVisible, timeout=15_000)
    assert page.waiting.title_label.text() == "Ein weiterer Anruf wartet"
    assert page.waiting.answer_button.text() == "Halten und annehmen"
    assert page.waiting.reject_button.text() == "Besetzt"
    page.waiting.answer_button.click()
    qtbot.waitUntil(lambda: page.held_bar.label.text().startswith("Gehalten: "), timeout=10_000)
    assert page.held_bar.swap_button.text() == "Wechseln"
    assert page.held_bar.end_button.text() == "Beenden"
    page.held_bar.end_button.click()
    first.wait_event("CALL_CLOSED", timeout=15)
    window.main.in_call.hangup_button.click()
    second.wait_event("CALL_CLOSED", timeout=15)
    qtbot.waitUntil(lambda: not window.main.in_call.isVisible(), timeout=10_000)
