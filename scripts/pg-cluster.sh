#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a free loopback port, for the tests and for developers.
#
#   eval "$(bash scripts/pg-cluster.sh start)"   # installs Debian's postgresql when missing,
#                                                 # starts a cluster, exports PULSE_TEST_PG_URL
#   bash scripts/pg-cluster.sh stop              # stops it and deletes its directory
#
# The cluster lives in a temporary directory named in $PULSE_PG_DIR (start prints it); trust
# authentication on 127.0.0.1 only, superuser "pulse". initdb refuses to run as root, so when run
# as root the cluster belongs to the postgres user (as in STACK.md).
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [[ -x "$dir/initdb" ]]; then echo "$dir"; return 0; fi
  done
  return 1
}

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

start() {
  local bin
  if ! bin=$(find_bin); then
    echo "PostgreSQL is not installed: installing Debian's postgresql package" >&2
    if [[ $(id -u) -ne 0 ]]; then
      echo "run as root, or: sudo apt-get install -y postgresql" >&2
      exit 1
    fi
    (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql) >&2
    bin=$(find_bin)
  fi
  local dir port
  dir=$(mktemp -d /tmp/pulse-pg.XXXXXX)
  chmod 755 "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$dir"; fi
  # A free port: ask the kernel for one, then hand it to postgres (a tiny race, fine for tests).
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  as_owner "$bin/initdb -D $dir/data -U pulse --auth=trust -E UTF8 --no-sync >$dir/initdb.log 2>&1"
  as_owner "$bin/pg_ctl -D $dir/data -l $dir/log -w start -o \"-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" >$dir/pg_ctl.log 2>&1" </dev/null
  echo "$dir" >"$dir/dir"
  echo "$port" >"$dir/port"
  echo "export PULSE_PG_DIR=$dir"
  echo "export PULSE_TEST_PG_URL=postgresql://pulse@127.0.0.1:$port/postgres"
  echo "PostgreSQL $($bin/postgres --version | awk '{print $3}') is running on 127.0.0.1:$port (dir $dir)" >&2
}

stop() {
  local dir=${1:-${PULSE_PG_DIR:-}}
  if [[ -z "$dir" || ! -d "$dir" ]]; then
    echo "no cluster directory given (PULSE_PG_DIR)" >&2
    return 0
  fi
  local bin
  bin=$(find_bin)
  as_owner "$bin/pg_ctl -D $dir/data -m fast -w stop >/dev/null 2>&1" </dev/null || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *)
    echo "usage: $0 start | stop [dir]" >&2
    exit 2
    ;;
esac
