"""What the executable of the frozen bundle runs (installer/pyinstaller/vpaphone_main.py).

A frozen app has no interpreter behind `sys.executable`: a helper process that the app starts
as `sys.executable -m MODULE ...` (the demo customer peer, `vpaphone.demo.launch`) comes back
to this entry, which runs that module's `main` — only the modules listed here. Everything
else is the normal command line (`vpaphone.cli`).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

CHILD_MODULES = ("vpaphone.demo.peer",)  # each has main(argv) -> int
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["-m"]:
        module_name = args[1] if len(args) > 1 else ""
        if module_name not in CHILD_MODULES:
            print(f"vpaphone: -m {module_name}: not a helper of this bundle", file=sys.stderr)
            return EXIT_USAGE
        module = importlib.import_module(module_name)
        result: int = module.main(args[2:])
        return result
    from vpaphone.cli import main as cli_main  # noqa: PLC0415 - one import either way

    return cli_main(args)
