"""The window fits the screen it is on (issue 15.3): at 200 % scaling on a 1600×1000 laptop
the window grew to 1600×1096 (bottom clipped) and could not be narrower than 709 px."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.keyring, pytest.mark.slow]


def _probe(tmp_path: Path, scale: str, width: int, height: int) -> dict[str, Any]:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}]}
        )
    )
    out = tmp_path / "layout.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.e2e.layout_probe", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(out.read_text())
    return report


@pytest.mark.parametrize(("scale", "logical"), [("1", [1600, 1000]), ("2", [800, 500])])
def test_the_window_fits_the_screen_and_nothing_is_clipped(
    tmp_path: Path, scale: str, logical: list[int]
) -> None:
    report = _probe(tmp_path, scale, 1600, 1000)
    assert report["screen"] == logical
    wide = report["wide"]
    assert wide["frame"][0] <= logical[0]
    assert wide["frame"][1] <= logical[1], "taller than the screen: the bottom is cut off"
    assert wide["clipped"] == []
    assert not wide["compact"] or logical[0] < 640


@pytest.mark.parametrize("scale", ["1", "2"])
def test_a_360_px_window_keeps_the_essentials(tmp_path: Path, scale: str) -> None:
    narrow = _probe(tmp_path, scale, 1600, 1000)["narrow"]
    assert narrow["window"][0] == 360
    assert narrow["minimum"][0] <= 360
    assert narrow["compact"]
    assert narrow["clipped"] == []
    assert narrow["visible"] == {
        "registration": True,
        "number": True,
        "call": True,
        "task": True,
        "share": True,
    }
