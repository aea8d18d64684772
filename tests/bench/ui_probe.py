"""One measured start for bench_ui: `python -m tests.bench.ui_probe app|baseline|floor`.

Prints `SHOWN` as soon as the main window has been shown (the parent times process start →
that line), `READY` once the parts are loaded (the app: sign-in possible), then `RSS <kB>` after
two idle seconds, and exits. The baseline is a plain PySide6 window that loads pjsua2 the way the
app does: after the first frame. `floor` is the baseline plus only the libraries any build of
this product needs before sign-in (FLOOR_PARTS), loaded at the same moment: what no code of ours
can save. (The signed-in app, after a working day, is bench_day's business.)
"""

from __future__ import annotations

import sys

IDLE_MS = 2000
MINIMAL_WINDOW_MODES = ("baseline", "floor")  # no app: the minimal window (floor: + libraries)
FLOOR_PARTS = (
    "keyring with the OS backend (stored password)",
    "TLS with the system CAs (my-vpa over HTTPS)",
    "phonenumbers (number field)",
    "Qt Network local socket (single instance)",
)


def rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def load_floor() -> object:
    """Uses each of FLOOR_PARTS once, as the app does before sign-in; returns what must live on."""
    import ssl

    import keyring
    import phonenumbers
    from PySide6.QtNetwork import QLocalServer

    keyring.get_password("vpaphone-bench-floor", "nobody")
    context = ssl.create_default_context()
    for number in ("+49 221 82829980", "0221 82829980", "+39 06 1234 5678"):
        phonenumbers.format_number(
            phonenumbers.parse(number, "DE"), phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
    QLocalServer.removeServer("vpaphone-bench-floor")
    server = QLocalServer()
    server.listen("vpaphone-bench-floor")
    return context, server


def main(mode: str) -> int:
    if mode in MINIMAL_WINDOW_MODES:  # the minimal PySide6 window (pjsua2 after it shows)
        from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setCentralWidget(QLabel("hello"))
        window.show()
    else:  # what `vpaphone` does up to the first window (ui.app.run_app)
        from PySide6.QtCore import QSettings, QTimer

        from vpaphone.app.backend import ConfiguredSource
        from vpaphone.logsetup import configure_logging
        from vpaphone.ui.app import Shell, _application
        from vpaphone.ui.display import display_problem
        from vpaphone.ui.single import InstanceServer, instance_address, send_to_running

        assert display_problem() is None
        configure_logging()  # into the bench's private XDG_STATE_HOME
        app = _application()
        source = ConfiguredSource()
        address = instance_address(source.data_dir)
        assert address is not None
        name = address + "-bench"
        assert not send_to_running(name, "show")  # as run_app: is one running already?
        instance = InstanceServer(name)
        instance.listen()
        shell = Shell(QSettings())
        QTimer.singleShot(0, lambda: print("SHOWN", flush=True))  # before Shell.load runs
        shell.show(source, None)
        window = shell.window
    from PySide6.QtCore import QTimer

    kept: object = None

    def shown() -> None:
        nonlocal kept
        if mode in MINIMAL_WINDOW_MODES:
            print("SHOWN", flush=True)
            import pjsua2  # as the app's Shell.load does: after the first frame

            pjsua2.Endpoint  # noqa: B018 - the package loads its bindings on first attribute use
        if mode == "floor":
            kept = load_floor()
        print("READY", flush=True)  # the app: after Shell.load (sign-in possible)
        QTimer.singleShot(IDLE_MS, idle)

    def idle() -> None:
        print(f"RSS {rss_kb()}", flush=True)
        app.quit()

    QTimer.singleShot(0, shown)  # runs once the event loop has processed the show
    code = app.exec()
    if mode not in MINIMAL_WINDOW_MODES:
        shell.close()
        instance.close()
    assert window is not None
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
