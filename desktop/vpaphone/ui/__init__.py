"""The desktop user interface (PySide6 Widgets): the application shell and its widgets."""

from vpaphone.ui.sourcecache import bound_line_cache

bound_line_cache()  # before the UI's imports: see vpaphone.ui.sourcecache
