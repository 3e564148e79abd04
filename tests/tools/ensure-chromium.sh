#!/usr/bin/env bash
# Install Debian's Chromium (and poppler-utils, for looking at printed PDFs) when missing.
# Used by the browser tests' session fixture; needs root (as CI runs) and a package mirror.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "ensure-chromium: not root, cannot apt-get install chromium" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-chromium: no apt-get on this machine" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Another process may hold the apt lock: wait for it rather than fail.
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null
command -v chromium >/dev/null 2>&1
