"""Guards the PySide6 pin: some releases corrupt CPython's reference counts.

PySide6 6.12.0 on CPython 3.11 lost one reference to None on every void method call and one to
True on every `Signal.emit()`; a softphone makes thousands of such calls a minute and the
process aborted ("Fatal Python error: none_dealloc"). This test fails on such a release.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])

class Probe(QObject):
    changed = Signal(int)

probe, label = Probe(), QLabel()
none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(5000):
    probe.setObjectName("x")
    probe.changed.emit(1)
    label.setText("y")
print(sys.getrefcount(None) - none_before, sys.getrefcount(True) - true_before)
"""


def test_qt_calls_keep_none_and_true_alive() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lost_none, lost_true = (int(x) for x in result.stdout.split())
    # Small positive drift is fine (interned objects); thousands lost is the bug.
    assert lost_none > -100, f"PySide6 dropped {-lost_none} references to None"
    assert lost_true > -100, f"PySide6 dropped {-lost_true} references to True"
