"""The demo server's provisioning payload (valid by contract) with SIP fields changed, and the
contract check my-vpa's answers go through: for tests of single provisioning fields."""

from __future__ import annotations

import copy
from typing import Any

from vpaphone.demo.data import demo_users
from vpaphone.demo.server import DemoState
from vpaphone.myvpa.contract import load_contract


def payload(**sip: Any) -> dict[str, Any]:
    user = next(iter(demo_users().values()))
    data = copy.deepcopy(DemoState().provisioning(user))
    data["sip"].update(sip)
    return data


def checked(data: dict[str, Any]) -> dict[str, Any]:
    """`data` if it is a valid provisioning answer; else ContractViolationError naming where."""
    contract = load_contract()
    contract.check(contract.schema_pointer("getProvisioning", 200) or "", data, "provisioning")
    return data
