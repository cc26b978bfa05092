#!/usr/bin/env bash
# The server tests start their own Debian redis-server (packages/server/test/redis-harness.ts) on a
# free loopback port. Install it when it is missing and we can (root with apt-get); otherwise say what to do.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-redis: installing Debian's redis-server for the server tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends redis-server >&2
else
  echo "ensure-redis: redis-server is missing; install Debian's 'redis-server' package (sudo apt-get install redis-server) or the Redis tests will fail." >&2
fi
