"""QSettings keys the services keep per user (the widgets' own are in ui/settings_keys.py)."""

LAST_USER = "account/last_user"
STAY_SIGNED_IN = "account/stay_signed_in"
ACTIVE_TASK = "tasks/active"


def sales_notice_key(task_id: str) -> str:
    """Set once the admin team knows that a sales VPA phones for this task (RULES.md 11)."""
    return f"sales_notice/{task_id}"
