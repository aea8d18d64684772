"""The bundle's entry (vpaphone.frozen): the CLI, or an allowed helper module run as a child."""

from __future__ import annotations

import pytest

from vpaphone import __version__
from vpaphone.frozen import EXIT_USAGE, main


def test_a_module_that_is_no_helper_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-m", "os"]) == EXIT_USAGE
    assert "-m os: not a helper of this bundle" in capsys.readouterr().err
    assert main(["-m"]) == EXIT_USAGE


def test_the_demo_peer_is_a_helper(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["-m", "vpaphone.demo.peer", "--help"])
    assert exited.value.code == 0
    assert "--port" in capsys.readouterr().out


def test_everything_else_is_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"vpaphone {__version__}"
