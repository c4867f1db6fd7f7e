#!/usr/bin/env bash
# Starts PostgreSQL on 127.0.0.1:5432 when it is not answering, with trust auth for loopback, and makes sure the
# test database exists. Idempotent: a running server is left as it is.
set -euo pipefail
DB="${SB_PG_DB:-switchboard_test}"

ready() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "postgres: not installed, installing from Debian packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

if ! ready; then
  version=$(ls /etc/postgresql | sort -n | tail -1)
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    echo "postgres: enabling trust auth on loopback in $hba"
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  echo "postgres: starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do ready && break; sleep 1; done
fi
ready || { echo "postgres: not ready after 60 s" >&2; exit 1; }

# No `| grep -q`: with pipefail, grep exiting early can fail psql and make us create an existing database.
exists=$(psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")
if [ "$exists" != "1" ]; then
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"
fi
echo "postgres: ready on 127.0.0.1:5432 (database $DB)"
