#!/usr/bin/env bash
# The PostgreSQL store's tests start Debian's PostgreSQL 15 as a throwaway cluster of their own
# (tests/support/postgres-cluster.ts): they need its server binaries, not a running service.
set -euo pipefail
# Debian 12's is 15; on a newer Debian its own version does as well.
installed() {
  if [ -n "${POSTGRES_BIN:-}" ]; then echo "$POSTGRES_BIN"; return; fi
  if [ -x /usr/lib/postgresql/15/bin/initdb ]; then echo /usr/lib/postgresql/15/bin; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}
BIN="$(installed)"
if [ -n "$BIN" ] && [ -x "$BIN/initdb" ] && [ -x "$BIN/pg_ctl" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "PostgreSQL is missing: installing Debian's postgresql (apt-get install -y postgresql)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  # The package starts a cluster of its own on port 5432; the tests use none but theirs.
  if command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters --no-header 2>/dev/null | while read -r version name _; do
      pg_ctlcluster "$version" "$name" stop >/dev/null 2>&1 || true
    done
  fi
  BIN="$(installed)"
  if [ -n "$BIN" ] && [ -x "$BIN/initdb" ]; then exit 0; fi
  echo "Installed postgresql, but found no initdb under /usr/lib/postgresql: set POSTGRES_BIN to its bin folder." >&2
  exit 1
fi
echo "PostgreSQL (15) is needed for the PostgreSQL store's tests and is not installed (no initdb under /usr/lib/postgresql)." >&2
echo "Install it with:  sudo apt-get update && sudo apt-get install -y postgresql" >&2
echo "or point POSTGRES_BIN at the folder holding initdb and pg_ctl." >&2
exit 1
