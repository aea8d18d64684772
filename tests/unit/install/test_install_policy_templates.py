"""The Group Policy templates (installer/windows/policy/): valid against the ADMX schema subset
we ship (Microsoft's own .xsd is not obtainable from a package registry: the schema file says
so), and consistent with what the app reads — same key, value names, value types and
languages as vpaphone.platform.policy; every text and presentation in both languages."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from vpaphone.platform.policy import LANGUAGES, POLICY_KEY, VALUE_NAMES, policy_from_values

POLICY_DIR = Path(__file__).resolve().parents[3] / "installer" / "windows" / "policy"
ADMX = POLICY_DIR / "vpaphone.admx"
ADMLS = [POLICY_DIR / "en-US" / "vpaphone.adml", POLICY_DIR / "de-DE" / "vpaphone.adml"]
SCHEMA = POLICY_DIR / "schema" / "admx-subset.xsd"
NS = {"pd": "http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"}


def _validate(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["xmllint", "--noout", "--schema", str(SCHEMA), *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(
    shutil.which("xmllint") is None, reason="xmllint not installed (`make test` installs it)"
)
def test_templates_validate_and_the_schema_rejects_a_broken_one(tmp_path: Path) -> None:
    done = _validate(ADMX, *ADMLS)
    assert done.returncode == 0, done.stderr
    # the schema is not vacuous: a policy without supportedOn, an unknown class, a stray
    # element and a string without id each fail
    text = ADMX.read_text(encoding="utf-8")
    for broken in (
        text.replace('<supportedOn ref="SUPPORTED_Vpaphone_0_1"/>', "", 1),
        text.replace('class="Machine"', 'class="Computer"', 1),
        text.replace("<policies>", "<policies><note/>", 1),
    ):
        bad = tmp_path / "bad.admx"
        bad.write_text(broken, encoding="utf-8")
        assert _validate(bad).returncode != 0
    adml = ADMLS[0].read_text(encoding="utf-8").replace('<string id="MyVpa">', "<string>", 1)
    bad = tmp_path / "bad.adml"
    bad.write_text(adml, encoding="utf-8")
    assert _validate(bad).returncode != 0


def _policies() -> list[ET.Element]:
    return ET.parse(ADMX).getroot().findall("pd:policies/pd:policy", NS)


def test_templates_write_what_the_app_reads() -> None:
    written: dict[str, ET.Element] = {}
    for policy in _policies():
        assert policy.get("key") == POLICY_KEY
        assert policy.get("class") == "Machine"  # HKLM: where the app reads
        names = [policy.get("valueName")] + [
            e.get("valueName") for e in policy.findall("pd:elements/*", NS)
        ]
        for name in filter(None, names):
            written[name] = policy
    assert set(written) == set(VALUE_NAMES)
    languages = [
        v.text for v in written["DefaultLanguage"].findall(".//pd:item/pd:value/pd:string", NS)
    ]
    assert tuple(languages) == LANGUAGES
    login = written["StartAtLoginAllowed"]
    enabled = int(login.find("pd:enabledValue/pd:decimal", NS).get("value"))  # type: ignore[union-attr,arg-type]
    disabled = int(login.find("pd:disabledValue/pd:decimal", NS).get("value"))  # type: ignore[union-attr,arg-type]
    # the DWORDs Group Policy writes, through the app's own parser
    assert policy_from_values({"StartAtLoginAllowed": enabled}, "gp").start_at_login_allowed
    assert (
        policy_from_values({"StartAtLoginAllowed": disabled}, "gp").start_at_login_allowed is False
    )


@pytest.mark.parametrize("adml", ADMLS, ids=lambda p: p.parent.name)
def test_every_text_and_presentation_exists_in_each_language(adml: Path) -> None:
    text = ADMX.read_text(encoding="utf-8")
    used_strings = set(re.findall(r"\$\(string\.([A-Za-z0-9_.]+)\)", text))
    used_presentations = set(re.findall(r"\$\(presentation\.([A-Za-z0-9_.]+)\)", text))
    root = ET.parse(adml).getroot()
    strings = {s.get("id"): s.text for s in root.iter(f"{{{NS['pd']}}}string")}
    assert used_strings <= set(strings)
    assert set(strings) - used_strings == set()  # nothing stale
    assert all(value and value.strip() for value in strings.values())
    presentations = {p.get("id"): p for p in root.iter(f"{{{NS['pd']}}}presentation")}
    assert set(presentations) == used_presentations
    element_ids = {e.get("id") for p in _policies() for e in p.findall("pd:elements/*", NS)}
    refs = {c.get("refId") for p in presentations.values() for c in p}
    assert refs == element_ids


def test_the_languages_say_different_things() -> None:
    english, german = (
        {s.get("id"): s.text for s in ET.parse(a).getroot().iter(f"{{{NS['pd']}}}string")}
        for a in ADMLS
    )
    assert english["DefaultLanguage"] == "Default language"
    assert german["DefaultLanguage"] == "Standardsprache"
    assert english.keys() == german.keys()
