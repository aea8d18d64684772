"""Benchmark rows and the table / JSON report `make bench` produces."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Row:
    """One figure. `met` is decided by the benchmark itself against `target`; None for a figure
    reported without a target.

    Ratios carry the `baseline` they were measured against in the same run.
    """

    name: str
    value: float
    unit: str
    target: str
    met: bool | None
    baseline: float | None = None

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        if self.baseline is None:
            del data["baseline"]
        return data


def write_report(rows: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([r.as_json() for r in rows], indent=2) + "\n", encoding="utf-8")


def format_table(rows: list[Row]) -> str:
    header = ("benchmark", "value", "unit", "baseline", "target", "met")
    body = [
        (
            r.name,
            f"{r.value:.4g}",
            r.unit,
            "" if r.baseline is None else f"{r.baseline:.4g}",
            r.target,
            "-" if r.met is None else "yes" if r.met else "NO",
        )
        for r in rows
    ]
    widths = [max(len(str(c)) for c in col) for col in zip(header, *body, strict=False)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
