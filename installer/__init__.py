"""Build tooling for the wheel, the PyInstaller bundle and the installers (see README.md)."""
