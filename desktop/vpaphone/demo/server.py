"""The demo my-vpa server: the whole contract, in memory, on 127.0.0.1.

Validates every request against the same OpenAPI document the client uses, de-duplicates
uploads by client id, honours idempotency keys, and offers the faults the tests switch on
(`vpaphone.demo.state`: expire and revoke tokens, fail, lose or trickle answers, raw bodies).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import logging
import re
import signal
import socket
import ssl
import tempfile
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from vpaphone.demo.state import DemoState, Problem, RawReply, dispatch
from vpaphone.demo.tls import DemoCertificates, make_certificates
from vpaphone.myvpa.contract import Contract, Operation, load_contract

__all__ = ["DemoServer", "DemoState", "Problem", "RawReply", "free_port"]  # state re-exported

log = logging.getLogger(__name__)
API_PREFIX = "/api/v1"
MAX_REQUEST_BYTES = 1024 * 1024
_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
_ITEMWISE = frozenset({"uploadBatch"})  # judged item by item (DemoState.upload), not as a whole


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
                self._send(raw.status, raw.body, raw.content_type, op.operation_id)
                return
            if status_override is not None:
                raise Problem(status_override, "unavailable", "Demo failure on request")
            body = self._body(contract, op, raw_body)
            status, data = self._answer(op, params, body, raw_body)
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
        payload = b"" if data is None else json.dumps(data).encode()
        self._send(status, payload, "application/json", op.operation_id)

    def _answer(
        self, op: Operation, params: dict[str, str], body: Any, raw_body: bytes
    ) -> tuple[int, Any]:
        """Dispatch, or replay the stored answer for a repeat with the same idempotency key."""
        state, contract = self.server.state, self.server.contract
        auth = self.headers.get("Authorization")
        rule = _key_rule(op)
        key = self.headers.get("Idempotency-Key")
        if rule is None or (key is None and rule == "optional"):
            return dispatch(state, contract, op, params, body, auth=auth)
        if key is None or not _KEY.fullmatch(key):
            raise Problem(400, "invalid_request", "Idempotency-Key header missing or malformed")
        with state.lock:  # one request at a time: "in use" cannot happen here
            user = "" if op.spec.get("security") == [] else state.authenticate(auth).username
            scope = (user, op.operation_id, key)
            digest = hashlib.sha256(raw_body).hexdigest()
            stored = state.replay(scope, digest)
            if stored is not None:
                log.debug("demo my-vpa: %s replayed for a repeated key", op.operation_id)
                return stored.status, stored.data
            status, data = dispatch(state, contract, op, params, body, auth=auth)
            state.remember(scope, digest, status, data)
            return status, data

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
        if op.operation_id in _ITEMWISE:
            return body
        pointer = f"/components/schemas/{_schema_name(op)}"
        errors = contract.errors(pointer, body)
        if errors:
            raise Problem(400, "invalid_request", "Request does not match the contract", errors[0])
        return body

    def _send(self, status: int, payload: bytes, content_type: str, operation_id: str = "") -> None:
        with self.server.state.lock:
            trickle = self.server.state.trickled.get(operation_id)
        if trickle is not None:
            self._send_trickled(status, payload, content_type, trickle)
            return
        self.send_response(status, HTTPStatus(status).phrase if status in _KNOWN else None)
        if payload:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            self.wfile.write(payload)

    def _send_trickled(self, status: int, payload: bytes, content_type: str, pause: float) -> None:
        """The whole answer, headers included, one byte per `pause` s (until the client quits)."""
        head = (
            f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n"
        )
        stop = self.server.stopping
        for byte in head.encode("ascii") + payload:
            if stop.wait(pause):
                break
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:  # the client gave up: what it should do
                break
        self.close_connection = True


_KNOWN = {s.value for s in HTTPStatus}


def _key_rule(op: Operation) -> str | None:
    """ "required", "optional" or None: how the contract lets `op` carry an Idempotency-Key."""
    for parameter in op.spec.get("parameters", ()):
        ref = parameter.get("$ref", "")
        if ref.endswith("/IdempotencyKey"):
            return "required"
        if ref.endswith("/IdempotencyKeyOptional"):
            return "optional"
    return None


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
        self.stopping = threading.Event()  # ends trickled answers at once
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
            self._server.stopping.set()
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
