"""The demo my-vpa server: the whole contract, in memory, on 127.0.0.1.

Validates every request against the same OpenAPI document the client uses, de-duplicates
uploads by client id, and offers hooks the tests use (expire tokens, fail, serve a raw body).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import secrets
import signal
import socket
import ssl
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from vpaphone.demo.data import CENTRAL_NUMBER, DemoTask, DemoUser, demo_users, rule_data, zone_data
from vpaphone.demo.tls import DemoCertificates, make_certificates
from vpaphone.myvpa.contract import Contract, Operation, load_contract

log = logging.getLogger(__name__)
API_PREFIX = "/api/v1"
MAX_REQUEST_BYTES = 1024 * 1024


def _now() -> str:
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


@dataclass
class DemoState:
    """Everything the demo my-vpa knows. Guarded by `lock` (the server is threaded)."""

    sip_domain: str = "127.0.0.1:5060"  # where the demo peer listens
    sip_extras: dict[str, Any] = field(default_factory=dict)  # e.g. stun_servers, ice (tests)
    access_ttl: int = 900
    users: dict[str, DemoUser] = field(default_factory=demo_users)
    sip_passwords: dict[str, str] = field(default_factory=dict)
    access_tokens: dict[str, tuple[str, float]] = field(default_factory=dict)
    refresh_tokens: dict[str, str] = field(default_factory=dict)
    call_records: dict[str, dict[str, Any]] = field(default_factory=dict)
    work_sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    admin_requests: list[dict[str, Any]] = field(default_factory=list)
    chat_messages: list[dict[str, Any]] = field(default_factory=list)
    failures: dict[str, list[int]] = field(default_factory=dict)  # operation -> statuses to send
    raw_replies: dict[str, RawReply] = field(default_factory=dict)
    lost_replies: dict[str, int] = field(default_factory=dict)  # processed, reply never sent
    requests: list[str] = field(default_factory=list)  # operation ids, in order
    issued_tokens: list[str] = field(default_factory=list)  # every token ever handed out
    lock: threading.RLock = field(default_factory=threading.RLock)

    # test hooks
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

    def phone_seconds_uploaded(self, task_id: str) -> float:
        with self.lock:
            return sum(
                float(r["talk_seconds"])
                for r in self.call_records.values()
                if r["task_id"] == task_id and r["counts_as_task_time"]
            )

    # authentication
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
        user = self.refresh_tokens.pop(body["refresh_token"], None)  # rotation: single use
        if user is None:
            raise Problem(401, "refresh_invalid", "Session ended; sign in again")
        return self._issue(user)

    def sign_out(self, body: dict[str, Any]) -> None:
        user = self.refresh_tokens.pop(body["refresh_token"], None)
        if user is not None:
            self.access_tokens = {t: e for t, e in self.access_tokens.items() if e[0] != user}

    # data
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
            "rules": rule_data(),
            "zones": zone_data(),
            "issued_at": _now(),
        }

    def task(self, user: DemoUser, task_id: str) -> DemoTask:
        for task in user.tasks:
            if task.id == task_id:
                return task
        raise Problem(404, "not_found", "No such active task")

    def upload(self, user: DemoUser, body: dict[str, Any]) -> dict[str, Any]:
        own = {t.id for t in user.tasks}
        for item in [*body["call_records"], *body["work_sessions"]]:
            if item["task_id"] is not None and item["task_id"] not in own:
                raise Problem(400, "invalid_request", "Unknown task in batch")
        results = []
        for kind, items, known in (
            ("call_record", body["call_records"], self.call_records),
            ("work_session", body["work_sessions"], self.work_sessions),
        ):
            for item in items:
                duplicate = item["client_id"] in known
                if not duplicate:
                    known[item["client_id"]] = item
                status = "duplicate" if duplicate else "accepted"
                results.append({"client_id": item["client_id"], "kind": kind, "status": status})
        accepted = sum(r["status"] == "accepted" for r in results)
        return {"results": results, "accepted": accepted, "duplicates": len(results) - accepted}


def _seconds_between(start: str, end: str) -> float:
    begin, finish = datetime.fromisoformat(start), datetime.fromisoformat(end)
    return max(0.0, (finish - begin).total_seconds())


def dispatch(
    state: DemoState, op: Operation, params: dict[str, str], body: Any, auth: str | None
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
            return 200, {"tasks": [state.task_json(t) for t in user.tasks]}
        if name == "setTaskArea":
            task = state.task(user, params["task_id"])
            area = body["telephony_area"]
            if area == "individual_quote" and not task.individual_quote:
                raise Problem(
                    409, "individual_quote_not_agreed", "Ask the admin team for a quote first"
                )
            task.telephony_area = area
            return 200, state.task_json(task)
        if name == "setTaskBudget":
            task = state.task(user, params["task_id"])
            minutes = body["budget_minutes"]
            if not task.budget_raisable:
                raise Problem(409, "budget_not_raisable", "Change the budget in my-vpa")
            if task.budget_minutes is not None and minutes < task.budget_minutes:
                raise Problem(409, "budget_lower", "The softphone only raises budgets")
            task.budget_minutes = minutes
            return 200, state.task_json(task)
        if name == "uploadBatch":
            return 200, state.upload(user, body)
        if name == "createAdminRequest":
            if body["task_id"] is not None:
                state.task(user, body["task_id"])
            request = {
                "id": f"AR-{len(state.admin_requests) + 1}",
                "kind": body["kind"],
                "task_id": body["task_id"],
                "created_at": _now(),
                "status": "received",
            }
            state.admin_requests.append({**request, "user": user.username, **body})
            return 201, request
        if name == "postTelefonfaktor":
            task = state.task(user, params["task_id"])
            message = {"id": f"M-{len(state.chat_messages) + 1}", "task_id": task.id}
            message["posted_at"] = _now()
            state.chat_messages.append({**message, **body})
            return 201, message
    raise Problem(404, "not_found", "Unknown operation")


class _Handler(BaseHTTPRequestHandler):
    server: _HttpServer
    protocol_version = "HTTP/1.1"
    server_version = "my-vpa-demo"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("demo my-vpa: " + format, *args)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def do_PUT(self) -> None:
        self._serve("PUT")

    def _serve(self, method: str) -> None:
        state, contract = self.server.state, self.server.contract
        try:
            raw_body = self._read_body()  # always, so a kept-alive connection stays in sync
            op, params = self._route(contract, method)
            with state.lock:
                state.requests.append(op.operation_id)
                raw = state.raw_replies.get(op.operation_id)
                failure = state.failures.get(op.operation_id)
                status_override = failure.pop(0) if failure else None
            if raw is not None:
                self._send(raw.status, raw.body, raw.content_type)
                return
            if status_override is not None:
                raise Problem(status_override, "unavailable", "Demo failure on request")
            body = self._body(contract, op, raw_body)
            status, data = dispatch(state, op, params, body, self.headers.get("Authorization"))
            with state.lock:
                lose = state.lost_replies.get(op.operation_id, 0)
                if lose:
                    state.lost_replies[op.operation_id] = lose - 1
            if lose:
                self.close_connection = True
                return
        except Problem as problem:
            payload = json.dumps(problem.body()).encode()
            self._send(problem.status, payload, "application/problem+json")
            return
        except Exception:
            log.exception("demo my-vpa failed")
            error = Problem(500, "server_error", "Demo server error").body()
            self._send(500, json.dumps(error).encode(), "application/problem+json")
            return
        self._send(status, b"" if data is None else json.dumps(data).encode(), "application/json")

    def _route(self, contract: Contract, method: str) -> tuple[Operation, dict[str, str]]:
        path = self.path.split("?", 1)[0]
        if path.startswith(API_PREFIX):
            path = path[len(API_PREFIX) :]
            for op in contract.operations.values():
                params = op.match(method, path)
                if params is not None:
                    return op, params
        raise Problem(404, "not_found", "No such resource")

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            self.close_connection = True
            raise Problem(413, "batch_too_large", "Request too large")
        return self.rfile.read(length) if length else b""

    def _body(self, contract: Contract, op: Operation, raw: bytes) -> Any:
        if "requestBody" not in op.spec:
            return None
        try:
            body = json.loads(raw)
        except ValueError:
            raise Problem(400, "invalid_request", "Body is not JSON") from None
        pointer = f"/components/schemas/{_schema_name(op)}"
        errors = contract.errors(pointer, body)
        if errors:
            raise Problem(400, "invalid_request", "Request does not match the contract", errors[0])
        return body

    def _send(self, status: int, payload: bytes, content_type: str) -> None:
        self.send_response(status, HTTPStatus(status).phrase if status in _KNOWN else None)
        if payload:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            self.wfile.write(payload)


_KNOWN = {s.value for s in HTTPStatus}


def _schema_name(op: Operation) -> str:
    ref: str = op.spec["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return ref.rsplit("/", 1)[1]


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        state: DemoState,
        contract: Contract,
        tls: ssl.SSLContext | None,
    ) -> None:
        self.state, self.contract, self.tls = state, contract, tls
        self.connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def finish_request(self, request: Any, client_address: Any) -> None:
        # Headers and body go out in separate writes: without NODELAY, Nagle's algorithm and the
        # client's delayed ACK hold every answer back by 40 ms.
        request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        # The TLS handshake runs in the connection's own thread, never in the accept loop.
        if self.tls is not None:
            request.settimeout(10)
            request = self.tls.wrap_socket(request, server_side=True)
        with self._connections_lock:
            self.connections.add(request)
        try:
            super().finish_request(request, client_address)
        finally:
            with self._connections_lock:
                self.connections.discard(request)
            request.close()  # the TLS socket took over the connection from the plain one

    def drop_connections(self) -> None:
        """Cut kept-alive connections too: a stopped server must really be gone for clients."""
        with self._connections_lock:
            connections = list(self.connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("demo my-vpa: connection error", exc_info=True)


class DemoServer:
    """Start/stop the demo my-vpa in a background thread; state survives a restart."""

    def __init__(
        self,
        state: DemoState | None = None,
        certificates: DemoCertificates | None = None,
        port: int = 0,
    ) -> None:
        self.state = state or DemoState()
        self.certificates = certificates
        self.port = port
        self._server: _HttpServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        scheme = "https" if self.certificates else "http"
        return f"{scheme}://127.0.0.1:{self.port}{API_PREFIX}"

    def start(self) -> DemoServer:
        tls = None
        if self.certificates is not None:
            tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            tls.load_cert_chain(self.certificates.cert_file, self.certificates.key_file)
        self._server = _HttpServer(("127.0.0.1", self.port), self.state, load_contract(), tls)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening (clients then get 'connection refused'); keeps the port for restart."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server.drop_connections()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    @property
    def running(self) -> bool:
        return self._server is not None

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def main(argv: list[str] | None = None) -> int:
    """`python -m vpaphone.demo.server`: serve the demo my-vpa until interrupted."""
    parser = argparse.ArgumentParser(description="vpaphone demo my-vpa server (127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: any free one)")
    parser.add_argument("--peer-port", type=int, default=5060, help="UDP port of the demo peer")
    parser.add_argument("--tls-dir", type=Path, help="where to create the demo CA (default: temp)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="vpaphone-demo-tls-") as scratch:
        certificates = make_certificates(args.tls_dir or Path(scratch))
        state = DemoState(sip_domain=f"127.0.0.1:{args.peer_port}")
        server = DemoServer(state, certificates, port=args.port).start()
        stopped = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopped.set())
        signal.signal(signal.SIGINT, lambda *_: stopped.set())
        print(f"demo my-vpa: {server.base_url} (CA: {certificates.ca_file})", flush=True)
        stopped.wait()
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
