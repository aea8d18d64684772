"""`make bench`: runs every tests/bench/bench_*.py module's `run()` and reports.

Usage: python -m tests.bench [NAME_FILTER ...]
Each module exposes `run() -> list[Row]`; figures are written to build/bench.json.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path

from tests.bench.harness import Row, format_table, write_report

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    modules = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    if argv:
        modules = [m for m in modules if any(f in m for f in argv)]
    rows: list[Row] = []
    failed: list[str] = []
    for name in modules:
        print(f"== {name}", flush=True)
        try:
            module = importlib.import_module(f"tests.bench.{name}")
            rows.extend(module.run())
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
    write_report(rows, ROOT / "build" / "bench.json")
    print()
    print(format_table(rows))
    print(f"\nwritten to {ROOT / 'build' / 'bench.json'}")
    if failed:
        print(f"benchmarks that crashed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
