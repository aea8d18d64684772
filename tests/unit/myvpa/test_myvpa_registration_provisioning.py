"""How often the phone checks its registration travels from my-vpa's provisioning to the
engine (contract 1.5, `register_check_s`), with a safe default when a server does not send it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.myvpa.provisioning import checked, payload
from vpaphone.app.phone import sip_config
from vpaphone.myvpa.errors import ContractViolationError
from vpaphone.myvpa.models import provisioning_from
from vpaphone.sip.config import REGISTER_CHECK_S


@pytest.mark.parametrize("value", [0, 10, 45, 3600])
def test_provisioned_check_interval_reaches_the_engine(value: int) -> None:
    provisioning = provisioning_from(checked(payload(register_check_s=value)))
    assert provisioning.sip.register_check_s == value
    assert sip_config(provisioning).register_check_s == value
    assert provisioning.sip.to_json()["register_check_s"] == value  # cached as it came


def test_a_server_that_does_not_send_it_gets_the_default() -> None:
    data = checked(payload())
    assert "register_check_s" not in data["sip"]
    provisioning = provisioning_from(data)
    assert "register_check_s" not in provisioning.sip.to_json()
    assert sip_config(provisioning).register_check_s == REGISTER_CHECK_S == 30


@pytest.mark.parametrize("value", [-1, 1, 9, 3601, 30.5, "30", None])
def test_unusable_check_intervals_are_rejected_by_name(value: Any) -> None:
    # below 10 s (but not 0) a phone would load the registrar for nothing
    with pytest.raises(ContractViolationError) as caught:
        checked(payload(register_check_s=value))
    assert "$.sip.register_check_s" in caught.value.message
