"""The process exits cleanly, mid-call and with live media ports: no abort, no segfault."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytestmark = [pytest.mark.kamailio, pytest.mark.sipp]

CHILD = textwrap.dedent(
    """
    import sys, time
    import pjsua2 as pj
    from PySide6.QtCore import QCoreApplication
    from vpaphone.core.model import CostZone, Destination, NumberKind, TelephonyArea
    from vpaphone.sip.config import SipAccountConfig
    from vpaphone.sip.engine import CallState, SipEngine
    from vpaphone.sip.reasons import RegistrationState

    proxy, password, number, mode = sys.argv[1:5]

    class Tone(pj.AudioMediaPort):
        def onFrameRequested(self, frame):
            try:
                frame.type = pj.PJMEDIA_TYPE_AUDIO
                frame.buf = pj.ByteVector(b"\\x10\\x00" * 160)
                frame.size = 320
            except Exception:
                pass

    class Handler:
        # the audio bridge's part: a port per call, destroyed in order (PLATFORM.md)
        def __init__(self):
            self.ports = {}
        def on_call_audio_active(self, key, media):
            if key in self.ports:
                return
            port = Tone()
            fmt = pj.MediaFormatAudio()
            fmt.init(pj.PJMEDIA_FORMAT_PCM, 8000, 1, 20000, 16)
            port.createPort("tone-" + key[:8], fmt)
            port.startTransmit(media)
            self.ports[key] = (port, media)
        def on_call_audio_inactive(self, key):
            entry = self.ports.pop(key, None)
            if entry:
                port, media = entry
                try:
                    port.stopTransmit(media)
                except pj.Error:
                    pass
                pj._pjsua2.delete_AudioMediaPort(port)
        def close(self):
            for key in list(self.ports):
                self.on_call_audio_inactive(key)

    class Log:
        def call_started(self, r): pass
        def call_answered(self, i, a): pass
        def call_progress(self, i, a): pass
        def call_ended(self, i, a, r, s): print("ENDED", r.value, flush=True)

    app = QCoreApplication([])
    engine = SipEngine(Log(), media_handler=Handler())
    states = []
    engine.call_changed.connect(lambda u: states.append(u.state))
    engine.start(SipAccountConfig(domain="vpa.test", username="alice", password=password,
                                  registrar=proxy, outbound_proxy=proxy))
    def spin(cond, timeout=10):
        end = time.monotonic() + timeout
        while not cond():
            if time.monotonic() > end:
                sys.exit("timeout")
            app.processEvents()
            time.sleep(0.01)
    spin(lambda: engine.registration.state is RegistrationState.REGISTERED)
    dest = Destination(e164=number, region="DE", kind=NumberKind.FIXED_LINE)
    engine.dial(dest, "task", TelephonyArea.BACKOFFICE_DE, CostZone.DE)
    spin(lambda: CallState.CONNECTED in states)
    time.sleep(0.5)  # media ports run on pjmedia's clock thread meanwhile
    app.processEvents()
    print("CONNECTED", flush=True)
    if mode == "shutdown":
        engine.shutdown()
    # mode "exit": leave without shutdown(); the engine's exit hook must clean up
    """
)


@pytest.mark.parametrize("mode", ["shutdown", "exit"])
def test_exit_mid_call_is_clean(kamailio, sipp_uas, mode):
    uas = sipp_uas()
    kamailio.route_number("+4930666666", uas.address)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            kamailio.address("udp"),
            kamailio.users["alice"],
            "+4930666666",
            mode,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "CONNECTED" in done.stdout
    for trap in ("Assertion", "Fatal Python error", "Segmentation", "Aborted"):
        assert trap not in done.stderr
    if mode == "shutdown":  # the call was hung up and recorded as completed
        assert "ENDED completed" in done.stdout
    assert "BYE sip:" in uas.messages()  # the far end was told, not left hanging
