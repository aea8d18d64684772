"""QSettings keys the services keep per user (the widgets' own are in ui/settings_keys.py)."""

LAST_USER = "account/last_user"
STAY_SIGNED_IN = "account/stay_signed_in"
ACTIVE_TASK = "tasks/active"


def sales_notice_key(task_id: str) -> str:
    """Set once the admin team knows that a sales VPA phones for this task (RULES.md 11)."""
    return f"sales_notice/{task_id}"


def call_role_key(task_id: str) -> str:
    """Back-office or sales calls, as the VPA chose for a task without a factor area."""
    return f"tasks/{task_id}/call_role"


def notice_seen_key(notice: str, user: str) -> str:
    """A one-time notice (e.g. "monitoring") this VPA confirmed on this computer."""
    return f"notices/{notice}_seen/{user}"
