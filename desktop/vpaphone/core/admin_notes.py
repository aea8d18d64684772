"""Notes to the admin team (RULES.md 9, 11, 12; quotes for calls outside the EU), German and
English. Plain strings with the figures; the my-vpa client posts them. No phone numbers: they are
personal data, and the admin team needs the country, not the number.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from vpaphone.core.formatting import format_duration, format_percent
from vpaphone.core.model import Task
from vpaphone.core.rules import Language, RuleData
from vpaphone.core.share import Recommendation, ShareState

DE = Language.DE


def _task_ref(task: Task, lang: Language) -> str:
    if lang is DE:
        return f"Aufgabe „{task.title}“ (ID {task.id}, Kunde: {task.customer})"
    return f"task “{task.title}” (ID {task.id}, customer: {task.customer})"


def _figures(share: ShareState, rules: RuleData, lang: Language) -> str:
    working = format_duration(share.working_seconds, lang)
    phone = format_duration(share.phone_seconds, lang)
    percent = format_percent(share.share, lang) if share.share is not None else "–"
    included = format_percent(Fraction(rules.included_share), lang)
    if lang is DE:
        return (
            f"Bisher {phone} Telefonie bei {working} Arbeitszeit ({percent}; "
            f"im Stundensatz enthalten sind {included})."
        )
    return (
        f"So far {phone} on the phone in {working} working time ({percent}; "
        f"the hourly rate includes {included})."
    )


def quote_request_note(
    task: Task,
    regions: Iterable[str],
    share: ShareState,
    rules: RuleData,
    language: Language,
    *,
    expected_minutes: int | None = None,
) -> str:
    """Request to the admin team for an individual quote (calls outside the EU): the task, the
    countries (ISO codes, never numbers) and the phone time the VPA expects."""
    countries = ", ".join(sorted(set(regions))) or "?"
    if language is DE:
        text = (
            f"Individuelles Angebot benötigt: Für die {_task_ref(task, language)} sind Telefonate "
            f"außerhalb der EU nötig (Länder: {countries}). Bitte ein individuelles Angebot für "
            f"den Kunden erstellen. {_figures(share, rules, language)}"
        )
        if expected_minutes is not None:
            text += f" Erwartete Telefonzeit: etwa {expected_minutes} Minuten."
        return text
    text = (
        f"Individual quote needed: {_task_ref(task, language)} needs calls outside the EU "
        f"(countries: {countries}). Please prepare an individual quote for the customer. "
        f"{_figures(share, rules, language)}"
    )
    if expected_minutes is not None:
        text += f" Expected phone time: about {expected_minutes} minutes."
    return text


def more_than_planned_note(
    task: Task,
    share: ShareState,
    recommendation: Recommendation,
    rules: RuleData,
    language: Language,
) -> str:
    """RULES.md 9: the VPA phones more than planned on a task."""
    current = rules.area(task.area).label(language)
    proposed = rules.area(recommendation.area).label(language)
    if language is DE:
        text = (
            f"Mehr Telefonie als geplant: {_task_ref(task, language)}. "
            f"{_figures(share, rules, language)} Aktueller Telefonie-Bereich: {current}; "
            f"passend wäre: {proposed}."
        )
        if recommendation.needs_quote:
            text += " Dafür wird ein individuelles Angebot benötigt."
        return text
    text = (
        f"Phoning more than planned: {_task_ref(task, language)}. "
        f"{_figures(share, rules, language)} Current telephony area: {current}; "
        f"the fitting one would be: {proposed}."
    )
    if recommendation.needs_quote:
        text += " This needs an individual quote."
    return text


def sales_system_note(task: Task, rules: RuleData, language: Language) -> str:
    """RULES.md 11: sales VPAs tell the admin team when they phone over the company system."""
    area = rules.area(task.area).label(language)
    if language is DE:
        return (
            f"Hinweis Vertrieb: Ich telefoniere für die {_task_ref(task, language)} über unsere "
            f"Anlage (Telefonie-Bereich: {area})."
        )
    return (
        f"Sales notice: I am phoning over the company system for {_task_ref(task, language)} "
        f"(telephony area: {area})."
    )


def bigger_project_note(task: Task, details: str, language: Language) -> str:
    """RULES.md 12: bigger phone projects (answering machine, the customer's own number)."""
    details = details.strip()
    if language is DE:
        text = (
            f"Größeres Telefonieprojekt: Für die {_task_ref(task, language)} ist ein größeres "
            "Telefonieprojekt geplant (z. B. mit Anrufbeantworter oder Einbindung einer "
            "Kundennummer)."
        )
        return f"{text} Details: {details}" if details else text
    text = (
        f"Bigger phone project: a bigger phone project is planned for "
        f"{_task_ref(task, language)} (e.g. with an answering machine or the customer's own "
        "number)."
    )
    return f"{text} Details: {details}" if details else text
