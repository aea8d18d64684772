"""SIP URIs for the numbers we dial, and the caller's number from an incoming call's URI."""

from __future__ import annotations

import functools
import re

import phonenumbers

from vpaphone.core.model import CostZone, Destination
from vpaphone.core.zones import ZoneTable

MAX_DISPLAY = 80  # a hostile peer may send kilobytes; nobody's name or number is longer
_URI_USER = re.compile(r"<?sips?:([^@;>]+)@")
_DISPLAY = re.compile(r'^\s*"?([^"<]*?)"?\s*<')
_TEL = re.compile(r"\btel:([+\d][\d.\-]*)")
_URI_ADDRESS = re.compile(
    r"((?:sips?|tel):[^;?>\s]+)"
)  # scheme, user and host: no parameters, headers


def dial_uri(dest: Destination, domain: str) -> str:
    """`sip:+4922112345@domain;user=phone` (emergency: the short code as dialled)."""
    return f"sip:{dest.e164}@{domain};user=phone"


def identity_uri(e164: str, domain: str) -> str:
    return f"<sip:{e164}@{domain};user=phone>"


def caller_from_uri(remote_uri: str, default_region: str) -> tuple[str | None, str]:
    """(E.164 or None, what to show) for a remote party URI like `"Bob" <sip:0221…@host>`."""
    display_match = _DISPLAY.match(remote_uri)
    display = display_match.group(1).strip() if display_match else ""
    user_match = _URI_USER.search(remote_uri)
    user = user_match.group(1) if user_match else ""
    e164 = normalise_number(user, default_region)
    shown = display or e164 or user or "unknown"
    if len(shown) > MAX_DISPLAY:
        shown = shown[: MAX_DISPLAY - 1] + "…"
    return e164, shown


def refer_target(uri: str, default_region: str) -> tuple[str | None, str]:
    """(E.164 or None, what to show) for a REFER's target: a phone number in a `sip:` user
    part or a `tel:` URI, else the URI itself (`shown_uri`)."""
    tel = _TEL.search(uri)
    if tel is not None:
        e164 = normalise_number(tel.group(1), default_region)
    else:
        e164, _shown = caller_from_uri(uri, default_region)
    return e164, e164 or shown_uri(uri)


def shown_uri(uri: str) -> str:
    """A URI as a person reads it: `<sip:bob@pbx.example;transport=tcp?Replaces=…>` becomes
    `sip:bob@pbx.example` (the REFER target that is no phone number), at most MAX_DISPLAY."""
    match = _URI_ADDRESS.search(uri)
    shown = match.group(1) if match else uri.strip() or "unknown"
    if len(shown) > MAX_DISPLAY:
        shown = shown[: MAX_DISPLAY - 1] + "…"
    return shown


def normalise_number(text: str, default_region: str) -> str | None:
    """E.164 form of a dialled/presented number, or None if it is not a phone number."""
    digits = text.replace("-", "").replace(".", "").replace(" ", "")
    if not re.fullmatch(r"\+?\d{3,17}", digits):
        return None
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    try:
        parsed = phonenumbers.parse(digits, None if digits.startswith("+") else default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def zone_of(e164: str, zones: ZoneTable | None = None) -> CostZone:
    """Cost zone of a caller's number, by the shipped zone table unless another is given."""
    try:
        region = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return CostZone.NON_EU
    return (zones or _shipped_zones()).zone_of(region or "")


@functools.cache
def _shipped_zones() -> ZoneTable:
    return ZoneTable.default()
