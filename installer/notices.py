"""THIRD-PARTY-NOTICES.txt: everything of others the bundle carries, with its licence texts.

Generated at build time, never kept by hand (vpaphone.spec calls `write`), from
- the Python distributions installed for the app: the runtime dependency closure of `vpaphone`
  in the build venv, listed by pip-licenses (name, version, licence, author, home page), with
  every licence file each distribution ships;
- native libraries inside those wheels, from the SBOM auditwheel left in their metadata (OpenSSL
  1.0.2k, Kerberos, ... inside pjsua2-python);
- the Python runtime and PyInstaller's bootloader;
- on Debian, the system libraries PyInstaller copied from the build machine: the package each
  came from (dpkg) and that package's copyright file.
A licence named but not shipped as text (PySide6 ships none) is filled in from
/usr/share/common-licenses where Debian has it. CORRECTIONS covers metadata that names no
licence at all; see docs/licensing.md for what each licence asks of a distributor.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import sysconfig
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

APP = "vpaphone"
BOOTLOADER = "pyinstaller"  # its bootloader and loader modules are inside the executable
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"
COMMON_LICENSES = Path("/usr/share/common-licenses")
# SPDX id -> file in /usr/share/common-licenses (Debian's base-files)
COMMON_LICENSE_FILES = {
    "Apache-2.0": "Apache-2.0",
    "GPL-2.0-only": "GPL-2",
    "GPL-2.0-or-later": "GPL-2",
    "GPL-3.0-only": "GPL-3",
    "GPL-3.0-or-later": "GPL-3",
    "LGPL-2.1-only": "LGPL-2.1",
    "LGPL-2.1-or-later": "LGPL-2.1",
    "LGPL-3.0-only": "LGPL-3",
    "LGPL-3.0-or-later": "LGPL-3",
    "MPL-2.0": "MPL-2.0",
}
# Distributions whose metadata names no licence: what applies, and where that is stated.
CORRECTIONS = {
    "pjsua2-python": (
        "GPL-2.0-or-later OR LicenseRef-PJSIP-commercial",
        "The wheel's metadata names no licence. It contains PJSIP (pjproject), which Teluu "
        "releases under the GNU GPL version 2 or (at your option) any later version, with an "
        "exception permitting linking with listed open-source libraries such as OpenSSL, or "
        "under a commercial licence (https://docs.pjsip.org, 'PJSIP Licensing').",
    ),
}
# What a reader must know that the metadata does not say.
NOTES = {
    "pyside6-essentials": "The Qt libraries inside carry third-party code of their own (ICU's "
    "libicu*.so.73 among them) whose attributions the wheel does not ship: see "
    "docs/licensing.md.",
}
LICENSE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)

TocEntry = tuple[str, str, str]  # PyInstaller: (destination, source, type code)


@dataclass
class Component:
    name: str
    version: str
    licence: str
    origin: str  # where it comes from
    home: str = ""
    note: str = ""
    contains: list[str] = field(default_factory=list)  # native parts, bundled files
    texts: list[tuple[str, str]] = field(default_factory=list)  # (title, licence text)


def runtime_distributions(root: str = APP) -> list[str]:
    """The distributions `root` needs at run time, transitively (extras left out)."""
    seen: dict[str, str] = {}
    queue = [root]
    while queue:
        name = queue.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a dependency for another platform or Python version
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        seen[key] = dist.metadata["Name"]
        for spec in dist.requires or []:
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                queue.append(requirement.name)
    seen.pop(root, None)
    return sorted(seen.values(), key=str.lower)


def pip_licenses(names: Iterable[str]) -> list[dict[str, str]]:
    """pip-licenses' view of the given installed distributions."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "piplicenses",
            "--from=mixed",
            "--format=json",
            "--with-authors",
            "--with-urls",
            "--packages",
            *names,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found: list[dict[str, str]] = json.loads(done.stdout)
    return found


def distribution_component(info: dict[str, str]) -> Component:
    dist = metadata.distribution(info["Name"])
    licence, note = info["License"], NOTES.get(info["Name"].lower().replace("_", "-"), "")
    correction = CORRECTIONS.get(info["Name"].lower())
    if correction is not None and licence in ("UNKNOWN", ""):
        licence, note = correction
    component = Component(
        info["Name"],
        info["Version"],
        licence,
        "Python distribution (PyPI wheel)",
        home=info.get("URL", ""),
        note=note,
        contains=bundled_native(dist),
    )
    for path in dist.files or []:
        if ".dist-info" in str(path) and LICENSE_FILE.search(path.name):
            component.texts.append((path.name, Path(str(path.locate())).read_text("utf-8")))
    if not component.texts:
        component.texts.extend(common_license_texts(licence))
    return component


def bundled_native(dist: metadata.Distribution) -> list[str]:
    """Native libraries the wheel carries, as auditwheel recorded them (CycloneDX SBOM)."""
    found: list[str] = []
    for path in dist.files or []:
        if "/sboms/" not in str(path) or not path.name.endswith(".json"):
            continue
        sbom = json.loads(Path(str(path.locate())).read_text("utf-8"))
        own = sbom.get("metadata", {}).get("component", {}).get("bom-ref")
        for part in sbom.get("components", []):
            label = f"{part.get('name')} {part.get('version', '')}".strip()
            if part.get("bom-ref") != own and label not in found:
                found.append(label)
    return found


