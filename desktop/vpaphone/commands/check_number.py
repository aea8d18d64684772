"""`vpaphone check-number`: classify a number and run the call gate, as JSON for support and IT.

Exit codes: 0 allow or warn, 1 block, 2 not a phone number (message on stderr),
3 the shipped rule or zone data is broken.
"""

from __future__ import annotations

import argparse
import json
import sys

from vpaphone.core.model import TelephonyArea

EXIT_BLOCK = 1
EXIT_NOT_A_NUMBER = 2
EXIT_BAD_RULE_DATA = 3


def configure(parser: argparse.ArgumentParser) -> None:
    parser.epilog = (
        "Exit codes: 0 allow or warn, 1 block, 2 not a phone number, 3 broken rule data. "
        "Example: vpaphone check-number --area backoffice_de '+33 1 23 45 67 89'"
    )
    parser.add_argument(
        "--country",
        default="DE",
        type=_country,
        metavar="CC",
        help="country picked in the dial pad, as ISO code (default DE)",
    )
    parser.add_argument(
        "--area",
        default=TelephonyArea.NONE.value,
        choices=[area.value for area in TelephonyArea],
        help="telephony area of the active task (default none); individual_quote means the "
        "task has an individual quote from the admin team",
    )
    parser.add_argument(
        "number",
        nargs="+",
        metavar="NUMBER",
        help="the number as typed or pasted; several words are joined with spaces",
    )


def run(args: argparse.Namespace) -> int:
    from vpaphone.core.gate import evaluate_call  # noqa: PLC0415 - keep `vpaphone --help` fast
    from vpaphone.core.model import Decision, Task  # noqa: PLC0415
    from vpaphone.core.numbers import DialInputError, parse_dial_input  # noqa: PLC0415
    from vpaphone.core.rules import RuleData, RuleDataError  # noqa: PLC0415
    from vpaphone.core.zones import ZoneDataError, ZoneTable  # noqa: PLC0415
    from vpaphone.texts.gate import reason_text  # noqa: PLC0415

    try:
        destination = parse_dial_input(" ".join(args.number), args.country)
    except DialInputError as error:
        from vpaphone.texts.dial import dial_error_text  # noqa: PLC0415

        print(
            f"vpaphone check-number: {error.code.value}: {dial_error_text(error)}", file=sys.stderr
        )
        if error.suggestion:
            print(f"Did you mean {error.suggestion}?", file=sys.stderr)
        return EXIT_NOT_A_NUMBER
    try:
        zones, rules = ZoneTable.default(), RuleData.default()
    except (ZoneDataError, RuleDataError) as error:
        print(f"vpaphone check-number: broken rule data: {error}", file=sys.stderr)
        return EXIT_BAD_RULE_DATA
    area = TelephonyArea(args.area)
    task = Task(
        id="check-number",
        title="check-number",
        customer="",
        area=area,
        individual_quote=area is TelephonyArea.INDIVIDUAL_QUOTE,
    )
    zone = zones.zone_of(destination.region)
    result = evaluate_call(destination, zone, task, rules)
    report = {
        "e164": destination.e164,
        "region": destination.region,
        "zone": zone.value,
        "type": destination.kind.value,
        "national": destination.national,
        "international": destination.international,
        "country": args.country,
        "area": area.value,
        "decision": result.decision.value,
        "reasons": [{"code": r.code, "message": reason_text(r, rules)} for r in result.reasons],
        "counts_as_task_time": result.counts_as_task_time,
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return EXIT_BLOCK if result.decision is Decision.BLOCK else 0


def _country(text: str) -> str:
    import phonenumbers  # noqa: PLC0415

    country = text.strip().upper()
    if country not in phonenumbers.SUPPORTED_REGIONS:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a country code phonenumbers knows; use an ISO code such as DE, AT, IT"
        )
    return country
