#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (Playwright's own browser download cannot work offline).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ -x "$chromium" ]]; then
  exit 0
fi
echo "Chromium not found at $chromium: installing Debian's chromium package..."
if [[ $(id -u) -eq 0 ]]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
else
  echo "ERROR: cannot install chromium (not root, no sudo). Install Debian's 'chromium' package or set CHROMIUM_PATH." >&2
  exit 1
fi
[[ -x "$chromium" ]] || { echo "ERROR: chromium still missing at $chromium after install" >&2; exit 1; }
