"""The .deb on a fresh Debian 12 (debootstrap --variant=minbase), installed as IT does it:
`apt-get install ./vpaphone_*.deb` and nothing else by hand.

One root, steps in order (pytest runs a module's tests in the order written; each step names
the one it needs and is skipped, saying why, if that one failed):

 1 install with apt (dependencies from the Debian mirror: the only network use, a registry)
 2 the CLI in an empty environment: --version, check-number, diagnose --json through a pipe
 3 every ELF file of the bundle finds its libraries on that root (the Depends are enough)
 4 the app under Xvfb, German: signs in to its demo, calls the demo customer (a frozen child of
   the bundle), the voice comes back through PulseAudio, hangs up, quits with no process left
 5 purge: nothing of it left in /opt, /usr or /etc
 6 on a desktop (xdg-utils, desktop-file-utils), installed again with managed settings in /etc:
   they win over the user's file (diagnose, and the sign-in reaches the managed server), and
   `xdg-open tel:…` reaches the running instance, which then calls that number
 7 the conffile IT edited survives an upgrade to a higher version
 8 purge after the upgrade: nothing left either

The X server and PulseAudio run on the host; their sockets are bound into the root.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.fixtures.demo_server import PeerProcess, demo_certificates, demo_peer
from tests.fixtures.pulseaudio import PulseServer
from tests.fixtures.xserver import XServer, xvfb
from tests.installer.conftest import Artifacts
from tests.installer.debian_root import DebianRoot
from tests.installer.installed_app import InstalledApp, call_and_hear_the_echo, sign_in
from vpaphone import __version__
from vpaphone.demo.server import DemoServer, DemoState
from vpaphone.demo.tls import DemoCertificates
from vpaphone.paths import resources_dir
from vpaphone.shipped import expected_files

__all__ = ["demo_certificates", "demo_peer"]
pytestmark = [pytest.mark.installer, pytest.mark.slow]

DE_TASK = "T-1002"  # the demo's back-office DE task: the demo customer's number may be called
CUSTOMER = "+4922182829980"
APP_LOG = "/root/.local/state/vpaphone/log/vpaphone.log"
QSETTINGS = "/root/.config/my-vpa/vpaphone.conf"
RUNTIME_DIR = "/run/user/0"  # as a login session has it
CONFFILE = "/etc/vpaphone/myvpa.json"
COMPANY_CA = "/etc/company-ca.pem"  # IT's own file, beside the package's
WATCHED = ("opt", "usr", "etc")
SILENT_WITH_OWN_CONFFILE = (  # as docs/operations.md tells IT
    "-o",
    "Dpkg::Options::=--force-confdef",
    "-o",
    "Dpkg::Options::=--force-confold",
)


@dataclass
class Scenario:
    root: DebianRoot
    artifacts: Artifacts
    x: XServer
    passed: set[int] = field(default_factory=set)
    baseline: set[str] = field(default_factory=set)  # files before the package came

    def needs(self, step: int) -> None:
        if step not in self.passed:
            pytest.skip(f"needs step {step} of this scenario, which did not pass (see above)")

    def install(self, deb: Path, *options: str) -> None:
        inside = f"/tmp/{deb.name}"
        shutil.copyfile(deb, self.root.host_path(inside))
        self.root.apt_get("install", *options, inside)

    def purge_and_compare(self) -> None:
        self.root.apt_get("purge", "vpaphone")
        self.root.apt_get("autoremove", "--purge")  # what came only for it
        after = self.root.files_under(*WATCHED)
        assert sorted(after - self.baseline) == [], "left behind"
        assert sorted(self.baseline - after) == [], "removed what was there before"
        assert not self.root.host_path("/opt/vpaphone").exists()
        assert not self.root.host_path("/etc/vpaphone").exists()

    def session_env(self) -> dict[str, str]:
        """What a desktop session gives every program of the user: the display and one
        runtime folder (where the running app's single-instance socket is)."""
        self.root.sh(f"mkdir -p -m 700 {RUNTIME_DIR}")
        return {**self.x.env, "XDG_RUNTIME_DIR": RUNTIME_DIR}

    def start_app(self, pulse: PulseServer, *args: str, lang: str) -> InstalledApp:
        env = {
            **self.session_env(),
            "LANG": lang,
            "PULSE_SERVER": pulse.env["PULSE_SERVER"],
            "PULSE_CLIENTCONFIG": pulse.env["PULSE_CLIENTCONFIG"],
        }
        return InstalledApp.start(
            self.root.command(["vpaphone", *args], env),
            None,
            self.root.host_path(APP_LOG),
            self.root.end_processes,
        )

    def remember_task(self) -> None:
        """A returning user: the task picked last time is active again after sign-in."""
        settings = self.root.host_path(QSETTINGS)
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(f"[tasks]\nactive={DE_TASK}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def scenario(
    debian_root: DebianRoot, artifacts: Artifacts, pulse: PulseServer
) -> Iterator[Scenario]:
    with xvfb() as x:
        debian_root.bind(Path("/tmp/.X11-unix"))
        debian_root.bind(pulse.runtime_dir)
        yield Scenario(debian_root, artifacts, x)
        debian_root.end_processes()


def test_1_installs_with_apt_alone(scenario: Scenario) -> None:
    root = scenario.root
    root.apt_get("update")
    scenario.baseline = root.files_under(*WATCHED)
    scenario.install(scenario.artifacts.deb)
    status = root.run(["dpkg-query", "-W", "-f=${Status} ${Version}", "vpaphone"]).stdout
    assert status == f"install ok installed {__version__}-1"
    assert root.sh("readlink /usr/bin/vpaphone").strip() == "/opt/vpaphone/vpaphone"
    conffiles = root.run(["dpkg-query", "-W", "-f=${Conffiles}", "vpaphone"]).stdout
    assert CONFFILE in conffiles
    scenario.passed.add(1)


def test_2_cli_in_an_empty_environment(scenario: Scenario) -> None:
    scenario.needs(1)
    root = scenario.root
    assert root.run(["vpaphone", "--version"]).stdout.strip() == f"vpaphone {__version__}"
    checked = root.run(["vpaphone", "check-number", "--area", "backoffice_de", "0221 82829980"])
    assert json.loads(checked.stdout)["decision"] == "allow"
    # `env -i` with PATH and HOME only, stdout a pipe: what `vpaphone diagnose --json | jq` gets.
    diagnosed = root.run(["vpaphone", "diagnose", "--json"], check=False)
    report = json.loads(diagnosed.stdout)
    # A bare root has no session bus, so no keychain: the one check that fails, and exit 1.
    assert [s["title"] for s in report if s["failed"]] == ["Keychain"]
    assert diagnosed.returncode == 1
    sections = {s["title"]: dict(s["lines"]) for s in report}
    assert sections["Installation"]["kind"] == "bundle"
    assert sections["Installation"]["executable"] == "/opt/vpaphone/vpaphone"
    shipped = len(expected_files(resources_dir()))  # what this checkout ships (273 today)
    assert f"all {shipped} shipped files present" in sections["Installation"]["resources"]
    assert sections["Configuration"]["managed settings"] == (
        f"{CONFFILE} (present, manages nothing)"
    )
    assert sections["Audio engine"]["pjsua2 null device"].startswith("works")
    scenario.passed.add(2)


def test_3_every_bundled_elf_file_finds_its_libraries(scenario: Scenario) -> None:
    """With the bundle's own folder first, as its executable sets it up, and the system's
    libraries from the package's Depends: nothing is missing."""
    scenario.needs(1)
    script = r"""
cd /opt/vpaphone
find . -type f | while read -r f; do
  if [ "$(head -c4 "$f" | tr -d '\177')" = ELF ]; then
    LD_LIBRARY_PATH=/opt/vpaphone/_internal ldd "$f" 2>&1 | grep 'not found' | sed "s|^|$f:|"
  fi
done
"""
    assert scenario.root.sh(script).splitlines() == []


@pytest.mark.pulseaudio
def test_4_demo_call_in_german_with_audio(
    scenario: Scenario, pulse: PulseServer, tmp_path: Path
) -> None:
    scenario.needs(1)
    scenario.remember_task()
    app = scenario.start_app(pulse, "--demo", lang="de_DE.UTF-8")
    try:
        app.wait_stdout("sign in with demo / demo")  # printed once the frozen peer listens
        line = app.wait_log("UI language de_DE")
        assert "app texts loaded" in line
        assert "Qt texts loaded" in line
        sign_in(app, scenario.x, user=None, password="demo")
        call_and_hear_the_echo(app, scenario.x, pulse, number="0221 8282 9980")
        assert app.stop() == 0
        assert scenario.root.processes() == [], "the demo customer outlived the app"
    except BaseException:
        scenario.x.screenshot(tmp_path / "screen.png")  # kept by pytest: look at it
        raise
    finally:
        app.close()
    scenario.passed.add(4)


def test_5_purge_leaves_nothing(scenario: Scenario) -> None:
    scenario.needs(1)
    scenario.purge_and_compare()
    scenario.passed.add(5)


@pytest.mark.pulseaudio
def test_6_silent_install_with_managed_settings_that_win_and_links(
    scenario: Scenario,
    pulse: PulseServer,
    demo_certificates: DemoCertificates,
    demo_peer: PeerProcess,
    tmp_path: Path,
) -> None:
    scenario.needs(5)
    root = scenario.root
    root.apt_get("install", "--no-install-recommends", "xdg-utils", "desktop-file-utils")
    scenario.baseline = root.files_under(*WATCHED)
    server = DemoServer(DemoState(sip_domain=f"127.0.0.1:{demo_peer.port}"), demo_certificates)
    server.start()
    app: InstalledApp | None = None
    try:
        # IT pre-seeds the company my-vpa and its CA, then installs silently (docs/operations.md
        # "Install": the conffile written before the package came needs --force-confold).
        shutil.copyfile(demo_certificates.ca_file, root.host_path(COMPANY_CA))
        managed = json.dumps({"base_url": server.base_url, "ca_bundle": COMPANY_CA})
        root.host_path("/etc/vpaphone").mkdir(mode=0o755)
        root.host_path(CONFFILE).write_text(managed, encoding="utf-8")
        scenario.install(scenario.artifacts.deb, *SILENT_WITH_OWN_CONFFILE)
        assert root.host_path(CONFFILE).read_text(encoding="utf-8") == managed
        # The user's own file points elsewhere (nothing answers there): the managed value wins.
        user_file = root.host_path("/root/.config/vpaphone/myvpa.json")
        user_file.parent.mkdir(parents=True, exist_ok=True)
        user_file.write_text(json.dumps({"base_url": "https://127.0.0.1:9/api/v1"}), "utf-8")

        diagnosed = root.run(["vpaphone", "diagnose", "--json"], check=False)
        sections = {s["title"]: dict(s["lines"]) for s in json.loads(diagnosed.stdout)}
        assert sections["Configuration"]["managed settings"] == (
            f"{CONFFILE} (present, manages base_url, ca_bundle)"
        )
        assert sections["Configuration"]["my-vpa server"] == server.base_url
        assert "certificate verified" in sections["Reachability"]["my-vpa server"]

        scenario.remember_task()
        app = scenario.start_app(pulse, lang="C.UTF-8")
        sign_in(app, scenario.x, user="demo", password="demo")  # on the managed server
        assert server.state.issued_tokens, "the sign-in did not reach the managed my-vpa"

        opened = root.run(["xdg-open", f"tel:{CUSTOMER}"], env=scenario.session_env(), timeout=60)
        assert "already running: handed over" in opened.stdout
        app.wait_log("a second start handed over a number")
        # The number is in the window now: Enter calls it (and nothing else was typed).
        call_and_hear_the_echo(app, scenario.x, None, number=None)
        assert "+49 221 ***80" in app.wait_log("dialling")
        # ... and the call's record reaches the managed my-vpa, attributed to the task.
        deadline = time.monotonic() + 60
        while not server.state.call_records and time.monotonic() < deadline:
            time.sleep(0.2)
        records = list(server.state.call_records.values())
        assert [r["task_id"] for r in records] == [DE_TASK]
        assert app.stop() == 0
    except BaseException:
        scenario.x.screenshot(tmp_path / "screen.png")  # kept by pytest: look at it
        raise
    finally:
        if app is not None:
            app.close()
        server.stop()
    scenario.passed.add(6)


def test_7_an_edited_conffile_survives_an_upgrade(scenario: Scenario, tmp_path: Path) -> None:
    scenario.needs(6)
    root = scenario.root
    conffile = root.host_path(CONFFILE)
    edited = json.dumps({**json.loads(conffile.read_text(encoding="utf-8")), "_comment": "IT"})
    conffile.write_text(edited, encoding="utf-8")  # IT changes it again
    changelog = tmp_path / "changelog"
    upstream = (Path(__file__).parents[2] / "installer" / "linux" / "changelog").read_text()
    changelog.write_text(
        f"vpaphone ({__version__}-2) stable; urgency=medium\n\n"
        "  * Test upgrade: the same bundle, packaged again.\n\n"
        " -- my-vpa softphone team <softphone@my-vpa.example>  Mon, 07 Dec 2026 12:00:00 +0100"
        f"\n\n{upstream}",
        encoding="utf-8",
    )
    upgrade = scenario.artifacts.build_deb(tmp_path, 2, changelog)
    scenario.install(upgrade)
    status = root.run(["dpkg-query", "-W", "-f=${Version}", "vpaphone"]).stdout
    assert status == f"{__version__}-2"
    assert root.host_path(CONFFILE).read_text(encoding="utf-8") == edited
    # Beside it at most the package's own version from the silent install (step 6); no
    # .dpkg-new or .dpkg-old: nothing was asked, nothing replaced.
    names = {p.name for p in root.host_path("/etc/vpaphone").iterdir()}
    assert names <= {"myvpa.json", "myvpa.json.dpkg-dist"}
    scenario.passed.add(7)


def test_8_purge_after_the_upgrade_leaves_nothing(scenario: Scenario) -> None:
    scenario.needs(7)
    scenario.root.host_path(COMPANY_CA).unlink()  # IT's own file goes with IT's own tooling
    scenario.purge_and_compare()
