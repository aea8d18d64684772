"""Settings IT enforces through the platform's own policy channel.

    Windows  HKLM\\Software\\Policies\\my-vpa\\vpaphone   (Group Policy / Intune, the ADMX
             templates in installer/windows/policy/, or the MSI's MYVPA_URL and CA_BUNDLE)
    macOS    /Library/Managed Preferences/[<user>/]de.my-vpa.vpaphone.plist  (an MDM profile,
             example in installer/macos/vpaphone.mobileconfig)
    Linux    no policy store of its own: the managed /etc/vpaphone/myvpa.json (myvpa.settings)

Value names are the same on both systems:

    ServerUrl            text   the my-vpa API address (https://…)
    CaBundle             text   a PEM file of CA certificates to trust besides the system's
    StartAtLoginAllowed  0/1    0: "Start when I log in" is off and cannot be switched on
    DefaultLanguage      de/en  the UI language until the user picks one

A policy wins over every other source (myvpa.settings says the order). An empty value sets
nothing; names this version does not know are ignored (a newer template may set them). A value
of the wrong kind is a PolicyError naming the source and the value: better a clear refusal at
start than a silently unmanaged installation.
"""

from __future__ import annotations

import getpass
import plistlib
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from xml.parsers.expat import ExpatError

POLICY_KEY = r"Software\Policies\my-vpa\vpaphone"  # under HKEY_LOCAL_MACHINE
MACOS_DOMAIN = "de.my-vpa.vpaphone"  # the bundle identifier, also the preferences domain
MACOS_MANAGED_DIR = Path("/Library/Managed Preferences")
LANGUAGES = ("de", "en")

# value name → Policy field
VALUE_NAMES = {
    "ServerUrl": "server_url",
    "CaBundle": "ca_bundle",
    "StartAtLoginAllowed": "start_at_login_allowed",
    "DefaultLanguage": "default_language",
}


class PolicyError(ValueError):
    """A policy value this version cannot use; the message names where and which."""


@dataclass(frozen=True, slots=True)
class Policy:
    source: str = ""  # where it was read ("" : no policy on this machine)
    server_url: str | None = None
    ca_bundle: str | None = None
    start_at_login_allowed: bool | None = None
    default_language: str | None = None

    def managed(self) -> list[str]:
        """The value names this policy sets."""
        names = {field: name for name, field in VALUE_NAMES.items()}
        return [
            names[f.name]
            for f in fields(self)
            if f.name != "source" and getattr(self, f.name) is not None
        ]

    def describe(self) -> str:
        if not self.source:
            return "none"
        managed = self.managed()
        return f"{self.source} ({'sets ' + ', '.join(managed) if managed else 'sets nothing'})"


NO_POLICY = Policy()


def policy_from_values(values: Mapping[str, object], source: str) -> Policy:
    """A policy from registry values (str or int, as winreg returns them) or plist keys."""
    found: dict[str, object] = {}
    for name, value in values.items():
        field = VALUE_NAMES.get(name)
        if field is None or value is None or value == "":
            continue
        where = f"{source}: {name}"
        if field == "start_at_login_allowed":
            found[field] = _flag(value, where)
        elif field == "default_language":
            found[field] = _language(value, where)
        else:
            found[field] = _text(value, where)
    return Policy(source=source, **found)  # type: ignore[arg-type]


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise PolicyError(f"{where}: must be text, got {type(value).__name__}")
    return value.strip()


def _flag(value: object, where: str) -> bool:
    # bool before int: True is an int. REG_DWORD gives int; a plist gives bool or integer.
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip() in ("0", "1"):
        return value.strip() == "1"
    raise PolicyError(f"{where}: must be 0 or 1 (or a boolean), got {value!r}")


def _language(value: object, where: str) -> str:
    text = _text(value, where).lower()
    if text not in LANGUAGES:
        raise PolicyError(f"{where}: must be one of {', '.join(LANGUAGES)}, got {value!r}")
    return text


def policy_from_plist(path: Path) -> Policy:
    """A managed-preferences file (binary or XML plist, as the MDM client wrote it)."""
    try:
        data = plistlib.loads(path.read_bytes())
    except (OSError, plistlib.InvalidFileException, ValueError, ExpatError) as exc:
        raise PolicyError(f"{path}: not a readable property list ({exc})") from None
    if not isinstance(data, dict):
        raise PolicyError(f"{path}: expected a dictionary of settings")
    return policy_from_values(data, str(path))


def macos_policy_files(
    managed_dir: Path = MACOS_MANAGED_DIR, user: str | None = None
) -> list[Path]:
    """Where managed preferences may be, the user's (user-channel profiles) first."""
    user = user or getpass.getuser()
    return [managed_dir / user / f"{MACOS_DOMAIN}.plist", managed_dir / f"{MACOS_DOMAIN}.plist"]


def read_registry_values(key: str) -> dict[str, object]:  # pragma: no cover - Windows only
    """The values of HKLM\\`key` (64-bit view); {} when the key does not exist. The one
    registry read of the app: everything it returns goes through policy_from_values."""
    import winreg  # noqa: PLC0415 - Windows only

    values: dict[str, object] = {}
    try:
        handle = winreg.OpenKey(  # type: ignore[attr-defined,unused-ignore]
            winreg.HKEY_LOCAL_MACHINE,  # type: ignore[attr-defined,unused-ignore]
            key,
            0,
            winreg.KEY_READ | winreg.KEY_WOW64_64KEY,  # type: ignore[attr-defined,unused-ignore]
        )
    except OSError:
        return values
    with handle:
        index = 0
        while True:
            try:
                name, value, _kind = winreg.EnumValue(handle, index)  # type: ignore[attr-defined,unused-ignore]
            except OSError:
                return values
            values[str(name)] = value
            index += 1


def read_policy(
    platform: str = sys.platform,
    *,
    registry: Callable[[str], Mapping[str, object]] = read_registry_values,
    managed_dir: Path = MACOS_MANAGED_DIR,
    user: str | None = None,
) -> Policy:
    """The policy in force on this machine (NO_POLICY where none is set)."""
    if platform == "win32":
        values = registry(POLICY_KEY)
        return policy_from_values(values, f"HKLM\\{POLICY_KEY}") if values else NO_POLICY
    if platform == "darwin":
        for path in macos_policy_files(managed_dir, user):
            if path.is_file():
                return policy_from_plist(path)
    return NO_POLICY