def common_license_texts(expression: str) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for spdx, file_name in COMMON_LICENSE_FILES.items():
        path = COMMON_LICENSES / file_name
        if re.search(rf"\b{re.escape(spdx)}\b", expression) and path.is_file():
            title = f"{spdx} (text from {path})"
            if all(file_name not in t for t, _ in texts):
                texts.append((title, path.read_text("utf-8")))
    return texts


def python_runtime() -> Component:
    stdlib = Path(sysconfig.get_path("stdlib"))
    licence_file = stdlib / "LICENSE.txt"
    texts = [("LICENSE.txt", licence_file.read_text("utf-8"))] if licence_file.is_file() else []
    return Component(
        "CPython",
        sys.version.split()[0],
        "PSF-2.0",
        "the Python interpreter and standard library the bundle runs on",
        home="https://www.python.org",
        texts=texts,
    )


def system_libraries(binaries: Iterable[TocEntry]) -> list[Component]:
    """Libraries PyInstaller copied from the build machine, by Debian package (dpkg -S)."""
    python_dirs = {sysconfig.get_path(p) for p in ("stdlib", "platstdlib", "purelib", "platlib")}
    by_package: dict[str, list[str]] = defaultdict(list)
    for dest, source, kind in binaries:
        if kind == "SYMLINK" or Path(dest).name.startswith("libpython"):
            continue
        if any(source.startswith(d) for d in python_dirs if d) or "site-packages" in source:
            continue
        package = _debian_package(source)
        if package is not None:
            by_package[package].append(Path(dest).name)
    components = []
    for package, files in sorted(by_package.items()):
        version = _dpkg_query(package, "${Version}")
        copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
        texts = [("copyright", copyright_file.read_text("utf-8", errors="replace"))]
        components.append(
            Component(
                package.split(":")[0],
                version,
                "see the copyright text below",
                "Debian 12 package, library copied from the build machine",
                contains=sorted(files),
                texts=texts if copyright_file.is_file() else [],
            )
        )
    return components


def _debian_package(source: str) -> str | None:
    path = Path(source)
    candidates = {str(path), str(path.resolve())}
    for text in list(candidates):  # merged /usr: dpkg may know either spelling
        candidates.add(text.removeprefix("/usr") if text.startswith("/usr/") else "/usr" + text)
    for candidate in sorted(candidates):
        done = subprocess.run(
            ["dpkg-query", "-S", candidate], capture_output=True, text=True, check=False
        )
        if done.returncode == 0:
            return done.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


def _dpkg_query(package: str, field_format: str) -> str:
    done = subprocess.run(
        ["dpkg-query", "-W", f"-f={field_format}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip()


def collect(binaries: Iterable[TocEntry] = ()) -> list[Component]:
    names = [*runtime_distributions(), BOOTLOADER]
    components = [distribution_component(info) for info in pip_licenses(names)]
    components.append(python_runtime())
    if sys.platform.startswith("linux") and shutil.which("dpkg-query") is not None:
        components.extend(system_libraries(binaries))  # Debian and its derivatives
    return components


def render(components: list[Component]) -> str:
    version = metadata.version(APP)
    out = [
        f"Third-party software in the my-vpa Softphone (vpaphone {version})",
        "",
        "Generated when the bundle was built (installer/notices.py), from the installed",
        "distributions (pip-licenses), the SBOMs inside their wheels and, for libraries copied",
        "from the build machine, the Debian packages they came from. Do not edit by hand.",
        "",
        "Summary",
        "",
    ]
    width = max(len(c.name) for c in components)
    printed: dict[str, str] = {}  # licence text -> the component it was printed for
    out.extend(f"  {c.name.ljust(width)}  {c.version:<14}  {c.licence}" for c in components)
    for component in components:
        out += ["", "=" * 78, f"{component.name} {component.version}", "=" * 78]
        out.append(f"Licence: {component.licence}")
        out.append(f"Origin: {component.origin}")
        if component.home:
            out.append(f"Home page: {component.home}")
        if component.note:
            out.append(f"Note: {component.note}")
        if component.contains:
            out.append("Contains: " + ", ".join(component.contains))
        if not component.texts:
            out.append("Licence text: none shipped with it; see docs/licensing.md.")
        for title, text in component.texts:
            first = printed.setdefault(text, component.name)
            if first == component.name:
                out += ["", f"--- {title} ---", text.rstrip()]
            else:  # the same text once is enough (three Qt distributions, one LGPL)
                out += ["", f"--- {title}: the same text as printed for {first} above ---"]
    return "\n".join(out) + "\n"


def write(bundle: Path, binaries: Iterable[TocEntry] = ()) -> Path:
    path = bundle / NOTICES_FILE
    path.write_text(render(collect(binaries)), encoding="utf-8")
    return path


if __name__ == "__main__":  # python -m installer.notices BUNDLE_DIR: the Python parts only
    print(write(Path(sys.argv[1])))
