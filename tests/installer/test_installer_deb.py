"""The .deb as built (`make deb`), read back: lintian, layout, control data, desktop entries,
AppStream metadata, the conffile and the copyright file.

Installing it: test_installer_fresh_root."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.installer.conftest import Artifacts
from vpaphone.myvpa.settings import load_settings

pytestmark = [pytest.mark.installer, pytest.mark.slow]


@pytest.fixture(scope="module")
def unpacked(artifacts: Artifacts, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("deb")
    subprocess.run(["dpkg-deb", "-x", str(artifacts.deb), str(target)], check=True, timeout=300)
    return target


def _deb(*args: str, deb: Path) -> str:
    return subprocess.run(
        ["dpkg-deb", *args, str(deb)], capture_output=True, text=True, check=True, timeout=300
    ).stdout


def test_lintian_finds_nothing_to_complain_about(artifacts: Artifacts) -> None:
    """Errors and warnings fail; the overrides the package carries each say why."""
    done = subprocess.run(
        ["lintian", "--fail-on", "error,warning", str(artifacts.deb)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    complaints = [line for line in done.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert complaints == []
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_control_data(artifacts: Artifacts) -> None:
    field = {
        name: _deb("-f", deb=artifacts.deb).split(f"{name}: ", 1)[1].split("\n", 1)[0]
        for name in ("Package", "Architecture", "Depends")
    }
    assert field == {
        "Package": "vpaphone",
        "Architecture": "amd64",
        "Depends": "libc6 (>= 2.36), libgl1, libegl1, libxcb1, fontconfig-config, "
        "libwayland-cursor0, libwayland-egl1",
    }
    members = subprocess.run(
        ["ar", "t", str(artifacts.deb)], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "data.tar.xz" in members  # readable by every dpkg, unlike zstd
    conffiles = subprocess.run(
        ["dpkg-deb", "--ctrl-tarfile", str(artifacts.deb)], capture_output=True, check=True
    ).stdout
    assert b"conffiles" in conffiles


def test_layout(unpacked: Path) -> None:
    expected = [
        "etc/vpaphone/myvpa.json",
        "opt/vpaphone/vpaphone",
        "opt/vpaphone/THIRD-PARTY-NOTICES.txt",
        "usr/share/applications/vpaphone.desktop",
        "usr/share/applications/vpaphone-links.desktop",
        "usr/share/icons/hicolor/scalable/apps/vpaphone.svg",
        "usr/share/metainfo/de.my_vpa.vpaphone.metainfo.xml",
        "usr/share/man/man1/vpaphone.1.gz",
        "usr/share/doc/vpaphone/copyright",
        "usr/share/doc/vpaphone/changelog.Debian.gz",
    ]
    assert [p for p in expected if not (unpacked / p).is_file()] == []
    assert (unpacked / "usr/bin/vpaphone").readlink() == Path("/opt/vpaphone/vpaphone")


def test_desktop_entries_and_appstream_metadata_validate(unpacked: Path) -> None:
    applications = unpacked / "usr/share/applications"
    for entry in ("vpaphone.desktop", "vpaphone-links.desktop"):
        done = subprocess.run(
            ["desktop-file-validate", str(applications / entry)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert done.stdout == ""  # not even hints
    links = (applications / "vpaphone-links.desktop").read_text(encoding="utf-8")
    assert "Exec=vpaphone dial %u\n" in links
    assert "NoDisplay=true\n" in links  # not a second menu entry
    assert "x-scheme-handler/tel;x-scheme-handler/sip;x-scheme-handler/callto;" in links
    assert "NoDisplay" not in (applications / "vpaphone.desktop").read_text(encoding="utf-8")
    metainfo = unpacked / "usr/share/metainfo/de.my_vpa.vpaphone.metainfo.xml"
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_conffile_manages_nothing_until_it_is_filled_in(unpacked: Path, tmp_path: Path) -> None:
    conffile = unpacked / "etc/vpaphone/myvpa.json"
    data = json.loads(conffile.read_text(encoding="utf-8"))
    assert (data["base_url"], data["ca_bundle"]) == ("", "")
    user = tmp_path / "user.json"
    user.write_text(json.dumps({"base_url": "https://my-vpa.test/api/v1"}), encoding="utf-8")
    settings = load_settings(path=user, environ={}, managed_path=conffile)
    assert settings.base_url == "https://my-vpa.test/api/v1"  # the user's own setting applies


def test_copyright_names_the_open_licensing_decision_and_everything_bundled(
    unpacked: Path,
) -> None:
    text = (unpacked / "usr/share/doc/vpaphone/copyright").read_text(encoding="utf-8")
    assert "OPEN LICENSING DECISION" in text
    notices = (unpacked / "opt/vpaphone/THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    assert text.endswith(notices)
