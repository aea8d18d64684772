#!/usr/bin/env bash
# The macOS packages from the .app PyInstaller built (build/bundle/vpaphone.app, on a Mac):
#
#   installer/macos/build-pkg.sh APP VERSION OUT_DIR    -> OUT_DIR/vpaphone-VERSION.pkg, .dmg
#
# Signing and notarization read their identities from the environment; each step that has
# none is skipped with a notice (an unsigned package installs only after the user overrides
# Gatekeeper — fine for a test runner, not for users):
#   MACOS_APP_IDENTITY        "Developer ID Application: ..."  codesign the .app (hardened
#                             runtime, installer/macos/entitlements.plist)
#   MACOS_INSTALLER_IDENTITY  "Developer ID Installer: ..."    productbuild --sign
#   MACOS_NOTARY_PROFILE      a `xcrun notarytool store-credentials` keychain profile:
#                             notarize and staple the .pkg and the .dmg
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 APP VERSION OUT_DIR" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
app=$1
version=$2
out=$3
identifier=de.my-vpa.vpaphone
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
notice() { echo "build-pkg: $*" >&2; }

if [ -n "${MACOS_APP_IDENTITY:-}" ]; then
  codesign --force --deep --timestamp --options runtime \
    --entitlements "$here/entitlements.plist" --sign "$MACOS_APP_IDENTITY" "$app"
  codesign --verify --strict --verbose=2 "$app"
else
  notice "MACOS_APP_IDENTITY not set: the .app is not signed (ad-hoc signature only)"
  codesign --force --deep --sign - "$app"
fi

pkgbuild --component "$app" --install-location /Applications --identifier "$identifier" \
  --version "$version" "$work/component.pkg"
pkg="$out/vpaphone-$version.pkg"
if [ -n "${MACOS_INSTALLER_IDENTITY:-}" ]; then
  productbuild --package "$work/component.pkg" --sign "$MACOS_INSTALLER_IDENTITY" "$pkg"
else
  notice "MACOS_INSTALLER_IDENTITY not set: $pkg is not signed"
  productbuild --package "$work/component.pkg" "$pkg"
fi

dmg="$out/vpaphone-$version.dmg"
mkdir "$work/dmg"
cp -R "$app" "$work/dmg/"
ln -s /Applications "$work/dmg/Applications"
rm -f "$dmg"
hdiutil create -volname "my-vpa Softphone" -srcfolder "$work/dmg" -format UDZO -ov "$dmg"

if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
  for artefact in "$pkg" "$dmg"; do
    xcrun notarytool submit "$artefact" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$artefact"
  done
else
  notice "MACOS_NOTARY_PROFILE not set: $pkg and $dmg are not notarized"
fi
echo "$pkg"
echo "$dmg"
