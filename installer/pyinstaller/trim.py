"""What the bundle leaves out, and what it strips — used by vpaphone.spec.

Measured on Linux from /proc/PID/maps during a call (PLATFORM.md): the app maps 25 of the 152
shared objects a naive bundle holds. Left out here are the parts that are never loaded: Qt
Multimedia's FFmpeg plugin and the libav* it pulls (the app uses Qt's own audio backend),
QtQuick/QML and the virtual keyboard (a Widgets app), QtPdf, and Qt's own translations other
than German. Kept on purpose: wayland, xcb, offscreen, svg, networkinformation, ICU, and the
app's own `.qm` (it lives under vpaphone/resources/, which no rule here touches).

Names are destination paths inside the bundle, with `/` separators on every platform.
"""

from __future__ import annotations

import fnmatch
import os
import pkgutil
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

QT = "PySide6/Qt"
# Shared libraries, by file name wherever PyInstaller puts them (the Qt tree, or a link to it
# at the top of _internal/): a plugin's libraries are collected even when the plugin is not.
LEFT_OUT_LIBRARIES = (
    "libav*",  # FFmpeg, used only by Qt Multimedia's FFmpeg plugin
    "libsw*",
    "libQt6FFmpegStub*",
    "libQt6Qml*",  # QML / Quick / virtual keyboard
    "libQt6Quick*",
    "libQt6VirtualKeyboard*",
    "libQt6Pdf*",
)
LEFT_OUT_PATHS = (
    f"{QT}/plugins/multimedia/*ffmpeg*",
    f"{QT}/qml/*",
    f"{QT}/plugins/platforminputcontexts/*virtualkeyboard*",
    f"{QT}/plugins/qmltooling/*",
    # Image formats: the app draws SVG only (PNG, BMP and XPM are built into QtGui).
    f"{QT}/plugins/imageformats/*gif*",
    f"{QT}/plugins/imageformats/*icns*",
    f"{QT}/plugins/imageformats/*ico*",
    f"{QT}/plugins/imageformats/*jpeg*",
    f"{QT}/plugins/imageformats/*pdf*",
    f"{QT}/plugins/imageformats/*tga*",
    f"{QT}/plugins/imageformats/*tiff*",
    f"{QT}/plugins/imageformats/*wbmp*",
    f"{QT}/plugins/imageformats/*webp*",
    # The GTK3 platform theme loads the bundled GTK, which then loads the system's GIO and GTK
    # modules: built against a newer GLib on a newer system, they fail to resolve symbols
    # (Debian 13: g_once_init_enter_pointer). Without it Qt uses its own style and the XDG
    # desktop portal for dialogs. With its libraries (pruned as orphans below): ~18 MB.
    f"{QT}/plugins/platformthemes/*gtk3*",
)
QT_TRANSLATIONS = f"{QT}/translations/*"
KEPT_LANGUAGE = "_de.qm"  # the UI's languages: English (no file) and German
# auditwheel patched these ELF files with patchelf (the wheels' vendored libraries in `*.libs`
# and the extensions that load them); strip misaligns them and the import fails ("ELF load
# command address/offset not page-aligned": pjsua2, and numpy's OpenBLAS for voice processing).
NEVER_STRIPPED = ("pjsua2/*", "numpy/*", "*.libs/*")

TocEntry = tuple[str, str, str]  # (destination name, source path, type code)


def left_out(name: str) -> bool:
    name = name.replace(os.sep, "/")
    base = name.rsplit("/", 1)[-1]
    if any(fnmatch.fnmatch(base, pattern) for pattern in LEFT_OUT_LIBRARIES):
        return True
    if any(fnmatch.fnmatch(name, pattern) for pattern in LEFT_OUT_PATHS):
        return True
    return fnmatch.fnmatch(name, QT_TRANSLATIONS) and not name.endswith(KEPT_LANGUAGE)


def keep(toc: Iterable[TocEntry]) -> list[TocEntry]:
    """The entries that stay; a link stays only if what it points to does."""
    return [
        (name, source, kind)
        for name, source, kind in toc
        if not left_out(name) and not (kind == "SYMLINK" and left_out(source))
    ]


# Loaded only when a number's error hint names a country (core.dialhints): 22 MB as .pyc files,
# 4 MB compressed. Everything else the app may import at start.
COMPRESSED = ("phonenumbers.geodata", "phonenumbers.carrierdata", "phonenumbers.tzdata")


def collection_modes() -> dict[str, str]:
    """Python modules as .pyc files, as a venv has them, not in PyInstaller's compressed
    archive: a start then reads them without decompressing each (start to window was 1.16x the
    venv install's, 1.00x so). Except COMPRESSED, which would make the bundle 196 MiB."""
    names = {module.name for module in pkgutil.iter_modules()} | set(sys.builtin_module_names)
    modes = dict.fromkeys(sorted(names), "pyc")
    modes.update(dict.fromkeys(COMPRESSED, "pyz"))
    return modes


def prune_orphans(binaries: list[TocEntry]) -> list[TocEntry]:
    """Drops the shared libraries at the top of the bundle that no kept binary needs any more.

    PyInstaller collects a plugin's libraries while analysing; leaving the plugin out later
    leaves them behind (GTK for the GTK3 theme). Roots are the binaries in sub-folders
    (Qt's libraries and plugins, package extensions), the extension modules at the top and the
    Python library; a top-level library stays if a root needs it, directly or through other
    libraries (ELF DT_NEEDED).
    Linux only: other platforms name their dependencies differently (issue 12 decides there).
    """
    if not sys.platform.startswith("linux"):
        return binaries
    from PyInstaller.depend.bindepend import get_imports  # noqa: PLC0415 - spec time only

    top = {name: (name, source, kind) for name, source, kind in binaries if "/" not in name}
    roots = [
        entry
        for entry in binaries
        if "/" in entry[0] or entry[2] == "EXTENSION" or entry[0].startswith("libpython")
    ]
    needed: set[str] = set()
    queue = [source for _, source, kind in roots if kind != "SYMLINK"]
    while queue:
        for name, _path in get_imports(queue.pop()):
            entry = top.get(name)
            if entry is not None and name not in needed:
                needed.add(name)
                if entry[2] != "SYMLINK":
                    queue.append(entry[1])
    return [entry for entry in binaries if "/" in entry[0] or entry[0] in needed or entry in roots]


def strip_binaries(bundle: Path) -> int:
    """Strips debug symbols from the bundle's ELF files (Linux only: on macOS it would break
    code signing, Windows binaries carry none). Returns how many files were stripped."""
    if not sys.platform.startswith("linux"):
        return 0
    internal = bundle / "_internal"
    stripped = 0
    for path in sorted(internal.rglob("*")):
        name = path.relative_to(internal).as_posix()
        if path.is_symlink() or not path.is_file() or not _is_elf(path):
            continue
        if any(fnmatch.fnmatch(name, pattern) for pattern in NEVER_STRIPPED):
            continue
        subprocess.run([_strip(), "--strip-unneeded", str(path)], check=True)
        stripped += 1
    return stripped


def _is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def _strip() -> str:
    found = shutil.which("strip")
    if found is None:
        raise RuntimeError("strip not found: apt-get install binutils")
    return found
