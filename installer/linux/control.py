"""The .deb's control file and copyright text (installer.linux.build_deb)."""

from __future__ import annotations

# Measured on a fresh `debootstrap --variant=minbase bookworm` root: the bundle carries every
# other library it loads; these it takes from the system. libc6 2.36: the bundled libstdc++ and
# expat come from Debian 12, so older systems (Ubuntu 22.04: 2.35) cannot run it. fontconfig-config:
# without its configuration text renders as boxes. libwayland-cursor0/-egl1: Qt's Wayland platform
# plugin needs them (the graphics stack's side of Wayland, kept from the system like libEGL).
# tests/installer/ installs the package on such a root with nothing else and checks that every
# bundled ELF file finds its libraries.
DEPENDS = (
    "libc6 (>= 2.36)",
    "libgl1",
    "libegl1",
    "libxcb1",
    "fontconfig-config",
    "libwayland-cursor0",
    "libwayland-egl1",
)
MAINTAINER = "my-vpa softphone team <softphone@my-vpa.example>"

CONTROL = """\
Package: vpaphone
Version: {version}
Architecture: amd64
Maintainer: {maintainer}
Installed-Size: {installed_size}
Depends: {depends}
Section: comm
Priority: optional
Description: my-vpa softphone for virtual personal assistants
 The desktop softphone that my-vpa's virtual personal assistants use to phone
 on behalf of customers: it signs in with the usual my-vpa credentials, tags
 every call with the customer task it belongs to, places SIP calls (PJSIP)
 with audio on the user's headset, and warns before a task's phone share
 passes what the hourly rate includes.
 .
 A self-contained bundle (Python, Qt, PJSIP) in /opt/vpaphone. IT sets the
 my-vpa server and a company CA in /etc/vpaphone/myvpa.json.
"""

COPYRIGHT_HEAD = """\
my-vpa Softphone (vpaphone)

Copyright: my-vpa. The softphone's own code and resources (/opt/vpaphone/_internal/vpaphone)
are marked "LicenseRef-Proprietary" in the package metadata.

OPEN LICENSING DECISION: the softphone links PJSIP (pjsua2-python), which is available under
the GNU GPL version 2 or later, or under a commercial licence from Teluu. Distributed under the
GPL, the whole program would have to be offered under the GPL with its source code; keeping
the softphone proprietary requires a commercial PJSIP licence. Which applies has not been
decided yet: see docs/licensing.md in the source repository.

The flag images are from flag-icons (MIT, see /opt/vpaphone/_internal/vpaphone/resources/flags/
LICENSE); the sounds and icons were made for this project.

Everything else in /opt/vpaphone comes from others, with the licences below (also in
/opt/vpaphone/THIRD-PARTY-NOTICES.txt).

"""


def render(version: str, installed_size_kib: int) -> str:
    return CONTROL.format(
        version=version,
        maintainer=MAINTAINER,
        installed_size=installed_size_kib,
        depends=", ".join(DEPENDS),
    )


def copyright_text(notices: str) -> str:
    return COPYRIGHT_HEAD + notices
