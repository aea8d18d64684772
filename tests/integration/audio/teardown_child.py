"""Child process for test_audio_teardown: call audio paths deleted while their audio thread runs.

Each way an owner can go while the devices are open — its parent's deleteLater, the last Python
reference dropped, the engine's close from its own thread followed by either — then the process
exits with the last one still open. Any of them used to abort the process ("QThread: Destroyed
while thread is still running") or let Qt delete the audio thread's streams from the Qt thread
(heap corruption). Prints DONE at the end. Usage: python teardown_child.py ROUNDS
"""

from __future__ import annotations

import gc
import sys
import threading
import time

from PySide6.QtCore import QCoreApplication, QObject

from vpaphone.audio.bridge import CallAudioBridge
from vpaphone.audio.settings import DeviceChoice, ProcessingChoice

HEADSET = DeviceChoice(microphone="headset_mic", speaker="headset")


def _spin(app: QCoreApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.002)


def _open(app: QCoreApplication, parent: QObject | None) -> CallAudioBridge:
    bridge = CallAudioBridge(HEADSET, parent, processing=ProcessingChoice())
    bridge.stream.start()
    _spin(app, 0.15)  # the audio thread has opened the devices and pumps
    assert bridge.stream.running
    return bridge


def main() -> int:
    app = QCoreApplication([])
    for _ in range(int(sys.argv[1])):
        owner = QObject()  # as PhoneService owns the bridge
        _open(app, owner)
        owner.deleteLater()
        _spin(app, 0.05)

        _open(app, None)  # dropped at once: Python owns it
        gc.collect()

        bridge = _open(app, None)
        engine = threading.Thread(target=bridge.close)  # the engine's shutdown, on its thread
        engine.start()
        engine.join()
        bridge.deleteLater()
        del bridge
        _spin(app, 0.05)
        gc.collect()
    _kept = _open(app, None)  # still open as the interpreter exits
    print("DONE", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
