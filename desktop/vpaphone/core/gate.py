"""The call gate: before dialling, allow / warn / block, with reasons a VPA can act on.

RULES.md 5–9.

Decisions taken where RULES.md leaves room, each from the page's own wording:
- EU areas cover Germany: the page says "EU member states", Germany is one, no exception named.
- Area "none" covers DE and EU: the included 15 min per working hour is not tied to a
  destination; only "outside the EU" needs a quote. The share level warns when it runs out.
- An individual quote covers every destination of its task, DE and EU included: it is the
  task's one agreed price. A task flagged `individual_quote` may call NON_EU whatever its area.
- Toll-free numbers are allowed like any number: they still take phone time (the 25 % rule is
  about time, not about the tariff).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from vpaphone.core.formatting import format_percent
from vpaphone.core.model import CostZone, Decision, Destination, NumberKind, Task
from vpaphone.core.rules import Billing, Language, RuleData
from vpaphone.core.share import ShareLevel, ShareState, recommend_area

# Stable machine codes (CLI JSON, logs, UI); messages may change wording, codes may not.
EMERGENCY = "emergency"
NO_TASK = "no_task"
NON_EU_NEEDS_QUOTE = "non_eu_needs_quote"
AREA_COVERS_DE_ONLY = "area_covers_de_only"
ZONE_NOT_COVERED = "zone_not_covered"
PHONE_SHARE_OVER = "phone_share_over"
PHONE_SHARE_NEARING = "phone_share_nearing"

_KIND_MESSAGES = {
    NumberKind.PREMIUM_RATE: "Premium-rate numbers are blocked: they charge far more than a normal "
    "call, and the customer cannot be billed for that.",
    NumberKind.SHARED_COST: "Shared-cost numbers are blocked: they charge an extra per-minute "
    "tariff that the customer cannot be billed for.",
}


@dataclass(frozen=True, slots=True)
class Reason:
    code: str  # stable machine code, e.g. "no_task"
    message: str  # one English sentence or two for the VPA


@dataclass(frozen=True, slots=True)
class GateResult:
    decision: Decision
    reasons: tuple[Reason, ...]
    counts_as_task_time: bool = True  # False for emergency calls: set it on the CallRecord


_SEVERITY = {Decision.ALLOW: 0, Decision.WARN: 1, Decision.BLOCK: 2}


def evaluate_call(
    destination: Destination,
    zone: CostZone,
    task: Task | None,
    rules: RuleData,
    *,
    share: ShareState | None = None,
) -> GateResult:
    """Decide whether `destination` may be dialled for `task` (None: no active task).

    `share`, if given, is the task's current phone share: a task without a telephony area that
    is already over the included share gets a warning before every further call.
    """
    if destination.is_emergency:
        return GateResult(
            Decision.ALLOW,
            (
                Reason(
                    EMERGENCY,
                    "Emergency calls are always allowed; they belong to no task and do not count "
                    "as phone time.",
                ),
            ),
            counts_as_task_time=False,
        )
    found: list[tuple[Decision, Reason]] = []
    if destination.kind in rules.blocked_kinds:
        message = _KIND_MESSAGES.get(
            destination.kind,
            f"Numbers of type {destination.kind.value.replace('_', ' ')} are blocked by the "
            "my-vpa rules.",
        )
        found.append((Decision.BLOCK, Reason(destination.kind.value, message)))
    if task is None:
        found.append(
            (
                Decision.BLOCK,
                Reason(
                    NO_TASK,
                    "No active task: start working on a customer task first. The softphone is "
                    "only for customer tasks; private calls are not allowed, as every call costs.",
                ),
            )
        )
    else:
        found.extend(_area_findings(destination, zone, task, rules))
        if share is not None:
            found.extend(_share_findings(share, task, rules))
    found.sort(key=lambda item: -_SEVERITY[item[0]])
    decision = found[0][0] if found else Decision.ALLOW
    return GateResult(decision, tuple(reason for _, reason in found))


def _area_findings(
    destination: Destination, zone: CostZone, task: Task, rules: RuleData
) -> list[tuple[Decision, Reason]]:
    area = rules.area(task.area)
    if area.covers(zone) or (zone is CostZone.NON_EU and task.individual_quote):
        return []
    where = destination.region or "this country"
    if zone is CostZone.NON_EU:
        message = (
            f"Calls outside the EU ({where}) need an individual quote for the customer: "
            "ask the admin team for an individual quote before calling."
        )
        return [(Decision.BLOCK, Reason(NON_EU_NEEDS_QUOTE, message))]
    # A zone the area does not cover but a factor area would: allowed, the area should change.
    role = area.role
    better = (
        rules.area(recommend_area(role, {zone}, task.area, rules).area).label(Language.EN)
        if role is not None
        else "an area that covers it"
    )
    current = area.label(Language.EN)
    if area.zones == frozenset({CostZone.DE}):
        message = (
            f"The task's telephony area ({current}) covers Germany only, but {where} is an EU "
            f"destination: switch the task to {better} and tell the customer."
        )
        return [(Decision.WARN, Reason(AREA_COVERS_DE_ONLY, message))]
    message = (
        f"The task's telephony area ({current}) does not cover calls to {where} "
        f"({zone.value}): switch the task to {better}."
    )
    return [(Decision.WARN, Reason(ZONE_NOT_COVERED, message))]


def _share_findings(
    share: ShareState, task: Task, rules: RuleData
) -> list[tuple[Decision, Reason]]:
    if rules.area(task.area).billing is not Billing.INCLUDED:  # the customer pays phone time
        return []
    included = format_percent(Fraction(rules.included_share), Language.EN)
    if share.share is None:
        now = "there is phone time on this task but no working time yet"
    else:
        percent = format_percent(share.share, Language.EN)
        now = f"phone time on this task is {percent} of the working time"
    if share.level is ShareLevel.OVER:
        message = (
            f"Over the included share: {now}, more than the {included} included in the hourly "
            "rate. Choose a telephony area for the task and tell the customer "
            "(Telefonfaktor DE/EU) and the admin team."
        )
        return [(Decision.WARN, Reason(PHONE_SHARE_OVER, message))]
    if share.level is ShareLevel.NEARING:
        message = (
            f"Nearing the included share: {now}. Above {included} the customer pays phone "
            "costs and the task needs a telephony area."
        )
        return [(Decision.ALLOW, Reason(PHONE_SHARE_NEARING, message))]
    return []
