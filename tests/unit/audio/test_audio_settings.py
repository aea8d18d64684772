"""Device choice persistence: round trip, defaults, damaged files kept aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from vpaphone.audio.settings import DeviceChoice, DeviceRole, load_choice, save_choice


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "audio.json"
    choice = (
        DeviceChoice()
        .with_device(DeviceRole.MICROPHONE, "usb-mic")
        .with_device(DeviceRole.RINGER, "speakers")
    )
    save_choice(choice, path)
    loaded = load_choice(path)
    assert loaded == choice
    assert loaded.get(DeviceRole.SPEAKER) is None  # system default


def test_missing_file_means_system_defaults(tmp_path: Path) -> None:
    assert load_choice(tmp_path / "absent.json") == DeviceChoice()


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '{"microphone": 5}', '{"speaker": ""}'])
def test_damaged_file_is_kept_aside_and_defaults_used(
    tmp_path: Path, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "audio.json"
    path.write_text(text, encoding="utf-8")
    assert load_choice(path) == DeviceChoice()
    assert not path.exists()
    assert (tmp_path / "audio.json.damaged").read_text(encoding="utf-8") == text
    assert "unreadable" in caplog.text


def test_default_location_is_the_user_config_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    save_choice(DeviceChoice(speaker="headset"))
    assert load_choice() == DeviceChoice(speaker="headset")
    assert list(tmp_path.rglob("audio-devices.json"))


def test_voice_processing_is_all_on_by_default_and_saved(tmp_path: Path) -> None:
    from vpaphone.audio.settings import ProcessingChoice, load_processing, save_processing

    path = tmp_path / "audio-processing.json"
    assert load_processing(path) == ProcessingChoice(True, True, True, True)
    headset = ProcessingChoice(echo_cancellation=False)
    save_processing(headset, path)
    assert load_processing(path) == headset


def test_a_damaged_voice_processing_file_is_kept_aside(tmp_path: Path) -> None:
    from vpaphone.audio.settings import ProcessingChoice, load_processing

    path = tmp_path / "audio-processing.json"
    path.write_text('{"echo_cancellation": "yes"}', encoding="utf-8")
    assert load_processing(path) == ProcessingChoice()
    assert not path.exists()
    assert (tmp_path / "audio-processing.json.damaged").exists()
