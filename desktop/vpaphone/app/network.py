"""Network changes (new Wi-Fi, VPN, cable) as Qt reports them, settled into one `changed`.

Reachability and transport medium often change together; the phone re-registers once they
have settled, and not at all while the network is gone (it waits for the way back).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation

log = logging.getLogger(__name__)

NETWORK_SETTLE_MS = 1_000


class NetworkWatcher(QObject):
    changed = Signal()  # the network changed and settled: rebuild transports, re-register

    def __init__(self, settle_ms: int = NETWORK_SETTLE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settled = QTimer(self)
        self._settled.setSingleShot(True)
        self._settled.setInterval(settle_ms)
        self._settled.timeout.connect(self.changed)
        self._watching = False

    def watch(self) -> bool:
        """Follow Qt's network information, where the platform has a backend for it."""
        if self._watching:
            return True
        if QNetworkInformation.instance() is None and not QNetworkInformation.loadDefaultBackend():
            log.info("no network information backend: network changes are not noticed")
            return False
        info = QNetworkInformation.instance()
        self._watching = True
        info.reachabilityChanged.connect(self.reachability_changed)
        info.transportMediumChanged.connect(self._medium_changed)
        return True

    def stop(self) -> None:
        self._settled.stop()

    def _medium_changed(self, _medium: QNetworkInformation.TransportMedium) -> None:
        info = QNetworkInformation.instance()
        self.reachability_changed(
            info.reachability() if info is not None else QNetworkInformation.Reachability.Unknown
        )

    def reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        if reachability is QNetworkInformation.Reachability.Disconnected:
            self._settled.stop()  # nothing to register with; wait for the way back
        else:
            self._settled.start()
