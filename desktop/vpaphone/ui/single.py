"""One running softphone per user: a second start hands its request to the first and exits.

`vpaphone dial NUMBER` and `tel:`/`sip:`/`callto:` links (the desktop file runs `vpaphone dial
%u`) reach the running window this way. The socket is per user and backend (demo or not).
"""

from __future__ import annotations

import getpass
import logging
import zlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
CONNECT_TIMEOUT_MS = 500
SHOW = "show"
DIAL_PREFIX = "dial "


def server_name(data_dir: Path) -> str:
    digest = zlib.crc32(str(data_dir.resolve()).encode())  # a name, not a secret
    return f"vpaphone-{getpass.getuser()}-{digest:08x}"


def send_to_running(name: str, request: str) -> bool:
    """Hand `request` to a running instance; False if none runs."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write((request + "\n").encode("utf-8"))
    socket.flush()
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return True


class InstanceServer(QObject):
    """Listens for requests of later starts: `show` or `dial <text>`."""

    show_requested = Signal()
    dial_requested = Signal(str)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        # A crashed instance leaves its socket file behind; nobody answers on it.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._ready)
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket)

    def _ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            line = bytes(socket.readLine().data()).decode("utf-8", "replace").strip()
            if line == SHOW:
                log.info("a second start asked to show the window")
                self.show_requested.emit()
            elif line.startswith(DIAL_PREFIX):
                log.info("a second start handed over a number")  # which: personal data
                self.dial_requested.emit(line[len(DIAL_PREFIX) :][:200])
