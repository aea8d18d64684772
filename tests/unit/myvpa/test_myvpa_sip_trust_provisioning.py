"""The SIP trust fields (company CA, digest realm, direct calls) travel from my-vpa's
provisioning, checked by the contract, to the SIP engine's account config."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.myvpa.provisioning import checked, payload
from vpaphone.app.phone import sip_config
from vpaphone.demo.tls import make_certificates
from vpaphone.myvpa.errors import ContractViolationError
from vpaphone.myvpa.models import provisioning_from


def test_company_ca_realm_and_direct_calls_reach_the_engine_config(tmp_path) -> None:
    pem = make_certificates(tmp_path).ca_file.read_text()
    data = checked(payload(tls_ca_pem=pem, realm="pbx.example", allow_direct_calls=True))
    provisioning = provisioning_from(data)
    config = sip_config(provisioning)
    assert (config.tls_ca_pem, config.realm, config.allow_direct_calls) == (
        pem,
        "pbx.example",
        True,
    )
    assert provisioning.sip.to_json()["tls_ca_pem"] == pem  # what the offline cache keeps


def test_absent_fields_mean_system_store_domain_realm_and_no_direct_calls() -> None:
    data = checked(payload())
    for name in ("tls_ca_pem", "realm", "allow_direct_calls"):
        assert name not in data["sip"]
    config = sip_config(provisioning_from(data))
    assert (config.tls_ca_pem, config.realm, config.allow_direct_calls) == (None, None, False)
    assert config.auth_realm == config.domain.split(":")[0]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tls_ca_pem", "not a certificate"),
        ("realm", "*"),  # the wildcard is exactly what must not be provisioned
        ("allow_direct_calls", "yes"),
    ],
)
def test_unusable_trust_values_are_rejected_by_name(field: str, value: Any) -> None:
    with pytest.raises(ContractViolationError) as caught:
        checked(payload(**{field: value}))
    assert f"$.sip.{field}" in caught.value.message
