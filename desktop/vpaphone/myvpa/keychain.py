"""Secrets in the OS keychain (keyring). When none is usable, the app still runs.

Without a keychain nothing is remembered: the user signs in at every start, and `problem`
says why (`KeychainProblem`).
"""

from __future__ import annotations

import json
import logging
from typing import Any

import keyring
import keyring.backend
from keyring.errors import KeyringError, KeyringLocked, NoKeyringError, PasswordDeleteError

from vpaphone import KEYCHAIN_SERVICE
from vpaphone.myvpa.errors import KeychainProblem
from vpaphone.myvpa.models import TokenPair

log = logging.getLogger(__name__)


def _problem(exc: KeyringError) -> KeychainProblem:
    if isinstance(exc, NoKeyringError):
        return KeychainProblem.NO_KEYCHAIN
    if isinstance(exc, KeyringLocked):
        return KeychainProblem.LOCKED
    return KeychainProblem.UNUSABLE


class Keychain:
    """Tokens, the SIP password and (only on request) the my-vpa password, per user name."""

    def __init__(
        self, service: str = KEYCHAIN_SERVICE, backend: keyring.backend.KeyringBackend | None = None
    ) -> None:
        self.service = service
        self._backend = backend
        self.problem: KeychainProblem | None = None  # why the keychain is unusable

    @property
    def available(self) -> bool:
        return self.problem is None

    def _ring(self) -> Any:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def _get(self, key: str) -> str | None:
        if not self.available:
            return None
        try:
            value: str | None = self._ring().get_password(self.service, key)
        except KeyringError as exc:
            self._fail(exc)
            return None
        return value

    def _set(self, key: str, value: str) -> bool:
        if not self.available:
            return False
        try:
            self._ring().set_password(self.service, key, value)
        except KeyringError as exc:
            self._fail(exc)
            return False
        return True

    def _delete(self, key: str) -> None:
        if not self.available:
            return
        try:
            self._ring().delete_password(self.service, key)
        except PasswordDeleteError:
            pass  # nothing stored: already the wanted state
        except KeyringError as exc:
            self._fail(exc)

    def _fail(self, exc: KeyringError) -> None:
        self.problem = _problem(exc)
        log.info("keychain unusable: %s", type(exc).__name__)

    def probe(self) -> bool:
        """Touch the keychain once so that `reason` is known before the sign-in screen shows."""
        self._get("probe")
        return self.available

    # tokens
    def save_tokens(self, user: str, tokens: TokenPair) -> bool:
        return self._set(f"tokens:{user}", json.dumps(tokens.to_json()))

    def load_tokens(self, user: str) -> TokenPair | None:
        raw = self._get(f"tokens:{user}")
        if raw is None:
            return None
        try:
            return TokenPair.from_json(json.loads(raw))
        except (ValueError, KeyError, TypeError):
            self._delete(f"tokens:{user}")  # damaged entry: forget it, sign in again
            return None

    def delete_tokens(self, user: str) -> None:
        self._delete(f"tokens:{user}")

    # SIP password (needed for offline use of cached provisioning)
    def save_sip_password(self, user: str, password: str) -> bool:
        return self._set(f"sip:{user}", password)

    def load_sip_password(self, user: str) -> str | None:
        return self._get(f"sip:{user}")

    # my-vpa password, only when the user asked to be remembered
    def save_password(self, user: str, password: str) -> bool:
        return self._set(f"password:{user}", password)

    def load_password(self, user: str) -> str | None:
        return self._get(f"password:{user}")

    def forget_user(self, user: str) -> None:
        for prefix in ("tokens", "sip", "password"):
            self._delete(f"{prefix}:{user}")
