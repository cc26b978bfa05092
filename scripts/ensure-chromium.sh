#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (/usr/bin/chromium) through playwright-core.
# Install it when it is missing and we can (root with apt-get); otherwise say what to do.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends chromium >&2
else
  echo "ensure-chromium: /usr/bin/chromium is missing; install Debian's 'chromium' package (sudo apt-get install chromium) or the browser tests will fail." >&2
fi
