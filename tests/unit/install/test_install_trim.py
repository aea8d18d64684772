"""What the bundle leaves out (installer/pyinstaller/trim.py): by name, before PyInstaller
copies anything. The bundle itself is checked in tests/installer/test_installer_bundle.py."""

from __future__ import annotations

import fnmatch

import pytest

from installer.pyinstaller import trim

QT = "PySide6/Qt"


@pytest.mark.parametrize(
    "name",
    [
        f"{QT}/plugins/multimedia/libffmpegmediaplugin.so",
        f"{QT}/lib/libavcodec.so.61",
        "libavformat.so.61",  # the link PyInstaller puts at the top
        "libswresample.so.5",
        "libQt6FFmpegStub-crypto.so.3",
        f"{QT}/lib/libQt6Quick.so.6",
        "libQt6Qml.so.6",
        f"{QT}/lib/libQt6VirtualKeyboard.so.6",
        f"{QT}/lib/libQt6Pdf.so.6",
        f"{QT}/plugins/imageformats/libqpdf.so",
        f"{QT}/qml/QtQuick/Controls/libqtquickcontrols2plugin.so",
        f"{QT}/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        f"{QT}/plugins/platformthemes/libqgtk3.so",
        f"{QT}/plugins/imageformats/libqjpeg.so",
        f"{QT}/plugins/imageformats/libqtiff.so",
        f"{QT}/translations/qtbase_fr.qm",
        f"{QT}/translations/qt_help_ja.qm",
    ],
)
def test_left_out(name: str) -> None:
    assert trim.left_out(name)


@pytest.mark.parametrize(
    "name",
    [
        f"{QT}/translations/qtbase_de.qm",
        "vpaphone/resources/translations/vpaphone_de.qm",  # the app's own: never a Qt rule
        f"{QT}/lib/libQt6Multimedia.so.6",
        f"{QT}/plugins/platforms/libqxcb.so",
        f"{QT}/plugins/platforms/libqwayland.so",
        f"{QT}/plugins/platforms/libqoffscreen.so",
        f"{QT}/plugins/platformthemes/libqxdgdesktopportal.so",
        f"{QT}/plugins/imageformats/libqsvg.so",
        f"{QT}/plugins/networkinformation/libqnetworkmanager.so",
        f"{QT}/lib/libicudata.so.73",
        "pjsua2/_pjsua2.cpython-311-x86_64-linux-gnu.so",
        "pjsua2_python.libs/libssl-cd1d6220.so.1.0.2k",
    ],
)
def test_kept(name: str) -> None:
    assert not trim.left_out(name)


def test_a_link_goes_with_what_it_points_to() -> None:
    toc = [
        ("libavcodec.so.61", f"{QT}/lib/libavcodec.so.61", "SYMLINK"),
        ("libQt6Core.so.6", f"{QT}/lib/libQt6Core.so.6", "SYMLINK"),
        (f"{QT}/lib/libQt6Core.so.6", "/venv/PySide6/Qt/lib/libQt6Core.so.6", "BINARY"),
    ]
    assert trim.keep(toc) == toc[1:]


def test_files_auditwheel_patched_are_never_stripped() -> None:
    names = [
        "pjsua2/_pjsua2.cpython-311-x86_64-linux-gnu.so",
        "pjsua2_python.libs/libssl.so",
        "numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so",
        "numpy.libs/libscipy_openblas64_-32a4b2a6.so",  # stripped, numpy failed to import
    ]
    for name in names:
        assert any(fnmatch.fnmatch(name, p) for p in trim.NEVER_STRIPPED)
    assert not any(
        fnmatch.fnmatch("PySide6/libpyside6.abi3.so.6.11", p) for p in trim.NEVER_STRIPPED
    )
