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

from vpaphone.core.model import CostZone, Decision, Destination, Task, TelephonyArea
from vpaphone.core.rules import Billing, RuleData
from vpaphone.core.share import ShareLevel, ShareState, recommend_area

# Stable machine codes (CLI JSON, logs, UI); messages may change wording, codes may not.
EMERGENCY = "emergency"
NO_TASK = "no_task"
NON_EU_NEEDS_QUOTE = "non_eu_needs_quote"
AREA_COVERS_DE_ONLY = "area_covers_de_only"
ZONE_NOT_COVERED = "zone_not_covered"
PHONE_SHARE_OVER = "phone_share_over"
PHONE_SHARE_NEARING = "phone_share_nearing"


@dataclass(frozen=True, slots=True)
class Reason:
    """Why the gate decided as it did: a stable code and what a sentence about it names.

    `vpaphone.texts.gate` turns it into words (UI and CLI); the core writes no prose.
    """

    code: str  # stable machine code, e.g. "no_task", or a NumberKind value for blocked kinds
    region: str | None = None  # the destination's country
    zone: CostZone | None = None  # the destination's cost zone
    area: TelephonyArea | None = None  # the task's telephony area
    better_area: TelephonyArea | None = None  # the area that would cover the call
    share: Fraction | None = None  # the task's phone share now (None: no working time yet)
    included: Fraction | None = None  # the share included in the hourly rate (0.25)


@dataclass(frozen=True, slots=True)
class GateResult:
    decision: Decision
    reasons: tuple[Reason, ...]
    counts_as_task_time: bool = True  # False for emergency calls: set it on the CallRecord

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(reason.code for reason in self.reasons)


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
        return GateResult(Decision.ALLOW, (Reason(EMERGENCY),), counts_as_task_time=False)
    found: list[tuple[Decision, Reason]] = []
    if destination.kind in rules.blocked_kinds:
        found.append((Decision.BLOCK, Reason(destination.kind.value, region=destination.region)))
    if task is None:
        found.append((Decision.BLOCK, Reason(NO_TASK)))
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
    if zone is CostZone.NON_EU:
        return [(Decision.BLOCK, Reason(NON_EU_NEEDS_QUOTE, destination.region, zone))]
    # A zone the area does not cover but a factor area would: allowed, the area should change.
    better = (
        recommend_area(area.role, {*area.zones, zone}, task.area, rules).area
        if area.role is not None
        else None
    )
    code = AREA_COVERS_DE_ONLY if area.zones == frozenset({CostZone.DE}) else ZONE_NOT_COVERED
    return [(Decision.WARN, Reason(code, destination.region, zone, task.area, better))]


def _share_findings(
    share: ShareState, task: Task, rules: RuleData
) -> list[tuple[Decision, Reason]]:
    if rules.area(task.area).billing is not Billing.INCLUDED:  # the customer pays phone time
        return []
    included = Fraction(rules.included_share)
    if share.level is ShareLevel.OVER:
        return [(Decision.WARN, Reason(PHONE_SHARE_OVER, share=share.share, included=included))]
    if share.level is ShareLevel.NEARING:
        return [(Decision.ALLOW, Reason(PHONE_SHARE_NEARING, share=share.share, included=included))]
    return []
