"""When the engine re-REGISTERs between refreshes, and when a silent registrar is told."""

from __future__ import annotations

import pytest

from vpaphone.sip.regwatch import RegistrationWatch


def _registered(check_s: float = 30, answer_s: float = 8) -> RegistrationWatch:
    watch = RegistrationWatch(check_s, answer_s, now=0)
    watch.sent(0)
    watch.answered(0.1, 200, active=True)
    return watch


def test_a_registered_phone_checks_every_interval() -> None:
    watch = _registered()
    assert not watch.due(30.0)
    assert watch.due(30.1)
    watch.sent(30.1)
    assert not watch.due(59)  # the next one a full interval after this one went out
    watch.answered(30.2, 200, active=True)
    assert watch.due(60.2)


def test_an_unanswered_register_is_told_once_after_the_answer_bound() -> None:
    watch = _registered()
    watch.sent(30)
    assert not watch.went_silent(37.9)
    assert watch.went_silent(38)
    assert not watch.went_silent(40)  # told once
    watch.answered(62, 408, active=False)  # pjsip's own timeout comes later
    assert not watch.went_silent(70)


def test_checks_go_on_while_the_server_is_silent_or_failing() -> None:
    watch = _registered()
    watch.sent(30)
    assert watch.went_silent(38)
    assert not watch.due(60)  # pjsip still retransmits that one: no second REGISTER
    assert watch.due(70)  # its timeout report went missing: no longer held back
    watch.skipped(70)  # pjsua refused it as busy after all
    assert not watch.due(99)
    assert watch.due(100)
    for code in (0, 408, 500, 503, 504, 600):
        watch.answered(100, code, active=False)
        assert watch.due(130), code


def test_a_refusal_is_not_asked_again_and_again() -> None:
    # a wrong password: pjsua does not retry, and neither do the checks (account lockouts)
    watch = _registered()
    for code in (401, 403, 404):
        watch.answered(10, code, active=False)
        assert not watch.due(1000), code
    watch.answered(10, 200, active=False)  # un-registered at exit
    assert not watch.due(1000)


def test_no_checks_when_switched_off_but_silence_is_still_told() -> None:
    watch = _registered(check_s=0)
    assert not watch.due(10_000)
    watch.sent(115)  # pjsua's own refresh before the expiry
    assert watch.went_silent(123)


def test_the_loop_waits_until_the_next_check_or_deadline_and_no_longer() -> None:
    watch = _registered()
    assert watch.wait_s(10) == pytest.approx(20.1)  # the next check
    watch.sent(30.1)
    assert watch.wait_s(31.1) == pytest.approx(7.0)  # the answer bound of the REGISTER out
    assert watch.went_silent(38.1)
    # pjsip's own timeout of that REGISTER (its report then moves the check on)
    assert watch.wait_s(40.1) == pytest.approx(30.0)
    watch.answered(41, 401, active=False)
    assert watch.wait_s(41) == float("inf")  # nothing to wait for: the loop's own bound


def test_a_register_that_failed_unanswered_is_told_once_for_the_route_to_be_asked_again() -> None:
    watch = _registered()
    assert not watch.failed_unanswered()
    watch.answered(40, 401, active=False)  # the server's own answer: the route is fine
    assert not watch.failed_unanswered()
    for code in (0, 408, 503):  # pjsip's: no answer, its timeout, a transport error
        watch.answered(50, code, active=False)
        assert watch.failed_unanswered(), code
        assert not watch.failed_unanswered()
