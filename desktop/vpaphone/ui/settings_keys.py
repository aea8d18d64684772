"""Where the general settings live in QSettings: shared by the settings dialog, which loads Qt
Multimedia, and the start-up code, which must not wait for it."""

from __future__ import annotations

CLOSE_TO_TRAY_KEY = "general/close_to_tray"
START_AT_LOGIN_KEY = "general/start_at_login"
DEFAULT_COUNTRY_KEY = "dialer/default_country"  # the country each dial starts from (ISO code)
# headset buttons and media keys answer and end calls while another program is active (Linux)
BACKGROUND_CALL_KEYS_KEY = "calls/background_keys"
# global hotkeys (ui.globalkeys): off by default; each action's key as QKeySequence portable text
GLOBAL_HOTKEYS_KEY = "hotkeys/enabled"
HOTKEY_ANSWER_HANG_UP_KEY = "hotkeys/answer_hang_up"
HOTKEY_MUTE_KEY = "hotkeys/mute"
HOTKEY_HOLD_KEY = "hotkeys/hold"
DEFAULT_HOTKEYS = {
    HOTKEY_ANSWER_HANG_UP_KEY: "Ctrl+Alt+H",
    HOTKEY_MUTE_KEY: "Ctrl+Alt+M",
    HOTKEY_HOLD_KEY: "Ctrl+Alt+P",
}
