"""The "Telefonfaktor DE" / "Telefonfaktor EU" task-chat message (RULES.md 10), German
(customer-facing, "Sie") and English, with the task's figures filled in; the my-vpa client posts it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from vpaphone.core.budget import Rounding, area_budget
from vpaphone.core.formatting import (
    format_duration,
    format_factor,
    format_minutes,
    format_percent,
    minutes_number,
)
from vpaphone.core.model import CostZone, Task, TelephonyArea
from vpaphone.core.rules import AreaRule, Language, RuleData
from vpaphone.core.share import ShareLevel, ShareState

DE, EN = Language.DE, Language.EN


@dataclass(frozen=True, slots=True)
class ChatMessage:
    template: str  # "Telefonfaktor DE" / "Telefonfaktor EU"
    language: Language
    text: str


def _coverage(area: AreaRule, language: Language) -> str:
    eu = CostZone.EU in area.zones
    if language is DE:
        return "innerhalb Deutschlands und der EU" if eu else "innerhalb Deutschlands"
    return "within Germany and the EU" if eu else "within Germany"


def telephony_factor_message(
    task: Task,
    share: ShareState,
    area: TelephonyArea,
    rules: RuleData,
    language: Language,
    *,
    rounding: Rounding = Rounding.EXACT,
    budget_raised: bool = False,
) -> ChatMessage:
    """The "Telefonfaktor DE/EU" message for `task` switching to `area` (a factor area).

    The factor is named once. With a budget, the last sentence names the converted budget:
    as raised (`budget_raised`: the app raised it on my-vpa with this post) or as needed — the
    text never promises what nobody does. With no working time yet (area picked before
    starting, as RULES.md 9 asks) the figures are left out.
    """
    rule = rules.area(area)
    if rule.template is None or rule.factor is None:
        raise ValueError(f"{area.value}: no Telefonfaktor message for this telephony area")
    lang = language
    included = format_percent(Fraction(rules.included_share), lang)
    per_hour = minutes_number(Fraction(rules.included_share) * 60, lang)
    factor = format_factor(rule.factor, lang)
    label = rule.label(lang)
    coverage = _coverage(rule, lang)
    working = format_duration(share.working_seconds, lang)
    phone = format_duration(share.phone_seconds, lang)
    percent = format_percent(share.share, lang) if share.share is not None else None
    over = share.level is ShareLevel.OVER
    budget = _budget_sentence(task, rule, rounding, lang, raised=budget_raised)

    if lang is DE:
        if percent is None:
            so_far = "Für diese Aufgabe wird es voraussichtlich mehr."
        elif over:
            so_far = (
                f"Bisher habe ich bei {working} Arbeitszeit {phone} telefoniert ({percent}) – "
                "das ist mehr."
            )
        else:
            so_far = (
                f"Bisher habe ich bei {working} Arbeitszeit {phone} telefoniert ({percent}); "
                "für diese Aufgabe wird es voraussichtlich mehr."
            )
        parts = [
            "Guten Tag,",
            f"kurz zu den Telefonkosten Ihrer Aufgabe „{task.title}“: Im regulären Stundensatz "
            f"sind Telefonate bis zu {included} der Arbeitszeit enthalten, also {per_hour} "
            f"Minuten je Arbeitsstunde. {so_far}",
            f"Deshalb gilt für diese Aufgabe der Telefonie-Bereich „{label}“ (Telefonate "
            f"{coverage}): Die Arbeitszeit wird mit dem Faktor {factor} auf das Budget "
            "angerechnet.",
            *([budget] if budget else []),
            "Bei Fragen melden Sie sich gern.\n\nViele Grüße",
        ]
    else:
        if percent is None:
            so_far = "This task will probably need more."
        elif over:
            so_far = (
                f"So far I have spent {phone} of {working} on the phone ({percent}), which is "
                "more than that."
            )
        else:
            so_far = (
                f"So far I have spent {phone} of {working} on the phone ({percent}); this task "
                "will probably need more."
            )
        parts = [
            "Hello,",
            f"a quick note on the phone costs of your task “{task.title}”: the regular hourly "
            f"rate includes phone calls for up to {included} of the working time, that is "
            f"{per_hour} minutes per working hour. {so_far}",
            f"The task therefore uses the telephony area “{label}” (calls {coverage}): working "
            f"time counts against the budget with a factor of {factor}.",
            *([budget] if budget else []),
            "If you have any questions, just let me know.\n\nBest regards",
        ]
    return ChatMessage(rule.template, lang, "\n\n".join(parts))


def _budget_sentence(
    task: Task, rule: AreaRule, rounding: Rounding, lang: Language, *, raised: bool
) -> str:
    """The converted budget, as raised or as needed; "" for a task without a budget."""
    if task.budget_minutes is None:
        return ""
    budget = area_budget(task.budget_minutes, rule, rounding)
    old = format_minutes(budget.effective_minutes, lang)
    new = format_minutes(budget.minutes, lang)
    if budget.rounded_up_by > 0:
        if lang is DE:
            step = "volle Minute" if budget.rounding is Rounding.UP_TO_MINUTE else "volle 5 Minuten"
            new += f", aufgerundet auf {step}"
        else:
            step = "the next minute" if budget.rounding is Rounding.UP_TO_MINUTE else "5 minutes"
            new += f", rounded up to {step}"
    if lang is DE:
        if raised:
            return f"Das Budget der Aufgabe habe ich daher von {old} auf {new} erhöht."
        return (
            f"Damit die Arbeitszeit gedeckt ist, braucht die Aufgabe ein Budget von {new} "
            f"statt {old}."
        )
    if raised:
        return f"I have therefore raised the task's budget from {old} to {new}."
    return f"To cover the working time, the task needs a budget of {new} instead of {old}."
