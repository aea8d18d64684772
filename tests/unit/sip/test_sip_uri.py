"""Dialled URIs, caller numbers from incoming URIs, masking, config validation."""

from __future__ import annotations

import pytest

from vpaphone.core.model import CostZone, Destination, NumberKind
from vpaphone.sip.config import SipAccountConfig, SipConfigError
from vpaphone.sip.uri import caller_from_uri, dial_uri, refer_target, shown_uri, zone_of


def test_dial_uri_is_a_phone_uri():
    dest = Destination(e164="+4922182829980", region="DE", kind=NumberKind.FIXED_LINE)
    assert dial_uri(dest, "sip.example") == "sip:+4922182829980@sip.example;user=phone"


@pytest.mark.parametrize(
    ("uri", "e164", "display"),
    [
        ('"Bob" <sip:+4922100000002@vpa.test>', "+4922100000002", "Bob"),
        ("<sip:022182829980@10.0.0.1:5060;user=phone>", "+4922182829980", "+4922182829980"),
        ("sip:004930123456@host", "+4930123456", "+4930123456"),
        ("<sip:bob@vpa.test>", None, "bob"),
        ("<sip:anonymous@anonymous.invalid>", None, "anonymous"),
        ("garbage", None, "unknown"),
        ('"' + "A" * 5000 + '" <sip:1@x>', None, "A" * 79 + "…"),
    ],
)
def test_caller_from_uri(uri, e164, display):
    assert caller_from_uri(uri, "DE") == (e164, display)


@pytest.mark.parametrize(
    ("uri", "shown"),
    [
        ("<sip:bob@pbx.example;transport=tcp?Replaces=abc%3Bto-tag%3D1>", "sip:bob@pbx.example"),
        ('"Desk" <sips:desk@10.0.0.1:5061>', "sips:desk@10.0.0.1:5061"),
        ("sip:reception@vpa.test", "sip:reception@vpa.test"),
        ("tel:+4930123456", "tel:+4930123456"),
        ("", "unknown"),
        ("<sip:" + "a" * 5000 + "@x>", "sip:" + "a" * 75 + "…"),
    ],
)
def test_shown_uri_keeps_scheme_user_and_host(uri, shown):
    """A REFER target that is no phone number is shown as what it is, without its parameters."""
    assert shown_uri(uri) == shown


@pytest.mark.parametrize(
    ("uri", "target"),
    [
        ("<sip:+19005550000@vpa.test;user=phone>", ("+19005550000", "+19005550000")),
        ("sip:022182829980@pbx", ("+4922182829980", "+4922182829980")),
        ("<tel:+49-30-123456>", ("+4930123456", "+4930123456")),
        ("<sip:reception@pbx.example?Replaces=x>", (None, "sip:reception@pbx.example")),
    ],
)
def test_refer_target_is_a_number_or_the_uri(uri, target):
    assert refer_target(uri, "DE") == target


def test_zone_of():
    assert zone_of("+4922182829980") is CostZone.DE
    assert zone_of("+33123456789") is CostZone.EU
    assert zone_of("+12125550123") is CostZone.NON_EU


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"domain": "bad domain"}, "domain"),
        ({"username": "a@b"}, "username"),
        ({"password": ""}, "password"),
        ({"caller_id": "0221 123"}, "caller ID"),
        ({"register_expiry_s": 0}, "intervals"),
        ({"register_check_s": -1}, "intervals"),
        ({"register_answer_s": 0}, "answer bound"),
    ],
)
def test_config_rejects_bad_values_naming_the_field(changes, field):
    values = {"domain": "vpa.test", "username": "alice", "password": "pw", **changes}
    with pytest.raises(SipConfigError, match=field):
        SipAccountConfig(**values)


def test_peer_to_peer_config_needs_no_password():
    config = SipAccountConfig(domain="127.0.0.1:5099", username="demo", register=False)
    assert config.registrar_host == "127.0.0.1:5099"
