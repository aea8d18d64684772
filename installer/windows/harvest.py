"""The payload's files as a WiX fragment: one component per file, in a component group.

    python -m installer.windows.harvest PAYLOAD_DIR > payload.wxs

PAYLOAD_DIR is the PyInstaller bundle folder (`vpaphone.exe`, `vpaphone-cli.exe`,
`_internal/...`). Both toolchains read the result: wixl (msitools) here and in the suite, the
WiX toolset (candle/light, with ICE validation) on the Windows runner — so one source, and no
dependence on heat's or wixl-heat's differing output. Component GUIDs are derived from the
file's path inside the payload (uuid5): the same file keeps its component across versions,
as Windows Installer's component rules want for upgrades. File sources are relative to
PAYLOAD_DIR (wixl cannot take absolute `Source` paths): build from inside it, or pass it as
the `PayloadDir` preprocessor variable.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from xml.sax.saxutils import quoteattr

NAMESPACE = uuid.UUID("5b0f3c1e-7a8e-4f57-9d0b-6e2c1f3a9c41")  # this product's component space
GROUP = "Payload"
ROOT_DIRECTORY = "INSTALLDIR"
MAIN_EXECUTABLE = "vpaphone.exe"  # the shortcut's target: the main.wxs names its File Id
MAIN_FILE_ID = "VpaphoneExe"


def _identifier(prefix: str, relative: PurePosixPath) -> str:
    """A WiX identifier (max 72 characters, letters, digits, _ and .): stable per path."""
    digest = hashlib.sha1(str(relative).encode(), usedforsecurity=False).hexdigest()[:16]
    return f"{prefix}_{digest}"


def fragment(payload: Path) -> str:
    files = sorted(
        PurePosixPath(p.relative_to(payload).as_posix()) for p in payload.rglob("*") if p.is_file()
    )
    if PurePosixPath(MAIN_EXECUTABLE) not in files:
        raise SystemExit(f"{payload}: no {MAIN_EXECUTABLE} (is this a Windows bundle?)")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
        "  <Fragment>",
    ]
    directories: dict[PurePosixPath, str] = {PurePosixPath("."): ROOT_DIRECTORY}
    components: list[str] = []
    by_folder: dict[PurePosixPath, list[PurePosixPath]] = {}
    for file in files:
        by_folder.setdefault(file.parent, []).append(file)
        for parent in reversed(file.parents[:-1]):
            directories.setdefault(parent, _identifier("dir", parent))

    def emit(folder: PurePosixPath, depth: int) -> None:
        pad = "  " * depth
        if folder == PurePosixPath("."):
            lines.append(f"{pad}<DirectoryRef Id={quoteattr(ROOT_DIRECTORY)}>")
        else:
            lines.append(
                f"{pad}<Directory Id={quoteattr(directories[folder])} "
                f"Name={quoteattr(folder.name)}>"
            )
        for file in by_folder.get(folder, []):
            component = _identifier("cmp", file)
            file_id = (
                MAIN_FILE_ID if file == PurePosixPath(MAIN_EXECUTABLE) else _identifier("fil", file)
            )
            guid = str(uuid.uuid5(NAMESPACE, str(file))).upper()
            components.append(component)
            lines.append(
                f'{pad}  <Component Id={quoteattr(component)} Guid={quoteattr(guid)} Win64="yes">'
            )
            lines.append(
                f"{pad}    <File Id={quoteattr(file_id)} Name={quoteattr(file.name)} "
                f'Source={quoteattr("$(var.PayloadDir)/" + str(file))} KeyPath="yes"/>'
            )
            lines.append(f"{pad}  </Component>")
        for child in sorted(
            d for d in directories if d != folder and d.parent == folder and d != PurePosixPath(".")
        ):
            emit(child, depth + 1)
        lines.append(f"{pad}</{'DirectoryRef' if folder == PurePosixPath('.') else 'Directory'}>")

    emit(PurePosixPath("."), 2)
    lines.append(f"    <ComponentGroup Id={quoteattr(GROUP)}>")
    lines += [f"      <ComponentRef Id={quoteattr(c)}/>" for c in components]
    lines += ["    </ComponentGroup>", "  </Fragment>", "</Wix>", ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("payload", type=Path, help="the Windows bundle folder")
    args = parser.parse_args(argv)
    sys.stdout.write(fragment(args.payload))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
