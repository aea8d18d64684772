#!/usr/bin/env bash
# Builds the MSI from a Windows bundle folder (PyInstaller's build/bundle/vpaphone on Windows):
#
#   installer/windows/build-msi.sh PAYLOAD_DIR VERSION OUT.msi
#
# One WiX source (vpaphone.wxs) plus the payload fragment harvest.py writes. Toolchain:
#   wixl (msitools)          where it is installed (Linux: the suite, `apt-get install wixl`);
#                            msibuild then adds what wixl cannot express (see below);
#   WiX 3 candle.exe/light.exe otherwise (the Windows release runner), with light's ICE
#                            validation; WIX_TOOLCHAIN=wix forces it.
# SIGN_COMMAND, if set, is run with the MSI's path as its last argument (the release's code
# signing hook, e.g. `signtool sign /fd sha256 /tr ... /f cert.pfx /p ...`); unset: unsigned,
# said on stderr.
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 PAYLOAD_DIR VERSION OUT.msi" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
payload=$(cd "$1" && pwd)
version=$2
out=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
python=${PYTHON:-python3}
case $version in
  *[!0-9.]* | "" ) echo "$0: MSI versions are numeric (major.minor.build), got '$version'" >&2; exit 2 ;;
esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && "$python" -m installer.windows.harvest "$payload") >"$work/payload.wxs"

toolchain=${WIX_TOOLCHAIN:-}
if [ -z "$toolchain" ]; then
  if command -v wixl >/dev/null; then toolchain=wixl; else toolchain=wix; fi
fi
rm -f "$out"
if [ "$toolchain" = wixl ]; then
  # wixl resolves File sources against the working directory and refuses absolute ones.
  (cd "$payload" && wixl -a x64 -D Version="$version" -D Toolchain=wixl -D PayloadDir=. \
    -o "$out" "$here/vpaphone.wxs" "$work/payload.wxs")
  # What wixl ignores or lacks, set as the WiX toolset would: Secure="yes" on the public
  # properties, and the shortcut's AppUserModelID (ShortcutProperty).
  msibuild "$out" -q "UPDATE Property SET Value = 'MYVPA_URL;CA_BUNDLE;WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED' WHERE Property = 'SecureCustomProperties'"
  msibuild "$out" -i "$here/shortcut-property.idt"
else
  candle -nologo -arch x64 -dVersion="$version" -dToolchain=wix -dPayloadDir="$payload" \
    -out "$work/" "$here/vpaphone.wxs" "$work/payload.wxs"
  light -nologo -out "$out" "$work/vpaphone.wixobj" "$work/payload.wixobj" 2>&1 ||
    { echo "$0: light (with ICE validation) failed" >&2; exit 1; }
fi
if [ -n "${SIGN_COMMAND:-}" ]; then
  # shellcheck disable=SC2086 # the command and its options, as the release configures them
  $SIGN_COMMAND "$out"
else
  echo "$0: SIGN_COMMAND not set: $out is not signed" >&2
fi
echo "$out"
