"""IT configures the my-vpa address and a company CA bundle; bad values say what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vpaphone.demo.tls import make_certificates
from vpaphone.myvpa.settings import SettingsError, load_settings


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_file_and_environment(tmp_path: Path) -> None:
    ca = make_certificates(tmp_path / "pki").ca_file
    settings_file = _write(
        tmp_path / "myvpa.json",
        {"base_url": "https://my-vpa.example/api/v1/", "ca_bundle": str(ca)},
    )
    settings = load_settings(settings_file, environ={})
    assert settings.base_url == "https://my-vpa.example/api/v1"
    assert settings.ca_bundle == ca
    assert settings.transport_config().ca_bundle == ca

    overridden = load_settings(settings_file, environ={"VPAPHONE_MYVPA_URL": "https://other.test"})
    assert overridden.base_url == "https://other.test"


def test_nothing_configured(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "absent.json", environ={})
    assert settings.base_url is None
    with pytest.raises(SettingsError, match="not configured"):
        settings.transport_config()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"base_url": "http://my-vpa.example"}, "base_url: must be an https:// address"),
        ({"base_url": 42}, "base_url: must be a text"),
        ({"ca_bundle": "/nonexistent/ca.pem"}, "ca_bundle: no such file"),
        ({"base_url": "https://x.test", "verify": False}, "unknown setting"),
        ([1, 2], "expected a JSON object"),
    ],
)
def test_bad_settings_name_the_problem(tmp_path: Path, data: object, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        load_settings(_write(tmp_path / "myvpa.json", data), environ={})


def test_ca_bundle_must_hold_a_certificate(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    with pytest.raises(SettingsError, match="holds no usable CA certificate"):
        load_settings(tmp_path / "absent.json", environ={"VPAPHONE_CA_BUNDLE": str(junk)})


def test_managed_file_wins_over_environment_and_user(tmp_path: Path) -> None:
    """IT's managed settings cannot be overridden by the user or the environment."""
    ca = make_certificates(tmp_path / "pki").ca_file
    managed = _write(
        tmp_path / "managed.json", {"base_url": "https://my-vpa.corp/api/v1", "ca_bundle": str(ca)}
    )
    user = _write(tmp_path / "user.json", {"base_url": "https://elsewhere.example/api/v1"})
    settings = load_settings(
        user, environ={"VPAPHONE_MYVPA_URL": "https://env.example"}, managed_path=managed
    )
    assert settings.base_url == "https://my-vpa.corp/api/v1"
    assert settings.ca_bundle == ca


def test_managed_file_may_set_only_some_keys(tmp_path: Path) -> None:
    ca = make_certificates(tmp_path / "pki").ca_file
    managed = _write(tmp_path / "managed.json", {"ca_bundle": str(ca)})
    user = _write(tmp_path / "user.json", {"base_url": "https://my-vpa.example/api/v1"})
    settings = load_settings(user, environ={}, managed_path=managed)
    assert settings.base_url == "https://my-vpa.example/api/v1"
    assert settings.ca_bundle == ca


def test_broken_managed_file_names_itself(tmp_path: Path) -> None:
    managed = tmp_path / "managed.json"
    managed.write_text("{not json", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"managed\.json: not readable JSON"):
        load_settings(tmp_path / "absent.json", environ={}, managed_path=managed)


def test_packaged_managed_file_comments_and_empty_values_manage_nothing(tmp_path: Path) -> None:
    """The .deb ships /etc/vpaphone/myvpa.json with a "_comment" and empty values: until IT fills
    a value in, the user's own setting applies."""
    managed = _write(
        tmp_path / "managed.json",
        {"_comment": "Managed by IT ...", "base_url": "", "ca_bundle": ""},
    )
    user = _write(tmp_path / "user.json", {"base_url": "https://my-vpa.example/api/v1"})
    settings = load_settings(user, environ={}, managed_path=managed)
    assert settings.base_url == "https://my-vpa.example/api/v1"
    assert settings.ca_bundle is None
