"""The my-vpa operations the softphone uses, as typed methods over a signed-in Session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from vpaphone.core.calls import CallRecord, caller_fields, transfer_fields
from vpaphone.core.model import Task, TelephonyArea
from vpaphone.myvpa.models import (
    AdminRequest,
    AdminRequestKind,
    ChatMessage,
    Profile,
    Provisioning,
    Rejection,
    UploadOutcome,
    new_idempotency_key,
    parse_time,
    profile_from,
    provisioning_from,
    task_from,
)
from vpaphone.myvpa.session import Session

MAX_BATCH = 500  # per list, as the contract allows
MAX_DETAIL = 300  # characters of a rejection's detail kept (the contract's limit)


def _time(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def call_record_json(record: CallRecord) -> dict[str, Any]:
    """A CallRecord in the contract's CallRecordUpload shape (`caller` only without a number)."""
    return {
        "client_id": record.id,
        "task_id": record.task_id,
        "direction": record.direction.value,
        **caller_fields(record.e164),
        "zone": record.zone.value,
        "area": record.area.value,
        "started_at": _time(record.started_at),
        "answered_at": _time(record.answered_at),
        "ended_at": _time(record.ended_at),
        "end_reason": record.end_reason.value if record.end_reason else None,
        "sip_status": record.sip_status,
        "talk_seconds": round(record.talk_seconds, 3),
        "counts_as_task_time": record.counts_as_task_time,
        **transfer_fields(record.transferred_to, _time(record.transferred_at)),
    }


def work_session_json(
    client_id: str, task_id: str, started_at: datetime, ended_at: datetime
) -> dict[str, Any]:
    return {
        "client_id": client_id,
        "task_id": task_id,
        "started_at": _time(started_at),
        "ended_at": _time(ended_at),
    }


class MyVpaClient:
    def __init__(self, session: Session) -> None:
        self.session = session

    def profile(self) -> Profile:
        return profile_from(self.session.call("getProfile").data)

    def provisioning(self) -> Provisioning:
        return provisioning_from(self.session.call("getProvisioning").data)

    def active_tasks(self) -> list[Task]:
        data = self.session.call("listActiveTasks").data
        return [task_from(item) for item in data["tasks"]]

    def set_call_task(self, client_id: str, task_id: str) -> None:
        """Move an uploaded call record to another task (the VPA re-tagged it)."""
        self.session.call(
            "setCallTask", body={"task_id": task_id}, path_params={"client_id": client_id}
        )

    def set_task_budget(self, task_id: str, minutes: int) -> Task:
        """Raise the task's budget (the Telefonfaktor conversion); my-vpa may refuse (409)."""
        reply = self.session.call(
            "setTaskBudget", body={"budget_minutes": minutes}, path_params={"task_id": task_id}
        )
        return task_from(reply.data)

    def set_task_area(self, task_id: str, area: TelephonyArea) -> Task:
        reply = self.session.call(
            "setTaskArea", body={"telephony_area": area.value}, path_params={"task_id": task_id}
        )
        return task_from(reply.data)

    def upload(
        self,
        call_records: Sequence[dict[str, Any]] = (),
        work_sessions: Sequence[dict[str, Any]] = (),
    ) -> UploadOutcome:
        """One batch (contract shapes, see call_record_json); idempotent by client id."""
        if len(call_records) > MAX_BATCH or len(work_sessions) > MAX_BATCH:
            raise ValueError(f"at most {MAX_BATCH} call records and work sessions per batch")
        sent = {item["client_id"] for item in [*call_records, *work_sessions]}
        reply = self.session.call(
            "uploadBatch",
            body={"call_records": list(call_records), "work_sessions": list(work_sessions)},
        )
        results = reply.data["results"]
        accepted = frozenset(r["client_id"] for r in results if r["status"] == "accepted")
        duplicates = frozenset(r["client_id"] for r in results if r["status"] == "duplicate")
        rejected = {
            r["client_id"]: Rejection(
                r["problem"]["code"], str(r["problem"].get("detail", ""))[:MAX_DETAIL]
            )
            for r in results
            if r["status"] == "rejected" and r["client_id"] in sent
        }
        # Only ids we sent count: a server echoing foreign ids must not mark anything delivered.
        return UploadOutcome(accepted & sent, duplicates & sent, rejected)

    def admin_request(
        self,
        kind: AdminRequestKind,
        message: str,
        task_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> AdminRequest:
        """One request to the admin team per `idempotency_key`, however often it is repeated."""
        reply = self.session.call(
            "createAdminRequest",
            body={"kind": kind.value, "task_id": task_id, "message": message},
            idempotency_key=idempotency_key or new_idempotency_key(),
        )
        data = reply.data
        return AdminRequest(
            data["id"],
            AdminRequestKind(data["kind"]),
            data["task_id"],
            parse_time(data["created_at"]),
        )

    def post_telefonfaktor(
        self,
        task_id: str,
        zone: str,
        language: str,
        text: str,
        idempotency_key: str | None = None,
    ) -> ChatMessage:
        """Post the "Telefonfaktor DE/EU" text (made by vpaphone.core) to the task chat, once
        per `idempotency_key` however often the request is repeated."""
        reply = self.session.call(
            "postTelefonfaktor",
            body={"zone": zone, "language": language, "text": text},
            path_params={"task_id": task_id},
            idempotency_key=idempotency_key or new_idempotency_key(),
        )
        data = reply.data
        return ChatMessage(data["id"], data["task_id"], parse_time(data["posted_at"]))
