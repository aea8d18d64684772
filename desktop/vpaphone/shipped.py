"""The files every installation must carry in its `resources/` folder, and a check for them.

An installation that lost some of them (a wheel built without package data, a trimmed bundle, a
half-removed .deb) must say so at once — in the window, the log and `vpaphone diagnose` — instead
of failing later in some corner (a sign-in that never finishes, an English UI, a silent ring).
Plain Python: the CLI and the app both use it before Qt is loaded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from vpaphone import paths

_DTMF = (*"0123456789", "star", "hash")
_SOUNDS = (
    "busy",
    "call_waiting",
    "failure",
    "ringback",
    "ringtone",
    "speaker_test",
    *(f"dtmf_{k}" for k in _DTMF),
)
# Relative to resources/. A test keeps this list in step with the folder (tests/unit/install/).
REQUIRED_FILES: tuple[str, ...] = (
    "api/myvpa-openapi.json",
    "countries/names.json",
    "rules/rules.json",
    "rules/zones.json",
    "translations/vpaphone_de.qm",
    "icons/vpaphone.svg",
    "icons/tray-ready.svg",
    "icons/tray-call.svg",
    "icons/tray-offline.svg",
    "flags/LICENSE",
    *(f"sounds/{stem}.wav" for stem in _SOUNDS),
)
NAMES_FILE = "countries/names.json"  # every country named there has a flag in flags/


@dataclass(frozen=True, slots=True)
class ResourceCheck:
    root: Path
    expected: int  # files looked for
    missing: tuple[str, ...]  # relative to root

    @property
    def complete(self) -> bool:
        return not self.missing

    def summary(self) -> str:
        """One line for the log, stderr and diagnose."""
        if self.complete:
            return f"{self.root}: all {self.expected} shipped files present"
        shown = ", ".join(self.missing[:5]) + (" …" if len(self.missing) > 5 else "")
        return (
            f"{self.root}: {len(self.missing)} of {self.expected} shipped files missing "
            f"({shown}); the installation is incomplete, reinstall the softphone"
        )


def expected_files(root: Path) -> list[str]:
    """Every file the app needs under `root`: REQUIRED_FILES and one flag per listed country."""
    return list(REQUIRED_FILES) + [f"flags/{code}.svg" for code in _flag_codes(root)]


def check_resources(root: Path | None = None) -> ResourceCheck:
    root = root or paths.resources_dir()
    expected = expected_files(root)
    missing = tuple(name for name in expected if not (root / name).is_file())
    return ResourceCheck(root, len(expected), missing)


def _flag_codes(root: Path) -> list[str]:
    """The countries the picker lists; none when the names file itself is missing."""
    try:
        data = json.loads((root / NAMES_FILE).read_text(encoding="utf-8"))
        return sorted(data["names"]["en"])
    except (OSError, ValueError, KeyError, TypeError):
        return []
