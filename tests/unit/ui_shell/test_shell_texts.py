"""The lower layers' outcomes (codes) are worded in the UI language, and in English without Qt."""

from __future__ import annotations

import subprocess
import sys

import pytest

from vpaphone.app.calls import DialRefusedError, RefusalKind
from vpaphone.app.notices import Notice, NoticeKind
from vpaphone.audio.problems import AudioProblem, ProblemKind
from vpaphone.audio.settings import DeviceRole
from vpaphone.core.dialerrors import DialInputError
from vpaphone.core.gate import evaluate_call
from vpaphone.core.model import CallDirection, EndReason, Task, TelephonyArea
from vpaphone.core.numbers import parse_dial_input
from vpaphone.core.rules import RuleData
from vpaphone.core.zones import ZoneTable
from vpaphone.sip.reasons import LocalEnd, RegistrationState, end_reason
from vpaphone.texts.audio import audio_problem_text
from vpaphone.texts.calls import call_end_text, registration_text
from vpaphone.texts.dial import dial_error_text
from vpaphone.texts.notices import dial_refused_text, notice_text

pytestmark = pytest.mark.gui


def _dial_error(text: str) -> DialInputError:
    with pytest.raises(DialInputError) as caught:
        parse_dial_input(text, "DE")
    return caught.value


@pytest.mark.usefixtures("german")
def test_german_ui_names_busy_calls_and_wrong_passwords_in_german() -> None:
    busy = end_reason(CallDirection.OUTGOING, False, 486, LocalEnd.NONE, heard_from_peer=True)
    assert call_end_text(busy) == "Die Leitung ist besetzt"
    assert (
        registration_text(RegistrationState.FAILED, 401)
        == "Falscher Benutzername oder falsches Passwort"
    )
    assert registration_text(RegistrationState.FAILED, 503) == "Server nicht erreichbar"
    assert call_end_text(EndReason.FAILED, no_common_media=True).startswith("Die Gegenseite")
    assert "verschlüsseltes Audio (SRTP)" in call_end_text(EndReason.FAILED, srtp_refused=True)
    assert audio_problem_text(AudioProblem(ProblemKind.NO_DEVICES)).startswith(
        "Keine Audiogeräte gefunden"
    )
    assert audio_problem_text(
        AudioProblem(ProblemKind.CHOSEN_MISSING, DeviceRole.MICROPHONE, "Built-in")
    ) == ("Das gewählte Mikrofon ist nicht angeschlossen; stattdessen wird “Built-in” verwendet.")
    assert dial_error_text(_dial_error("0221 1")) == (
        "Zu kurz für eine Telefonnummer (Deutschland): Fehlt die Vorwahl?"
    )


@pytest.mark.usefixtures("german")
def test_a_call_the_gate_refuses_is_explained_in_german() -> None:
    """The refusal reached the German UI in the core's English before the texts moved."""
    rules, zones = RuleData.default(), ZoneTable.default()
    destination = parse_dial_input("+1 212 555 0100", "DE")
    task = Task("t", "Termine", "Krause GmbH", TelephonyArea.BACKOFFICE_DE)
    gate = evaluate_call(destination, zones.zone_of(destination.region), task, rules)
    text = dial_refused_text(DialRefusedError(RefusalKind.GATE, gate), rules)
    assert text.startswith("Anrufe außerhalb der EU (Vereinigte Staaten)"), text
    assert notice_text(Notice(NoticeKind.UPLOADS_WAITING, count=3), rules) == (
        "my-vpa ist nicht erreichbar: Einträge, die auf das Hochladen warten: 3."
    )


def test_every_outcome_has_its_own_english_sentence_without_qt() -> None:
    """The CLI words outcomes without Qt: one distinct sentence per code, nothing left open."""
    script = """
import sys
sys.modules["PySide6"] = None
from vpaphone.app.notices import Notice, NoticeKind
from vpaphone.core.model import EndReason, TelephonyArea
from vpaphone.core.rules import RuleData
from vpaphone.sip.reasons import RegistrationState
from vpaphone.texts.calls import call_end_text, registration_text
from vpaphone.texts.notices import notice_text
rules = RuleData.default()
ends = [call_end_text(reason) for reason in EndReason]
regs = [registration_text(RegistrationState.FAILED, s) for s in (401, 403, 404, 503, 488)]
notices = [notice_text(Notice(k, count=2, detail="x", area=TelephonyArea.SALES_EU), rules)
           for k in NoticeKind]
for group in (ends, regs, notices):
    assert len(set(group)) == len(group), group
    assert all(text and "%" not in text for text in group), group
print(ends[list(EndReason).index(EndReason.BUSY)])
print(notices[list(NoticeKind).index(NoticeKind.UPLOADS_WAITING)])
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "The line is busy",
        "my-vpa is unreachable: records waiting to be uploaded: 2.",
    ]


def test_transfer_outcome_notice_names_success_failure_and_silence() -> None:
    rules = RuleData.default()
    texts = {
        s: notice_text(Notice(NoticeKind.TRANSFER_OUTCOME, count=s), rules) for s in (0, 200, 486)
    }
    assert "completed" in texts[200]
    assert "486" in texts[486]
    assert "on hold" in texts[486]
    assert "did not report back" in texts[0]
