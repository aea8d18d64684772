"""What the services tell the VPA in passing (the status bar): a kind and its parameters.

`vpaphone.texts.notices` says it in words; the services write no prose.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from vpaphone.core.model import TelephonyArea


class NoticeKind(enum.Enum):
    OFFLINE_DATA = enum.auto()  # my-vpa unreachable: working with data saved at `at`
    UPLOADS_WAITING = enum.auto()  # my-vpa unreachable: `count` records wait
    SIGN_OUT_INCOMPLETE = enum.auto()  # `detail`: what failed (technical, no secrets)
    PHONE_NOT_STARTED = enum.auto()  # the SIP engine did not start; `detail` says why
    AREA_CHANGED = enum.auto()  # the task's telephony area is now `area`
    CHAT_POSTED = enum.auto()  # the customer message is in the task chat
    ADMIN_TOLD = enum.auto()  # the admin team got the note
    REQUEST_REFUSED = enum.auto()  # my-vpa refused an action; `detail` is its reason
    COMMAND_FAILED = enum.auto()  # the phone could not carry out `detail` (hold, transfer …)


@dataclass(frozen=True, slots=True)
class Notice:
    kind: NoticeKind
    count: int = 0
    detail: str = ""
    at: datetime | None = None
    area: TelephonyArea | None = None
