"""PySide6 caches the source of every module imported after it; the app bounds that cache."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from vpaphone.ui.sourcecache import MAX_FILES

MODULES = 150

SCRIPT = textwrap.dedent(
    """
    import linecache, sys, traceback
    sys.path.insert(0, sys.argv[1])
    if sys.argv[2] == "bounded":
        import vpaphone.ui  # installs the bound
    import PySide6.QtCore  # shiboken6's import hook
    for i in range({modules}):
        __import__(f"generated_{{i}}")
    try:
        __import__("generated_0").fail()
    except ValueError as exc:
        shown = "".join(traceback.format_exception(exc))
    print(len(linecache.cache), "raise ValueError" in shown)
    """
).format(modules=MODULES)


def _run(tmp_path: Path, mode: str) -> tuple[int, bool]:
    for i in range(MODULES):
        (tmp_path / f"generated_{i}.py").write_text(
            f"VALUE = {i}\n\ndef fail():\n    raise ValueError('module {i}')\n", encoding="utf-8"
        )
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), mode],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split()
    return int(out[0]), out[1] == "True"


def test_pyside_keeps_every_imported_modules_source(tmp_path: Path) -> None:
    # The reason for vpaphone.ui.sourcecache: when this fails, PySide6 stopped doing it.
    cached, _ = _run(tmp_path, "unbounded")
    assert cached >= MODULES


def test_the_app_bounds_the_cache_and_tracebacks_still_show_source(tmp_path: Path) -> None:
    cached, source_shown = _run(tmp_path, "bounded")
    assert cached <= MAX_FILES
    assert source_shown
