"""The call gate's reasons as sentences: under the number, on the Call button, in the
"call anyway?" question, and in `vpaphone check-number`'s JSON."""

from __future__ import annotations

from fractions import Fraction

from vpaphone.core import gate
from vpaphone.core.formatting import format_percent
from vpaphone.core.gate import Reason
from vpaphone.core.model import CostZone, Destination, NumberKind
from vpaphone.core.rules import RuleData
from vpaphone.texts.countries import country_name
from vpaphone.texts.translate import fill, language, translate


def reason_text(reason: Reason, rules: RuleData) -> str:
    """One or two sentences naming the issue and what to do."""
    lang = language()
    code = reason.code
    if code == gate.EMERGENCY:
        return translate(
            "GateText",
            "Emergency calls are always allowed; they belong to no task and do not count as "
            "phone time.",
        )
    if code == gate.NO_TASK:
        return translate(
            "GateText",
            "No active task: pick the customer task you are working on first. Calls are only "
            "for customer tasks; private calls are not allowed.",
        )
    if code == gate.NON_EU_NEEDS_QUOTE:
        return fill(
            translate(
                "GateText",
                "Calls outside the EU (%1) need an individual quote: ask the admin team for one "
                "before calling.",
            ),
            country_name(reason.region or "", lang),
        )
    if code == NumberKind.PREMIUM_RATE.value:
        return translate(
            "GateText", "Premium-rate numbers are blocked: the customer cannot be billed for them."
        )
    if code == NumberKind.SHARED_COST.value:
        return translate(
            "GateText", "Shared-cost numbers are blocked: the customer cannot be billed for them."
        )
    if code in (gate.AREA_COVERS_DE_ONLY, gate.ZONE_NOT_COVERED) and reason.area is not None:
        better = (
            rules.area(reason.better_area).label(lang)
            if reason.better_area is not None
            else translate("GateText", "an area that covers it")
        )
        return fill(
            translate(
                "GateText",
                "The task's telephony area (%1) does not cover calls to %2. Switch the task to "
                "%3 and tell the customer (Telefonfaktor).",
            ),
            rules.area(reason.area).label(lang),
            country_name(reason.region or "", lang),
            better,
        )
    included = format_percent(reason.included or Fraction(rules.included_share), lang)
    if code == gate.PHONE_SHARE_OVER:
        return fill(
            translate(
                "GateText",
                "This task is over the %1 phone share included in the hourly rate: choose a "
                "telephony area for it and tell the customer and the admin team.",
            ),
            included,
        )
    if code == gate.PHONE_SHARE_NEARING:
        return fill(
            translate(
                "GateText", "This task is nearing the %1 phone share included in the hourly rate."
            ),
            included,
        )
    # a kind my-vpa provisioned as blocked, beyond the two above: named by its type
    return fill(
        translate("GateText", "Numbers of this type (%1) are blocked by the my-vpa rules."),
        code.replace("_", " "),
    )


def target_text(destination: Destination, zone: CostZone) -> str:
    """What will be dialled, before the call is placed: country, number and cost zone."""
    zones = {
        CostZone.DE: translate("GateText", "zone Germany"),
        CostZone.EU: translate("GateText", "zone EU"),
        CostZone.NON_EU: translate("GateText", "zone outside the EU"),
    }
    return fill(
        translate("GateText", "Calls %1 in %2 (%3)"),
        destination.international or destination.e164,
        country_name(destination.region),
        zones[zone],
    )
