"""`vpaphone diagnose` as IT runs it: real my-vpa (HTTPS) and real Kamailio, no secrets printed."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.demo_server import demo_certificates, demo_server
from tests.fixtures.http_server import ConnectProxy
from tests.fixtures.kamailio import Kamailio, kamailio
from vpaphone.demo.server import DemoServer

__all__ = ["demo_certificates", "demo_server", "kamailio"]
VPAPHONE = str(Path(sys.executable).with_name("vpaphone"))
PROXY_CREDENTIALS = "Basic " + base64.b64encode(b"it:proxy-pw").decode()


def _run_diagnose(env: dict[str, str]) -> tuple[int, list[dict[str, Any]]]:
    result = subprocess.run(
        [VPAPHONE, "diagnose", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    sections: list[dict[str, Any]] = json.loads(result.stdout)
    return result.returncode, sections


def _diagnose(env: dict[str, str]) -> dict[str, dict[str, str]]:
    return {s["title"]: dict(s["lines"]) for s in _run_diagnose(env)[1]}


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["VPAPHONE_MANAGED_CONFIG"] = str(tmp_path / "managed")
    env.update(extra)
    return env


@pytest.mark.kamailio
@pytest.mark.keyring
def test_diagnose_reports_server_registrar_and_keychain(
    tmp_path: Path, demo_server: DemoServer, kamailio: Kamailio
) -> None:
    assert demo_server.certificates is not None
    # A cached provisioning as the app leaves it after sign-in (SIP password never in it).
    cache = tmp_path / "data" / "vpaphone" / "myvpa-cache.json"
    cache.parent.mkdir(parents=True)
    cache.write_text(
        json.dumps(
            {
                "provisioning": {
                    "sip": {
                        "registrar": f"127.0.0.1:{kamailio.udp_port}",
                        "outbound_proxy": None,
                        "transport": "udp",
                        "password": "",
                    }
                }
            }
        ),
        encoding="utf-8",
    )
    managed = tmp_path / "managed"
    managed.mkdir()
    (managed / "myvpa.json").write_text(
        json.dumps(
            {
                "base_url": demo_server.base_url,
                "ca_bundle": str(demo_server.certificates.ca_file),
            }
        ),
        encoding="utf-8",
    )
    report = _diagnose(_env(tmp_path))

    config = report["Configuration"]
    assert config["managed settings"].endswith("(present, manages base_url, ca_bundle)")
    assert config["my-vpa server"] == demo_server.base_url
    reach = report["Reachability"]
    assert "reachable" in reach["my-vpa server"]
    assert "certificate verified" in reach["my-vpa server"]
    assert reach["SIP registrar"].startswith(f"127.0.0.1:{kamailio.udp_port}/udp answers (SIP/2.0")
    assert report["Keychain"]["state"] == "usable"
    assert "SecretService" in report["Keychain"]["backend"]


def test_diagnose_names_untrusted_certificate_and_dead_registrar(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    """Without the company CA the server's certificate is reported as not trusted."""
    cache = tmp_path / "data" / "vpaphone" / "myvpa-cache.json"
    cache.parent.mkdir(parents=True)
    cache.write_text(
        json.dumps(
            {
                "provisioning": {
                    "sip": {"registrar": "127.0.0.1:9", "outbound_proxy": None, "transport": "tcp"}
                }
            }
        ),
        encoding="utf-8",
    )
    report = _diagnose(_env(tmp_path, VPAPHONE_MYVPA_URL=demo_server.base_url))
    assert "certificate not trusted" in report["Reachability"]["my-vpa server"]
    assert report["Reachability"]["SIP registrar"].startswith("127.0.0.1:9/tcp unreachable")


