"""Replaces PyInstaller's run-time hook for PySide6 (this folder's rthooks.dat takes precedence
over PyInstaller's own: the first hook directory that names a module wins).

PyInstaller's hook imports PySide6.QtCore at every start, only to register a `qt.conf` that
points Qt at the bundle; that loads QtCore and ICU (~25 MB of libraries) even for
`vpaphone --version` or `check-number`. The PySide6 wheel layout the bundle keeps
(`PySide6/Qt/{lib,plugins,translations}`) is one Qt finds by itself, relative to libQt6Core —
checked by the bundle tests (platform plugin, Qt's German translations). What stays here is the
plugin path, set without importing anything.
"""


def _pyi_rthook() -> None:
    # Imports inside, as in PyInstaller's own hooks: a run-time hook runs in __main__'s namespace.
    import os  # noqa: PLC0415
    import sys  # noqa: PLC0415

    base = sys._MEIPASS  # type: ignore[attr-defined]  # set by PyInstaller's bootloader
    qt_dir = (
        os.path.join(base, "PySide6")
        if sys.platform == "win32"
        else os.path.join(base, "PySide6", "Qt")
    )
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_dir, "plugins")
    if sys.platform == "win32":  # as PyInstaller's hook: DLLs collected beside the app
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")


_pyi_rthook()
del _pyi_rthook
