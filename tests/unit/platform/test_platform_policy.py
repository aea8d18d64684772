"""IT policy on Windows (registry values) and macOS (managed preferences), and its precedence
over the managed file, the environment and the user's own file."""

from __future__ import annotations

import json
import plistlib
import re
from pathlib import Path

import pytest

from vpaphone.commands import diagnose_checks
from vpaphone.myvpa import settings as myvpa_settings
from vpaphone.myvpa.settings import SettingsError, load_settings
from vpaphone.platform import policy as policy_module
from vpaphone.platform.policy import (
    MACOS_DOMAIN,
    NO_POLICY,
    POLICY_KEY,
    Policy,
    PolicyError,
    policy_from_values,
    read_policy,
)

POLICY_SOURCE = r"HKLM\Software\Policies\my-vpa\vpaphone"


def registry(values: dict[str, object]) -> object:
    """What winreg's EnumValue loop returns for the policy key (and {} for any other key)."""
    return lambda key: values if key == POLICY_KEY else {}


def test_group_policy_values_as_winreg_returns_them() -> None:
    # REG_SZ arrive as str, REG_DWORD as int (what the ADMX templates and the MSI write)
    values = {
        "ServerUrl": " https://my-vpa.example/api/v1 ",
        "CaBundle": r"C:\ProgramData\corp\ca.pem",
        "StartAtLoginAllowed": 0,
        "DefaultLanguage": "DE",
        "**del.Other": "",  # Group Policy's deletion markers and unknown names: ignored
    }
    found = read_policy("win32", registry=registry(values))  # type: ignore[arg-type]
    assert found == Policy(
        source=POLICY_SOURCE,
        server_url="https://my-vpa.example/api/v1",
        ca_bundle=r"C:\ProgramData\corp\ca.pem",
        start_at_login_allowed=False,
        default_language="de",
    )
    assert found.describe() == (
        f"{POLICY_SOURCE} (sets ServerUrl, CaBundle, StartAtLoginAllowed, DefaultLanguage)"
    )


def test_no_policy_key_is_no_policy() -> None:
    assert read_policy("win32", registry=registry({})) is NO_POLICY  # type: ignore[arg-type]
    assert NO_POLICY.describe() == "none"


def test_empty_values_set_nothing() -> None:
    found = policy_from_values({"ServerUrl": "", "StartAtLoginAllowed": None}, "here")
    assert found.managed() == []
    assert found.describe() == "here (sets nothing)"


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("StartAtLoginAllowed", 2, "must be 0 or 1"),
        ("StartAtLoginAllowed", "yes", "must be 0 or 1"),
        ("DefaultLanguage", "fr", "must be one of de, en"),
        ("ServerUrl", 5, "must be text"),
    ],
)
def test_a_wrong_value_names_source_and_value(name: str, value: object, problem: str) -> None:
    with pytest.raises(PolicyError, match=rf"^{re.escape(POLICY_SOURCE)}: {name}: {problem}"):
        read_policy("win32", registry=registry({name: value}))  # type: ignore[arg-type]


def _write_plist(path: Path, data: dict[str, object], fmt: plistlib.PlistFormat) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(plistlib.dumps(data, fmt=fmt))
    return path


def test_macos_managed_preferences_binary_plist(tmp_path: Path) -> None:
    # the MDM client writes binary plists; booleans are real booleans there
    machine = _write_plist(
        tmp_path / f"{MACOS_DOMAIN}.plist",
        {"ServerUrl": "https://my-vpa.example/api/v1", "StartAtLoginAllowed": False},
        plistlib.FMT_BINARY,
    )
    found = read_policy("darwin", managed_dir=tmp_path, user="vpa")
    assert found.source == str(machine)
    assert found.server_url == "https://my-vpa.example/api/v1"
    assert found.start_at_login_allowed is False


def test_macos_user_channel_profile_wins_over_machine(tmp_path: Path) -> None:
    _write_plist(tmp_path / f"{MACOS_DOMAIN}.plist", {"DefaultLanguage": "en"}, plistlib.FMT_XML)
    user = _write_plist(
        tmp_path / "vpa" / f"{MACOS_DOMAIN}.plist", {"DefaultLanguage": "de"}, plistlib.FMT_XML
    )
    found = read_policy("darwin", managed_dir=tmp_path, user="vpa")
    assert (found.source, found.default_language) == (str(user), "de")
    assert read_policy("darwin", managed_dir=tmp_path / "none", user="vpa") is NO_POLICY


