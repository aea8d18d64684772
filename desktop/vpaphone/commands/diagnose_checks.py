"""`vpaphone diagnose` sections about configuration, keychain and network reachability.

Nothing secret is printed: no passwords, tokens, user names or phone numbers — only where
settings come from, which keychain backend answers, and whether servers answer. A check that
finds a problem fails its section (`SectionFailed`: diagnose exits 1).
"""

from __future__ import annotations

import json
import os
import socket
import ssl
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

from vpaphone import paths
from vpaphone.sip.hostport import split_host_port

Lines = list[tuple[str, str]]
TIMEOUT_S = 3.0


def configuration_section() -> Lines:
    from vpaphone.myvpa.settings import (  # noqa: PLC0415 (lazy)
        CA_ENV,
        SETTINGS_FILE,
        URL_ENV,
        SettingsError,
        load_settings,
    )
    from vpaphone.platform.policy import PolicyError, read_policy  # noqa: PLC0415 (lazy)

    managed = paths.managed_config_dir() / SETTINGS_FILE
    user = paths.config_dir() / SETTINGS_FILE
    try:
        policy = read_policy().describe()
    except PolicyError as exc:
        policy = f"unusable: {exc}"
    lines: Lines = [
        ("policy", policy),  # first: it wins over everything below
        ("managed settings", f"{managed} ({_manages(managed)})"),
        ("user settings", f"{user} ({'present' if user.is_file() else 'absent'})"),
        ("environment", ", ".join(v for v in (URL_ENV, CA_ENV) if os.environ.get(v)) or "none"),
    ]
    problem = None
    try:
        settings = load_settings()
        lines.append(("my-vpa server", settings.base_url or "not configured (only --demo works)"))
        if settings.base_url_source:
            lines.append(("my-vpa server set by", settings.base_url_source))
        bundle = settings.ca_bundle
        lines.append(
            ("CA bundle", f"system trust store + {bundle}" if bundle else "system trust store")
        )
        if settings.ca_bundle_source:
            lines.append(("CA bundle set by", settings.ca_bundle_source))
    except SettingsError as exc:
        problem = str(exc)
        lines.append(("problem", problem))
    lines += [
        ("data dir", str(paths.data_dir())),
        ("config dir", str(paths.config_dir())),
        ("log dir", str(paths.log_dir())),
    ]
    if problem is not None:
        fail_section(lines)
    return lines


def _manages(path: Path) -> str:
    """What a managed settings file sets (an empty value sets nothing)."""
    if not path.is_file():
        return "absent"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "present, unreadable"
    if not isinstance(data, dict):
        return "present, not a JSON object"
    keys = [k for k, v in data.items() if not k.startswith("_") and v not in ("", None)]
    return f"present, manages {', '.join(sorted(keys))}" if keys else "present, manages nothing"


def fail_section(lines: Lines) -> None:
    """End the section: it found a problem (diagnose shows `lines` and exits 1)."""
    from vpaphone.commands.diagnose import SectionFailed  # noqa: PLC0415 - it imports us

    raise SectionFailed(lines)


def keychain_section() -> Lines:
    import keyring  # noqa: PLC0415 (lazy)
    from keyring.errors import KeyringError  # noqa: PLC0415 (lazy)

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    try:  # a read of a key that never exists: proves the keychain answers, reveals nothing
        keyring.get_password("vpaphone diagnose", f"probe-{uuid.uuid4()}")
    except KeyringError as exc:
        state = f"not usable ({type(exc).__name__}): the app will ask for the password each start"
        fail_section([("backend", name), ("state", state)])
    return [("backend", name), ("state", "usable")]


