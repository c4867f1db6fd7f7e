#!/usr/bin/env bash
# What the test suite needs besides Kafka, started by the build itself (exec-maven-plugin, before the unit tests):
# PostgreSQL and Redis on 127.0.0.1 when they are down, the test database named in SB_PG_URL, and the Debian
# chromium + chromedriver for the console's browser test when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
url="${SB_PG_URL:-postgresql://postgres@127.0.0.1:5432/switchboard_test}"
db="${url##*/}"; db="${db%%\?*}"
SB_PG_DB="$db" bash "$here/postgres.sh"
bash "$here/redis.sh"
bash "$here/chromium.sh"
