"""Which my-vpa the app talks to, chosen by the entry point (`vpaphone.commands.app`).

The UI receives a `BackendSource`: what it needs before anything loads (the data folder names
the single-instance socket; the launch options restart it in the same mode), and `open()`,
which it enters right after the first frame. The configured company server is here; the
embedded demo is `vpaphone.demo.backend.DemoSource`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from vpaphone import KEYCHAIN_SERVICE, paths

if TYPE_CHECKING:  # the HTTP stack loads after the window shows (see ui.app)
    from vpaphone.myvpa.transport import TransportConfig


@dataclass(frozen=True, slots=True)
class Backend:
    transport: TransportConfig | None  # None: not configured; `problem` says why
    problem: str | None
    keychain_service: str
    data_dir: Path  # database and offline cache of this backend
    demo_credentials: tuple[str, str] | None = None  # shown on the sign-in screen

    @property
    def server_label(self) -> str:
        return self.transport.base_url if self.transport else ""

    @property
    def db_path(self) -> Path:
        return self.data_dir / "vpaphone.sqlite3"

    @property
    def cache_path(self) -> Path:
        return self.data_dir / "myvpa-cache.json"


class BackendSource(Protocol):
    @property
    def data_dir(self) -> Path:
        """Where this backend keeps its data (known before it is opened)."""

    @property
    def launch_options(self) -> tuple[str, ...]:
        """Command-line options that start the app on this backend again."""

    def open(self) -> contextlib.AbstractContextManager[Backend]:
        """The backend, usable until the context ends (may raise RuntimeError)."""


class ConfiguredSource:
    """The company my-vpa from `myvpa.json` / environment (see vpaphone.myvpa.settings)."""

    launch_options: tuple[str, ...] = ()

    @property
    def data_dir(self) -> Path:
        return paths.data_dir()

    @contextlib.contextmanager
    def open(self) -> Iterator[Backend]:
        from vpaphone.myvpa.settings import SettingsError, load_settings  # noqa: PLC0415

        try:
            transport = load_settings().transport_config()
        except SettingsError as exc:
            yield Backend(None, str(exc), KEYCHAIN_SERVICE, self.data_dir)
            return
        yield Backend(transport, None, KEYCHAIN_SERVICE, self.data_dir)
