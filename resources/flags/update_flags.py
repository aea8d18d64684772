"""Copy the flags the country picker shows from the MIT-licensed npm package `flag-icons`.

Run from the repository root (needs npm and the project venv for phonenumbers):

    .venv/bin/python resources/flags/update_flags.py 7.5.0

It runs `npm pack flag-icons@VERSION` in a temporary folder and copies `flags/4x3/<code>.svg`
for every region phonenumbers supports (as `<CODE>.svg`, upper case, as phonenumbers names
regions) plus the package's LICENSE. Tristan da Cunha (TA) is `sh-ta` in flag-icons; Ascension (AC)
gets the flag of Saint Helena, Ascension and Tristan da Cunha (`sh`), because Qt's SVG renderer
cannot draw `sh-ac` (124 unresolved references).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import phonenumbers

HERE = Path(__file__).resolve().parent
_ALIASES = {"AC": "sh", "TA": "sh-ta"}


def main(version: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"flag-icons@{version}"], cwd=tmp, check=True)
        archive = next(Path(tmp).glob("flag-icons-*.tgz"))
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        package = Path(tmp) / "package"
        for old in HERE.glob("*.svg"):
            old.unlink()
        missing = []
        for region in sorted(phonenumbers.SUPPORTED_REGIONS):
            source = package / "flags" / "4x3" / f"{_ALIASES.get(region, region.lower())}.svg"
            if source.is_file():
                shutil.copyfile(source, HERE / f"{region}.svg")
            else:
                missing.append(region)
        shutil.copyfile(package / "LICENSE", HERE / "LICENSE")
        (HERE / "VERSION").write_text(f"flag-icons {version}\n", encoding="utf-8")
    if missing:
        print("no flag for:", ", ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "7"))
