"""The call gate's reasons in the UI language, for the Call button and the confirmation."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QCoreApplication

from vpaphone.core import gate
from vpaphone.core.formatting import format_percent
from vpaphone.core.gate import Reason
from vpaphone.core.model import CostZone, Destination, NumberKind, Task
from vpaphone.core.rules import Language, RuleData
from vpaphone.core.share import recommend_area
from vpaphone.ui.widgets.countries import country_name


def reason_text(
    reason: Reason,
    destination: Destination,
    zone: CostZone,
    *,
    task: Task | None,
    rules: RuleData,
    language: Language,
) -> str:
    """One or two sentences naming the issue and what to do; the core's English as fallback."""
    where = country_name(destination.region, language)
    if reason.code == gate.EMERGENCY:
        return QCoreApplication.translate(
            "GateText",
            "Emergency calls are always allowed; they belong to no task and do not count as "
            "phone time.",
        )
    if reason.code == gate.NO_TASK:
        return QCoreApplication.translate(
            "GateText",
            "No active task: pick the customer task you are working on first. Calls are only "
            "for customer tasks; private calls are not allowed.",
        )
    if reason.code == gate.NON_EU_NEEDS_QUOTE:
        return QCoreApplication.translate(
            "GateText",
            "Calls outside the EU (%1) need an individual quote: ask the admin team for one "
            "before calling.",
        ).replace("%1", where)
    if reason.code == NumberKind.PREMIUM_RATE.value:
        return QCoreApplication.translate(
            "GateText", "Premium-rate numbers are blocked: the customer cannot be billed for them."
        )
    if reason.code == NumberKind.SHARED_COST.value:
        return QCoreApplication.translate(
            "GateText", "Shared-cost numbers are blocked: the customer cannot be billed for them."
        )
    if task is not None and reason.code in (gate.AREA_COVERS_DE_ONLY, gate.ZONE_NOT_COVERED):
        area = rules.area(task.area)
        better = ""
        if area.role is not None:
            zones = {*area.zones, zone}
            better = rules.area(recommend_area(area.role, zones, task.area, rules).area).label(
                language
            )
        text = QCoreApplication.translate(
            "GateText",
            "The task's telephony area (%1) does not cover calls to %2. Switch the task to "
            "%3 and tell the customer (Telefonfaktor).",
        )
        return (
            text.replace("%1", area.label(language))
            .replace("%2", where)
            .replace(
                "%3", better or QCoreApplication.translate("GateText", "an area that covers it")
            )
        )
    included = format_percent(Fraction(rules.included_share), language)
    if reason.code == gate.PHONE_SHARE_OVER:
        return QCoreApplication.translate(
            "GateText",
            "This task is over the %1 phone share included in the hourly rate: choose a "
            "telephony area for it and tell the customer and the admin team.",
        ).replace("%1", included)
    if reason.code == gate.PHONE_SHARE_NEARING:
        return QCoreApplication.translate(
            "GateText", "This task is nearing the %1 phone share included in the hourly rate."
        ).replace("%1", included)
    return reason.message
