"""Builds the .deb from the one-folder bundle (`make deb` runs it in build/bundle-venv).

    python -m installer.linux.build_deb --bundle build/bundle/vpaphone --out build [--revision N]

Layout: the bundle in /opt/vpaphone, /usr/bin/vpaphone pointing at it, the menu entry and a
hidden entry that handles tel:/sip:/callto: links, the icon in hicolor, AppStream metadata, a man
page, /etc/vpaphone/myvpa.json as a conffile (managed settings; empty values = not managed),
copyright with the licences of everything bundled, and the changelog. No maintainer scripts:
the desktop and icon caches are refreshed by the triggers of the packages that own them.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from installer.linux import control

HERE = Path(__file__).resolve().parent
PACKAGE = "vpaphone"
_SHARED_LIBRARY = re.compile(r"\.so(\.[0-9][0-9A-Za-z]*)*$")
APPSTREAM_ID = "de.my_vpa.vpaphone"


def build(bundle: Path, out: Path, revision: int, changelog: Path, compression: str = "xz") -> Path:
    """Writes `out/vpaphone_VERSION-REVISION_amd64.deb`; returns its path."""
    upstream = metadata.version(PACKAGE)  # the version the bundle was built from
    version = f"{upstream}-{revision}"
    _check_changelog(changelog, version)
    _check_metainfo(upstream)
    with tempfile.TemporaryDirectory(prefix="vpaphone-deb-") as tmp:
        root = Path(tmp) / "root"
        stage(root, bundle, changelog)
        debian = root / "DEBIAN"
        debian.mkdir(mode=0o755)
        (debian / "control").write_text(
            control.render(version, installed_size_kib(root)), encoding="utf-8"
        )
        (debian / "conffiles").write_text("/etc/vpaphone/myvpa.json\n", encoding="utf-8")
        (debian / "md5sums").write_text(md5sums(root), encoding="utf-8")
        out.mkdir(parents=True, exist_ok=True)
        target = out / f"{PACKAGE}_{version}_amd64.deb"
        subprocess.run(
            [
                "dpkg-deb",
                "--root-owner-group",
                f"-Z{compression}",
                "--build",
                str(root),
                str(target),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return target


def stage(root: Path, bundle: Path, changelog: Path) -> None:
    """The package's file tree under `root` (modes as Debian expects them)."""
    opt = root / "opt" / PACKAGE
    opt.parent.mkdir(parents=True)
    shutil.copytree(bundle, opt, symlinks=True)
    usr_bin = root / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    (usr_bin / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")  # crosses top-level: absolute
    share = root / "usr" / "share"
    _copy(HERE / "vpaphone.desktop", share / "applications" / "vpaphone.desktop")
    _copy(HERE / "vpaphone-links.desktop", share / "applications" / "vpaphone-links.desktop")
    _copy(
        bundle / "_internal" / PACKAGE / "resources" / "icons" / "vpaphone.svg",
        share / "icons" / "hicolor" / "scalable" / "apps" / "vpaphone.svg",
    )
    metainfo = f"{APPSTREAM_ID}.metainfo.xml"
    _copy(HERE / metainfo, share / "metainfo" / metainfo)
    _gzip(HERE / "vpaphone.1", share / "man" / "man1" / "vpaphone.1.gz")
    doc = share / "doc" / PACKAGE
    _gzip(changelog, doc / "changelog.Debian.gz")
    notices = (bundle / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    _write(doc / "copyright", control.copyright_text(notices))
    _copy(HERE / "lintian-overrides", share / "lintian" / "overrides" / PACKAGE)
    _copy(HERE / "myvpa.json", root / "etc" / PACKAGE / "myvpa.json")
    _normalise_modes(root)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def _gzip(source: Path, target: Path) -> None:
    """gzip -9n: no name or time stamp inside, so builds are reproducible."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=0) as packed:
        packed.write(source.read_bytes())


def _normalise_modes(root: Path) -> None:
    """0755 for directories and programs, 0644 for everything else (shared libraries too:
    they are mapped, not executed)."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        program = os.access(path, os.X_OK) and not _SHARED_LIBRARY.search(path.name)
        path.chmod(0o755 if path.is_dir() or program else 0o644)


def installed_size_kib(root: Path) -> int:
    """Debian's Installed-Size: the files' sizes in KiB (rounded up per file), dirs as 1."""
    total = 0
    for path in root.rglob("*"):
        if path.is_symlink() or path.is_dir():
            total += 1
        else:
            total += -(-path.stat().st_size // 1024)
    return total


def md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    return "".join(lines)


def _check_changelog(changelog: Path, version: str) -> None:
    first = changelog.read_text(encoding="utf-8").splitlines()[0]
    match = re.match(rf"{PACKAGE} \(([^)]+)\)", first)
    if match is None or match[1] != version:
        found = match[1] if match else first
        raise SystemExit(f"{changelog}: the newest entry is {found}, not {version}: add one")


def _check_metainfo(upstream: str) -> None:
    text = (HERE / f"{APPSTREAM_ID}.metainfo.xml").read_text(encoding="utf-8")
    if f'<release version="{upstream}"' not in text:
        raise SystemExit(f"{APPSTREAM_ID}.metainfo.xml lists no release {upstream}: add it")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the PyInstaller bundle")
    parser.add_argument("--out", type=Path, required=True, help="directory for the .deb")
    parser.add_argument("--revision", type=int, default=1, help="Debian revision (default 1)")
    parser.add_argument(
        "--changelog",
        type=Path,
        default=HERE / "changelog",
        help="Debian changelog; its newest entry must be this version",
    )
    parser.add_argument(
        "--compression",
        choices=("xz", "gzip"),
        default="xz",
        help="xz for releases (smallest, read by every dpkg); gzip builds in seconds (tests)",
    )
    args = parser.parse_args(argv)
    print(build(args.bundle, args.out, args.revision, args.changelog, args.compression))
    return 0


if __name__ == "__main__":
    sys.exit(main())
