"""The MSI (installer/windows/build-msi.sh, wixl) from a stand-in payload: its tables read
back with msiinfo, then installed, upgraded, refused as a downgrade and removed by wine's
msiexec in a private prefix — and the policy key it writes read by the app's own parser.

What this proves and what not (docs/operations.md says the same): the MSI's tables and Windows
Installer's logic as wine implements it. Not Windows itself (wine puts the shortcut per user),
not the real bundle (PyInstaller cannot build a Windows payload here): the stand-in payload
holds text files named like the bundle's executables, for this test only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from vpaphone.platform.policy import POLICY_KEY, policy_from_values

ROOT = Path(__file__).resolve().parents[2]
BUILD_MSI = ROOT / "installer" / "windows" / "build-msi.sh"
TOOLS = ("wixl", "msibuild", "msiinfo", "wine", "wineserver")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]

pytestmark = [
    pytest.mark.installer,
    pytest.mark.slow,
    pytest.mark.skipif(
        bool(MISSING),
        reason=f"{', '.join(MISSING)} not installed (`make test` installs msitools, wixl, wine)",
    ),
]

URL = "https://my-vpa.example/api/v1"
OTHER_URL = "https://other.example/api/v1"
POLICY = f"HKLM\\{POLICY_KEY}"
UNINSTALL = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall"
OLD, NEW = "0.9.0", "0.9.1"


def stand_in_payload(folder: Path) -> Path:
    """A folder shaped like the Windows bundle. Stand-ins for this test only: the real
    executables come from PyInstaller on the Windows runner."""
    (folder / "_internal" / "vpaphone" / "resources").mkdir(parents=True)
    (folder / "vpaphone.exe").write_text("stand-in for the test: not a program\n")
    (folder / "vpaphone-cli.exe").write_text("stand-in for the test: not a program\n")
    (folder / "_internal" / "vpaphone" / "resources" / "rules.json").write_text("{}\n")
    (folder / "_internal" / "python311.dll").write_bytes(b"stand-in\n")
    return folder


def build(payload: Path, version: str, out: Path) -> Path:
    done = subprocess.run(
        [str(BUILD_MSI), str(payload), version, str(out)],
        cwd=ROOT,
        env={**os.environ, "PYTHON": str(ROOT / ".venv" / "bin" / "python")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "not signed" in done.stderr  # no SIGN_COMMAND: said, not silently skipped
    return out


@pytest.fixture(scope="module")
def msis(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("msi")
    payload = stand_in_payload(folder / "payload")
    return {v: build(payload, v, folder / f"vpaphone-{v}.msi") for v in (OLD, NEW)}


def table(msi: Path, name: str) -> list[list[str]]:
    """An MSI table's rows (msiinfo's .idt export without its three header lines)."""
    out = subprocess.run(
        ["msiinfo", "export", str(msi), name], capture_output=True, text=True, check=True
    ).stdout
    return [line.split("\t") for line in out.splitlines()[3:]]


def test_properties(msis: dict[str, Path]) -> None:
    rows = {r[0]: r[1] for r in table(msis[OLD], "Property")}
    assert rows["ProductName"] == "my-vpa Softphone"
    assert rows["ProductVersion"] == OLD
    assert rows["ALLUSERS"] == "1"  # per machine
    assert rows["UpgradeCode"] == "{8E0C4C53-3F0B-4E0E-9C57-5A1D2B7F6A10}"
    secure = rows["SecureCustomProperties"].split(";")
    assert {"MYVPA_URL", "CA_BUNDLE", "WIX_UPGRADE_DETECTED"} <= set(secure)
    # the two builds are different products of one upgrade family
    new = {r[0]: r[1] for r in table(msis[NEW], "Property")}
    assert new["ProductCode"] != rows["ProductCode"]
    assert new["UpgradeCode"] == rows["UpgradeCode"]


def test_upgrade_table_detects_older_and_newer(msis: dict[str, Path]) -> None:
    rows = table(msis[NEW], "Upgrade")
    # UpgradeCode, VersionMin, VersionMax, Language, Attributes, Remove, ActionProperty
    older = next(r for r in rows if r[6] == "WIX_UPGRADE_DETECTED")
    newer = next(r for r in rows if r[6] == "WIX_DOWNGRADE_DETECTED")
    assert (older[1], older[2]) == ("", NEW)  # anything below: removed by this one
    assert (newer[1], newer[2]) == (NEW, "")
    sequence = {r[0]: (r[1], int(r[2])) for r in table(msis[NEW], "InstallExecuteSequence")}
    assert sequence["RemoveExistingProducts"][1] < sequence["InstallInitialize"][1]
    # the command line's MYVPA_URL is kept aside around AppSearch (remember-property pattern)
    assert sequence["SaveUrl"] == ("MYVPA_URL", sequence["AppSearch"][1] - 2)
    assert sequence["RestoreUrl"] == ("SAVED_MYVPA_URL", sequence["AppSearch"][1] + 1)
    assert sequence["RestoreUrl"][1] < sequence["CostFinalize"][1]


def test_registry_writes_policy_and_capable_url_handler(msis: dict[str, Path]) -> None:
    # Registry, Root, Key, Name, Value, Component_   (Root 2: HKLM)
    rows = {(r[2], r[3]): r[4] for r in table(msis[OLD], "Registry") if r[1] == "2"}
    assert rows[(POLICY_KEY, "ServerUrl")] == "[MYVPA_URL]"
    assert rows[(POLICY_KEY, "CaBundle")] == "[CA_BUNDLE]"
    capabilities = r"Software\my-vpa\vpaphone\Capabilities"
    assert rows[(r"Software\RegisteredApplications", "my-vpa Softphone")] == capabilities
    for scheme in ("tel", "sip", "callto"):
        assert rows[(capabilities + r"\URLAssociations", scheme)] == "my-vpa.vpaphone.url"
    command = rows[(r"Software\Classes\my-vpa.vpaphone.url\shell\open\command", "")]
    assert command == '"[INSTALLDIR]vpaphone.exe" dial "%1"'
    # never the schemes' own keys: the default handler stays the user's (or IT's) choice
    keys = {r[2].lower() for r in table(msis[OLD], "Registry")}
    assert not keys & {r"software\classes\tel", r"software\classes\sip", r"software\classes\callto"}
    assert not any(k.startswith(("tel\\", "sip\\", "callto\\")) for k in keys)


def test_start_menu_shortcut_carries_the_app_user_model_id(msis: dict[str, Path]) -> None:
    shortcut = table(msis[OLD], "Shortcut")
    assert [(r[0], r[1], r[2], r[4]) for r in shortcut] == [
        ("AppShortcut", "ProgramMenuFolder", "my-vpa Softphone", "[INSTALLDIR]vpaphone.exe")
    ]
    assert table(msis[OLD], "MsiShortcutProperty") == [
        ["AppUserModelID", "AppShortcut", "System.AppUserModel.ID", "my-vpa.vpaphone"]
    ]


def test_payload_files_are_installed_below_program_files(msis: dict[str, Path]) -> None:
    files = {r[2] for r in table(msis[OLD], "File")}
    assert {"vpaphone.exe", "vpaphone-cli.exe", "rules.json", "python311.dll"} <= files
    directories = {r[0]: (r[1], r[2]) for r in table(msis[OLD], "Directory")}
    assert directories["INSTALLDIR"] == ("CompanyFolder", "vpaphone")
    assert directories["CompanyFolder"] == ("ProgramFiles64Folder", "my-vpa")


@dataclass
class Wine:
    prefix: Path

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "WINEPREFIX": str(self.prefix),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": "mscoree,mshtml=",  # no Mono/Gecko download dialogs
            "DISPLAY": "",
        }

    def run(self, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["wine", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def msiexec(self, *args: str) -> int:
        return self.run("msiexec", *args).returncode

    def values(self, key: str) -> dict[str, str] | None:
        """A registry key's values as `reg query` prints them; None: no such key."""
        done = self.run("reg", "query", key)
        if done.returncode != 0:
            return None
        found = {}
        for line in done.stdout.splitlines():
            parts = line.strip().split(None, 2)
            if len(parts) >= 2 and parts[1].startswith("REG_"):
                found[parts[0]] = parts[2] if len(parts) == 3 else ""
        return found

    def installed_versions(self) -> list[str]:
        done = self.run("reg", "query", UNINSTALL, "/s")
        lines = done.stdout.splitlines()
        return [
            lines[i + 1].split()[-1]
            for i, line in enumerate(lines[:-1])
            if "my-vpa Softphone" in line and "DisplayVersion" in lines[i + 1]
        ]

    def program_files(self) -> Path:
        return self.prefix / "drive_c" / "Program Files" / "my-vpa" / "vpaphone"


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    prefix = Wine(tmp_path_factory.mktemp("wine") / "prefix")
    started = time.monotonic()
    done = prefix.run("wineboot", "-i", timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    print(f"wine prefix ready in {time.monotonic() - started:.1f} s")
    try:
        yield prefix
    finally:  # wineserver and its services outlive the commands: end them
        subprocess.run(["wineserver", "-k"], env=prefix.env, timeout=60, check=False)
        subprocess.run(["wineserver", "-w"], env=prefix.env, timeout=60, check=False)


def test_install_upgrade_downgrade_uninstall(wine: Wine, msis: dict[str, Path]) -> None:
    started = time.monotonic()
    assert wine.msiexec("/i", str(msis[OLD]), "/qn", f"MYVPA_URL={URL}") == 0
    assert wine.installed_versions() == [OLD]
    assert (wine.program_files() / "vpaphone.exe").is_file()
    assert (wine.program_files() / "_internal" / "vpaphone" / "resources" / "rules.json").is_file()
    values = wine.values(POLICY)
    assert values is not None
    assert values["ServerUrl"] == URL
    # what the app reads there (CaBundle written empty: not set)
    policy = policy_from_values(values, POLICY)
    assert (policy.server_url, policy.ca_bundle, policy.managed()) == (URL, None, ["ServerUrl"])
    handler = wine.values(r"HKLM\Software\Classes\my-vpa.vpaphone.url\shell\open\command")
    assert handler == {"(Default)": r'"C:\Program Files\my-vpa\vpaphone\vpaphone.exe" dial "%1"'}
    assert wine.values(r"HKCR\tel") is None  # the scheme itself: untouched

    # upgrade without properties: the old product is removed, the URL stays
    assert wine.msiexec("/i", str(msis[NEW]), "/qn") == 0
    assert wine.installed_versions() == [NEW]
    assert (wine.values(POLICY) or {}).get("ServerUrl") == URL

    # the command line wins over what AppSearch found
    assert (
        wine.msiexec(
            "/i",
            str(msis[NEW]),
            "/qn",
            f"MYVPA_URL={OTHER_URL}",
            "REINSTALL=ALL",
            "REINSTALLMODE=amus",
        )
        == 0
    )
    assert (wine.values(POLICY) or {}).get("ServerUrl") == OTHER_URL

    # downgrade refused, the newer version stays
    assert wine.msiexec("/i", str(msis[OLD]), "/qn") != 0
    assert wine.installed_versions() == [NEW]

    # uninstall: files, policy values, handler registration gone
    assert wine.msiexec("/x", str(msis[NEW]), "/qn") == 0
    assert wine.installed_versions() == []
    assert not wine.program_files().exists()
    assert wine.values(POLICY) is None
    assert wine.values(r"HKLM\Software\Classes\my-vpa.vpaphone.url") is None
    assert "my-vpa Softphone" not in (wine.values(r"HKLM\Software\RegisteredApplications") or {})
    print(f"wine: install, upgrades, downgrade, uninstall in {time.monotonic() - started:.1f} s")
