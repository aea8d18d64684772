"""The dialer's and the call's building blocks; the main window (ui.app) composes them."""
