"""httpx without its command-line client.

Importing httpx also imports its CLI (rich, click, pygments: ~6 MB of idle memory) when those
happen to be installed, as they are next to the dev tools; the app never uses it. Import httpx
from here.
"""

from __future__ import annotations

import sys

sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]  # an import of it fails
import httpx  # noqa: E402

__all__ = ["httpx"]
