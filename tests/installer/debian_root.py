"""A fresh Debian 12 root (debootstrap --variant=minbase) to install the .deb into.

Commands run inside with `chroot` and an empty environment (`env -i`), as a new machine has it.
The root lives in /var/tmp (never under a directory another cleanup removes with `rm -rf`: a
bind mount inside would take the host's files with it). `destroy` ends every process whose
root is this one, unmounts what was mounted, checks that nothing is left mounted, and only then
removes the files, without crossing into other file systems.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SUITE = "bookworm"
MIRROR = "http://deb.debian.org/debian"  # the registry the chroot's apt uses (allowed)
PATH = "/usr/sbin:/usr/bin:/sbin:/bin"
DEBOOTSTRAP_TIMEOUT_S = 900


@dataclass
class DebianRoot:
    path: Path
    mounts: list[Path] = field(default_factory=list)

    def mount(self, *args: str, target: str) -> None:
        inside = self.path / target.lstrip("/")
        inside.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", *args, str(inside)], check=True)
        self.mounts.append(inside)

    def bind(self, host_dir: Path, target: str | None = None) -> None:
        """`host_dir` visible inside the root (at the same path unless `target` says)."""
        self.mount("--bind", str(host_dir), target=target or str(host_dir))

    def command(self, argv: list[str], env: dict[str, str] | None = None) -> list[str]:
        settings = {"PATH": PATH, "HOME": "/root", "LANG": "C.UTF-8", **(env or {})}
        return [
            "chroot",
            str(self.path),
            "/usr/bin/env",
            "-i",
            *(f"{k}={v}" for k, v in settings.items()),
            *argv,
        ]

    def run(
        self,
        argv: list[str],
        env: dict[str, str] | None = None,
        timeout: float = 300,
        check: bool = True,
    ) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            self.command(argv, env),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(
                f"{' '.join(argv)} exited {done.returncode}:\n{done.stdout[-3000:]}\n"
                f"{done.stderr[-3000:]}"
            )
        return done

    def sh(self, script: str, timeout: float = 300, check: bool = True) -> str:
        return self.run(["bash", "-c", script], timeout=timeout, check=check).stdout

    def apt_get(self, *args: str, timeout: float = 600) -> str:
        done = self.run(
            ["apt-get", "-y", "-q", *args],
            env={"DEBIAN_FRONTEND": "noninteractive"},
            timeout=timeout,
        )
        return done.stdout

    def host_path(self, inside: str) -> Path:
        return self.path / inside.lstrip("/")

    def files_under(self, *tops: str) -> set[str]:
        """Every path under the given top-level directories (relative to the root)."""
        found: set[str] = set()
        for top in tops:
            base = self.host_path(top)
            for directory, dirs, files in os.walk(base):
                for name in dirs + files:
                    found.add(os.path.relpath(os.path.join(directory, name), self.path))
        return found

    def processes(self) -> list[int]:
        """Processes whose root directory is this root."""
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    if os.readlink(entry / "root") == str(self.path):
                        found.append(int(entry.name))
        return found

    def end_processes(self, grace_s: float = 10) -> None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            for pid in self.processes():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, sig)
            deadline = time.monotonic() + grace_s
            while self.processes() and time.monotonic() < deadline:
                time.sleep(0.1)
            if not self.processes():
                return

    def mounted_inside(self) -> list[str]:
        prefix = str(self.path) + "/"
        with open("/proc/self/mountinfo", encoding="utf-8") as info:
            points = [line.split()[4] for line in info]
        return [p for p in points if p.startswith(prefix)]

    def destroy(self) -> None:
        self.end_processes()
        for inside in reversed(self.mounts):
            if subprocess.run(["umount", str(inside)], check=False).returncode != 0:
                subprocess.run(["umount", "--lazy", str(inside)], check=False)
        self.mounts.clear()
        left = self.mounted_inside()
        if left:  # never remove files with a mount inside: they may be the host's
            raise RuntimeError(f"still mounted in {self.path}: {left}; not removed")
        subprocess.run(["rm", "-rf", "--one-file-system", str(self.path)], check=True)


@dataclass
class Debootstrap:
    """`debootstrap --variant=minbase` running in the background."""

    path: Path
    process: subprocess.Popen[str] | None
    log: Path

    @classmethod
    def start(cls, cache: Path) -> Debootstrap:
        cache.mkdir(parents=True, exist_ok=True)
        base = Path(tempfile.mkdtemp(prefix="vpaphone-debian-", dir="/var/tmp"))
        log = base / "debootstrap.log"
        root = base / "root"
        with log.open("w") as out:
            process = subprocess.Popen(
                [
                    "debootstrap",
                    "--variant=minbase",
                    f"--cache-dir={cache}",
                    SUITE,
                    str(root),
                    MIRROR,
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
                text=True,
                start_new_session=True,
            )
        return cls(root, process, log)

    def finish(self) -> DebianRoot:
        assert self.process is not None
        code = self.process.wait(timeout=DEBOOTSTRAP_TIMEOUT_S)
        self.process = None
        if code != 0:
            raise AssertionError(f"debootstrap failed ({code}):\n{self.log.read_text()[-3000:]}")
        root = DebianRoot(self.path)
        root.mount("-t", "proc", "proc", target="/proc")
        root.mount("-t", "tmpfs", "-o", "mode=1777", "shm", target="/dev/shm")
        return root

    def discard(self) -> None:
        """Stops a debootstrap still running and removes what it left (the root is destroyed
        by its own fixture once finished)."""
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)
        base = self.path.parent
        if base.exists() and not DebianRoot(self.path).mounted_inside():
            subprocess.run(["rm", "-rf", "--one-file-system", str(base)], check=False)
