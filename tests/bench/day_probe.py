"""The whole app for bench_day, driven like a VPA drives it: `python -m tests.bench.day_probe`.

It runs `vpaphone.ui.app.run_app` on the configured my-vpa (the environment names the demo
server the bench runs) — window, tray, single instance, services, a stored session resumed from
the keychain — and takes commands on standard input, one per line, on a thread that blocks in
`read()` (no polling: an idle app must stay idle):

    sign-in USER PASSWORD   the sign-in form, "Stay signed in" ticked, Sign in clicked
    task ID                 pick the active task in the task panel
    type TEXT               key presses into the number field, ~8 per second, as a person types
    call                    click Call (refused unless the call gate allows it without asking)
    hangup                  click Hang up
    tray | show             hide the window (as closing it to the tray does) | bring it back
    quit                    Quit, as from the menu (calls ended, records queued, SIP unregistered)

It reports on standard output: `ATTACHED`, `SIGNED_IN`, `REGISTERED`, `CONNECTED`, `ENDED`,
`TYPED <ms>,<ms>…` (each key press: from the event to the repaint that shows it — the stall a
person would notice), `DONE <command>`, `FAILED <why>`. Memory, CPU and wake-ups are read by the
parent from /proc, as for every other phone.
"""

from __future__ import annotations

import sys
import threading
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

KEY_GAP_MS = 120  # a quick typist: ~8 keys per second


def say(line: str) -> None:
    print(line, flush=True)


class Driver(QObject):
    command = Signal(str)  # emitted on the reader thread, handled (queued) on the GUI thread

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.window: object = None
        self.command.connect(self._run, Qt.ConnectionType.QueuedConnection)

    # --- wiring ----------------------------------------------------------------------------

    def attach(self) -> None:
        """Once the shell has loaded its services (right after the first frame)."""
        from vpaphone.sip.reasons import RegistrationState
        from vpaphone.ui.mainwindow import MainWindow

        window = next((w for w in self.app.topLevelWidgets() if isinstance(w, MainWindow)), None)
        try:
            services = window.services if window is not None else None
        except RuntimeError:  # not loaded yet
            services = None
        if window is None or services is None:
            QTimer.singleShot(10, self.attach)
            return
        self.window = window

        def registration(update: object) -> None:
            if getattr(update, "state", None) is RegistrationState.REGISTERED:
                say("REGISTERED")

        def call_changed(call: object) -> None:
            from vpaphone.sip.engine import CallState

            if getattr(call, "state", None) is CallState.CONNECTED:
                say("CONNECTED")

        services.session.signed_in.connect(lambda: say("SIGNED_IN"))
        services.session.sign_in_failed.connect(lambda failure: say(f"FAILED sign-in {failure}"))
        services.phone.registration_changed.connect(registration)
        services.phone.call_changed.connect(call_changed)
        services.phone.call_ended.connect(lambda _update: say("ENDED"))
        say("ATTACHED")

    def read_commands(self) -> None:
        for line in sys.stdin:
            if line.strip():
                self.command.emit(line.strip())
        self.command.emit("quit")  # the parent went away: end like Quit

    # --- commands --------------------------------------------------------------------------

    def _run(self, line: str) -> None:
        name, _, rest = line.partition(" ")
        try:
            getattr(self, "_" + name.replace("-", "_"))(rest)
        except Exception as exc:  # the parent reads it and stops the bench with it
            say(f"FAILED {name}: {type(exc).__name__}: {exc}")

    def _sign_in(self, rest: str) -> None:
        user, password = rest.split(" ", 1)
        page = self.window.signin  # type: ignore[attr-defined]
        page.user.setText(user)
        page.password.setText(password)
        page.remember.setChecked(True)
        page.button.click()
        say("DONE sign-in")

    def _task(self, task_id: str) -> None:
        picker = self.window.main.tasks.picker  # type: ignore[attr-defined]
        index = picker.findData(task_id)
        if index < 0:
            raise LookupError(f"{task_id} is not in the task picker")
        picker.setCurrentIndex(index)
        picker.activated.emit(index)
        say("DONE task")

    def _type(self, text: str) -> None:
        dialer = self.window.main.dialer  # type: ignore[attr-defined]
        edit = dialer.number.edit
        edit.setFocus()
        edit.clear()
        times: list[float] = []
        keys = list(text)

        def press() -> None:
            began = time.perf_counter()
            key_click(edit, keys.pop(0))
            QApplication.processEvents()  # what the person sees: the digit and the hint, drawn
            times.append((time.perf_counter() - began) * 1000)
            if keys:
                QTimer.singleShot(KEY_GAP_MS, press)
            else:
                say("TYPED " + ",".join(f"{t:.2f}" for t in times))

        QTimer.singleShot(0, press)

    def _call(self, _rest: str) -> None:
        from vpaphone.core.model import Decision

        dialer = self.window.main.dialer  # type: ignore[attr-defined]
        result = dialer.gate_result()
        if result is None or result.decision is not Decision.ALLOW:
            raise RuntimeError(f"the call gate does not simply allow this call: {result}")
        if not dialer.call_button.isEnabled():
            raise RuntimeError("the Call button is disabled")
        dialer.call_button.click()
        say("DONE call")

    def _hangup(self, _rest: str) -> None:
        self.window.main.in_call.hangup_button.click()  # type: ignore[attr-defined]
        say("DONE hangup")

    def _tray(self, _rest: str) -> None:
        self.window.hide()  # type: ignore[attr-defined]
        say("DONE tray")

    def _show(self, _rest: str) -> None:
        self.window.bring_to_front()  # type: ignore[attr-defined]
        say("DONE show")

    def _quit(self, _rest: str) -> None:
        self.window.quit()  # type: ignore[attr-defined]


def key_click(widget: QWidget, char: str) -> None:
    """A key press and release as the keyboard delivers them (QtTest would cost the app's
    process a library of its own)."""
    key = Qt.Key.Key_Plus if char == "+" else Qt.Key(ord(char))
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def main() -> int:
    from vpaphone.app.backend import ConfiguredSource
    from vpaphone.ui.app import _application, run_app

    app = _application()
    driver = Driver(app)
    threading.Thread(target=driver.read_commands, daemon=True).start()
    QTimer.singleShot(0, driver.attach)  # runs inside run_app's event loop
    return run_app(ConfiguredSource())


if __name__ == "__main__":
    sys.exit(main())
