#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests, on loopback.
#
#   scripts/postgres.sh start DIR   installs Debian's postgresql if missing, creates a cluster in DIR
#                                   (once), starts it on 127.0.0.1 at a free port and prints its
#                                   connection string on stdout. Starting a running cluster prints
#                                   the same string again.
#   scripts/postgres.sh stop DIR    stops the cluster in DIR (nothing to do if it is not running).
#
# The role may CREATE DATABASE, so each test class can make its own database.
set -euo pipefail

die() {
  echo "postgres.sh: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 start DIR | stop DIR" >&2
  exit 2
}

pg_bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$initdb" ]] && dirname "$initdb"
}

ensure_installed() {
  if [[ -n "$(pg_bin)" ]]; then
    return
  fi
  command -v apt-get >/dev/null || die "PostgreSQL is not installed and apt-get is not available."
  echo "postgres.sh: installing postgresql with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || die "apt-get update failed."
  apt-get install -y -qq --no-install-recommends postgresql >&2 || die "apt-get install postgresql failed."
  [[ -n "$(pg_bin)" ]] || die "postgresql installed but no initdb found under /usr/lib/postgresql/*/bin."
}

# Runs a command as the postgres user when we are root (initdb and postgres refuse to run as root).
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  python3 - <<'EOF' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

connection_string() {
  local dir=$1
  printf 'Host=127.0.0.1;Port=%s;Username=ingot;Password=%s;Database=ingot\n' \
    "$(cat "$dir/port")" "$(cat "$dir/password")"
}

start() {
  local dir=$1
  ensure_installed
  local bin
  bin=$(pg_bin)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local data="$dir/data"

  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
    # The server runs as postgres, so postgres must be able to reach and write DIR.
    runuser -u postgres -- test -w "$dir" -a -x "$dir" \
      || die "the postgres user cannot reach $dir (a parent directory is not searchable); use a directory under /tmp."
  fi

  if [[ ! -f "$data/PG_VERSION" ]]; then
    head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$dir/password"
    [[ -s "$dir/password" ]] || die "could not generate a password."
    chmod 600 "$dir/password"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir/password"
    as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || die "initdb failed; see $dir/initdb.log."
    free_port >"$dir/port"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir/port"
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $(cat "$dir/port")"
      echo "unix_socket_directories = '$dir'"
      echo "max_connections = 300"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    } >>"$data/postgresql.conf"
    # Loopback TCP needs the password; the unix socket in DIR stays trusted for this script.
    {
      echo "local all all trust"
      echo "host all all 127.0.0.1/32 scram-sha-256"
    } >"$data/pg_hba.conf"
  fi

  local port
  port=$(cat "$dir/port")
  if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 30 start >/dev/null \
      || die "the server did not start within 30 s; see $dir/server.log."
  fi

  local psql=("$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  local password
  password=$(cat "$dir/password")
  if [[ -z "$(as_owner "${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'ingot'")" ]]; then
    as_owner "${psql[@]}" -c "CREATE ROLE ingot LOGIN CREATEDB PASSWORD '$password'" >/dev/null \
      || die "could not create role ingot."
  fi
  if [[ -z "$(as_owner "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'ingot'")" ]]; then
    as_owner "${psql[@]}" -c "CREATE DATABASE ingot OWNER ingot" >/dev/null \
      || die "could not create database ingot."
  fi

  connection_string "$dir"
}

stop() {
  local dir=$1
  local data="$dir/data"
  if [[ ! -f "$data/PG_VERSION" ]]; then
    echo "postgres.sh: no cluster in $dir; nothing to stop." >&2
    return
  fi
  local bin
  bin=$(pg_bin) || die "PostgreSQL is not installed."
  if as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null \
      || die "the server in $dir did not stop within 30 s."
  fi
}

[[ $# -eq 2 ]] || usage
case "$1" in
  start) start "$2" ;;
  stop) stop "$2" ;;
  *) usage ;;
esac
