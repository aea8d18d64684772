"""`vpaphone dial NUMBER`: the running softphone (or a new one) opens with the number filled in.

NUMBER may be anything a VPA pastes, including `tel:`, `sip:` and `callto:` links: the desktop
file registers `vpaphone dial %u` for those schemes. The number is never dialled without the
user pressing Call: the call gate and the active task decide first.
"""

from __future__ import annotations

import argparse
import sys


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", help="phone number or tel:/sip:/callto: link")


def run(args: argparse.Namespace) -> int:
    from vpaphone.ui.display import EXIT_NO_DISPLAY, display_problem  # noqa: PLC0415

    problem = display_problem()
    if problem is not None:  # before Qt is imported: one line, no plugin dump
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    from vpaphone.ui.app import run_app  # noqa: PLC0415 - Qt only when the window is wanted

    number = str(args.number).strip()
    if not number:
        print("vpaphone dial: give a phone number or a tel: link", flush=True)
        return 2
    from vpaphone.app.backend import ConfiguredSource  # noqa: PLC0415
    from vpaphone.commands.app import backend_source  # noqa: PLC0415
    from vpaphone.demo.backend import DemoSource  # noqa: PLC0415 - its folder's name only

    source = backend_source(args)
    # a link opened while only the demo runs (or the other way round) reaches that window
    other = ConfiguredSource() if source.launch_options else DemoSource()
    return run_app(source, number=number, handover=(other.data_dir,))
