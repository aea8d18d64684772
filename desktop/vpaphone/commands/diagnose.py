"""`vpaphone diagnose`: what a support person needs to know about this machine, as sections.

Each section is built by one function in SECTIONS; a failing section shows its error and the
others still run. A section whose check finds a problem raises SectionFailed with its lines;
diagnose then exits 1 (IT scripts rely on it). Add a section by appending (title, builder) to
SECTIONS. Nothing secret and no phone number may appear in the output. Heavy imports (Qt,
pjsua2) happen inside the section functions ("lazy"): the CLI imports this module just to
build its parser.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass

from vpaphone import __version__
from vpaphone.commands import diagnose_checks as checks
from vpaphone.commands import diagnose_data

Lines = list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    lines: Lines
    failed: bool = False


class SectionFailed(Exception):  # noqa: N818 - a section's verdict, not an error of the probe
    """A section that ran and found a problem: its lines are shown, and diagnose exits 1."""

    def __init__(self, lines: Lines) -> None:
        super().__init__(lines)
        self.lines = lines


def installation_section() -> Lines:
    """Which installation runs, and whether it carries every shipped resource file."""
    from vpaphone import paths  # noqa: PLC0415 (lazy)
    from vpaphone.shipped import check_resources  # noqa: PLC0415 (lazy)

    if getattr(sys, "frozen", False):
        kind = "bundle"
    elif paths.resources_dir().parent.name == "vpaphone":
        kind = "installed package"
    else:
        kind = "source tree"
    check = check_resources()
    lines: Lines = [
        ("kind", kind),
        ("executable", sys.executable),
        ("resources", check.summary()),
    ]
    if not check.complete:
        raise SectionFailed(lines)
    return lines


def versions_section() -> Lines:
    from PySide6 import QtCore  # noqa: PLC0415 (lazy)
    from PySide6 import __version__ as pyside_version  # noqa: PLC0415 (lazy)

    lines: Lines = [
        ("vpaphone", __version__),
        ("python", f"{platform.python_version()} ({sys.executable})"),
        ("platform", platform.platform()),
        ("Qt", QtCore.qVersion()),
        ("PySide6", pyside_version),
    ]
    try:
        from vpaphone.sip.info import pjproject_version  # noqa: PLC0415 (lazy)

        lines.append(("pjproject", pjproject_version()))
    except Exception as exc:
        lines.append(("pjproject", f"not loadable: {exc}"))
    return lines


def audio_devices_section() -> Lines:
    from vpaphone.audio.diagnostics import device_lines  # noqa: PLC0415 (lazy)

    return device_lines()


def audio_engine_section() -> Lines:
    from vpaphone.audio.diagnostics import null_device_line  # noqa: PLC0415 (lazy)

    return [null_device_line()]


def sip_transports_section() -> Lines:
    from vpaphone.sip.info import transport_lines  # noqa: PLC0415 (lazy)

    lines = transport_lines()
    if any(value.startswith("NOT") for _name, value in lines):
        raise SectionFailed(lines)
    return lines


def translations_section() -> Lines:
    """Whether the German texts load (a bundle that lost its .qm shows English silently)."""
    from PySide6.QtCore import QTranslator  # noqa: PLC0415 (lazy)

    from vpaphone import paths  # noqa: PLC0415 (lazy)

    qm = paths.resource("translations", "vpaphone_de.qm")
    translator = QTranslator()
    if not translator.load(str(qm)):
        raise SectionFailed([("German", f"NOT LOADABLE: {qm}")])
    sample = translator.translate("GeneralPage", "Start when I log in")
    if not sample:
        raise SectionFailed([("German", f"{qm} loads but has no German text")])
    return [("German", f"loads ({qm.name}: {sample!r})")]


SECTIONS: list[tuple[str, Callable[[], Lines]]] = [
    ("Versions", versions_section),
    ("Installation", installation_section),
    ("Configuration", checks.configuration_section),
    ("Keychain", checks.keychain_section),
    ("Reachability", checks.reachability_section),
    ("Local data", diagnose_data.local_data_section),
    ("Audio devices", audio_devices_section),
    ("Audio engine", audio_engine_section),
    ("SIP transports", sip_transports_section),
    ("Translations", translations_section),
]


def collect() -> list[Section]:
    sections = []
    for title, build in SECTIONS:
        try:
            sections.append(Section(title, build()))
        except SectionFailed as failed:
            sections.append(Section(title, failed.lines, True))
        except Exception as exc:  # one broken probe must not hide the others
            sections.append(Section(title, [("error", f"{type(exc).__name__}: {exc}")], True))
    return sections


def render_text(sections: list[Section]) -> str:
    out: list[str] = []
    for section in sections:
        out.append(f"== {section.title}")
        width = max((len(key) for key, _ in section.lines), default=0)
        out.extend(f"{key.ljust(width)}  {value}" for key, value in section.lines)
        out.append("")
    return "\n".join(out)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415 (lazy)

    from vpaphone.sip import pjlog  # noqa: PLC0415 (lazy: loads pjsua2)

    # Qt's device lists need an application object; no window is opened.
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    pjlog.quiet_until_configured()  # no start-up lines from the engine probes, and
    with pjlog.native_stdout_to_stderr():  # stdout stays JSON whatever native code prints
        sections = collect()
    if args.json:
        data = [
            {"title": s.title, "failed": s.failed, "lines": [list(line) for line in s.lines]}
            for s in sections
        ]
        print(json.dumps(data, indent=2))
    else:
        print(render_text(sections))
    del app
    return 1 if any(s.failed for s in sections) else 0
