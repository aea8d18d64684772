"""A task's telephony area in words: what the recommended area is, and why."""

from __future__ import annotations

from vpaphone.core.model import CostZone, Role
from vpaphone.core.rules import RuleData
from vpaphone.core.share import Recommendation
from vpaphone.texts.translate import fill, language, translate


def recommendation_text(recommendation: Recommendation, rules: RuleData) -> str:
    """ "Recommended: Sales telephony EU — for sales calls to Germany and other EU countries."
    ("" when the task's area already fits.) The destinations are those of answered calls."""
    if not recommendation.change_needed:
        return ""
    sales = recommendation.role is Role.SALES
    zones = recommendation.zones
    if recommendation.needs_quote:
        return translate(
            "TaskText", "Calls outside the EU need an individual quote from the admin team."
        )
    if CostZone.EU in zones:
        where = translate("TaskText", "Germany and other EU countries")
    else:
        where = translate("TaskText", "Germany")
    label = rules.area(recommendation.area).label(language())
    if sales:
        why = translate("TaskText", "Recommended: %1 — for sales calls to %2.")
    else:
        why = translate("TaskText", "Recommended: %1 — for back-office calls to %2.")
    return fill(why, label, where)
