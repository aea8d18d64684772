"""Where my-vpa is and which CA to trust: set by IT (policy or managed file), or per user.

Managed (system-wide) file: `paths.managed_config_dir()/myvpa.json` — /etc/vpaphone on Linux,
%PROGRAMDATA%\\vpaphone on Windows, /Library/Application Support/vpaphone on macOS. User file:
`<config dir>/myvpa.json`. Same keys in both:

    {"base_url": "https://my-vpa.example/api/v1", "ca_bundle": "/etc/ssl/company-ca.pem"}

Precedence, first wins: the platform policy (`vpaphone.platform.policy`: Windows Group Policy
registry key, macOS managed preferences; values ServerUrl and CaBundle), the managed file, the
environment variables VPAPHONE_MYVPA_URL and VPAPHONE_CA_BUNDLE, the user file. Each value
carries its source, which `vpaphone diagnose` shows. An empty value is not set; keys starting
with "_" are comments. Nothing secret belongs here. Bad values give a SettingsError naming the
file, the key and the problem.
"""

from __future__ import annotations

import json
import os
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from vpaphone import paths
from vpaphone.myvpa.transport import TransportConfig
from vpaphone.platform.policy import Policy, PolicyError, read_policy

SETTINGS_FILE = "myvpa.json"
URL_ENV = "VPAPHONE_MYVPA_URL"
CA_ENV = "VPAPHONE_CA_BUNDLE"


class SettingsError(ValueError):
    """The my-vpa settings cannot work; the message says where and why."""


@dataclass(frozen=True, slots=True)
class MyVpaSettings:
    base_url: str | None  # None: not configured (only the demo works)
    ca_bundle: Path | None = None  # None: the system's trust store
    base_url_source: str = ""  # where base_url came from (policy, file: key, variable)
    ca_bundle_source: str = ""

    def transport_config(self) -> TransportConfig:
        if self.base_url is None:
            raise SettingsError(
                f"The my-vpa server address is not configured: set base_url in "
                f"{paths.config_dir() / SETTINGS_FILE} or {URL_ENV}."
            )
        return TransportConfig(self.base_url, ca_bundle=self.ca_bundle)


def load_settings(
    path: Path | None = None,
    environ: Mapping[str, str] | None = None,
    managed_path: Path | None = None,
    policy: Policy | None = None,
) -> MyVpaSettings:
    """Settings in force. What IT sets (policy, then the managed file) wins over the
    environment, which wins over the user's own file: a managed installation cannot be
    pointed elsewhere."""
    path = path or paths.config_dir() / SETTINGS_FILE
    managed_path = managed_path or paths.managed_config_dir() / SETTINGS_FILE
    environ = os.environ if environ is None else environ
    if policy is None:
        try:
            policy = read_policy()
        except PolicyError as exc:
            raise SettingsError(str(exc)) from None
    sources: list[tuple[str, Mapping[str, object]]] = []
    if policy.source:
        sources.append(
            (
                f"policy {policy.source}",
                {"base_url": policy.server_url, "ca_bundle": policy.ca_bundle},
            )
        )
    sources.append((f"{managed_path}", _read(managed_path)))
    sources.append(
        ("environment", {"base_url": environ.get(URL_ENV), "ca_bundle": environ.get(CA_ENV)})
    )
    sources.append((f"{path}", _read(path)))
    env_names = {"base_url": URL_ENV, "ca_bundle": CA_ENV}
    policy_names = {"base_url": "ServerUrl", "ca_bundle": "CaBundle"}

    def pick(key: str) -> tuple[object, str] | None:
        for where, data in sources:
            value = data.get(key)
            if value is not None and value != "":
                if where == "environment":
                    label = env_names[key]
                elif where.startswith("policy "):
                    label = f"{where}: {policy_names[key]}"
                else:
                    label = f"{where}: {key}"
                return value, label
        return None

    url, ca = pick("base_url"), pick("ca_bundle")
    return MyVpaSettings(
        base_url=None if url is None else _url(*url),
        ca_bundle=None if ca is None else _ca_bundle(*ca),
        base_url_source="" if url is None else url[1],
        ca_bundle_source="" if ca is None else ca[1],
    )


def _read(path: Path) -> dict[str, object]:
    if not path.exists():
        return {}
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SettingsError(f"{path}: not readable JSON ({exc})") from None
    if not isinstance(loaded, dict):
        raise SettingsError(f"{path}: expected a JSON object with base_url and ca_bundle")
    # Keys starting with "_" are comments (the packaged /etc/vpaphone/myvpa.json explains itself).
    unknown = sorted(k for k in set(loaded) - {"base_url", "ca_bundle"} if not k.startswith("_"))
    if unknown:
        raise SettingsError(f"{path}: unknown setting(s) {', '.join(unknown)}")
    return loaded


def _url(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise SettingsError(f"{where}: must be a text like https://my-vpa.example/api/v1")
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname:
        raise SettingsError(f"{where}: must be an https:// address with a host, got {value!r}")
    return value.rstrip("/")


def _ca_bundle(value: object, where: str) -> Path:
    if not isinstance(value, str) or not value:
        raise SettingsError(f"{where}: must be the path of a PEM file")
    bundle = Path(value).expanduser()
    if not bundle.is_file():
        raise SettingsError(f"{where}: no such file {bundle}")
    try:
        ssl.create_default_context(cafile=str(bundle))
    except (ssl.SSLError, OSError) as exc:
        raise SettingsError(f"{where}: {bundle} holds no usable CA certificate ({exc})") from None
    return bundle
