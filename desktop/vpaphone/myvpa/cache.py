"""What the app may keep using while my-vpa is unreachable: profile, provisioning, tasks.

Profile and provisioning go to a JSON file that holds no secret (the SIP password is in the
keychain: no keychain, no offline use); tasks go to the store's task cache.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from vpaphone.core.model import Task
from vpaphone.myvpa.errors import MyVpaError
from vpaphone.myvpa.keychain import Keychain
from vpaphone.myvpa.models import (
    Profile,
    Provisioning,
    parse_time,
    profile_from,
    provisioning_from,
)
from vpaphone.store.tasks import CachedTasks

CACHE_VERSION = 1


@dataclass(frozen=True, slots=True)
class Snapshot:
    user: str
    profile: Profile
    provisioning: Provisioning
    tasks: list[Task]
    fetched_at: datetime
    online: bool  # False: served from the cache while my-vpa is unreachable

    def usable_until(self) -> datetime:
        return self.fetched_at + timedelta(hours=self.provisioning.offline_max_hours)


class TaskCacheLike(Protocol):
    """`vpaphone.store.tasks.TaskCache` (store.tasks)."""

    def save(self, tasks: Sequence[Task], fetched_at: datetime) -> None: ...

    def load(self) -> CachedTasks | None: ...


class OfflineCache:
    def __init__(self, path: Path, keychain: Keychain, tasks: TaskCacheLike) -> None:
        self.path = path
        self.keychain = keychain
        self.tasks = tasks

    def save(self, snapshot: Snapshot) -> None:
        if not self.keychain.save_sip_password(snapshot.user, snapshot.provisioning.sip.password):
            self.clear()  # without the SIP password a cached account is useless
            return
        p = snapshot.provisioning
        sip = {**p.sip.to_json(), "password": ""}  # the password is kept in the keychain only
        document = {
            "version": CACHE_VERSION,
            "user": snapshot.user,
            "fetched_at": snapshot.fetched_at.isoformat(),
            "profile": {
                "id": snapshot.profile.id,
                "name": snapshot.profile.name,
                "role": snapshot.profile.role.value,
                "individual_number": snapshot.profile.individual_number,
            },
            "provisioning": {
                "sip": sip,
                "caller_id": p.caller_id,
                "caller_id_individual": p.caller_id_individual,
                "voicemail_uri": p.voicemail_uri,
                "rules": p.rules,
                "zones": p.zones,
                "issued_at": p.issued_at.isoformat(),
            },
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(document), encoding="utf-8")
        os.replace(tmp, self.path)  # atomic: a crash leaves the old or the new file
        self.tasks.save(snapshot.tasks, snapshot.fetched_at)

    def load(self, user: str, now: datetime | None = None) -> Snapshot | None:
        """The cached snapshot if it is this user's and still within the offline period."""
        try:
            document: dict[str, Any] = json.loads(self.path.read_text(encoding="utf-8"))
            if document.get("version") != CACHE_VERSION or document.get("user") != user:
                return None
            password = self.keychain.load_sip_password(user)
            if password is None:
                return None
            provisioning = provisioning_from(document["provisioning"])
            cached_tasks = self.tasks.load()
            if cached_tasks is None:
                return None
            snapshot = Snapshot(
                user=user,
                profile=profile_from(document["profile"]),
                provisioning=replace(
                    provisioning, sip=replace(provisioning.sip, password=password)
                ),
                tasks=list(cached_tasks.tasks),
                # the older of the two decides how long they may be used
                fetched_at=min(parse_time(document["fetched_at"]), cached_tasks.fetched_at),
                online=False,
            )
        except (OSError, ValueError, KeyError, TypeError, MyVpaError):
            return None  # missing or damaged cache: as if there were none
        now = now or datetime.now(UTC)
        if not snapshot.fetched_at <= now <= snapshot.usable_until():
            return None
        return snapshot

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
