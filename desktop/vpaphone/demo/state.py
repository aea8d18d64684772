"""What the demo my-vpa knows and does: accounts and tokens, tasks, uploads, requests — and the
faults the tests switch on (lost answers, failures, trickled answers, revoked sessions).

`dispatch` answers one request already routed and validated by `vpaphone.demo.server`.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from vpaphone.demo.data import CENTRAL_NUMBER, DemoTask, DemoUser, demo_users, rule_data, zone_data
from vpaphone.myvpa.contract import Contract, Operation

REFRESH_GRACE_S = 300.0  # the contract asks for at least 120 s
IDEMPOTENCY_TTL_S = 24 * 3600.0
_CLIENT_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_ITEM_SCHEMAS = {"call_records": "CallRecordUpload", "work_sessions": "WorkSessionUpload"}
_ITEM_KINDS = {"call_records": "call_record", "work_sessions": "work_session"}


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class Problem(Exception):  # noqa: N818 - it is a response, not an error of the server
    def __init__(self, status: int, code: str, title: str, detail: str = "") -> None:
        super().__init__(title)
        self.status, self.code, self.title, self.detail = status, code, title, detail

    def body(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "title": self.title, "status": self.status}
        if self.detail:
            data["detail"] = self.detail
        return data


@dataclass
class RawReply:
    """A canned reply for one operation (tests: hostile or malformed payloads)."""

    status: int
    body: bytes
    content_type: str = "application/json"


@dataclass(frozen=True, slots=True)
class StoredReply:
    """An answer kept under its idempotency key, replayed for a repeat of the same request."""

    body_digest: str
    status: int
    data: Any
    at: float


@dataclass
class DemoState:
    """Everything the demo my-vpa knows. Guarded by `lock` (the server is threaded)."""

    sip_domain: str = "127.0.0.1:5060"  # where the demo peer listens
    sip_extras: dict[str, Any] = field(default_factory=dict)  # e.g. stun_servers, ice (tests)
    voicemail_uri: str | None = None  # the central answering machine (none in the demo)
    access_ttl: int = 900
    refresh_grace_s: float = REFRESH_GRACE_S
    users: dict[str, DemoUser] = field(default_factory=demo_users)
    closed_tasks: set[str] = field(default_factory=set)  # no longer active (e.g. finished)
    sip_passwords: dict[str, str] = field(default_factory=dict)
    access_tokens: dict[str, tuple[str, float]] = field(default_factory=dict)
    refresh_tokens: dict[str, str] = field(default_factory=dict)
    # replaced refresh token -> (the pair that replaced it, when): the grace window
    replaced_refresh: dict[str, tuple[dict[str, Any], float]] = field(default_factory=dict)
    idempotent: dict[tuple[str, str, str], StoredReply] = field(default_factory=dict)
    call_records: dict[str, dict[str, Any]] = field(default_factory=dict)
    record_owners: dict[str, str] = field(default_factory=dict)  # call client id -> VPA
    work_sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    admin_requests: list[dict[str, Any]] = field(default_factory=list)
    chat_messages: list[dict[str, Any]] = field(default_factory=list)
    failures: dict[str, list[int]] = field(default_factory=dict)  # operation -> statuses to send
    raw_replies: dict[str, RawReply] = field(default_factory=dict)
    lost_replies: dict[str, int] = field(default_factory=dict)  # processed, reply never sent
    trickled: dict[str, float] = field(default_factory=dict)  # operation -> seconds per byte
    whole_batch_refusal: bool = False  # answer a bad item with 400 for the batch (contract 1.0)
    requests: list[str] = field(default_factory=list)  # operation ids, in order
    issued_tokens: list[str] = field(default_factory=list)  # every token ever handed out
    lock: threading.RLock = field(default_factory=threading.RLock)

    # --- test hooks ------------------------------------------------------------------------------

    def expire_access_tokens(self) -> None:
        with self.lock:
            self.access_tokens = {t: (u, 0.0) for t, (u, _) in self.access_tokens.items()}

    def fail(self, operation_id: str, *statuses: int) -> None:
        """Answer the next requests of `operation_id` with these statuses (e.g. 503)."""
        with self.lock:
            self.failures.setdefault(operation_id, []).extend(statuses)

    def lose_replies(self, operation_id: str, count: int = 1) -> None:
        """Process the next requests of `operation_id`, then drop the connection unanswered."""
        with self.lock:
            self.lost_replies[operation_id] = self.lost_replies.get(operation_id, 0) + count

    def trickle_replies(self, operation_id: str, seconds_per_byte: float) -> None:
        """Send the answers of `operation_id` one byte at a time (a stalling server or path)."""
        with self.lock:
            self.trickled[operation_id] = seconds_per_byte

    def revoke_sessions(self, username: str) -> None:
        """my-vpa ends every session of the VPA (signed out everywhere, or by an admin)."""
        with self.lock:
            self.access_tokens = {t: e for t, e in self.access_tokens.items() if e[0] != username}
            self.refresh_tokens = {t: u for t, u in self.refresh_tokens.items() if u != username}

    def phone_seconds_uploaded(self, task_id: str) -> float:
        with self.lock:
            return sum(
                float(r["talk_seconds"])
                for r in self.call_records.values()
                if r["task_id"] == task_id and r["counts_as_task_time"]
            )

    # --- authentication --------------------------------------------------------------------------

    def _issue(self, user: str) -> dict[str, Any]:
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        self.access_tokens[access] = (user, time.monotonic() + self.access_ttl)
        self.refresh_tokens[refresh] = user
        self.issued_tokens += [access, refresh]
        return {
            "access_token": access,
            "refresh_token": refresh,
            "token_type": "Bearer",
            "expires_in": self.access_ttl,
        }

    def authenticate(self, header: str | None) -> DemoUser:
        token = header[7:] if header and header.startswith("Bearer ") else None
        entry = self.access_tokens.get(token or "")
        if entry is None:
            raise Problem(401, "token_invalid", "Not signed in")
        user, expires = entry
        if expires <= time.monotonic():
            raise Problem(401, "token_expired", "Access token expired")
        return self.users[user]

    def sign_in(self, body: dict[str, Any]) -> dict[str, Any]:
        user = self.users.get(body["username"])
        if user is None or not secrets.compare_digest(user.password, body["password"]):
            raise Problem(401, "invalid_credentials", "Wrong user name or password")
        if user.locked:
            raise Problem(423, "account_locked", "Account locked; contact the admin team")
        return self._issue(user.username)

    def refresh(self, body: dict[str, Any]) -> dict[str, Any]:
        """Rotation with a grace window: a repeat of a just-replaced token gets the same pair."""
        token = body["refresh_token"]
        user = self.refresh_tokens.pop(token, None)
        if user is not None:
            pair = self._issue(user)
            self.replaced_refresh[token] = (pair, time.monotonic())
            return pair
        replaced = self.replaced_refresh.get(token)
        if replaced is not None:
            pair, when = replaced
            in_grace = time.monotonic() - when <= self.refresh_grace_s
            if in_grace and pair["refresh_token"] in self.refresh_tokens:  # successor unused
                return pair
        raise Problem(401, "refresh_invalid", "Session ended; sign in again")

    def sign_out(self, body: dict[str, Any]) -> None:
        user = self.refresh_tokens.pop(body["refresh_token"], None)
        if user is not None:
            self.access_tokens = {t: e for t, e in self.access_tokens.items() if e[0] != user}

    # --- data ------------------------------------------------------------------------------------

    def active_tasks(self, user: DemoUser) -> list[DemoTask]:
        return [task for task in user.tasks if task.id not in self.closed_tasks]

    def task_json(self, task: DemoTask) -> dict[str, Any]:
        """Working and phone time include what this user uploaded (synced records only)."""
        phone = self.phone_seconds_uploaded(task.id)
        working = sum(
            _seconds_between(s["started_at"], s["ended_at"])
            for s in self.work_sessions.values()
            if s["task_id"] == task.id
        )
        return {
            "id": task.id,
            "title": task.title,
            "customer": task.customer,
            "telephony_area": task.telephony_area,
            "individual_quote": task.individual_quote,
            "working_seconds": task.working_seconds + round(working),
            "phone_seconds": task.phone_seconds + round(phone),
            "budget_minutes": task.budget_minutes,
            "budget_raisable": task.budget_raisable,
        }

    def provisioning(self, user: DemoUser) -> dict[str, Any]:
        password = self.sip_passwords.setdefault(user.username, secrets.token_urlsafe(18))
        return {
            "sip": {
                "registrar": self.sip_domain,
                "domain": self.sip_domain,
                "username": f"vpa-{user.username}",
                "password": password,
                "transport": "udp",
                "outbound_proxy": None,
                "register": False,  # the demo peer answers without a registrar
                "srtp": "off",
                **self.sip_extras,
            },
            "caller_id": user.individual_number or CENTRAL_NUMBER,
            "caller_id_individual": user.individual_number is not None,
            "voicemail_uri": self.voicemail_uri,
            "rules": rule_data(),
            "zones": zone_data(),
            "issued_at": now_text(),
        }

    def task(self, user: DemoUser, task_id: str) -> DemoTask:
        for task in self.active_tasks(user):
            if task.id == task_id:
                return task
        raise Problem(404, "not_found", "No such active task")

    def upload(self, contract: Contract, user: DemoUser, body: Any) -> dict[str, Any]:
        """Each item on its own: stored, known (duplicate), or rejected with the reason.

        Atomic: every item is judged before any is stored, so a refused batch stored nothing.
        """
        _check_envelope(body)
        own = {t.id for t in self.active_tasks(user)}
        judged = [
            (key, item, _item_problem(contract, schema, item, own))
            for key, schema in _ITEM_SCHEMAS.items()
            for item in body[key]
        ]
        if self.whole_batch_refusal and any(problem for _, _, problem in judged):
            raise Problem(400, "invalid_request", "Batch refused: an item is not acceptable")
        results = []
        for key, item, problem in judged:
            known = self.call_records if key == "call_records" else self.work_sessions
            result: dict[str, Any] = {"client_id": item["client_id"], "kind": _ITEM_KINDS[key]}
            if problem is not None:
                result.update(status="rejected", problem=problem)
            elif item["client_id"] in known:
                result["status"] = "duplicate"
            else:
                known[item["client_id"]] = item
                if key == "call_records":
                    self.record_owners[item["client_id"]] = user.username
                result["status"] = "accepted"
            results.append(result)
        count = {s: sum(r["status"] == s for r in results) for s in ("accepted", "rejected")}
        return {
            "results": results,
            "accepted": count["accepted"],
            "duplicates": len(results) - count["accepted"] - count["rejected"],
            "rejected": count["rejected"],
        }

    # --- idempotency -----------------------------------------------------------------------------

    def replay(self, scope: tuple[str, str, str], digest: str) -> StoredReply | None:
        """The answer stored under this key, if any; a different request under it is refused."""
        stored = self.idempotent.get(scope)
        if stored is None or time.monotonic() - stored.at > IDEMPOTENCY_TTL_S:
            return None
        if stored.body_digest != digest:
            raise Problem(422, "idempotency_key_reused", "Key used for a different request")
        return stored

    def remember(self, scope: tuple[str, str, str], digest: str, status: int, data: Any) -> None:
        self.idempotent[scope] = StoredReply(digest, status, data, time.monotonic())


def _seconds_between(start: str, end: str) -> float:
    begin, finish = datetime.fromisoformat(start), datetime.fromisoformat(end)
    return max(0.0, (finish - begin).total_seconds())


def _check_envelope(body: Any) -> None:
    """400 unless it is an UploadBatch whose every item names its client id."""
    if not isinstance(body, dict) or set(body) != set(_ITEM_SCHEMAS):
        raise Problem(400, "invalid_request", "Not an upload batch")
    for key in _ITEM_SCHEMAS:
        items = body[key]
        if not isinstance(items, list) or len(items) > 500:
            raise Problem(400, "invalid_request", f"{key} must be a list of at most 500")
        for item in items:
            if not isinstance(item, dict) or not _CLIENT_ID.fullmatch(str(item.get("client_id"))):
                raise Problem(400, "invalid_request", "Every item needs its client_id")


def _item_problem(
    contract: Contract, schema: str, item: dict[str, Any], own_tasks: set[str]
) -> dict[str, str] | None:
    error = next(iter(contract.validator(f"/components/schemas/{schema}").iter_errors(item)), None)
    if error is not None:  # where and which rule, never the value (it may be a phone number)
        return {"code": "invalid_record", "detail": f"{error.json_path} ({error.validator})"}
    if item["task_id"] is not None and item["task_id"] not in own_tasks:
        return {"code": "unknown_task", "detail": "The task is not an active task of this VPA"}
    return None


def dispatch(
    state: DemoState,
    contract: Contract,
    op: Operation,
    params: dict[str, str],
    body: Any,
    *,
    auth: str | None,
) -> tuple[int, Any]:
    """(status, JSON body or None) for a request already validated against the contract."""
    with state.lock:
        name = op.operation_id
        if name == "signIn":
            return 200, state.sign_in(body)
        if name == "refreshTokens":
            return 200, state.refresh(body)
        if name == "signOut":
            state.sign_out(body)
            return 204, None
        user = state.authenticate(auth)
        if name == "getProfile":
            profile = {"id": user.username, "name": user.name, "role": user.role}
            return 200, {**profile, "individual_number": user.individual_number}
        if name == "getProvisioning":
            return 200, state.provisioning(user)
        if name == "listActiveTasks":
            return 200, {"tasks": [state.task_json(t) for t in state.active_tasks(user)]}
        if name == "setCallTask":
            record = state.call_records.get(params["client_id"])
            task = state.task(user, body["task_id"])  # 404 unless one of the VPA's tasks
            if record is None or state.record_owners.get(params["client_id"]) != user.username:
                raise Problem(404, "not_found", "No such call record")
            if not record["counts_as_task_time"]:
                raise Problem(409, "call_has_no_task", "An emergency call belongs to no task")
            record["task_id"] = task.id
            return 200, {"client_id": params["client_id"], "task_id": task.id}
        if name == "setTaskBudget":
            task = state.task(user, params["task_id"])
            minutes = body["budget_minutes"]
            if not task.budget_raisable:
                raise Problem(409, "budget_not_raisable", "Change the budget in my-vpa")
            if task.budget_minutes is not None and minutes < task.budget_minutes:
                raise Problem(409, "budget_lower", "The softphone only raises budgets")
            task.budget_minutes = minutes
            return 200, state.task_json(task)
        if name == "setTaskArea":
            task = state.task(user, params["task_id"])
            area = body["telephony_area"]
            if area == "individual_quote" and not task.individual_quote:
                raise Problem(
                    409, "individual_quote_not_agreed", "Ask the admin team for a quote first"
                )
            task.telephony_area = area
            return 200, state.task_json(task)
        if name == "uploadBatch":
            return 200, state.upload(contract, user, body)
        if name == "createAdminRequest":
            if body["task_id"] is not None:
                state.task(user, body["task_id"])
            request = {
                "id": f"AR-{len(state.admin_requests) + 1}",
                "kind": body["kind"],
                "task_id": body["task_id"],
                "created_at": now_text(),
                "status": "received",
            }
            state.admin_requests.append({**request, "user": user.username, **body})
            return 201, request
        if name == "postTelefonfaktor":
            task = state.task(user, params["task_id"])
            message = {"id": f"M-{len(state.chat_messages) + 1}", "task_id": task.id}
            message["posted_at"] = now_text()
            state.chat_messages.append({**message, **body})
            return 201, message
    raise Problem(404, "not_found", "Unknown operation")
