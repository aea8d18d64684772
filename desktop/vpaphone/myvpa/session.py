"""Signed-in state: tokens, silent refresh on `token_expired`, sign-out.

A refresh whose answer is lost must not end the session: the old tokens stay in use (memory
and keychain) until the new pair has arrived and is stored; the repeat carries the same
idempotency key, and the server's grace window (contract: refreshTokens) accepts the old
refresh token once more for a while. A session the server has ended (`refresh_invalid`,
`token_invalid`) forgets its tokens: the VPA must sign in again.

Thread-safe: the uploader may call from a worker thread while the UI calls from its own.
"""

from __future__ import annotations

import logging
import threading

from vpaphone.myvpa.errors import SignInRequiredError
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.models import TokenPair, new_idempotency_key
from vpaphone.myvpa.transport import Reply, TokenExpiredError, Transport

log = logging.getLogger(__name__)


class Session:
    def __init__(self, transport: Transport, keychain: Keychain, device_name: str = "") -> None:
        self.transport = transport
        self.keychain = keychain
        self.device_name = device_name
        self.user: str | None = None
        self._tokens: TokenPair | None = None
        self._lock = threading.RLock()

    @property
    def signed_in(self) -> bool:
        return self._tokens is not None

    def sign_in(self, user: str, password: str, *, remember: bool = False) -> None:
        """Raises InvalidCredentialsError, AccountLockedError, ServerUnreachableError, ..."""
        body: dict[str, str] = {"username": user, "password": password}
        if self.device_name:
            body["device_name"] = self.device_name
        reply = self.transport.send("signIn", body=body, idempotency_key=new_idempotency_key())
        with self._lock:
            self.user = user
            self._tokens = TokenPair.from_json(reply.data)
            self.keychain.save_tokens(user, self._tokens)
            if remember:
                self.keychain.save_password(user, password)
        log.info("signed in to my-vpa")

    def resume(self, user: str) -> bool:
        """Continue a session whose tokens the keychain kept; False if there are none."""
        tokens = self.keychain.load_tokens(user)
        with self._lock:
            self.user = user if tokens else None
            self._tokens = tokens
        return tokens is not None

    def call(
        self,
        operation_id: str,
        *,
        body: object = None,
        path_params: dict[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> Reply:
        """An authenticated request; an expired access token is refreshed once, silently.

        The repeat after the refresh carries the same `idempotency_key`.
        """
        token = self._access_token()
        try:
            try:
                return self.transport.send(
                    operation_id,
                    body=body,
                    token=token,
                    path_params=path_params,
                    idempotency_key=idempotency_key,
                )
            except TokenExpiredError:
                log.info("access token expired, refreshing")
            token = self._refresh(stale=token)
            return self.transport.send(
                operation_id,
                body=body,
                token=token,
                path_params=path_params,
                idempotency_key=idempotency_key,
            )
        except SignInRequiredError:
            with self._lock:
                if self._tokens is not None and self._tokens.access_token == token:
                    log.info("my-vpa ended the session (%s)", operation_id)
                    self._forget_tokens()
            raise

    def _access_token(self) -> str:
        with self._lock:
            if self._tokens is None:
                raise SignInRequiredError("Please sign in to my-vpa.", code="not_signed_in")
            return self._tokens.access_token

    def _refresh(self, stale: str) -> str:
        with self._lock:
            if self._tokens is None:
                raise SignInRequiredError("Please sign in to my-vpa.", code="not_signed_in")
            if self._tokens.access_token != stale:  # another thread refreshed meanwhile
                return self._tokens.access_token
            # Network failures leave the old pair in place: the next attempt presents the same
            # refresh token (within the server's grace window).
            try:
                reply = self.transport.send(
                    "refreshTokens",
                    body={"refresh_token": self._tokens.refresh_token},
                    idempotency_key=new_idempotency_key(),
                )
            except SignInRequiredError:
                self._forget_tokens()
                raise
            fresh = TokenPair.from_json(reply.data)
            if self.user is not None:
                self.keychain.save_tokens(self.user, fresh)
            self._tokens = fresh
            return fresh.access_token

    def _forget_tokens(self) -> None:
        self._tokens = None
        if self.user is not None:
            self.keychain.delete_tokens(self.user)

    def sign_out(self) -> None:
        """Revoke on the server if reachable; forget tokens and remembered secrets anyway."""
        with self._lock:
            tokens, user = self._tokens, self.user
            self._tokens, self.user = None, None
            if user is not None:
                self.keychain.forget_user(user)
        if tokens is None:
            return
        try:
            self.transport.send("signOut", body={"refresh_token": tokens.refresh_token})
        except Exception as exc:  # local sign-out must complete regardless
            log.warning("server-side sign-out failed: %s", type(exc).__name__)
