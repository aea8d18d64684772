"""Rules the VPA is told about once and can read again (Settings → About)."""

from __future__ import annotations

from vpaphone.texts.translate import translate


def monitoring_notice() -> str:
    """RULES.md 5: calls are for customer tasks only, and they are checked."""
    return translate(
        "RulesText",
        "The softphone is for customer tasks only: every call costs money. Calls are monitored — "
        "each is recorded with its task, number, time and duration, uploaded to my-vpa and "
        "checked. Private calls are not allowed.",
    )
