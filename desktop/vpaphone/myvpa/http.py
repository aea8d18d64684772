"""One kept-alive HTTP/1.1 connection to my-vpa, on the standard library (http.client + ssl).

Not thread-safe, on purpose: a Transport and its Connection belong to the my-vpa worker thread.
Proxies are taken from the environment as curl does it (HTTPS_PROXY, ALL_PROXY, NO_PROXY);
HTTPS goes through them in a CONNECT tunnel, so the proxy never sees the requests.

Every request may carry a deadline: socket timeouts start again with every byte, so a server
(or a man in the middle) trickling its answer would hold the worker for ever; a watchdog cuts
the connection when the deadline passes, wherever the request is (TLS handshake, headers, body).
"""

from __future__ import annotations

import base64
import contextlib
import http.client
import selectors
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit
from urllib.request import (  # type: ignore[attr-defined]  # missing in typeshed
    getproxies_environment,
    proxy_bypass_environment,
)

# Everything a broken network, proxy or peer can raise: ssl.SSLError, timeouts, refused and reset
# connections, DNS failures are OSErrors; malformed or cut-off answers are HTTPExceptions;
# UnicodeError for a host name IDNA cannot encode.
NETWORK_ERRORS = (OSError, http.client.HTTPException, UnicodeError)
# Errors meaning "a kept-alive connection was already closed by the server" when they come before
# any byte of the answer: the request was not processed, so it is sent once more.
_STALE_ERRORS = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)
_CHUNK = 64 * 1024
_PATH_SAFE = "/%:@!$&'()*+,;=~"  # RFC 3986 path characters; anything else is percent-encoded


class BodyTooLargeError(Exception):
    """The answer's body went over the limit; reading stopped and the connection was closed."""


class DeadlineExceededError(TimeoutError):
    """The request's deadline passed before its answer was complete; the connection was cut."""


def client_tls_context(ca_bundle: Path | None) -> ssl.SSLContext:
    """Certificate and host name verification against the system's trust store, plus the
    company's CA bundle when IT configured one (added to the system store, never instead)."""
    context = ssl.create_default_context()
    if ca_bundle is not None:
        context.load_verify_locations(cafile=str(ca_bundle))
    return context


class _Watchdog:
    """Shuts the request's socket down when the deadline passes (see the module docstring).

    `watch` is called on the worker thread with each socket the request uses; the timer thread
    shuts it down at the OS level, which makes the worker's blocked read return at once.
    """

    def __init__(self, deadline: float) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.fired = False
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                _cut(sock)

    def disarm(self) -> None:
        self._timer.cancel()
        with self._lock:
            self._sockets.clear()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                _cut(sock)


def _cut(sock: socket.socket) -> None:
    # The plain socket method on the descriptor: an SSLSocket's own shutdown would also drop its
    # TLS state under the feet of the thread reading from it.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    content_type: str  # the media type only, lower case: "application/json"
    body: bytes


@dataclass(frozen=True, slots=True)
class Proxy:
    host: str
    port: int
    authorization: str | None = field(default=None, repr=False)  # never logged


def environment_proxy(host: str, port: int) -> Proxy | None:
    """The proxy for https://host:port as the environment says, or None for a direct connection.

    Raises ValueError for a proxy setting that cannot be used; the message never contains it
    (it may hold a password).
    """
    proxies = getproxies_environment()
    url = proxies.get("https") or proxies.get("all")
    if not url or proxy_bypass_environment(f"{host}:{port}", proxies):
        return None
    parts = urlsplit(url if "://" in url else f"http://{url}")
    try:
        proxy_port = parts.port or 80
    except ValueError:
        proxy_port = 0
    if parts.scheme != "http" or not parts.hostname or not proxy_port:
        raise ValueError(
            "The proxy setting (HTTPS_PROXY or ALL_PROXY) is not usable: "
            "it must look like http://host:port or http://user:password@host:port"
        )
    authorization = None
    if parts.username is not None:
        pair = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        authorization = "Basic " + base64.b64encode(pair).decode("ascii")
    return Proxy(parts.hostname, proxy_port, authorization)


