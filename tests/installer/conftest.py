"""The installer tier (marker `installer`): the wheel, the bundle and the .deb as users get them.

They are built once per run with the same make targets a release uses (`make deb` builds the
wheel and the bundle on the way; make skips what is up to date). A fresh Debian root is
debootstrapped meanwhile, in parallel (see `debian_root`).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.installer.debian_root import DebianRoot, Debootstrap
from vpaphone import __version__

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
DEBOOTSTRAP_CACHE = BUILD / "cache" / "debootstrap"  # downloaded .debs, kept between runs


@dataclass(frozen=True)
class Artifacts:
    wheel: Path
    bundle: Path  # the folder with the `vpaphone` executable
    deb: Path
    build_python: Path  # the bundle venv's interpreter, for building another revision

    def build_deb(self, out: Path, revision: int, changelog: Path) -> Path:
        """Another package of the same bundle (an upgrade), built the way `make deb` does."""
        done = subprocess.run(
            [
                str(self.build_python),
                "-m",
                "installer.linux.build_deb",
                "--bundle",
                str(self.bundle),
                "--out",
                str(out),
                "--revision",
                str(revision),
                "--changelog",
                str(changelog),
                "--compression",
                "gzip",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return Path(done.stdout.strip().splitlines()[-1])


def make(target: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}  # an outer make's
    done = subprocess.run(
        ["make", "--no-print-directory", "-s", target],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert done.returncode == 0, (
        f"make {target} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    )


@pytest.fixture(scope="session")
def debootstrap() -> Iterator[Debootstrap]:
    """Starts debootstrapping a minbase Debian 12 root at once, to run beside the builds."""
    job = Debootstrap.start(DEBOOTSTRAP_CACHE)
    try:
        yield job
    finally:
        job.discard()


@pytest.fixture(scope="session")
def artifacts() -> Artifacts:
    make("deb")
    return Artifacts(
        wheel=BUILD / "dist" / f"vpaphone-{__version__}-py3-none-any.whl",
        bundle=BUILD / "bundle" / "vpaphone",
        deb=BUILD / f"vpaphone_{__version__}-1_amd64.deb",
        build_python=BUILD / "bundle-venv" / "bin" / "python",
    )


@pytest.fixture(scope="session")
def debian_root(debootstrap: Debootstrap, artifacts: Artifacts) -> Iterator[DebianRoot]:
    """The fresh root (minbase bookworm), mounted; every process and mount gone afterwards."""
    root = debootstrap.finish()
    try:
        yield root
    finally:
        root.destroy()
