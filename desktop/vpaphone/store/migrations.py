"""Numbered schema migrations, applied in order, each in its own transaction.

Never edit a released migration: add the next number. Times are integer milliseconds since the
Unix epoch (UTC); booleans are 0/1. Statements are listed one by one because sqlite3's
`executescript` would commit the surrounding transaction.
"""

from __future__ import annotations

from typing import Final

# version -> statements; version 1 is the first released schema.
MIGRATIONS: Final[dict[int, tuple[str, ...]]] = {
    1: (
        """
        CREATE TABLE calls (
            id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
            -- no task: emergency calls, and incoming calls until the VPA assigns one
            task_id TEXT CHECK (
                task_id IS NOT NULL OR counts_as_task_time = 0 OR direction = 'incoming'
            ),
            direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
            e164 TEXT NOT NULL,
            zone TEXT NOT NULL CHECK (zone IN ('DE', 'EU', 'NON_EU')),
            area TEXT NOT NULL,
            started_ms INTEGER NOT NULL,
            answered_ms INTEGER,
            ended_ms INTEGER,
            end_reason TEXT CHECK ((end_reason IS NULL) = (ended_ms IS NULL)),
            sip_status INTEGER,
            counts_as_task_time INTEGER NOT NULL CHECK (counts_as_task_time IN (0, 1)),
            last_seen_ms INTEGER NOT NULL,
            synced_ms INTEGER,  -- when my-vpa confirmed it; NULL = not yet known to the server
            talk_ms INTEGER GENERATED ALWAYS AS (
                CASE WHEN answered_ms IS NULL OR ended_ms IS NULL THEN 0
                     ELSE max(0, ended_ms - answered_ms) END
            ) VIRTUAL
        ) STRICT
        """,
        """
        CREATE TABLE work_sessions (
            id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
            task_id TEXT NOT NULL,
            started_ms INTEGER NOT NULL,
            last_seen_ms INTEGER NOT NULL,
            stopped_ms INTEGER,
            interrupted INTEGER NOT NULL DEFAULT 0 CHECK (interrupted IN (0, 1)),
            reported_ms INTEGER,  -- when my-vpa confirmed it; NULL = not yet reported
            CHECK (stopped_ms IS NULL OR stopped_ms >= started_ms)
        ) STRICT
        """,
        # One working timer at a time, even across two app instances.
        "CREATE UNIQUE INDEX work_one_running ON work_sessions ((1)) WHERE stopped_ms IS NULL",
        # Exactly one of call_id / session_id: a foreign key per kind keeps the queue honest.
        """
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            call_id TEXT UNIQUE REFERENCES calls (id) ON DELETE CASCADE,
            session_id TEXT UNIQUE REFERENCES work_sessions (id) ON DELETE CASCADE,
            enqueued_ms INTEGER NOT NULL,
            CHECK ((call_id IS NULL) <> (session_id IS NULL))
        ) STRICT
        """,
        """
        CREATE TABLE cached_tasks (
            position INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            customer TEXT NOT NULL,
            area TEXT NOT NULL,
            individual_quote INTEGER NOT NULL CHECK (individual_quote IN (0, 1)),
            working_seconds INTEGER NOT NULL,
            phone_seconds INTEGER NOT NULL,
            budget_minutes INTEGER
        ) STRICT
        """,
        """
        CREATE TABLE tasks_fetch (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            fetched_ms INTEGER NOT NULL
        ) STRICT
        """,
    ),
    2: (
        # Phone share per task: a covering index, so the sum reads only this task's entries.
        """
        CREATE INDEX calls_share ON calls (task_id, synced_ms, talk_ms)
        WHERE counts_as_task_time = 1 AND ended_ms IS NOT NULL
        """,
        "CREATE INDEX calls_recent ON calls (started_ms DESC, id)",
        "CREATE INDEX calls_task ON calls (task_id, zone)",
        "CREATE INDEX calls_running ON calls (last_seen_ms) WHERE ended_ms IS NULL",
        "CREATE INDEX work_task ON work_sessions (task_id, reported_ms)",
    ),
    3: (
        # Whose record it is: records my-vpa has not confirmed outlive a sign-out and go up with
        # the same VPA's next sign-in, never with someone else's. NULL: from before (anyone's).
        "ALTER TABLE calls ADD COLUMN owner TEXT",
        "ALTER TABLE work_sessions ADD COLUMN owner TEXT",
        # my-vpa refused the item (its reason kept): not sent with the others, offered again
        # at sign-in, shown to the VPA until it is accepted.
        "ALTER TABLE outbox ADD COLUMN rejected_ms INTEGER",
        "ALTER TABLE outbox ADD COLUMN rejected_code TEXT",
        "ALTER TABLE outbox ADD COLUMN rejected_detail TEXT",
        # Small facts about the file itself (the start-up write probe).
        "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT",
        # Retention: confirmed calls by age.
        "CREATE INDEX calls_confirmed ON calls (started_ms) WHERE synced_ms IS NOT NULL",
    ),
    4: (
        # Whether my-vpa lets the VPA raise the task's budget (kept for offline use too).
        "ALTER TABLE cached_tasks ADD COLUMN budget_raisable INTEGER NOT NULL DEFAULT 0"
        " CHECK (budget_raisable IN (0, 1))",
        # A call the VPA moved to another task after my-vpa had it: my-vpa must be told.
        "ALTER TABLE calls ADD COLUMN retag_pending INTEGER NOT NULL DEFAULT 0"
        " CHECK (retag_pending IN (0, 1))",
    ),
    5: (
        # A call handed over (blind or attended transfer): to whom, and when (the split).
        "ALTER TABLE calls ADD COLUMN transferred_to TEXT",
        "ALTER TABLE calls ADD COLUMN transferred_ms INTEGER",
    ),
}

LATEST_VERSION: Final[int] = max(MIGRATIONS)
