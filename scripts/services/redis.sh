#!/usr/bin/env bash
# Starts Redis on 127.0.0.1:6379 when it is not answering. Idempotent.
set -euo pipefail

ready() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }

if ! command -v redis-server >/dev/null 2>&1; then
  echo "redis: not installed, installing from Debian packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi
if ! ready; then
  echo "redis: starting"
  install -d /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do ready && break; sleep 1; done
fi
ready || { echo "redis: not ready after 30 s" >&2; exit 1; }
echo "redis: ready on 127.0.0.1:6379"