def reachability_section() -> Lines:
    from vpaphone.myvpa.settings import SettingsError, load_settings  # noqa: PLC0415 (lazy)

    lines: Lines = []
    try:
        settings = load_settings()
    except SettingsError:
        settings = None
    failed = False
    if settings is None or settings.base_url is None:
        lines.append(("my-vpa server", "not configured"))
    else:
        reached, line = _https_check(settings.base_url, settings.ca_bundle)
        lines.append(("my-vpa server", line))
        failed = not reached
    reached, line = _registrar_check(paths.data_dir() / "myvpa-cache.json")
    lines.append(("SIP registrar", line))
    if failed or not reached:
        fail_section(lines)
    return lines


def _https_check(base_url: str, ca_bundle: Path | None) -> tuple[bool, str]:
    """TLS to my-vpa as the app does it: through the environment's proxy, if any."""
    from vpaphone.myvpa.http import (  # noqa: PLC0415
        NETWORK_ERRORS,
        client_tls_context,
        environment_proxy,
        open_https,
    )

    parts = urlsplit(base_url)
    host, port = parts.hostname or "", parts.port or 443
    context = client_tls_context(ca_bundle)
    try:
        proxy = environment_proxy(host, port)
    except ValueError as exc:
        return False, f"{host}:{port} not checked: {exc}"
    via = f" via proxy {proxy.host}:{proxy.port}" if proxy else ""
    started = time.monotonic()
    try:
        conn = open_https(host, port, context, TIMEOUT_S, proxy)
    except ssl.SSLCertVerificationError as exc:
        return False, f"{host}:{port}{via} certificate not trusted ({exc.verify_message})"
    except NETWORK_ERRORS as exc:
        return False, f"{host}:{port}{via} unreachable ({type(exc).__name__}: {exc})"
    try:
        version = conn.sock.version() if isinstance(conn.sock, ssl.SSLSocket) else None
    finally:
        conn.close()
    return True, f"{host}:{port}{via} reachable, {version}, certificate verified, {_ms(started)}"


def _registrar_check(cache_file: Path) -> tuple[bool, str]:
    """Where the cached provisioning says the registrar is, and whether it answers."""
    try:
        sip = json.loads(cache_file.read_text(encoding="utf-8"))["provisioning"]["sip"]
        host_port: str = sip["outbound_proxy"] or sip["registrar"]
        transport: str = sip["transport"]
    except (OSError, ValueError, KeyError, TypeError):
        return True, "unknown until the first sign-in (no cached provisioning)"
    host, port = split_host_port(host_port, 5061 if transport == "tls" else 5060)
    started = time.monotonic()
    try:
        if transport == "udp":
            answered, text = _sip_options_udp(host, port)
            return answered, f"{host}:{port}/udp {text}, {_ms(started)}"
        with socket.create_connection((host, port), timeout=TIMEOUT_S):
            return True, f"{host}:{port}/{transport} accepts connections, {_ms(started)}"
    except OSError as exc:
        return False, f"{host}:{port}/{transport} unreachable ({type(exc).__name__}: {exc})"


def _sip_options_udp(host: str, port: int) -> tuple[bool, str]:
    """One SIP OPTIONS over UDP: any SIP reply proves the registrar is there."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(TIMEOUT_S)
        sock.connect((host, port))
        local_host, local_port = sock.getsockname()
        branch, tag = uuid.uuid4().hex, uuid.uuid4().hex[:8]
        request = (
            f"OPTIONS sip:{host}:{port} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP {local_host}:{local_port};branch=z9hG4bK{branch};rport\r\n"
            "Max-Forwards: 70\r\n"
            f"From: <sip:diagnose@{local_host}>;tag={tag}\r\n"
            f"To: <sip:{host}:{port}>\r\n"
            f"Call-ID: {uuid.uuid4().hex}@{local_host}\r\n"
            "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
        )
        sock.send(request.encode("ascii"))
        try:
            reply = sock.recv(4096).split(b"\r\n", 1)[0].decode("ascii", "replace")
        except TimeoutError:
            return False, "no SIP answer within 3 s"
    return True, f"answers ({reply[:40]})"


def _ms(started: float) -> str:
    return f"{(time.monotonic() - started) * 1000:.0f} ms"
