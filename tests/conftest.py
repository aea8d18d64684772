"""Suite-wide settings. Component fixtures live in tests/fixtures/ (one module per component)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
