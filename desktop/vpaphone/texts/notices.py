"""The services' notices (`app.notices`) and refused dials, as the status bar says them."""

from __future__ import annotations

from vpaphone.app.calls import DialRefusedError, RefusalKind
from vpaphone.app.notices import Notice, NoticeKind
from vpaphone.core.rules import RuleData
from vpaphone.texts.gate import reason_text
from vpaphone.texts.myvpa import tls_problem_text
from vpaphone.texts.storage import storage_short_text
from vpaphone.texts.translate import fill, language, translate


def notice_text(notice: Notice, rules: RuleData) -> str:
    kind = notice.kind
    if kind is NoticeKind.OFFLINE_DATA:
        at = notice.at.astimezone().strftime("%H:%M") if notice.at else "?"
        return fill(
            translate("Notice", "my-vpa is unreachable: working with the data saved at %1."), at
        )
    # no plural forms below: pyside6-lupdate marks plurals only for a class's self.tr()
    if kind in _MYVPA_TROUBLE:
        return _myvpa_trouble_text(notice)
    if kind in _RECORDS:
        return _records_text(notice)
    if kind is NoticeKind.SIGN_OUT_INCOMPLETE:
        return fill(translate("Notice", "Signing out did not complete: %1"), notice.detail)
    if kind is NoticeKind.PHONE_NOT_STARTED:
        return fill(translate("Notice", "The phone could not start: %1"), notice.detail)
    if kind is NoticeKind.AREA_CHANGED:
        label = rules.area(notice.area).label(language()) if notice.area else ""
        return fill(translate("Notice", "Telephony area changed to %1."), label)
    if kind is NoticeKind.CHAT_POSTED:
        return translate("Notice", "Message posted to the task chat.")
    if kind is NoticeKind.ADMIN_TOLD:
        return translate("Notice", "The admin team has been told.")
    if kind is NoticeKind.TRANSFER_OUTCOME:
        return _transfer_text(notice.count)
    if kind is NoticeKind.REQUEST_REFUSED:
        return fill(translate("Notice", "my-vpa did not accept this: %1"), notice.detail)
    return fill(translate("Notice", "The phone could not do this: %1"), notice.detail)


_MYVPA_TROUBLE = frozenset(
    {
        NoticeKind.UPLOADS_WAITING,
        NoticeKind.MYVPA_TOO_SLOW,
        NoticeKind.MYVPA_NOT_TRUSTED,
        NoticeKind.MYVPA_UNEXPECTED,
        NoticeKind.SESSION_ENDED,
    }
)
_RECORDS = frozenset(
    {
        NoticeKind.RECORDS_REFUSED,
        NoticeKind.RECORD_NOT_SAVED,
        NoticeKind.RECORDS_SAVED,
        NoticeKind.DATA_NOT_SAVED,
        NoticeKind.KEPT_AFTER_SIGN_OUT,
    }
)


def _transfer_text(status: int) -> str:
    if 200 <= status < 300:
        return translate("Notice", "Transfer completed: the caller is connected.")
    if status == 0:
        return translate(
            "Notice", "The transfer did not report back: the caller is still on hold with you."
        )
    return fill(
        translate("Notice", "The transfer failed (SIP %1): the caller is still on hold with you."),
        str(status),
    )


def _myvpa_trouble_text(notice: Notice) -> str:
    """What went wrong with my-vpa, then how many records wait for it."""
    kind = notice.kind
    if kind is NoticeKind.UPLOADS_WAITING:
        if not notice.count:
            return translate("Notice", "my-vpa is unreachable right now.")
        return fill(
            translate("Notice", "my-vpa is unreachable: records waiting to be uploaded: %1."),
            str(notice.count),
        )
    if kind is NoticeKind.MYVPA_TOO_SLOW:
        what = translate("Notice", "my-vpa did not answer in time.")
    elif kind is NoticeKind.MYVPA_NOT_TRUSTED:
        what = fill(
            translate("Notice", "The connection to my-vpa was refused: %1 Please tell IT."),
            tls_problem_text(notice.tls),
        )
    elif kind is NoticeKind.MYVPA_UNEXPECTED:
        what = translate("Notice", "my-vpa sent an answer the softphone cannot use.")
    else:
        what = translate("Notice", "Your my-vpa session has ended: please sign in again.")
    if not notice.count:
        return what
    waiting = translate("Notice", "Records waiting to be uploaded: %1.")
    return f"{what} {fill(waiting, str(notice.count))}"


def _records_text(notice: Notice) -> str:
    kind, count = notice.kind, str(notice.count)
    if kind is NoticeKind.RECORDS_REFUSED:
        return fill(
            translate(
                "Notice",
                "my-vpa did not accept records: %1. They stay on this computer and are offered "
                "again at your next sign-in.",
            ),
            count,
        )
    if kind is NoticeKind.RECORD_NOT_SAVED:
        return fill(
            translate(
                "Notice",
                "Call records could not be saved: %1 The call goes on; the records are kept and "
                "saved as soon as possible (waiting: %2).",
            ),
            storage_short_text(notice.storage),
            count,
        )
    if kind is NoticeKind.RECORDS_SAVED:
        return fill(translate("Notice", "The waiting call records are saved now: %1."), count)
    if kind is NoticeKind.DATA_NOT_SAVED:
        return fill(
            translate("Notice", "The softphone could not save data: %1"),
            storage_short_text(notice.storage),
        )
    return fill(
        translate(
            "Notice",
            "Signed out. Records my-vpa has not confirmed stay on this computer until your next "
            "sign-in: %1.",
        ),
        count,
    )


def dial_refused_text(error: DialRefusedError, rules: RuleData) -> str:
    if error.kind is RefusalKind.NOT_READY:
        return translate("Notice", "The phone is not ready: sign in first.")
    if error.kind is RefusalKind.BUSY:
        return translate("Notice", "Hang up the current call first.")
    reasons = error.gate.reasons if error.gate is not None else ()
    return " ".join(reason_text(reason, rules) for reason in reasons)
