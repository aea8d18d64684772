"""The layers keep to their imports: the domain core and the store plain Python (no Qt, no
pjsua2, no network), the user texts plain Python, the application services QtCore only.

Two independent checks: import-linter's static contracts (pyproject.toml), and a runtime
import of every module of a layer in a fresh interpreter where what it must not use cannot load.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import vpaphone.app
import vpaphone.core
import vpaphone.store
import vpaphone.texts

ROOT = Path(__file__).resolve().parents[3]
FORBIDDEN = ("PySide6", "shiboken6", "pjsua2", "keyring", "http", "ssl", "socket")


def _modules(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    prefix = package.__name__ + "."  # type: ignore[attr-defined]
    return [m.name for m in pkgutil.walk_packages(path, prefix)]


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _import_without(modules: list[str], forbidden: tuple[str, ...]) -> None:
    """Import `modules` in a fresh interpreter where `forbidden` cannot load."""
    # A None entry in sys.modules makes `import X` raise ImportError: any transitive use fails.
    script = (
        "import sys\n"
        f"for name in {forbidden!r}: sys.modules[name] = None\n"
        f"for name in {modules!r}: __import__(name)\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_core_and_store_import_without_qt_or_pjsua2() -> None:
    modules = _modules(vpaphone.core) + _modules(vpaphone.store)
    assert "vpaphone.core.model" in modules
    _import_without(modules, FORBIDDEN)


def test_user_texts_import_without_qt_or_pjsua2() -> None:
    """The CLI words its results with the same texts as the UI, without loading Qt."""
    modules = _modules(vpaphone.texts)
    assert "vpaphone.texts.gate" in modules
    _import_without(modules, ("PySide6", "shiboken6", "pjsua2"))


def test_application_services_load_no_widgets() -> None:
    modules = _modules(vpaphone.app)
    assert "vpaphone.app.phone" in modules
    _import_without(modules, ("PySide6.QtWidgets", "PySide6.QtGui"))


def test_forbidden_import_is_detected() -> None:
    """The runtime check above would catch a violation (guards against a vacuous check)."""
    script = "import sys\nsys.modules['PySide6'] = None\nimport PySide6.QtCore\n"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "ImportError" in result.stderr or "ModuleNotFoundError" in result.stderr
