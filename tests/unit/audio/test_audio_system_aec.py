"""Who cancels echo before the app: sound-server sources and device names (every platform's logic;
the real PulseAudio module is detected in tests/integration/audio/test_audio_system_aec.py)."""

from __future__ import annotations

import pytest

from vpaphone.audio import system_aec
from vpaphone.audio.system_aec import detect, from_name, from_pulse, parse_pactl_sources

PACTL = """\
Source #1
\tState: SUSPENDED
\tName: alsa_input.pci-0000_00_1f.3.analog-stereo
\tDescription: Built-in Audio Analog Stereo
\tDriver: module-alsa-card.c
\tProperties:
\t\tdevice.description = "Built-in Audio Analog Stereo"
\t\tdevice.class = "sound"
\tPorts:
\t\tanalog-input-mic: Microphone (type: Mic, priority: 8700, available)
Source #7
\tState: RUNNING
\tName: alsa_input.pci-0000_00_1f.3.analog-stereo.echo-cancel
\tDescription: Built-in mic (echo cancelled with Built-in speakers)
\tDriver: module-echo-cancel.c
\tProperties:
\t\tdevice.description = "Office mic"
\t\tdevice.master_device = "alsa_input.pci-0000_00_1f.3.analog-stereo"
Source #9
\tName: echo-cancel-source
\tDriver: PipeWire
\tProperties:
\t\tnode.name = "echo-cancel-source"
\t\tnode.description = "Echo-Cancel Source"
"""


def test_pactl_sources_are_read_with_driver_and_properties() -> None:
    sources = parse_pactl_sources(PACTL)
    assert [s.name for s in sources] == [
        "alsa_input.pci-0000_00_1f.3.analog-stereo",
        "alsa_input.pci-0000_00_1f.3.analog-stereo.echo-cancel",
        "echo-cancel-source",
    ]
    assert sources[1].driver == "module-echo-cancel.c"
    assert sources[1].properties["device.description"] == "Office mic"
    assert "analog-input-mic" not in str(sources[0].properties)  # Ports: is not a property


def test_pulseaudio_and_pipewire_cancellers_are_recognised_by_the_server() -> None:
    plain, pulse, pipewire = parse_pactl_sources(PACTL)
    assert from_pulse(plain) is None
    found = from_pulse(pulse)
    assert found is not None
    assert found.kind == "pulseaudio"
    found = from_pulse(pipewire)
    assert found is not None
    assert found.kind == "pipewire"


@pytest.mark.parametrize(
    ("device_id", "description", "kind"),
    [
        ("mic.echo-cancel", "Built-in mic (echo cancelled with Speakers)", "pulseaudio"),
        ("echo-cancel-source", "Echo-Cancel Source", "pipewire"),
        ("{0.0.1.00000000}.{abc}", "Echo Cancelling Speakerphone (Jabra SPEAK 410 USB)", "device"),
        ("usb-Poly", "Poly Sync 20 Echo Canceller", "device"),
    ],
)
def test_names_that_say_so(device_id: str, description: str, kind: str) -> None:
    found = from_name(device_id, description)
    assert found is not None
    assert found.kind == kind


@pytest.mark.parametrize("description", ["Headset Microphone", "Built-in Audio", "Echo Dot"])
def test_ordinary_microphones_are_not_mistaken(description: str) -> None:
    assert from_name("some-id", description) is None


def test_windows_and_macos_go_by_the_name_only(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(system_aec, "pulse_sources", lambda: asked.append("pactl") or [])
    assert detect("{id}", "Microphone (USB Audio)", platform="win32") is None
    assert detect("BuiltInMicrophoneDevice", "MacBook Pro Microphone", platform="darwin") is None
    assert asked == []
    found = detect("{id}", "Echo Cancelling Speakerphone", platform="darwin")
    assert found is not None
    assert found.kind == "device"


def test_on_linux_the_server_is_asked_about_the_chosen_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(system_aec, "pulse_sources", lambda: parse_pactl_sources(PACTL))
    # renamed by the user: only the server knows it is echo-cancelled
    found = detect("alsa_input.pci-0000_00_1f.3.analog-stereo.echo-cancel", "Office mic", "linux")
    assert found is not None
    assert found.kind == "pulseaudio"
    assert detect("alsa_input.pci-0000_00_1f.3.analog-stereo", "Built-in", "linux") is None


def test_no_sound_server_means_no_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(system_aec.shutil, "which", lambda _name: None)
    assert system_aec.pulse_sources() is None
    assert detect("alsa_input.x", "Built-in", "linux") is None
