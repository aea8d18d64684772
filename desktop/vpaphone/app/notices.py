"""What the services tell the VPA in passing (the status bar): a kind and its parameters.

`vpaphone.texts.notices` says it in words; the services write no prose. `failure_notice` names
what went wrong with my-vpa work as the VPA must hear it: a certificate problem is not "no
internet", an ended session asks for the password, a full disk is a full disk.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from vpaphone.core.model import TelephonyArea
from vpaphone.myvpa.errors import (
    ApiError,
    ContractViolationError,
    ServerUnreachableError,
    SignInRequiredError,
    TlsError,
    TlsProblem,
)
from vpaphone.store.errors import StoreError, StoreProblem


class NoticeKind(enum.Enum):
    OFFLINE_DATA = enum.auto()  # my-vpa unreachable: working with data saved at `at`
    UPLOADS_WAITING = enum.auto()  # my-vpa unreachable: `count` records wait
    MYVPA_TOO_SLOW = enum.auto()  # no complete answer within the deadline: `count` wait
    MYVPA_NOT_TRUSTED = enum.auto()  # TLS refused (`tls` says why): `count` wait
    MYVPA_UNEXPECTED = enum.auto()  # an answer the contract does not allow: `count` wait
    SESSION_ENDED = enum.auto()  # my-vpa ended the session: sign in again; `count` wait
    RECORDS_REFUSED = enum.auto()  # my-vpa did not accept `count` records (kept, offered again)
    RECORD_NOT_SAVED = enum.auto()  # the database refused a call record (`storage`, `path`)
    RECORDS_SAVED = enum.auto()  # `count` call records kept outside the database are stored
    DATA_NOT_SAVED = enum.auto()  # the database refused other data (`storage`, `path`)
    KEPT_AFTER_SIGN_OUT = enum.auto()  # signed out; `count` unconfirmed records stay here
    SIGN_OUT_INCOMPLETE = enum.auto()  # `detail`: what failed (technical, no secrets)
    PHONE_NOT_STARTED = enum.auto()  # the SIP engine did not start; `detail` says why
    AREA_CHANGED = enum.auto()  # the task's telephony area is now `area`
    CHAT_POSTED = enum.auto()  # the customer message is in the task chat
    ADMIN_TOLD = enum.auto()  # the admin team got the note
    REQUEST_REFUSED = enum.auto()  # my-vpa refused an action; `detail` is its reason
    COMMAND_FAILED = enum.auto()  # the phone could not carry out `detail` (hold, transfer …)
    TRANSFER_OUTCOME = enum.auto()  # a transfer the VPA started ended: `count` its SIP status


@dataclass(frozen=True, slots=True)
class Notice:
    kind: NoticeKind
    count: int = 0
    detail: str = ""
    at: datetime | None = None
    area: TelephonyArea | None = None
    tls: TlsProblem | None = None
    storage: StoreProblem | None = None
    path: str = ""  # the file or folder a storage problem concerns


def failure_notice(exc: Exception, waiting: int) -> Notice:
    """Why a my-vpa job failed, while `waiting` records wait for upload."""
    if isinstance(exc, TlsError):
        return Notice(NoticeKind.MYVPA_NOT_TRUSTED, count=waiting, tls=exc.problem)
    if isinstance(exc, SignInRequiredError):
        return Notice(NoticeKind.SESSION_ENDED, count=waiting)
    if isinstance(exc, ServerUnreachableError) and exc.code == "deadline":
        return Notice(NoticeKind.MYVPA_TOO_SLOW, count=waiting)
    if isinstance(exc, ServerUnreachableError):
        return Notice(NoticeKind.UPLOADS_WAITING, count=waiting)
    if isinstance(exc, ContractViolationError):
        return Notice(NoticeKind.MYVPA_UNEXPECTED, count=waiting)
    if isinstance(exc, StoreError):
        return storage_notice(NoticeKind.DATA_NOT_SAVED, exc)
    if isinstance(exc, ApiError):
        return Notice(NoticeKind.REQUEST_REFUSED, detail=exc.message)
    return Notice(NoticeKind.REQUEST_REFUSED, detail=type(exc).__name__)


def storage_notice(kind: NoticeKind, exc: StoreError, count: int = 0) -> Notice:
    return Notice(kind, count=count, storage=exc.problem, path=str(exc.path or ""))
