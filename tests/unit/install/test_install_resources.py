"""The shipped resources: what an installation must carry, and how a missing file is named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vpaphone import paths
from vpaphone.shipped import REQUIRED_FILES, check_resources, expected_files

SOURCE = Path(__file__).resolve().parents[3] / "resources"
# In the repository beside the resources, not shipped: generators, translation sources, notes.
NOT_SHIPPED = ("*.py", "*.sh", "*.ts", "README.md", "VERSION")


def _shipped(root: Path) -> set[str]:
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    dropped = {f for f in files for pattern in NOT_SHIPPED if Path(f).match(pattern)}
    return {f for f in files - dropped if "__pycache__" not in f}


def test_the_required_list_is_the_resources_folder() -> None:
    """A new resource file must be added to the check, a removed one taken out of it."""
    assert set(expected_files(SOURCE)) == _shipped(SOURCE)
    assert len(REQUIRED_FILES) == len(set(REQUIRED_FILES))


def test_a_complete_source_tree_passes() -> None:
    check = check_resources(SOURCE)
    assert check.complete
    assert check.summary() == f"{SOURCE}: all {check.expected} shipped files present"


def test_missing_files_are_named_with_what_to_do(tmp_path: Path) -> None:
    root = tmp_path / "resources"
    shutil.copytree(SOURCE, root)
    (root / "rules" / "zones.json").unlink()
    (root / "flags" / "IT.svg").unlink()
    check = check_resources(root)
    assert check.missing == ("rules/zones.json", "flags/IT.svg")
    assert "2 of" in check.summary()
    assert "rules/zones.json, flags/IT.svg" in check.summary()
    assert "reinstall" in check.summary()


def test_without_the_country_names_every_required_file_still_counts(tmp_path: Path) -> None:
    check = check_resources(tmp_path / "nothing-here")
    assert set(check.missing) == set(REQUIRED_FILES)


def test_the_installed_location_is_named_when_there_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An install without resources gets errors naming where they belong, inside the package."""
    package = tmp_path / "site-packages" / "vpaphone"
    package.mkdir(parents=True)
    monkeypatch.delenv("VPAPHONE_RESOURCES", raising=False)
    monkeypatch.setattr(paths, "__file__", str(package / "paths.py"))  # as if installed there
    assert paths.resources_dir() == package / "resources"


def test_an_installed_package_uses_its_own_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "vpaphone"
    (package / "resources").mkdir(parents=True)
    monkeypatch.delenv("VPAPHONE_RESOURCES", raising=False)
    monkeypatch.setattr(paths, "__file__", str(package / "paths.py"))
    assert paths.resources_dir() == package / "resources"
    assert paths.resource("rules", "rules.json") == package / "resources" / "rules" / "rules.json"
