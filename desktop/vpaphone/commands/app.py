"""What `vpaphone` runs without a sub-command: the softphone window.

`--demo` runs it against the embedded demo my-vpa and the demo customer SIP peer (no account
needed). A second start hands over to the running window (single instance).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vpaphone.app.backend import BackendSource


def configure(parser: argparse.ArgumentParser) -> None:
    """The app's options live on the main parser (`--demo`, `--minimized`)."""


def run(args: argparse.Namespace) -> int:
    from vpaphone.ui.display import EXIT_NO_DISPLAY, display_problem  # noqa: PLC0415

    problem = display_problem()
    if problem is not None:  # before Qt is imported: one line, no plugin dump
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    from vpaphone.ui.app import run_app  # noqa: PLC0415 - Qt only when the window is wanted

    return run_app(backend_source(args), minimized=bool(getattr(args, "minimized", False)))


def backend_source(args: argparse.Namespace) -> BackendSource:
    """The composition root's one choice: the company my-vpa, or the embedded demo."""
    if getattr(args, "demo", False):
        from vpaphone.demo.backend import DemoSource  # noqa: PLC0415 - demo only

        return DemoSource()
    from vpaphone.app.backend import ConfiguredSource  # noqa: PLC0415

    return ConfiguredSource()
