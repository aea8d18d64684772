"""STUN servers and ICE travel from my-vpa's provisioning to the SIP engine's account config."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.myvpa.provisioning import checked, payload
from vpaphone.app.phone import sip_config
from vpaphone.myvpa.errors import ContractViolationError
from vpaphone.myvpa.models import provisioning_from


def test_provisioned_stun_and_ice_reach_the_engine_config() -> None:
    data = checked(payload(stun_servers=["stun.example.org", "192.0.2.7:3479"], ice=True))
    provisioning = provisioning_from(data)
    assert provisioning.sip.stun_servers == ("stun.example.org", "192.0.2.7:3479")
    assert provisioning.sip.ice is True
    config = sip_config(provisioning)
    assert config.stun_servers == ("stun.example.org", "192.0.2.7:3479")
    assert config.ice is True


def test_a_server_that_sends_neither_field_means_no_stun_and_no_ice() -> None:
    data = checked(payload())
    assert "stun_servers" not in data["sip"]
    assert "ice" not in data["sip"]
    config = sip_config(provisioning_from(data))
    assert config.stun_servers == ()
    assert config.ice is False


@pytest.mark.parametrize(
    ("field", "value", "where"),
    [
        ("stun_servers", ["a", "b", "c", "d", "e"], "$.sip.stun_servers"),  # at most 4
        ("stun_servers", ["stun.example.org", "stun.example.org"], "$.sip.stun_servers"),
        ("stun_servers", ["stun example"], "$.sip.stun_servers[0]"),
        ("stun_servers", "stun.example.org", "$.sip.stun_servers"),  # a list, not a string
        ("ice", "yes", "$.sip.ice"),
    ],
)
def test_unusable_stun_or_ice_values_are_rejected_by_name(
    field: str, value: Any, where: str
) -> None:
    with pytest.raises(ContractViolationError) as caught:
        checked(payload(**{field: value}))
    assert where in caught.value.message
