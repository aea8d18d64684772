"""The application log: a rotating file in the user log dir, with phone numbers masked.

Customer phone numbers are personal data. Modules log numbers only through a masking helper
(`core.numbers.masked` / `mask_e164`); this filter is the second line of defence and
masks any run of 6 or more digits (with the usual separators) that still reaches a record.
Support may switch the filter off for one session with VPAPHONE_LOG_NUMBERS=1.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
from pathlib import Path
from types import TracebackType

from vpaphone import paths

LOG_FILE = "vpaphone.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
# A number starts at a word boundary; ISO dates (2026-11-26) are not numbers.
_NUMBER = re.compile(r"(?<![\w+\-/.:])(?!\d{4}-\d{2}-\d{2})\+?\d(?:[\d \-/().]{4,}\d)")


def mask_numbers(text: str) -> str:
    """`call to +49 221 82829980` → `call to +49 2*******80`: keep the country, hide the rest."""

    def mask(match: re.Match[str]) -> str:
        raw = match.group(0)
        digits = sum(c.isdigit() for c in raw)
        if digits < 6:
            return raw
        keep_head, keep_tail = 2 if raw.startswith("+") else 1, 2
        out, seen = [], 0
        for char in raw:
            if char.isdigit():
                seen += 1
                hidden = keep_head < seen <= digits - keep_tail
                out.append("*" if hidden else char)
            else:
                out.append(char)
        return "".join(out)

    return _NUMBER.sub(mask, text)


class NumberMaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_numbers(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info:  # another handler may have formatted it already: mask either way
            text = record.exc_text or logging.Formatter().formatException(record.exc_info)
            record.exc_text = mask_numbers(text)
        return True


def configure_logging(directory: Path | None = None, level: int = logging.INFO) -> Path:
    """Log to `<log dir>/vpaphone.log` (1 MB × 5). Returns the file's path."""
    path = (directory or paths.log_dir()) / LOG_FILE
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if os.environ.get("VPAPHONE_LOG_NUMBERS") != "1":
        handler.addFilter(NumberMaskingFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    _log_uncaught_exceptions()
    return path


def _log_uncaught_exceptions() -> None:
    """An exception escaping a Qt slot is only printed to stderr, and the app carries on: put it
    in the log too, where support looks (a broken installation once left the log empty)."""
    previous = sys.excepthook
    if getattr(previous, "logs_to_vpaphone", False):
        return

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("vpaphone").critical("uncaught exception", exc_info=(kind, value, tb))
        previous(kind, value, tb)

    hook.logs_to_vpaphone = True  # type: ignore[attr-defined]
    sys.excepthook = hook