def test_diagnose_reaches_my_vpa_through_the_company_proxy(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    """Behind a mandatory proxy the check goes where the app goes: through the CONNECT tunnel."""
    assert demo_server.certificates is not None
    with ConnectProxy(required_authorization=PROXY_CREDENTIALS) as proxy:
        env = _env(
            tmp_path,
            VPAPHONE_MYVPA_URL=demo_server.base_url,
            VPAPHONE_CA_BUNDLE=str(demo_server.certificates.ca_file),
            HTTPS_PROXY=f"http://it:proxy-pw@127.0.0.1:{proxy.port}",
        )
        env.pop("NO_PROXY", None)
        env.pop("no_proxy", None)
        report = _diagnose(env)
        tunnels = proxy.tunnels
    line = report["Reachability"]["my-vpa server"]
    assert f"via proxy 127.0.0.1:{proxy.port} reachable" in line
    assert "certificate verified" in line
    assert [t.target for t in tunnels] == [f"127.0.0.1:{demo_server.port}"]
    assert "proxy-pw" not in json.dumps(report)


def _failed(sections: list[dict[str, Any]]) -> set[str]:
    return {s["title"] for s in sections if s["failed"]}


def test_diagnose_exits_1_when_my_vpa_fails_its_check(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    """A failed check is a failure for IT's scripts: exit 1, the section marked failed."""
    assert demo_server.certificates is not None
    trusted = _env(
        tmp_path,
        VPAPHONE_MYVPA_URL=demo_server.base_url,
        VPAPHONE_CA_BUNDLE=str(demo_server.certificates.ca_file),
    )
    _, sections = _run_diagnose(trusted)
    assert "Reachability" not in _failed(sections)

    code, sections = _run_diagnose(_env(tmp_path, VPAPHONE_MYVPA_URL=demo_server.base_url))
    assert code == 1
    assert "Reachability" in _failed(sections)
    reach = {s["title"]: dict(s["lines"]) for s in sections}["Reachability"]
    assert "certificate not trusted" in reach["my-vpa server"]

    stopped = demo_server.base_url
    demo_server.stop()
    code, sections = _run_diagnose(_env(tmp_path, VPAPHONE_MYVPA_URL=stopped))
    assert code == 1
    assert "Reachability" in _failed(sections)


def test_diagnose_shows_records_my_vpa_did_not_accept(tmp_path: Path) -> None:
    from tests.unit.store.store_helpers import at, make_call
    from vpaphone.core.model import EndReason
    from vpaphone.store.store import Store

    data = tmp_path / "data" / "vpaphone"
    data.mkdir(parents=True, mode=0o700)
    number = "+4922199887766"
    with Store.open(data / "vpaphone.sqlite3") as store:
        ids = []
        for i in range(3):
            call = make_call(e164=number, started=i)
            store.calls.call_started(call)
            store.calls.call_ended(call.id, at(i + 30), EndReason.COMPLETED, 200)
            ids.append(call.id)
        store.outbox.mark_rejected({ids[0]: ("unknown_task", ""), ids[1]: ("unknown_task", "")})

    code, sections = _run_diagnose(_env(tmp_path))

    local = {s["title"]: dict(s["lines"]) for s in sections}["Local data"]
    assert local["records waiting for upload"] == "3"
    assert local["records not accepted by my-vpa"] == "2 (unknown_task ×2)"
    assert local["database"] == "healthy"
    assert "Local data" in _failed(sections)
    assert code == 1
    assert "22199887766" not in json.dumps(sections)


def test_diagnose_checks_sip_transports_and_german_texts(tmp_path: Path) -> None:
    """The release smoke test's questions (installer/release/smoke.sh), answered by the
    installation itself: can pjsua2 create a TLS transport here, and do the German texts
    load. The managed file's value is named with its source."""
    managed = tmp_path / "managed"
    managed.mkdir()
    (managed / "myvpa.json").write_text(json.dumps({"base_url": "https://it.example/api/v1"}))
    sections = _diagnose(_env(tmp_path))
    assert sections["SIP transports"] == {
        "UDP": "can be created",
        "TCP": "can be created",
        "TLS": "can be created",
    }
    assert "Beim Anmelden am Computer starten" in sections["Translations"]["German"]
    config = sections["Configuration"]
    assert config["policy"] == "none"  # Linux: the managed file is its policy
    assert config["my-vpa server"] == "https://it.example/api/v1"
    assert config["my-vpa server set by"] == f"{managed / 'myvpa.json'}: base_url"
