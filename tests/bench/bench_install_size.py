"""What a pip install of the app weighs on disk (issue 19): its runtime dependencies.

- Runtime install: every distribution `vpaphone` needs at run time (its requirements, followed
  down, without the `dev` extra), summed from the files each one installed (its RECORD), as a
  venv of the app holds them. Python itself is not counted.
- Of that, PySide6-Addons — one wheel holding every Qt add-on module, of which the app uses only
  Qt Multimedia (audio I/O). PyPI offers no finer split of PySide6 (Essentials + Addons is the
  finest), so Qt WebEngine and FFmpeg come with every pip install; the bundle leaves them out
  (issue 11, installer/pyinstaller/trim.py). Both parts are reported.
- The bundle and the .deb are measured by bench_install.py.

All reported, without a target: no goal bounds the size of an install; what can be left out is.
"""

from __future__ import annotations

import fnmatch
import re
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker

from tests.bench.harness import Row

MB = 1_000_000
WEBENGINE = ("*WebEngine*", "*qtwebengine*", "*webengine*")
FFMPEG = ("libav*", "libsw*", "*ffmpeg*")


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def runtime_distributions(top: str = "vpaphone") -> dict[str, metadata.Distribution]:
    """`top` and everything it needs at run time, by normalised name."""
    found: dict[str, metadata.Distribution] = {}
    queue = [top]
    while queue:
        name = queue.pop()
        if name in found:
            continue
        dist = metadata.distribution(name)
        found[name] = dist
        for requirement in dist.requires or []:
            marker = requirement.split(";", 1)[1] if ";" in requirement else ""
            if "extra" in marker:
                continue  # an optional extra (the app's `dev`, a library's own extras)
            if marker and not _marker_holds(marker):
                continue
            queue.append(_name(requirement))
    return found


def _marker_holds(marker: str) -> bool:
    return Marker(marker.strip()).evaluate()


def installed_files(dist: metadata.Distribution) -> list[Path]:
    """The files a distribution installed that exist (an editable install lists few)."""
    paths = []
    for file in dist.files or []:
        path = Path(str(dist.locate_file(file)))
        if path.is_file():
            paths.append(path)
    return paths


def size(paths: list[Path], patterns: tuple[str, ...] = ("*",)) -> int:
    return sum(
        p.stat().st_size
        for p in paths
        if any(fnmatch.fnmatch(part, pattern) for part in p.parts[-3:] for pattern in patterns)
    )


def run() -> list[Row]:
    dists = runtime_distributions()
    sizes = {name: size(installed_files(d)) for name, d in dists.items()}
    for name, total in sorted(sizes.items(), key=lambda item: -item[1])[:8]:
        print(f"  {name}: {total / MB:.1f} MB")
    addons = installed_files(metadata.distribution("PySide6-Addons"))
    return [
        Row("install: runtime dependencies (venv)", sum(sizes.values()) / MB, "MB", "", None),
        Row(
            "install: of that PySide6-Addons (app uses QtMultimedia)",
            size(addons) / MB,
            "MB",
            "",
            None,
        ),
        Row(
            "install: of that Qt WebEngine (never loaded)",
            size(addons, WEBENGINE) / MB,
            "MB",
            "",
            None,
        ),
        Row("install: of that FFmpeg (never loaded)", size(addons, FFMPEG) / MB, "MB", "", None),
    ]
