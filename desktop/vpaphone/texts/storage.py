"""The local data's problems (`store.errors.StoreProblem`) as the VPA reads them: what is wrong
with which folder or file, and what to do about it."""

from __future__ import annotations

from vpaphone.store.errors import StoreProblem
from vpaphone.texts.translate import fill, translate


def data_problem_text(problem: StoreProblem, path: str) -> str:
    """At start: why the softphone cannot be used, where, and what to do."""
    if problem is StoreProblem.CORRUPT:
        text = translate(
            "DataProblem",
            "The softphone's database %1 is damaged. Close the softphone, move the file into "
            "another folder (support can recover the call records in it), then start the "
            "softphone again: it creates a new database.",
        )
    elif problem is StoreProblem.NOT_OURS:
        text = translate(
            "DataProblem",
            "%1 is not a database of this softphone. Move the file into another folder, then "
            "start the softphone again.",
        )
    elif problem is StoreProblem.TOO_NEW:
        text = translate(
            "DataProblem",
            "The database %1 was written by a newer version of the softphone. Ask IT to install "
            "that version again; this version leaves the file untouched.",
        )
    elif problem is StoreProblem.BUSY:
        text = translate(
            "DataProblem",
            "The database %1 is locked by another program. Close other copies of the softphone, "
            "then start it again.",
        )
    elif problem is StoreProblem.READ_ONLY:
        text = translate(
            "DataProblem",
            "The softphone cannot write to its data folder %1 (read-only, or no permission). "
            "Ask IT to make the folder writable for you, then start the softphone again.",
        )
    elif problem is StoreProblem.FULL:
        text = translate(
            "DataProblem",
            "The disk holding the softphone's data folder %1 is full. Free some space (or ask "
            "IT to), then start the softphone again.",
        )
    else:
        text = translate(
            "DataProblem",
            "The softphone cannot use its data folder %1. Ask IT to check the folder and the "
            "disk, then start the softphone again.",
        )
    tail = translate("DataProblem", "Until then you cannot sign in: no call may go unrecorded.")
    return f"{fill(text, path)} {tail}"


def storage_short_text(problem: StoreProblem | None) -> str:
    """While running: what stops the database from taking data, in a few words."""
    if problem is StoreProblem.FULL:
        return translate("DataProblem", "the disk is full.")
    if problem is StoreProblem.READ_ONLY:
        return translate("DataProblem", "the data folder cannot be written.")
    return translate("DataProblem", "the database cannot be used.")
