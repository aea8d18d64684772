"""The signed-in VPA: sign-in, data from my-vpa or the offline cache, sign-out."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Protocol

from vpaphone.myvpa.cache import OfflineCache, Snapshot
from vpaphone.myvpa.client import MyVpaClient
from vpaphone.myvpa.errors import KeychainProblem, OfflineDataExpiredError, ServerUnreachableError
from vpaphone.myvpa.session import Session

log = logging.getLogger(__name__)


class PersonalData(Protocol):
    """The local store's personal data (tasks, call history), wiped at sign-out."""

    def clear_personal_data(self) -> int:
        """Wipe it, but for records my-vpa has not confirmed; returns how many stayed."""


class Account:
    def __init__(
        self,
        session: Session,
        cache: OfflineCache,
        personal_data: PersonalData | None = None,
    ) -> None:
        self.session = session
        self.client = MyVpaClient(session)
        self.cache = cache
        self.personal_data = personal_data
        self.snapshot: Snapshot | None = None

    @property
    def keychain_problem(self) -> KeychainProblem | None:
        """Why nothing can be remembered (shown on the sign-in screen), or None."""
        return self.session.keychain.problem

    def sign_in(self, user: str, password: str, *, remember: bool = False) -> Snapshot:
        self.session.sign_in(user, password, remember=remember)
        return self.load()

    def resume(self, user: str) -> Snapshot | None:
        """Start without asking for the password: keychain tokens, else the remembered password.

        None when the user has to sign in (nothing remembered). Raises SignInRequiredError
        when the remembered session has ended, OfflineDataExpiredError when my-vpa is
        unreachable and no usable cache exists.
        """
        if self.session.resume(user):
            return self.load()
        password = self.session.keychain.load_password(user)
        if password is None:
            return None
        try:
            return self.sign_in(user, password, remember=True)
        except ServerUnreachableError as exc:
            return self._offline(user, exc)

    def load(self) -> Snapshot:
        """Fresh data from my-vpa; while it is unreachable, the cache if young enough."""
        user = self.session.user
        assert user is not None, "load() needs a signed-in session"
        try:
            snapshot = Snapshot(
                user=user,
                profile=self.client.profile(),
                provisioning=self.client.provisioning(),
                tasks=self.client.active_tasks(),
                fetched_at=datetime.now(UTC),
                online=True,
            )
        except ServerUnreachableError as exc:
            return self._offline(user, exc)
        self.cache.save(snapshot)
        self.snapshot = snapshot
        return snapshot

    def _offline(self, user: str, cause: ServerUnreachableError) -> Snapshot:
        cached = self.cache.load(user)
        if cached is None:
            raise OfflineDataExpiredError(
                f"{cause.message} No recent my-vpa data is stored on this computer, "
                "so the softphone cannot be used offline.",
                code="offline_expired",
                cause=cause,
            ) from None
        log.info("my-vpa unreachable, using data cached at %s", cached.fetched_at)
        self.snapshot = cached
        return cached

    def sign_out(self) -> int:
        """Ends the session and deletes tokens, remembered secrets and cached personal data.

        Records my-vpa has not confirmed stay (returns how many): they are uploaded at the same
        VPA's next sign-in.
        """
        self.session.sign_out()
        self.cache.clear()
        self.snapshot = None
        if self.personal_data is None:
            return 0
        return self.personal_data.clear_personal_data()
