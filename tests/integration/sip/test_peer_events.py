"""The events benchmarks time peers on: Kamailio's record of each registration it took, and
baresip's events stamped when they arrive (not when a poll happened to look)."""

from __future__ import annotations

import time

import pytest

pytestmark = [pytest.mark.kamailio, pytest.mark.baresip]


def test_kamailio_records_when_it_took_each_registration(kamailio, baresip_phone):
    before = time.time()
    phone = baresip_phone(kamailio, "bob")
    after = time.time()
    at = kamailio.registered_at("bob", before)
    assert at is not None
    assert before <= at <= after
    assert kamailio.registered_at("bob", after) is None  # nothing new since
    assert kamailio.registered_at("alice", before) is None  # never registered
    phone.stop()  # baresip un-registers on SIGTERM: recorded, but not as a registration
    deadline = time.monotonic() + 10
    while not kamailio.registrations("bob")[-1].removal:
        assert time.monotonic() < deadline, "the un-REGISTER was not recorded"
        time.sleep(0.05)
    assert kamailio.registered_at("bob", after) is None


def test_baresip_events_carry_their_arrival_time(kamailio, baresip_phone):
    caller = baresip_phone(kamailio, "alice", auto_answer=False)
    callee = baresip_phone(kamailio, "bob")
    dialled = time.perf_counter()
    caller.command("dial", f"sip:bob@{kamailio.domain}")
    established = caller.wait_event("CALL_ESTABLISHED", timeout=15)
    returned = time.perf_counter()
    assert dialled < established["received_at"] <= returned
    caller.command("hangup")
    callee.wait_event("CALL_CLOSED", timeout=15)
