"""`vpaphone diagnose`: the local data — folder permissions, the database, and the records
my-vpa does not have yet (waiting, not accepted, not saved). No number, no name is printed:
counts and my-vpa's reason codes only.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from pathlib import Path

from vpaphone import paths

Lines = list[tuple[str, str]]


def local_data_section() -> Lines:
    from vpaphone.app.backend import Backend  # noqa: PLC0415 (lazy)
    from vpaphone.app.services import unsaved_records_journal  # noqa: PLC0415
    from vpaphone.store.errors import StoreError  # noqa: PLC0415
    from vpaphone.store.store import DB_FILENAME, Store  # noqa: PLC0415

    data = paths.data_dir()
    lines: Lines = [("data folder", f"{data} ({_mode(data)})")]
    problems = [folder for folder in (data, paths.config_dir(), paths.log_dir()) if _open(folder)]
    if problems:
        lines.append(("permissions", "open to others: " + ", ".join(map(str, problems))))
    db_path = data / DB_FILENAME
    if not db_path.exists():
        lines.append(("database", "none yet (created at the first start)"))
        return _verdict(lines, failed=bool(problems))
    try:
        with Store.open(db_path) as store:
            damage = store.check_integrity()
            waiting = store.outbox.count()
            refused = Counter(item.code for item in store.outbox.rejected())
    except StoreError as exc:
        lines.append(("database", f"not usable ({exc.problem.value}): {exc}"))
        return _verdict(lines, failed=True)
    lines.append(("database", "damaged: " + "; ".join(damage[:3]) if damage else "healthy"))
    lines.append(("records waiting for upload", str(waiting)))
    reasons = ", ".join(f"{code} ×{n}" for code, n in refused.most_common())
    not_accepted = sum(refused.values())
    lines.append(
        ("records not accepted by my-vpa", f"{not_accepted} ({reasons})" if reasons else "0")
    )
    journal = unsaved_records_journal(Backend(None, None, "", data))
    unsaved = "present (saved at the next start)" if journal.exists() else "none"
    lines.append(("call records kept outside the database", unsaved))
    return _verdict(lines, failed=bool(problems or damage or not_accepted))


def _verdict(lines: Lines, *, failed: bool) -> Lines:
    from vpaphone.commands.diagnose_checks import fail_section  # noqa: PLC0415

    if failed:
        fail_section(lines)
    return lines


def _mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))[2:] if path.exists() else "missing"


def _open(folder: Path) -> bool:
    """Whether others than this user may enter or read the folder or a file in it."""
    for root, _dirs, files in os.walk(folder):
        for entry in (Path(root), *(Path(root) / name for name in files)):
            info = entry.lstat()
            if not stat.S_ISLNK(info.st_mode) and stat.S_IMODE(info.st_mode) & 0o077:
                return True
    return False
