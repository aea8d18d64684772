"""The demo world: VPAs, their tasks and rule data. Shown on the sign-in screen: demo / demo."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from vpaphone.paths import resource

DEMO_USER = "demo"
DEMO_PASSWORD = "demo"  # noqa: S105 - public demo credentials, shown to the user on purpose
SALES_USER = "sales"
LOCKED_USER = "locked"
CENTRAL_NUMBER = "+4922182829980"


@dataclass
class DemoTask:
    id: str
    title: str
    customer: str
    telephony_area: str
    working_seconds: int  # before anything this demo session uploads
    phone_seconds: int
    budget_minutes: int | None = None
    individual_quote: bool = False
    budget_raisable: bool = True  # the demo lets VPAs raise budgets from the softphone


@dataclass
class DemoUser:
    username: str
    password: str
    name: str
    role: str
    individual_number: str | None = None
    locked: bool = False
    tasks: list[DemoTask] = field(default_factory=list)


def _tasks() -> list[DemoTask]:
    h = 3600
    t = DemoTask
    return [
        # 23.75 % phone share: past the nearing level, just under the 25 % threshold
        t("T-1001", "Termine koordinieren", "Bäckerei Schmitz GmbH", "none", 4 * h, 3420),
        t("T-1002", "Lieferanten nachfassen", "Kühn Sanitär KG", "backoffice_de", 2 * h, 1500),
        # RULES.md example: 180 min x 1.3 = 234 min budget; 26.7 % share, over the threshold
        t("T-1003", "Hotels in Europa buchen", "Event & Co. AG", "backoffice_eu", 3 * h, 2880, 234),
        t("T-1004", "Neukunden Köln anrufen", "Solar Rhein GmbH", "sales_de", h, 840, 120),
        t("T-1005", "Messekontakte anrufen", "Maschinenbau Weber", "sales_eu", 2 * h, 1680, 252),
        t("T-1006", "Support-Hotline USA", "Bright Apps Inc.", "individual_quote", 5 * h, 2400),
        t("T-1007", "Recherche Fördermittel", "Praxis Dr. Berg", "none", 6 * h, 600),
    ]


def demo_users() -> dict[str, DemoUser]:
    tasks = _tasks()
    for task in tasks:
        task.individual_quote = task.telephony_area == "individual_quote"
    users = [
        DemoUser(DEMO_USER, DEMO_PASSWORD, "Dana Demo", "backoffice", tasks=tasks),
        DemoUser(
            SALES_USER,
            DEMO_PASSWORD,
            "Sami Sales",
            "sales",
            individual_number="+4922182829987",
            tasks=[t for t in _tasks() if t.telephony_area in ("none", "sales_de", "sales_eu")],
        ),
        DemoUser(LOCKED_USER, DEMO_PASSWORD, "Lara Locked", "backoffice", locked=True),
    ]
    return {u.username: u for u in users}


def rule_data() -> dict[str, Any]:
    """The shipped rule data as my-vpa would provision it (comments dropped)."""
    data: dict[str, Any] = json.loads(resource("rules", "rules.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def zone_data() -> dict[str, Any]:
    """The shipped zone table as my-vpa would provision it (same document shape)."""
    data: dict[str, Any] = json.loads(resource("rules", "zones.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}
