"""Shared pieces for the widget tests: rule data, zones, tasks, and a private QSettings store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from vpaphone.core.model import Task, TelephonyArea
from vpaphone.core.rules import RuleData
from vpaphone.core.zones import ZoneTable


@pytest.fixture(scope="session")
def rules() -> RuleData:
    return RuleData.default()


@pytest.fixture(scope="session")
def zones() -> ZoneTable:
    return ZoneTable.default()


@pytest.fixture
def de_task() -> Task:
    return Task("t-de", "Termine für Dr. Krause", "Krause GmbH", TelephonyArea.BACKOFFICE_DE)


@pytest.fixture
def eu_task() -> Task:
    return Task("t-eu", "Lieferanten anrufen", "Beispiel AG", TelephonyArea.BACKOFFICE_EU)


@pytest.fixture(autouse=True)
def private_settings(qapp: QApplication, tmp_path: Path) -> Iterator[Path]:
    """QSettings of each test in its own folder: nothing leaks between tests or to the user."""
    QCoreApplication.setOrganizationName("vpaphone-tests")
    QCoreApplication.setApplicationName("widgets")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path
    QSettings().clear()
