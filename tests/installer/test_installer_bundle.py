"""The one-folder PyInstaller bundle (`make bundle`), checked on the build machine: what it leaves
out and keeps, what its CLI loads, the demo peer as a frozen child, the licence notices."""

from __future__ import annotations

import fnmatch
import hashlib
import signal
import subprocess
from pathlib import Path

import pytest

from tests.fixtures.demo_server import free_udp_port
from tests.installer.conftest import Artifacts

pytestmark = [pytest.mark.installer, pytest.mark.slow]

NEVER_LOADED = (  # measured from /proc/PID/maps during a call (PLATFORM.md)
    "libav*",
    "libsw*",
    "libffmpegmediaplugin*",
    "libQt6Quick*",
    "libQt6Qml*",
    "libQt6VirtualKeyboard*",
    "libQt6Pdf*",
    "libqgtk3*",
    "libgtk-3*",
    "libreadline*",  # GPL-3.0; only interactive shells use it
)


def _names(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*")]


def _run(bundle: Path, home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "vpaphone"), *args],
        env={"HOME": str(home), "PATH": "/usr/bin:/bin", **env},  # a home of the test's own
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_left_out_what_the_app_never_loads_and_kept_what_it_needs(artifacts: Artifacts) -> None:
    internal = artifacts.bundle / "_internal"
    names = _names(internal)
    bases = [n.rsplit("/", 1)[-1] for n in names]
    for pattern in NEVER_LOADED:
        assert fnmatch.filter(bases, pattern) == [], pattern
    qt_translations = sorted(p.name for p in (internal / "PySide6/Qt/translations").iterdir())
    assert "qtbase_de.qm" in qt_translations
    assert [n for n in qt_translations if not n.endswith("_de.qm")] == []
    assert (internal / "vpaphone/resources/translations/vpaphone_de.qm").is_file()
    platforms = {p.name for p in (internal / "PySide6/Qt/plugins/platforms").iterdir()}
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms
    assert fnmatch.filter(bases, "libicu*") != []


def test_pjsua2_files_are_bundled_as_the_wheel_ships_them(artifacts: Artifacts) -> None:
    """Unstripped: strip breaks the auditwheel-patched ELF files (their import fails)."""
    site = next(artifacts.build_python.parents[1].glob("lib/python3*/site-packages"))
    internal = artifacts.bundle / "_internal"
    compared = 0
    for folder in ("pjsua2", "pjsua2_python.libs"):
        for shipped in (site / folder).iterdir():
            if shipped.suffix == ".py" or shipped.name == "__pycache__" or shipped.is_dir():
                continue
            bundled = internal / folder / shipped.name
            if bundled.suffix == ".so" or ".so." in bundled.name:
                assert _sha256(bundled) == _sha256(shipped), bundled
                compared += 1
    assert compared >= 10


def test_cli_commands_do_not_load_qt(artifacts: Artifacts, tmp_path: Path) -> None:
    """PyInstaller's own PySide6 run-time hook imported QtCore (and ICU) at every start; the
    bundle's replacement does not. The dynamic loader's log shows what a start maps."""
    for args in (["--version"], ["check-number", "0221 82829980"]):
        done = _run(artifacts.bundle, tmp_path, *args, LD_DEBUG="files")
        assert done.returncode == 0, done.stderr[-2000:]
        assert "libQt6Core" not in done.stderr, args
        assert "libicu" not in done.stderr, args
    # The same probe sees Qt where a command needs it: diagnose lists audio devices through Qt.
    diagnosed = _run(artifacts.bundle, tmp_path, "diagnose", "--json", LD_DEBUG="files")
    assert "libQt6Core" in diagnosed.stderr


def test_the_demo_peer_starts_as_a_frozen_child(artifacts: Artifacts, tmp_path: Path) -> None:
    """`--demo` starts `sys.executable -m vpaphone.demo.peer`: in a bundle that is the bundle's
    own executable, which dispatches to the peer."""
    port = free_udp_port()
    peer = subprocess.Popen(
        [str(artifacts.bundle / "vpaphone"), "-m", "vpaphone.demo.peer", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert peer.stdout is not None
        assert f"listening on 127.0.0.1:{port}" in peer.stdout.readline()
        peer.send_signal(signal.SIGTERM)
        assert peer.wait(timeout=30) == 0
    finally:
        if peer.poll() is None:
            peer.kill()
            peer.wait()
        peer.communicate()
    refused = _run(artifacts.bundle, tmp_path, "-m", "os")
    assert refused.returncode == 2
    assert "not a helper of this bundle" in refused.stderr


def test_the_notices_name_every_bundled_component_with_its_licence(artifacts: Artifacts) -> None:
    notices = (artifacts.bundle / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    summary = notices.split("\n\n=====", 1)[0]
    for name in ("PySide6_Essentials", "pjsua2-python", "keyring", "phonenumberslite", "CPython"):
        assert f"\n  {name} " in summary, name
    assert "GPL-2.0-or-later OR LicenseRef-PJSIP-commercial" in summary
    assert "pyinstaller" in summary  # its bootloader is the executable
    assert "openssl-libs 1.0.2k" in notices  # inside the PJSIP wheel, from its SBOM
    assert "libpulse0" in summary  # copied from the build machine, with Debian's copyright
    # Qt's licence texts (its wheels ship none: Debian's copies), each printed once for the
    # three Qt distributions.
    assert notices.count("--- LGPL-3.0-only (text from /usr/share/common-licenses/LGPL-3) ---") == 1
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
