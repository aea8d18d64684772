"""The services' notices (`app.notices`) and refused dials, as the status bar says them."""

from __future__ import annotations

from vpaphone.app.calls import DialRefusedError, RefusalKind
from vpaphone.app.notices import Notice, NoticeKind
from vpaphone.core.rules import RuleData
from vpaphone.texts.gate import reason_text
from vpaphone.texts.translate import fill, language, translate


def notice_text(notice: Notice, rules: RuleData) -> str:
    kind = notice.kind
    if kind is NoticeKind.OFFLINE_DATA:
        at = notice.at.astimezone().strftime("%H:%M") if notice.at else "?"
        return fill(
            translate("Notice", "my-vpa is unreachable: working with the data saved at %1."), at
        )
    if kind is NoticeKind.UPLOADS_WAITING:
        # no plural form: pyside6-lupdate marks plurals only for a class's self.tr()
        return fill(
            translate("Notice", "my-vpa is unreachable: records waiting to be uploaded: %1."),
            str(notice.count),
        )
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
    if kind is NoticeKind.REQUEST_REFUSED:
        return fill(translate("Notice", "my-vpa did not accept this: %1"), notice.detail)
    return fill(translate("Notice", "The phone could not do this: %1"), notice.detail)


def dial_refused_text(error: DialRefusedError, rules: RuleData) -> str:
    if error.kind is RefusalKind.NOT_READY:
        return translate("Notice", "The phone is not ready: sign in first.")
    if error.kind is RefusalKind.BUSY:
        return translate("Notice", "Hang up the current call first.")
    reasons = error.gate.reasons if error.gate is not None else ()
    return " ".join(reason_text(reason, rules) for reason in reasons)
