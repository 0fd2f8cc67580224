#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline),
# and Debian's fonts-noto-cjk so that Chinese text renders as glyphs, not boxes, in screenshots
# and chart downloads (app/globals.css names Noto Sans CJK SC after the platform fonts).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[[ -x "$chromium" ]] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed" ||
  missing+=(fonts-noto-cjk)
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
echo "Installing Debian's ${missing[*]} for the browser tests..."
if [[ $(id -u) -eq 0 ]]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo "ERROR: cannot install ${missing[*]} (not root, no sudo). Install Debian's packages or set CHROMIUM_PATH." >&2
  exit 1
fi
[[ -x "$chromium" ]] || { echo "ERROR: chromium still missing at $chromium after install" >&2; exit 1; }
