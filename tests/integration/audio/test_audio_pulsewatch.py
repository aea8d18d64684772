"""The sound server's own device list (audio.pulsewatch), against a real PulseAudio.

Qt 6.12's PulseAudio backend keeps listing a sink that was unloaded (until another device
comes): the first test pins that measurement, so that the workaround can go once Qt reports
removals. The watcher reports devices coming and going."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from tests.fixtures.pulseaudio import PulseServer
from vpaphone.audio.devices import list_devices, media_devices
from vpaphone.audio.pulsewatch import DevicesPresent, PulseDevices
from vpaphone.audio.settings import DeviceRole

pytestmark = [pytest.mark.pulseaudio]


def _speakers() -> list[str]:
    return [d.id for d in list_devices(DeviceRole.SPEAKER)]


def test_qt_keeps_listing_a_sink_that_went_away(pulse: PulseServer, qtbot: QtBot) -> None:
    media_devices(QObject())  # Qt's device watch runs
    pulse.add_sink("gone_soon")
    qtbot.waitUntil(lambda: "gone_soon" in _speakers(), timeout=5000)
    pulse.remove("gone_soon")
    qtbot.wait(1500)
    assert "gone_soon" not in pulse.pactl("list", "short", "sinks")
    assert "gone_soon" in _speakers()  # still listed: why audio.pulsewatch exists


def test_the_watcher_reports_devices_coming_and_going(pulse: PulseServer, qtbot: QtBot) -> None:
    watch = PulseDevices()
    assert watch.available
    seen: list[DevicesPresent] = []
    watch.present.connect(seen.append)
    watch.start()
    try:
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)  # the list once connected
        assert {"speakers", "headset"} <= seen[-1].sinks
        assert {"desk_mic", "headset_mic"} <= seen[-1].sources
        assert "usb_headset_3" not in seen[-1].sinks
        pulse.add_sink("usb_headset_3", wait=False)
        qtbot.waitUntil(lambda: "usb_headset_3" in seen[-1].sinks, timeout=5000)
        pulse.remove("usb_headset_3")
        qtbot.waitUntil(lambda: "usb_headset_3" not in seen[-1].sinks, timeout=5000)
        assert "speakers" in seen[-1].sinks
    finally:
        watch.stop()
    count = len(seen)
    pulse.add_sink("usb_headset_4", wait=False)
    qtbot.wait(500)
    pulse.remove("usb_headset_4")
    assert len(seen) == count  # stopped: nothing more comes
