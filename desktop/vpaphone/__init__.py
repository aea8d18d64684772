"""my-vpa desktop softphone."""

__version__ = "0.1.0"
APP_NAME = "vpaphone"
APP_DISPLAY_NAME = "my-vpa Softphone"
KEYCHAIN_SERVICE = "vpaphone my-vpa"  # service name of the app's OS keychain entries
