"""The desktop user interface (PySide6 Widgets): the application shell and its widgets."""
