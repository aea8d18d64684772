"""The OpenAPI contract is a valid OpenAPI 3.1 document and agrees with the shipped data."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate

from vpaphone.core.rules import RuleData
from vpaphone.demo.data import demo_users
from vpaphone.demo.server import DemoState
from vpaphone.myvpa.contract import load_contract
from vpaphone.myvpa.errors import ContractViolationError


def test_openapi_document_is_valid() -> None:
    contract = load_contract()
    validate(contract.document)  # raises on any violation of the OpenAPI 3.1 schema
    assert contract.document["openapi"] == "3.1.0"


def test_every_operation_documents_errors_as_problems() -> None:
    contract = load_contract()
    assert len(contract.operations) == 12  # setTaskBudget and setCallTask (issue 14)
    for op_id in contract.operations:
        assert contract.is_documented(op_id, 503), op_id
        pointer = contract.schema_pointer(op_id, 503)
        assert pointer is not None
        assert pointer.endswith("application~1problem+json/schema")


def test_shipped_rule_data_fits_the_contract() -> None:
    contract = load_contract()
    shipped = RuleData.default().to_mapping()
    contract.check("/components/schemas/RuleData", shipped, "shipped rules")


def test_demo_provisioning_fits_the_contract_and_the_core() -> None:
    contract = load_contract()
    state = DemoState()
    for user in demo_users().values():
        data = state.provisioning(user)
        contract.check(contract.schema_pointer("getProvisioning", 200) or "", data, "demo")
        RuleData.default().with_overrides(data["rules"])  # the core accepts it too


def test_violation_names_the_place_not_the_content() -> None:
    contract = load_contract()
    profile = {"id": "x", "name": "n", "role": "sales", "individual_number": "secret-ish"}
    with pytest.raises(ContractViolationError) as caught:
        contract.check(contract.schema_pointer("getProfile", 200) or "", profile, "profile")
    assert "$.individual_number" in caught.value.message
    assert "secret-ish" not in caught.value.message
