"""Signing in and out of my-vpa, and what the signed-in VPA brings: profile, rules, zones.

The network work runs on the my-vpa thread (`netjobs`, `jobs`); results arrive here on the GUI
thread. `AppServices` starts and stops the other services around `signed_in`/`signing_out`.

Sign-out never loses a record: it first tries to upload; if my-vpa still lacks records
(unreachable, or refusing some), it stops and says so (`sign_out_blocked`), and the VPA either
stays signed in or signs out keeping them (`finish_sign_out`): they go up at their next
sign-in. A session my-vpa ended (`end_session`) keeps everything and asks for the password.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

from vpaphone.app import jobs
from vpaphone.app.backend import Backend
from vpaphone.app.netjobs import NetWorker
from vpaphone.app.notices import Notice, NoticeKind
from vpaphone.app.settings_keys import LAST_USER, STAY_SIGNED_IN, notice_seen_key
from vpaphone.core.model import Role
from vpaphone.core.rules import RuleData
from vpaphone.core.zones import ZoneTable

if TYPE_CHECKING:  # the my-vpa stack loads on the worker thread, after the window shows
    from vpaphone.myvpa.cache import Snapshot
    from vpaphone.myvpa.errors import KeychainProblem

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class KeychainState:
    problem: KeychainProblem | None  # why nothing can be remembered; None: it works


@dataclass(frozen=True, slots=True)
class SignInFailure:
    error: Exception | None  # None: the remembered session needs the password again


@dataclass(frozen=True, slots=True)
class SignOutBlocked:
    """Sign-out stopped: my-vpa has not confirmed `count` records (`refused` of them refused)."""

    count: int  # 0: unknown (the local database could not say; `error` tells why)
    refused: int
    error: Exception | None  # why the upload did not get them through (None: refused ones)


class SessionService(QObject):
    keychain_checked = Signal(KeychainState)
    signed_in = Signal()
    sign_in_failed = Signal(SignInFailure)
    signing_out = Signal()  # before the session ends: stop what belongs to it
    sign_out_blocked = Signal(SignOutBlocked)  # records would stay behind: the VPA decides
    sign_out_cancelled = Signal()  # the VPA stays signed in after all: start again
    signed_out = Signal()
    session_ended = Signal()  # my-vpa ended it: stopped like a sign-out, data kept
    notice = Signal(Notice)

    def __init__(
        self,
        backend: Backend,
        settings: QSettings,
        net: NetWorker,
        *,
        unsaved: Callable[[], int] = lambda: 0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self._settings = settings
        self._net = net
        self._unsaved = unsaved  # call records not in the database yet (disk full): not lost
        self.snapshot: Snapshot | None = None
        self.keychain_problem: KeychainProblem | None = None
        self.rules = RuleData.default()
        self.zones = ZoneTable.default()

    @property
    def last_user(self) -> str:
        return str(self._settings.value(LAST_USER, "") or "")

    @property
    def stay_signed_in(self) -> bool:
        return self._settings.value(STAY_SIGNED_IN, False, type=bool) is True

    @property
    def active(self) -> bool:
        """Signed in (online or with the offline data)."""
        return self.snapshot is not None

    @property
    def role(self) -> Role:
        return self.snapshot.profile.role if self.snapshot else Role.BACKOFFICE

    def notice_seen(self, notice: str) -> bool:
        """Whether the signed-in VPA confirmed a one-time notice (e.g. "monitoring")."""
        user = self.snapshot.user if self.snapshot else ""
        return self._settings.value(notice_seen_key(notice, user), False, type=bool) is True

    def mark_notice_seen(self, notice: str) -> None:
        if self.snapshot is not None:
            self._settings.setValue(notice_seen_key(notice, self.snapshot.user), True)

    def check_keychain(self) -> None:
        """Learn (off the GUI thread) if the keychain works: the sign-in screen says why not."""
        if self.backend.transport is None:
            return
        self._net.submit(jobs.keychain_problem, self._keychain_known, _failed_quietly)

    def _keychain_known(self, problem: KeychainProblem | None) -> None:
        self.keychain_problem = problem
        self.keychain_checked.emit(KeychainState(problem))

    def sign_in(self, user: str, password: str, remember: bool) -> None:
        self._settings.setValue(LAST_USER, user)
        self._settings.setValue(STAY_SIGNED_IN, remember)
        self._net.submit(
            functools.partial(jobs.sign_in, user=user, password=password, remember=remember),
            self._apply,
            self._failed,
        )

    def resume(self) -> bool:
        """Sign in with what the keychain remembered; False if nothing is (show the form)."""
        user = self.last_user
        if not (user and self.stay_signed_in and self.backend.transport is not None):
            return False
        self._net.submit(functools.partial(jobs.resume, user=user), self._resumed, self._failed)
        return True

    def _resumed(self, snapshot: Snapshot | None) -> None:
        if snapshot is None:
            self.sign_in_failed.emit(SignInFailure(None))
        else:
            self._apply(snapshot)

    def _failed(self, exc: Exception) -> None:
        self.sign_in_failed.emit(SignInFailure(exc))

    def _apply(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.rules = RuleData.default().with_overrides(snapshot.provisioning.rules)
        # the zone table my-vpa provisioned (validated by the client) replaces the shipped one
        self.zones = ZoneTable.from_mapping(snapshot.provisioning.zones)
        self.signed_in.emit()
        if not snapshot.online:
            self.notice.emit(Notice(NoticeKind.OFFLINE_DATA, at=snapshot.fetched_at))

    def sign_out(self) -> None:
        """Stop what runs for this VPA, upload what is queued; sign out if nothing is left,
        else `sign_out_blocked` (the VPA then calls `finish_sign_out` or `cancel_sign_out`)."""
        self.signing_out.emit()
        self._net.submit(jobs.upload_before_sign_out, self._checked, self._check_failed)

    def _checked(self, unconfirmed: jobs.Unconfirmed) -> None:
        count = unconfirmed.count + self._unsaved()
        if count == 0:
            self.finish_sign_out()
            return
        self.sign_out_blocked.emit(SignOutBlocked(count, unconfirmed.refused, unconfirmed.error))

    def _check_failed(self, exc: Exception) -> None:  # the local database: say so, let them pick
        self.sign_out_blocked.emit(SignOutBlocked(0, 0, exc))

    def finish_sign_out(self) -> None:
        """Sign out; records my-vpa has not confirmed stay for this VPA's next sign-in."""
        self._settings.setValue(STAY_SIGNED_IN, False)
        self._net.submit(jobs.sign_out, self._signed_out, self._sign_out_failed)

    def cancel_sign_out(self) -> None:
        """The VPA stays signed in (e.g. to try the upload again later)."""
        self.sign_out_cancelled.emit()

    def end_session(self, exc: Exception) -> None:
        """my-vpa ended the session (revoked, expired): stop like a sign-out, keep all data,
        and ask for the password (`sign_in_failed`); uploads resume after the new sign-in."""
        if self.snapshot is None:
            return
        log.warning("my-vpa ended the session: %s", type(exc).__name__)
        self.signing_out.emit()
        self.snapshot = None
        self.session_ended.emit()
        self.sign_in_failed.emit(SignInFailure(exc))

    def _signed_out(self, kept: int = 0) -> None:
        self.snapshot = None
        self.signed_out.emit()
        if kept:
            self.notice.emit(Notice(NoticeKind.KEPT_AFTER_SIGN_OUT, count=kept))

    def _sign_out_failed(self, exc: Exception) -> None:
        self.notice.emit(Notice(NoticeKind.SIGN_OUT_INCOMPLETE, detail=str(exc)))
        self._signed_out()


def _failed_quietly(exc: Any) -> None:
    log.info("my-vpa background job failed: %s", type(exc).__name__)
