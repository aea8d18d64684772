"""One running softphone per user: a second start hands its request to the first and exits.

`vpaphone dial NUMBER` and `tel:`/`sip:`/`callto:` links (the desktop file runs `vpaphone dial
%u`) reach the running window this way. The socket is per user and backend (demo or not).

Another local user must neither stand in for the running app (and receive dialled numbers)
nor send it requests: the socket lives in a folder only this user can enter
(`hardening.private_runtime_dir`, never a shared name in /tmp), and both ends check the
other's user id before a byte is exchanged (Linux: SO_PEERCRED; docs/security.md says what
the other systems rely on).
"""

from __future__ import annotations

import contextlib
import getpass
import logging
import os
import socket as pysocket
import struct
import sys
import zlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from vpaphone.hardening import private_runtime_dir

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 500
SHOW = "show"
DIAL_PREFIX = "dial "


def instance_address(data_dir: Path) -> str | None:
    """Where the running instance for `data_dir` listens; None: no safe place (run alone)."""
    digest = zlib.crc32(str(data_dir.resolve()).encode())  # a name, not a secret
    if sys.platform == "win32":  # a named pipe; Qt gives it a per-user ACL (UserAccessOption)
        return f"vpaphone-{getpass.getuser()}-{digest:08x}"
    folder = private_runtime_dir()
    if folder is None:
        log.warning("no private folder for the single-instance socket: running without it")
        return None
    return str(folder / f"instance-{digest:08x}.sock")


def peer_uid(descriptor: int) -> int | None:
    """The user id of the process at the other end of a local socket (None: cannot tell)."""
    if not sys.platform.startswith("linux") or descriptor < 0:
        return None
    with contextlib.suppress(OSError), pysocket.socket(fileno=os.dup(descriptor)) as sock:
        creds = sock.getsockopt(pysocket.SOL_SOCKET, pysocket.SO_PEERCRED, 12)
        _pid, uid, _gid = struct.unpack("3i", creds)
        return int(uid)
    return None


def _same_user(socket: QLocalSocket) -> bool:
    uid = peer_uid(int(socket.socketDescriptor()))
    if uid is None:
        return sys.platform == "win32" or not sys.platform.startswith("linux")
    return uid == os.getuid()


def send_to_running(address: str | None, request: str) -> bool:
    """Hand `request` to a running instance of this user; False if none runs."""
    if address is None:
        return False
    socket = QLocalSocket()
    socket.connectToServer(address)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    if not _same_user(socket):  # never a dialled number to another user's process
        log.warning("the single-instance socket %s belongs to another user: ignored", address)
        socket.abort()
        return False
    socket.write((request + "\n").encode("utf-8"))
    socket.flush()
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
    return True


class InstanceServer(QObject):
    """Listens for requests of later starts of this user: `show` or `dial <text>`."""

    show_requested = Signal()
    dial_requested = Signal(str)

    def __init__(self, address: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.address = address
        self.refused = 0  # connections of other users, dropped unheard
        self._server = QLocalServer(self)
        if sys.platform == "win32":  # a named pipe: Qt restricts it to this user
            self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if self.address is None:
            return False
        if not self._server.listen(self.address):
            # A crashed instance leaves its socket file behind; nobody answers on it.
            QLocalServer.removeServer(self.address)
            if not self._server.listen(self.address):
                return False
        if sys.platform != "win32":
            with contextlib.suppress(OSError):
                os.chmod(self.address, 0o600)  # the folder already keeps others out
        return True

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            if not _same_user(socket):
                self.refused += 1
                log.warning("single-instance request from another user refused")
                socket.abort()
                socket.deleteLater()
                continue
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
