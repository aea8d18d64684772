"""`vpaphone` entry point: the application, or a support/IT sub-command."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from vpaphone import APP_DISPLAY_NAME, __version__

# sub-command name -> module in vpaphone.commands (imported only when used)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "check-number": ("check_number", "classify a number and run the call gate (JSON out)"),
    "diagnose": ("diagnose", "list versions, audio devices and engine checks for support"),
    "dial": ("dial", "open the running softphone with a number (or tel:/sip:/callto: link)"),
}
APP_MODULE = "app"  # what runs without a sub-command: the softphone itself


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vpaphone", description=APP_DISPLAY_NAME)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run against the embedded demo my-vpa backend and demo SIP peer (no account needed)",
    )
    parser.add_argument(
        "--minimized",
        action="store_true",
        help="start in the system tray without showing the window (as 'Start when I log in' "
        "does); without a tray the window starts minimized",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        module = importlib.import_module(f"vpaphone.commands.{module_name}")
        module.configure(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    module_name = SUBCOMMANDS[args.command][0] if args.command else APP_MODULE
    module = importlib.import_module(f"vpaphone.commands.{module_name}")
    result: int = module.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
