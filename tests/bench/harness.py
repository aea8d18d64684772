"""Benchmark rows and the table / JSON report `make bench` produces."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Row:
    """One figure. `met` is decided by the benchmark itself against `target`; None for a figure
    reported without a target.

    Ratios carry the `baseline` they were measured against in the same run; a median of several
    samples carries their `spread` (lowest, highest).
    """

    name: str
    value: float
    unit: str
    target: str
    met: bool | None
    baseline: float | None = None
    spread: tuple[float, float] | None = None

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        for optional in ("baseline", "spread"):
            if data[optional] is None:
                del data[optional]
        return data


def row_from_json(data: dict[str, object]) -> Row:
    """The row `Row.as_json` wrote (a benchmark's own process hands its rows over so)."""
    spread = data.get("spread")
    pair = (float(spread[0]), float(spread[1])) if isinstance(spread, list) else None
    return Row(**{**data, "spread": pair})  # type: ignore[arg-type]


def write_report(rows: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps([r.as_json() for r in rows], indent=2) + "\n", encoding="utf-8")


def format_table(rows: list[Row]) -> str:
    header = ("benchmark", "value", "spread", "unit", "baseline", "target", "met")
    body = [
        (
            r.name,
            f"{r.value:.4g}",
            "" if r.spread is None else f"{r.spread[0]:.4g}-{r.spread[1]:.4g}",
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