def test_a_damaged_plist_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / f"{MACOS_DOMAIN}.plist"
    path.write_bytes(b"<plist><dict><key>ServerUrl</key>")
    with pytest.raises(PolicyError, match="not a readable property list"):
        read_policy("darwin", managed_dir=tmp_path, user="vpa")
    path.write_bytes(plistlib.dumps(["not", "a", "dict"]))
    with pytest.raises(PolicyError, match="expected a dictionary"):
        read_policy("darwin", managed_dir=tmp_path, user="vpa")


def test_linux_has_no_policy_store_of_its_own(tmp_path: Path) -> None:
    _write_plist(tmp_path / f"{MACOS_DOMAIN}.plist", {"ServerUrl": "x"}, plistlib.FMT_XML)
    assert read_policy("linux", managed_dir=tmp_path) is NO_POLICY


def test_policy_wins_over_managed_file_environment_and_user(tmp_path: Path) -> None:
    managed = tmp_path / "managed.json"
    managed.write_text(json.dumps({"base_url": "https://managed.example/api"}))
    user = tmp_path / "user.json"
    user.write_text(json.dumps({"base_url": "https://user.example/api"}))
    env = {"VPAPHONE_MYVPA_URL": "https://env.example/api"}
    policy = Policy(source=POLICY_SOURCE, server_url="https://policy.example/api/")
    got = load_settings(user, env, managed, policy=policy)
    assert got.base_url == "https://policy.example/api"
    assert got.base_url_source == f"policy {POLICY_SOURCE}: ServerUrl"
    # without the policy the managed file decides, then the environment, then the user
    got = load_settings(user, env, managed, policy=NO_POLICY)
    assert (got.base_url, got.base_url_source) == (
        "https://managed.example/api",
        f"{managed}: base_url",
    )
    managed.unlink()
    got = load_settings(user, env, managed, policy=NO_POLICY)
    assert (got.base_url, got.base_url_source) == ("https://env.example/api", "VPAPHONE_MYVPA_URL")
    got = load_settings(user, {}, managed, policy=NO_POLICY)
    assert (got.base_url, got.base_url_source) == ("https://user.example/api", f"{user}: base_url")


def test_a_bad_policy_url_is_refused_with_its_source(tmp_path: Path) -> None:
    policy = Policy(source=POLICY_SOURCE, server_url="http://plain.example/api")
    with pytest.raises(SettingsError, match=r"policy HKLM.*: ServerUrl: must be an https://"):
        load_settings(tmp_path / "u.json", {}, tmp_path / "m.json", policy=policy)
    policy = Policy(source=POLICY_SOURCE, ca_bundle=str(tmp_path / "missing.pem"))
    with pytest.raises(SettingsError, match=r"CaBundle: no such file"):
        load_settings(tmp_path / "u.json", {}, tmp_path / "m.json", policy=policy)


def test_diagnose_shows_the_policy_and_what_it_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on a Mac with an MDM profile: diagnose names the file, what it sets, and which
    setting came from where."""
    plist = _write_plist(
        tmp_path / "managed" / f"{MACOS_DOMAIN}.plist",
        {"ServerUrl": "https://policy.example/api/v1", "DefaultLanguage": "de"},
        plistlib.FMT_BINARY,
    )

    def mac_policy() -> Policy:
        return read_policy("darwin", managed_dir=plist.parent, user="vpa")

    monkeypatch.setattr(policy_module, "read_policy", mac_policy)
    monkeypatch.setattr(myvpa_settings, "read_policy", mac_policy)
    monkeypatch.setenv("VPAPHONE_MANAGED_CONFIG", str(tmp_path / "etc"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.delenv("VPAPHONE_MYVPA_URL", raising=False)
    lines = dict(diagnose_checks.configuration_section())
    assert lines["policy"] == f"{plist} (sets ServerUrl, DefaultLanguage)"
    assert lines["my-vpa server"] == "https://policy.example/api/v1"
    assert lines["my-vpa server set by"] == f"policy {plist}: ServerUrl"
    assert "CA bundle set by" not in lines
