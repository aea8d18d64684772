"""The macOS app's Info.plist entries, merged by PyInstaller's BUNDLE (vpaphone.spec, darwin).

What macOS needs from it: the URL schemes Launch Services may hand to the app (links then
arrive as QFileOpenEvent: vpaphone.platform.fileopen), the microphone text (without
NSMicrophoneUsageDescription macOS kills the app at its first recording, no question asked),
the bundle identifier that is also the managed-preferences domain (vpaphone.platform.policy),
and the oldest macOS its pjsua2 wheel runs on (arm64: 14, x86_64: 15).
"""

from __future__ import annotations

from typing import Any

from vpaphone import APP_DISPLAY_NAME, APP_NAME
from vpaphone.platform.policy import MACOS_DOMAIN

LINK_SCHEMES = ["tel", "sip", "callto"]
MICROPHONE_TEXT = (
    "my-vpa Softphone uses the microphone for your calls with customers. "
    "Nothing is recorded or sent anywhere else."
)
MINIMUM_MACOS = {"arm64": "14.0", "x86_64": "15.0"}  # pjsua2-python 2.15.1.post1 wheels


def info_plist(version: str, arch: str) -> dict[str, Any]:
    if arch not in MINIMUM_MACOS:
        raise ValueError(f"no pjsua2 wheel for macOS on {arch!r}: {', '.join(MINIMUM_MACOS)}")
    return {
        "CFBundleIdentifier": MACOS_DOMAIN,
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_DISPLAY_NAME,
        "CFBundleExecutable": APP_NAME,
        "CFBundlePackageType": "APPL",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleURLTypes": [
            {
                "CFBundleURLName": f"{MACOS_DOMAIN}.call",
                "CFBundleURLSchemes": LINK_SCHEMES,
                "CFBundleTypeRole": "Viewer",
            }
        ],
        "NSMicrophoneUsageDescription": MICROPHONE_TEXT,
        "LSMinimumSystemVersion": MINIMUM_MACOS[arch],
        "LSApplicationCategoryType": "public.app-category.business",
        "NSHighResolutionCapable": True,
        "NSSupportsAutomaticGraphicsSwitching": True,
    }
