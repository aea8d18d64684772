"""The "Telefonfaktor DE" / "Telefonfaktor EU" task-chat message (RULES.md 10), German
(customer-facing, "Sie") and English, with the task's figures filled in; the my-vpa client posts it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
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
) -> ChatMessage:
    """The "Telefonfaktor DE/EU" message for `task` switching to `area` (a factor area).

    The task's budget (effective minutes) is converted with the area's factor; without a budget
    the text names the factor only. With no working time yet (area picked before starting, as
    RULES.md 9 asks) the figures sentence is left out.
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

    if lang is DE:
        parts = [
            f"Guten Tag,\n\nein kurzer Hinweis zu den Telefonkosten Ihrer Aufgabe „{task.title}“."
        ]
        limit = (
            f"Im regulären Stundensatz sind bis zu {included} der Arbeitszeit für Telefonate "
            f"enthalten ({per_hour} Minuten je Arbeitsstunde)."
        )
        if percent is not None and share.level is ShareLevel.OVER:
            parts.append(
                f"Bisher habe ich von {working} Arbeitszeit {phone} telefoniert, also {percent}. "
                f"{limit} Da es mehr ist, fallen für diese Aufgabe Telefonkosten an."
            )
        elif percent is not None:
            parts.append(
                f"Bisher habe ich von {working} Arbeitszeit {phone} telefoniert, also {percent}. "
                f"{limit} Für diese Aufgabe werde ich voraussichtlich mehr telefonieren, "
                "daher fallen Telefonkosten an."
            )
        else:
            parts.append(
                f"{limit} Für diese Aufgabe werde ich voraussichtlich mehr telefonieren, "
                "daher fallen Telefonkosten an."
            )
        parts.append(
            f"Für diese Aufgabe gilt deshalb der Telefonfaktor {factor} ({label}, für "
            f"Telefonate {coverage}): Jede Minute Arbeitszeit wird mit dem Faktor {factor} "
            "auf das Budget angerechnet."
        )
        parts.append(_budget_sentence(task, rule, rounding, lang))
        parts.append("Wenn Sie dazu Fragen haben, melden Sie sich gern bei mir.\n\nViele Grüße")
    else:
        parts = [f"Hello,\n\na short note on the phone costs of your task “{task.title}”."]
        limit = (
            f"The regular hourly rate includes phone calls for up to {included} of the working "
            f"time ({per_hour} minutes per working hour)."
        )
        if percent is not None and share.level is ShareLevel.OVER:
            parts.append(
                f"So far I have spent {phone} of {working} working time on the phone, that is "
                f"{percent}. {limit} As it is more, phone costs apply to this task."
            )
        elif percent is not None:
            parts.append(
                f"So far I have spent {phone} of {working} working time on the phone, that is "
                f"{percent}. {limit} This task will probably need more phone time, so phone "
                "costs apply."
            )
        else:
            parts.append(
                f"{limit} This task will probably need more phone time, so phone costs apply."
            )
        parts.append(
            f"The task therefore carries the telephony factor {factor} ({label}, for calls "
            f"{coverage}): every minute of working time counts against the budget with the "
            f"factor {factor}."
        )
        parts.append(_budget_sentence(task, rule, rounding, lang))
        parts.append("If you have any questions, please let me know.\n\nBest regards")
    return ChatMessage(rule.template, lang, "\n\n".join(parts))


def _budget_sentence(task: Task, rule: AreaRule, rounding: Rounding, lang: Language) -> str:
    factor = format_factor(rule.factor or Decimal(1), lang)
    if task.budget_minutes is None:
        if lang is DE:
            return f"Das Budget der Aufgabe erhöht sich entsprechend um den Faktor {factor}."
        return f"The task's budget increases accordingly by the factor {factor}."
    budget = area_budget(task.budget_minutes, rule, rounding)
    old = format_minutes(budget.effective_minutes, lang)
    new = format_minutes(budget.minutes, lang)
    base = minutes_number(budget.effective_minutes, lang)
    exact = minutes_number(budget.exact_minutes, lang)
    rounded = budget.rounded_up_by > 0
    if lang is DE:
        text = (
            f"Ich erhöhe das Budget der Aufgabe daher von {old} auf {new}: "
            f"{base} Minuten × {factor} = {exact} Minuten"
        )
        if rounded:
            step = "volle Minute" if budget.rounding is Rounding.UP_TO_MINUTE else "volle 5 Minuten"
            text += f", aufgerundet auf {step}"
        return text + "."
    text = (
        f"I am therefore raising the task's budget from {old} to {new}: "
        f"{base} minutes × {factor} = {exact} minutes"
    )
    if rounded:
        step = "the next minute" if budget.rounding is Rounding.UP_TO_MINUTE else "5 minutes"
        text += f", rounded up to {step}"
    return text + "."
