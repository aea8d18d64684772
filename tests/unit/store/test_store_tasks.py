"""The tasks cache: the last list from my-vpa, with its fetch time, for offline use."""

from __future__ import annotations

import pytest

from tests.unit.store.store_helpers import at
from vpaphone.core.model import Task, TelephonyArea
from vpaphone.store import Store

TASKS = (
    Task("t-1", "Hotel für Messe buchen", "Müller GmbH", TelephonyArea.BACKOFFICE_DE),
    Task(
        "t-2",
        "Lieferanten in Italien anrufen",
        "Rossi & Co",
        TelephonyArea.INDIVIDUAL_QUOTE,
        individual_quote=True,
        working_seconds=10_800,
        phone_seconds=2_400,
        budget_minutes=234,
        budget_raisable=True,  # kept offline too (the budget raise of issue 14)
    ),
)


def test_nothing_cached_yet(store: Store) -> None:
    assert store.tasks.load() is None


def test_tasks_round_trip_in_order_with_fetch_time(store: Store) -> None:
    store.tasks.save(TASKS, fetched_at=at(0))
    cached = store.tasks.load()
    assert cached is not None
    assert cached.tasks == TASKS
    assert cached.fetched_at == at(0)


def test_a_new_fetch_replaces_the_list(store: Store) -> None:
    store.tasks.save(TASKS, fetched_at=at(0))
    store.tasks.save(TASKS[1:], fetched_at=at(60))
    cached = store.tasks.load()
    assert cached is not None
    assert (cached.tasks, cached.fetched_at) == (TASKS[1:], at(60))
    store.tasks.save([], fetched_at=at(120))  # the VPA has no active tasks: not "unknown"
    cached = store.tasks.load()
    assert cached is not None
    assert cached.tasks == ()


def test_a_list_naming_a_task_twice_is_refused_and_the_old_list_kept(store: Store) -> None:
    store.tasks.save(TASKS, fetched_at=at(0))
    with pytest.raises(ValueError, match="twice"):
        store.tasks.save([TASKS[0], TASKS[0]], fetched_at=at(60))
    cached = store.tasks.load()
    assert cached is not None
    assert cached.tasks == TASKS