class Connection:
    """Requests to one server over one persistent connection, opened again when needed."""

    def __init__(
        self,
        base_url: str,
        *,
        tls: ssl.SSLContext | None,
        connect_timeout: float,
        read_timeout: float,
        max_body_bytes: int,
    ) -> None:
        parts = urlsplit(base_url)
        self._tls = tls if parts.scheme == "https" else None
        self._host = parts.hostname or ""
        self._port = parts.port or (443 if self._tls else 80)
        self._prefix = parts.path.rstrip("/")
        self._connect_timeout = connect_timeout
        self._read_timeout = read_timeout
        self._max_body_bytes = max_body_bytes
        # Plain http is only ever allowed to the loopback demo server: no proxy could reach it.
        self._proxy = environment_proxy(self._host, self._port) if self._tls else None
        self._conn: http.client.HTTPConnection | None = None
        self._watchdog: _Watchdog | None = None  # of the request under way
        self._deadline: float | None = None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def request(
        self,
        method: str,
        path: str,
        headers: dict[str, str],
        body: bytes | None,
        deadline: float | None = None,
    ) -> Response:
        """Send one request and read its whole answer by `deadline` (time.monotonic()).

        Raises NETWORK_ERRORS, BodyTooLargeError, DeadlineExceededError.
        """
        watchdog = None if deadline is None else _Watchdog(deadline)
        self._watchdog, self._deadline = watchdog, deadline
        try:
            return self._request(method, path, headers, body)
        except BaseException:
            if watchdog is not None and watchdog.fired:
                self.close()
                raise DeadlineExceededError from None
            raise
        finally:
            self._watchdog, self._deadline = None, None
            if watchdog is not None:
                watchdog.disarm()

    def _request(
        self, method: str, path: str, headers: dict[str, str], body: bytes | None
    ) -> Response:
        target = quote(self._prefix + path, safe=_PATH_SAFE)
        response = None
        idle = self._idle_connection()
        if idle is not None:
            if self._watchdog is not None and idle.sock is not None:
                self._watchdog.watch(idle.sock)
            # Closed by the server while idle (keep-alive timeout): try a fresh connection.
            with contextlib.suppress(*_STALE_ERRORS):
                response = self._send(idle, method, target, headers, body)
        if response is None:
            response = self._send(self._connect(), method, target, headers, body)
        return self._read(response)

    def _idle_connection(self) -> http.client.HTTPConnection | None:
        conn = self._conn
        if conn is None or conn.sock is None:
            return None
        # An idle connection has nothing to read unless the server closed it (EOF) or broke
        # the protocol: either way it is of no further use.
        with selectors.DefaultSelector() as selector:
            selector.register(conn.sock, selectors.EVENT_READ)
            if selector.select(0):
                self.close()
                return None
        return conn

    def _connect(self) -> http.client.HTTPConnection:
        conn: http.client.HTTPConnection
        watch = None if self._watchdog is None else self._watchdog.watch
        timeout = self._connect_timeout  # a TCP connect in progress is not cut: bound it too
        if self._deadline is not None:
            timeout = max(0.001, min(timeout, self._deadline - time.monotonic()))
        if self._tls is None:
            conn = http.client.HTTPConnection(self._host, self._port, timeout)
            _watch_new_sockets(conn, watch)
            try:
                conn.connect()
            except BaseException:
                conn.close()
                raise
        else:
            conn = open_https(self._host, self._port, self._tls, timeout, self._proxy, watch=watch)
        assert conn.sock is not None
        conn.sock.settimeout(self._read_timeout)  # from now on: per send/receive
        self._conn = conn
        return conn

    def _send(
        self,
        conn: http.client.HTTPConnection,
        method: str,
        target: str,
        headers: dict[str, str],
        body: bytes | None,
    ) -> http.client.HTTPResponse:
        try:
            conn.request(method, target, body=body, headers=headers)
            return conn.getresponse()
        except BaseException:
            self.close()
            raise

    def _read(self, response: http.client.HTTPResponse) -> Response:
        chunks: list[bytes] = []
        size = 0
        try:
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > self._max_body_bytes:
                    raise BodyTooLargeError  # the rest stays unread: the connection must go
                chunks.append(chunk)
        except BaseException:
            self.close()
            raise
        if response.will_close:
            self.close()
        content_type = response.getheader("Content-Type") or ""
        return Response(
            response.status, content_type.split(";")[0].strip().lower(), b"".join(chunks)
        )


_Watch = Callable[[socket.socket], None]


def _watch_new_sockets(conn: http.client.HTTPConnection, watch: _Watch | None) -> None:
    """Hand every socket `conn` creates to `watch` (the request's watchdog) before it is used."""
    if watch is None:
        return
    create: Callable[..., socket.socket] = conn._create_connection  # type: ignore[attr-defined]

    def created(*args: Any, **kwargs: Any) -> socket.socket:
        sock = create(*args, **kwargs)
        watch(sock)
        return sock

    conn._create_connection = created  # type: ignore[attr-defined]


class _WatchedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPSConnection whose TLS handshake runs on a socket the watchdog already knows."""

    def __init__(self, *args: Any, watch: _Watch | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._watch = watch
        _watch_new_sockets(self, watch)

    def connect(self) -> None:
        http.client.HTTPConnection.connect(self)  # TCP, and the proxy's CONNECT tunnel if any
        # Wrapping detaches the plain socket: the TLS socket is watched before it shakes hands.
        tls_sock: ssl.SSLSocket = self._context.wrap_socket(  # type: ignore[attr-defined]
            self.sock, server_hostname=self._server_name(), do_handshake_on_connect=False
        )
        self.sock = tls_sock
        if self._watch is not None:
            self._watch(tls_sock)
        tls_sock.do_handshake()

    def _server_name(self) -> str:
        tunnel_host: str | None = getattr(self, "_tunnel_host", None)
        return tunnel_host or self.host


def open_https(
    host: str,
    port: int,
    tls: ssl.SSLContext,
    timeout: float,
    proxy: Proxy | None,
    *,
    watch: _Watch | None = None,
) -> http.client.HTTPSConnection:
    """A connected HTTPS connection to host:port, through `proxy`'s CONNECT tunnel if given.

    `timeout` covers the TCP connect, the proxy's CONNECT and the TLS handshake together;
    `watch` receives each socket as soon as it exists (a request's deadline watchdog).
    """
    conn: http.client.HTTPSConnection
    if proxy is None:
        conn = _WatchedHTTPSConnection(host, port, timeout=timeout, context=tls, watch=watch)
    else:
        conn = _WatchedHTTPSConnection(
            proxy.host, proxy.port, timeout=timeout, context=tls, watch=watch
        )
        auth = proxy.authorization
        conn.set_tunnel(host, port, {"Proxy-Authorization": auth} if auth else None)
    try:
        conn.connect()
    except BaseException:
        conn.close()
        raise
    return conn
