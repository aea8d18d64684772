"""A bounded `linecache`: PySide6 reads the source of every module imported after it.

shiboken6 hooks `__import__` for its `from __feature__ import …` switch and, to learn whether a
module uses PySide6, calls `inspect.getsource` on every newly imported module. That leaves each
module's whole source in `linecache` for good: ~450 files, 12–13 MB of the idle app's memory
(measured with tracemalloc in tests/bench/ui_probe.py). Tracebacks still work with a bounded
cache; they re-read the few files they show.
"""

from __future__ import annotations

import contextlib
import linecache
from typing import Any

MAX_FILES = 64  # a deep traceback's files, several times over


class BoundedLineCache(dict[str, Any]):
    """linecache's dict, forgetting the oldest files beyond `limit` (insertion order)."""

    def __init__(self, entries: dict[str, Any], limit: int = MAX_FILES) -> None:
        super().__init__(entries)
        self.limit = limit
        self._trim()

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self._trim()

    def _trim(self) -> None:
        # linecache is not thread-safe either; a race here costs at most one re-read
        with contextlib.suppress(KeyError, RuntimeError, StopIteration):
            while len(self) > self.limit:
                del self[next(iter(self))]


def bound_line_cache(limit: int = MAX_FILES) -> None:
    """Install the bounded cache (idempotent); call it before PySide6 loads the app's modules."""
    if not isinstance(linecache.cache, BoundedLineCache):
        linecache.cache = BoundedLineCache(linecache.cache, limit)
