"""The PyInstaller bundle: spec, run-time hook, trimming rules."""
