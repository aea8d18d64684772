"""What the Windows and macOS packages declare, checked against the code that relies on it:
the .app's Info.plist (link schemes, microphone text, bundle id = preferences domain), the
example MDM profile (through the app's own policy parser), the entitlements, and the
AppUserModelID shared by the MSI's shortcut and the running app."""

from __future__ import annotations

import plistlib
import re
import subprocess
from pathlib import Path

import pytest

from installer.macos.info_plist import info_plist
from vpaphone import __version__
from vpaphone.platform.fileopen import LINK_SCHEMES
from vpaphone.platform.identity import APP_USER_MODEL_ID, claim_app_user_model_id
from vpaphone.platform.policy import MACOS_DOMAIN, VALUE_NAMES, policy_from_values

INSTALLER = Path(__file__).resolve().parents[3] / "installer"


@pytest.mark.parametrize(("arch", "minimum"), [("arm64", "14.0"), ("x86_64", "15.0")])
def test_info_plist(arch: str, minimum: str) -> None:
    info = info_plist(__version__, arch)
    # what Launch Services registers: the same schemes the QFileOpenEvent filter accepts
    (url_type,) = info["CFBundleURLTypes"]
    assert tuple(url_type["CFBundleURLSchemes"]) == LINK_SCHEMES
    assert info["CFBundleIdentifier"] == MACOS_DOMAIN  # also the managed-preferences domain
    assert "microphone" in info["NSMicrophoneUsageDescription"]
    assert info["LSMinimumSystemVersion"] == minimum
    assert info["CFBundleShortVersionString"] == __version__
    # PyInstaller writes it with plistlib: every value must be a plist type
    assert plistlib.loads(plistlib.dumps(info)) == info


def test_no_info_plist_for_an_architecture_without_pjsua2() -> None:
    with pytest.raises(ValueError, match="no pjsua2 wheel"):
        info_plist(__version__, "ppc")


def test_example_profile_sets_every_policy_the_app_reads() -> None:
    profile = plistlib.loads((INSTALLER / "macos" / "vpaphone.mobileconfig").read_bytes())
    assert profile["PayloadType"] == "Configuration"
    (payload,) = profile["PayloadContent"]
    assert payload["PayloadType"] == MACOS_DOMAIN
    settings = {k: v for k, v in payload.items() if not k.startswith("Payload")}
    assert set(settings) == set(VALUE_NAMES)
    policy = policy_from_values(settings, "profile")
    assert policy.server_url == "https://my-vpa.example/api/v1"
    assert policy.start_at_login_allowed is True
    assert policy.default_language == "de"


def test_entitlements_allow_the_microphone_under_the_hardened_runtime() -> None:
    entitlements = plistlib.loads((INSTALLER / "macos" / "entitlements.plist").read_bytes())
    assert entitlements["com.apple.security.device.audio-input"] is True


def test_the_shortcut_and_the_app_share_one_app_user_model_id() -> None:
    idt = (INSTALLER / "windows" / "shortcut-property.idt").read_text().splitlines()
    assert idt[3].split("\t") == [
        "AppUserModelID",
        "AppShortcut",
        "System.AppUserModel.ID",
        APP_USER_MODEL_ID,
    ]
    wxs = (INSTALLER / "windows" / "vpaphone.wxs").read_text()
    assert re.findall(r'Key="System.AppUserModel.ID" Value="([^"]+)"', wxs) == [APP_USER_MODEL_ID]
    assert claim_app_user_model_id("linux") is False  # elsewhere: nothing to claim


@pytest.mark.parametrize(
    "script", ["windows/build-msi.sh", "macos/build-pkg.sh", "release/smoke.sh", "release/build.sh"]
)
def test_release_scripts_parse(script: str) -> None:
    done = subprocess.run(
        ["bash", "-n", str(INSTALLER / script)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
