#!/usr/bin/env bash
# A PostgreSQL cluster of our own for the integration tests, on 127.0.0.1 only.
#
#   services/postgresql.sh start   install the Debian packages if missing, create the cluster (once), start it,
#                                  create the role and database, wait until it answers
#   services/postgresql.sh env     print the export lines the *IT tests read (eval "$(services/postgresql.sh env)")
#   services/postgresql.sh status  say whether this cluster runs (exit 1 if not)
#   services/postgresql.sh stop    stop this cluster, and nothing else
#
# Settings: ZONELAKE_SERVICES_DIR (default /tmp/zonelake-services; the cluster lives in its postgresql/ folder),
# ZONELAKE_IT_POSTGRES_PORT (default 55432). Run as root (package install, and the server runs as user postgres).
# The cluster is created with initdb under the services folder, not with pg_createcluster, so that nothing is
# written under /etc/postgresql and a system cluster, if any, is never touched.
set -euo pipefail

SERVICES_DIR="${ZONELAKE_SERVICES_DIR:-/tmp/zonelake-services}"
PORT="${ZONELAKE_IT_POSTGRES_PORT:-55432}"
HOME_DIR="$SERVICES_DIR/postgresql"
DATA="$HOME_DIR/data"
SOCKETS="$HOME_DIR/run"
LOG="$HOME_DIR/server.log"
PASSWORD_FILE="$HOME_DIR/password"
ROLE=zonelake
DATABASE=zonelake_it
READY_SECONDS=60

say() { printf 'postgresql.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

bin_dir() {
  local version
  version="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)"
  [ -n "$version" ] && [ -x "/usr/lib/postgresql/$version/bin/initdb" ] || return 1
  echo "/usr/lib/postgresql/$version/bin"
}

as_postgres() { runuser -u postgres -- "$@"; }

install_packages() {
  if bin_dir >/dev/null; then return; fi
  say "installing the Debian package postgresql"
  # Debian starts a packaged server at once unless policy-rc.d says no; the image's policy-rc.d exits 101.
  [ -x /usr/sbin/policy-rc.d ] || die "/usr/sbin/policy-rc.d is missing: it must exit 101 so that apt starts no server"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
  bin_dir >/dev/null || die "postgresql installed, but no initdb under /usr/lib/postgresql/*/bin"
}

running() { [ -f "$DATA/PG_VERSION" ] && as_postgres "$(bin_dir)/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

create_cluster() {
  [ -f "$DATA/PG_VERSION" ] && return
  say "creating a cluster in $DATA"
  mkdir -p "$SERVICES_DIR"
  install -d -m 700 -o postgres -g postgres "$HOME_DIR" "$DATA" "$SOCKETS"
  as_postgres "$(bin_dir)/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >/dev/null
  cat >>"$DATA/postgresql.conf" <<EOF
# Zonelake integration-test cluster
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKETS'
shared_buffers = 64MB
fsync = off
synchronous_commit = off
EOF
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

wait_ready() {
  local deadline=$((SECONDS + READY_SECONDS))
  until "$(bin_dir)/pg_isready" -q -h 127.0.0.1 -p "$PORT"; do
    [ "$SECONDS" -lt "$deadline" ] || die "no answer on 127.0.0.1:$PORT after ${READY_SECONDS}s; see $LOG"
    sleep 0.2
  done
}

password() {
  if [ ! -s "$PASSWORD_FILE" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=\n' >"$PASSWORD_FILE")
  fi
  cat "$PASSWORD_FILE"
}

create_role_and_database() {
  local psql=("$(bin_dir)/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCKETS" -p "$PORT" -U postgres -d postgres)
  # The password is set on every start, so a lost password file heals; format() quotes it as a literal.
  as_postgres "${psql[@]}" -v role="$ROLE" -v pw="$(password)" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I PASSWORD %L', :'role', :'pw') \gexec
SQL
  as_postgres "${psql[@]}" -v role="$ROLE" -v db="$DATABASE" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
}

start() {
  [ "$(id -u)" = 0 ] || die "run as root (installs packages, runs the server as user postgres)"
  install_packages
  create_cluster
  if running; then
    say "already running on 127.0.0.1:$PORT"
  else
    port_taken && die "port $PORT is taken by another program; set ZONELAKE_IT_POSTGRES_PORT"
    as_postgres "$(bin_dir)/pg_ctl" -D "$DATA" -l "$LOG" -w -t "$READY_SECONDS" start >/dev/null
  fi
  wait_ready
  create_role_and_database
  say "ready on 127.0.0.1:$PORT, database $DATABASE, role $ROLE"
}

print_env() {
  [ -s "$PASSWORD_FILE" ] || die "no cluster in $HOME_DIR yet: run '$0 start' first"
  echo "export ZONELAKE_IT_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$PORT/$DATABASE"
  echo "export ZONELAKE_IT_POSTGRES_USER=$ROLE"
  echo "export ZONELAKE_IT_POSTGRES_PASSWORD=$(cat "$PASSWORD_FILE")"
}

stop() {
  if bin_dir >/dev/null && running; then
    as_postgres "$(bin_dir)/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
    say "stopped the cluster in $DATA"
  else
    say "no cluster running in $DATA"
  fi
}

status() {
  if running; then
    say "running on 127.0.0.1:$PORT, data in $DATA"
  else
    say "not running"
    return 1
  fi
}

case "${1:-}" in
  start) start ;;
  env) print_env ;;
  status) status ;;
  stop) stop ;;
  *) echo "usage: $0 start|env|status|stop" >&2; exit 2 ;;
esac
