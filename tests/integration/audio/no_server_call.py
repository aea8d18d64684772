"""Child process for test_audio_no_server: a call while no audio server is reachable.

Prints one JSON line: the AudioStatus, the call state after 1.5 s, and the bridge's view.
Usage: python no_server_call.py SIP_URI
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtWidgets import QApplication

from tests.integration.audio.localphone import LocalPhone
from vpaphone.audio.bridge import CallAudioBridge
from vpaphone.audio.settings import DeviceChoice
from vpaphone.audio.status import probe


def main() -> int:
    app = QApplication([])
    status = probe(DeviceChoice())
    bridge = CallAudioBridge(DeviceChoice())
    phone = LocalPhone(bridge)
    call = phone.dial(sys.argv[1])
    end = time.monotonic() + 1.5
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)
    result = {
        "can_talk": status.can_talk,
        "problems": [problem.kind.value for problem in status.issues],
        "state": call.state,
        "media_active": call.media_active,
        "stream_running": bridge.stream.running,
        "errors": phone.errors,
    }
    phone.close()
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
