"""`make bench`: runs every tests/bench/bench_*.py module's `run()` and reports.

Usage: python -m tests.bench [NAME_FILTER ...]
Each module exposes `run() -> list[Row]`; figures are written to build/bench.json.
Each module runs in a fresh process of its own (`python -m tests.bench --one NAME FILE`):
libraries one benchmark maps (Qt, pjsua2) would otherwise share their pages with the processes
the next one measures and lower their PSS, and no Qt application or environment carries over.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

from tests.bench.harness import Row, format_table, row_from_json, write_report

ROOT = Path(__file__).resolve().parents[2]


def _one(name: str, out: Path) -> int:
    module = importlib.import_module(f"tests.bench.{name}")
    rows: list[Row] = module.run()
    out.write_text(json.dumps([r.as_json() for r in rows]), encoding="utf-8")
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        return _one(argv[1], Path(argv[2]))
    modules = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    if argv:
        modules = [m for m in modules if any(f in m for f in argv)]
    rows: list[Row] = []
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-rows-") as tmp:
        for name in modules:
            print(f"== {name}", flush=True)
            out = Path(tmp) / f"{name}.json"
            try:
                subprocess.run(
                    [sys.executable, "-m", "tests.bench", "--one", name, str(out)],
                    cwd=ROOT,
                    check=True,
                )
                rows.extend(row_from_json(data) for data in json.loads(out.read_text()))
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
