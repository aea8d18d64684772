"""Headset buttons and media keys while another program is active (Linux desktops).

Qt sees a headset's buttons only while a softphone window is active (ui.callkeys). Beyond
that, desktops (GNOME, KDE; BlueZ's mpris-proxy for Bluetooth headsets) hand play/pause and
stop to the media player that plays, over MPRIS on the session D-Bus. While a call rings or
runs, and only if the VPA turned it on (Settings → General), the softphone is such a player:
play/pause answers or ends the call, stop ends it. Outside calls it is not on the bus, so the
music player keeps the keys. No phone number goes to the bus: desktops show player titles on
the lock screen.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import ClassInfo, Property, QCoreApplication, QMetaType, QObject, Slot
from PySide6.QtDBus import (
    QDBusAbstractAdaptor,
    QDBusArgument,
    QDBusConnection,
    QDBusMessage,
    QDBusObjectPath,
)

from vpaphone import APP_DISPLAY_NAME, APP_NAME

log = logging.getLogger(__name__)

SERVICE = f"org.mpris.MediaPlayer2.{APP_NAME}"
OBJECT_PATH = "/org/mpris/MediaPlayer2"
PLAYER_INTERFACE = "org.mpris.MediaPlayer2.Player"
_A = TypeVar("_A", bound=QDBusAbstractAdaptor)
_TRACK = QDBusObjectPath(f"/org/{APP_NAME}/call")


def _interface(name: str) -> Callable[[type[_A]], type[_A]]:
    """The D-Bus interface an adaptor exports (PySide6's stub mistypes ClassInfo)."""
    class_info: Any = ClassInfo
    decorate: Callable[[type[_A]], type[_A]] = class_info(**{"D-Bus Interface": name})
    return decorate


def _typed(qt_type: str, getter: Callable[[Any], object]) -> Property:
    """A property of a Qt type Python has no class for ("as", "x", "a{sv}" on the bus)."""
    return Property(qt_type, getter)  # type: ignore[arg-type] # PySide6 takes type names too


def _no_strings() -> QDBusArgument:
    """An empty "as" (a Python [] would go out as "av", which clients reject)."""
    argument = QDBusArgument()
    argument.beginArray(QMetaType(QMetaType.Type.QString))
    argument.endArray()
    return argument


def available() -> bool:
    """MPRIS needs a Linux desktop's session bus."""
    return sys.platform.startswith("linux") and QDBusConnection.sessionBus().isConnected()


@_interface("org.mpris.MediaPlayer2")
class _Root(QDBusAbstractAdaptor):
    def __init__(self, keys: MediaPlayerKeys) -> None:
        super().__init__(keys.holder)
        self._keys = keys

    @Slot()
    def Raise(self) -> None:  # noqa: N802 - the D-Bus method's name
        self._keys.raise_window()

    @Slot()
    def Quit(self) -> None:  # noqa: N802 - CanQuit is false: the VPA quits in the app
        pass

    Identity = Property(str, lambda _self: APP_DISPLAY_NAME)
    DesktopEntry = Property(str, lambda _self: APP_NAME)
    CanQuit = Property(bool, lambda _self: False)
    CanRaise = Property(bool, lambda _self: True)
    HasTrackList = Property(bool, lambda _self: False)
    SupportedUriSchemes = _typed("QStringList", lambda _self: [])
    SupportedMimeTypes = _typed("QStringList", lambda _self: [])


@_interface(PLAYER_INTERFACE)
class _Player(QDBusAbstractAdaptor):
    def __init__(self, keys: MediaPlayerKeys) -> None:
        super().__init__(keys.holder)
        self._keys = keys

    @Slot()
    def PlayPause(self) -> None:  # noqa: N802
        self._keys.toggle()

    @Slot()
    def Play(self) -> None:  # noqa: N802 - a headset's "play" answers or ends like its button
        self._keys.toggle()

    @Slot()
    def Pause(self) -> None:  # noqa: N802
        self._keys.toggle()

    @Slot()
    def Stop(self) -> None:  # noqa: N802
        self._keys.hang_up()

    @Slot()
    def Next(self) -> None:  # noqa: N802 - CanGoNext is false
        pass

    @Slot()
    def Previous(self) -> None:  # noqa: N802
        pass

    @Slot("qlonglong")
    def Seek(self, _offset: int) -> None:  # noqa: N802 - CanSeek is false
        pass

    @Slot(QDBusObjectPath, "qlonglong")
    def SetPosition(self, _track: QDBusObjectPath, _position: int) -> None:  # noqa: N802
        pass

    @Slot(str)
    def OpenUri(self, _uri: str) -> None:  # noqa: N802 - no URIs are played
        pass

    PlaybackStatus = Property(str, lambda self: self._keys.status())
    Metadata = _typed("QVariantMap", lambda self: self._keys.metadata())
    Position = _typed("qlonglong", lambda _self: 0)
    Rate = Property(float, lambda _self: 1.0)
    MinimumRate = Property(float, lambda _self: 1.0)
    MaximumRate = Property(float, lambda _self: 1.0)
    Volume = Property(float, lambda _self: 1.0)
    CanControl = Property(bool, lambda _self: True)
    CanPlay = Property(bool, lambda _self: True)
    CanPause = Property(bool, lambda _self: True)
    CanSeek = Property(bool, lambda _self: False)
    CanGoNext = Property(bool, lambda _self: False)
    CanGoPrevious = Property(bool, lambda _self: False)


class MediaPlayerKeys(QObject):
    """The softphone as an MPRIS player during calls. `set_enabled` follows the setting;
    `set_call(ringing, in_call)` follows the phone; on the bus only when both say so."""

    def __init__(
        self,
        *,
        toggle: Callable[[], None],
        hang_up: Callable[[], None],
        raise_window: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.toggle, self.hang_up, self.raise_window = toggle, hang_up, raise_window
        self.holder = QObject(self)  # the exported object: D-Bus sees only its adaptors
        self._adaptors = (_Root(self), _Player(self))
        self._enabled = False
        self._ringing = self._in_call = False
        self.on_bus = False

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        self._follow()

    def set_call(self, *, ringing: bool, in_call: bool) -> None:
        changed = (ringing, in_call) != (self._ringing, self._in_call)
        self._ringing, self._in_call = ringing, in_call
        self._follow()
        if changed and self.on_bus:
            self._announce({"Metadata": self.metadata()})

    def status(self) -> str:
        return "Playing" if self.on_bus else "Stopped"

    def metadata(self) -> dict[str, Any]:
        title = (
            QCoreApplication.translate("MediaPlayerKeys", "Incoming call")
            if self._ringing and not self._in_call
            else QCoreApplication.translate("MediaPlayerKeys", "Call")
        )
        return {"mpris:trackid": _TRACK, "xesam:title": title}

    def _follow(self) -> None:
        wanted = self._enabled and (self._ringing or self._in_call) and available()
        if wanted and not self.on_bus:
            bus = QDBusConnection.sessionBus()
            registered = bus.registerObject(
                OBJECT_PATH, self.holder, QDBusConnection.RegisterOption.ExportAdaptors
            )
            if not registered or not bus.registerService(SERVICE):
                bus.unregisterObject(OBJECT_PATH)
                log.warning("media keys: %s is taken on the session bus", SERVICE)
                return
            self.on_bus = True
        elif not wanted and self.on_bus:
            bus = QDBusConnection.sessionBus()
            bus.unregisterService(SERVICE)
            bus.unregisterObject(OBJECT_PATH)
            self.on_bus = False

    def _announce(self, changed: dict[str, Any]) -> None:
        signal = QDBusMessage.createSignal(
            OBJECT_PATH, "org.freedesktop.DBus.Properties", "PropertiesChanged"
        )
        signal.setArguments([PLAYER_INTERFACE, changed, _no_strings()])
        QDBusConnection.sessionBus().send(signal)
