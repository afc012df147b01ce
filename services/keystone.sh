#!/usr/bin/env bash
# The Keystone v3 server the identity ITs run against, served by Debian's uwsgi on 127.0.0.1 only.
#
#   services/keystone.sh start    install the Debian packages if missing, create the database, fernet keys and the
#                                 admin user/project/role (once), start memcached and uwsgi, wait until /v3 answers
#   services/keystone.sh env      print the export lines the *IT tests read (eval "$(services/keystone.sh env)")
#   services/keystone.sh status   say whether our uwsgi and memcached run (exit 1 if not)
#   services/keystone.sh stop     stop our uwsgi and memcached (by their recorded PIDs), and nothing else
#
# Settings: ZONELAKE_SERVICES_DIR (default /tmp/zonelake-services; everything lives in its keystone/ folder),
# ZONELAKE_IT_KEYSTONE_PORT (default 55000). Run as root (package install; uwsgi drops to user keystone).
# The admin password is generated on the first start and kept in keystone/admin-password (0600, root).
# Keystone's cache lives in a memcached of its own on a unix socket (keystone/run/memcached.sock, no TCP port): without
# a cache every call costs Keystone dozens of database reads (seconds on a busy machine); with a cache shared by both
# uwsgi workers a revocation or a disabled user is still seen by both at once (Keystone invalidates through it).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICES_DIR="${ZONELAKE_SERVICES_DIR:-/tmp/zonelake-services}"
PORT="${ZONELAKE_IT_KEYSTONE_PORT:-55000}"
DIR="$SERVICES_DIR/keystone"
CONF="$DIR/keystone.conf"
DB_DIR="$DIR/db"
LOG_DIR="$DIR/log"
PID_FILE="$DIR/uwsgi.pid"
RUN_DIR="$DIR/run"
MEMCACHED_SOCKET="$RUN_DIR/memcached.sock"
MEMCACHED_PID_FILE="$DIR/memcached.pid"
UWSGI_LOG="$LOG_DIR/uwsgi.log"
PASSWORD_FILE="$DIR/admin-password"
READY_MARK="$DIR/bootstrapped"
URL="http://127.0.0.1:$PORT/v3"
ADMIN_USER=admin
ADMIN_PROJECT=admin
DOMAIN=default  # the id of the domain keystone-manage bootstrap creates (its name is Default)
READY_SECONDS=60

say() { printf 'keystone.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# The PID in a pid file, if that process runs and its command line matches: a recycled PID belonging to another
# program must never be signalled.
recorded_pid() {
  local file=$1 pattern=$2 pid
  [ -f "$file" ] || return 1
  pid="$(<"$file")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$pattern" || return 1
  echo "$pid"
}

running_pid() { recorded_pid "$PID_FILE" "uwsgi.*OS_KEYSTONE_CONFIG_FILES=$CONF"; }
memcached_pid() { recorded_pid "$MEMCACHED_PID_FILE" "memcached.*$MEMCACHED_SOCKET"; }

install_packages() {
  local missing=()
  command -v keystone-manage >/dev/null || missing+=(keystone)
  command -v uwsgi >/dev/null || missing+=(uwsgi)
  [ -e /usr/lib/uwsgi/plugins/python3_plugin.so ] || missing+=(uwsgi-plugin-python3)
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  command -v memcached >/dev/null || missing+=(memcached)
  /usr/bin/python3 -c 'import memcache' 2>/dev/null || missing+=(python3-memcache)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return
  say "installing the Debian packages ${missing[*]}"
  # Debian starts a packaged server at once unless policy-rc.d says no; the image's policy-rc.d exits 101.
  [ -x /usr/sbin/policy-rc.d ] || die "/usr/sbin/policy-rc.d is missing: it must exit 101 so that apt starts no server"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; }
}

password() {
  if [ ! -s "$PASSWORD_FILE" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=\n' >"$PASSWORD_FILE")
  fi
  cat "$PASSWORD_FILE"
}

write_config() {
  # The directories keystone writes to belong to it; the folder itself and the password file stay root's.
  install -d -m 755 "$DIR"
  install -d -m 700 -o keystone -g keystone "$DB_DIR" "$DIR/fernet-keys" "$DIR/credential-keys"
  install -d -m 755 -o keystone -g keystone "$LOG_DIR"
  install -d -m 700 -o keystone -g keystone "$RUN_DIR"
  cat >"$CONF" <<CONF
[DEFAULT]
log_file = $LOG_DIR/keystone.log
debug = false
[database]
connection = sqlite:///$DB_DIR/keystone.db
[token]
provider = fernet
[fernet_tokens]
key_repository = $DIR/fernet-keys
[fernet_receipts]
key_repository = $DIR/fernet-keys
[credential]
key_repository = $DIR/credential-keys
[identity]
# A throwaway test server: bcrypt's cheapest cost keeps each login and user creation to milliseconds, not ~0.3 s.
password_hash_rounds = 4
[cache]
# One memcached for both workers, so that an invalidation made by one (revocation, disabled user) reaches the other.
enabled = true
backend = dogpile.cache.memcached
memcache_servers = unix:$MEMCACHED_SOCKET
CONF
  chmod 644 "$CONF"
}

as_keystone() { runuser -u keystone -- "$@"; }

# keystone-manage, its chatter (and eventlet's noise at exit) into a log that is shown only when it fails.
km() {
  as_keystone keystone-manage --config-file "$CONF" "$@" >>"$LOG_DIR/keystone-manage.log" 2>&1 \
    || { say "keystone-manage $1 failed; last log lines:"; tail -n 20 "$LOG_DIR/keystone-manage.log" >&2; exit 1; }
}

bootstrap() {
  [ -f "$READY_MARK" ] && return
  say "creating the database, keys and admin account in $DIR"
  km db_sync
  # WAL journal: without it two uwsgi workers writing at once fail with "database is locked".
  as_keystone sqlite3 "$DB_DIR/keystone.db" 'PRAGMA journal_mode=WAL;' >/dev/null
  [ -f "$DIR/fernet-keys/0" ] || km fernet_setup --keystone-user keystone --keystone-group keystone
  [ -f "$DIR/credential-keys/0" ] || km credential_setup --keystone-user keystone --keystone-group keystone
  km bootstrap --bootstrap-password "$(password)" \
    --bootstrap-username "$ADMIN_USER" --bootstrap-project-name "$ADMIN_PROJECT" --bootstrap-role-name admin \
    --bootstrap-service-name keystone --bootstrap-region-id RegionOne \
    --bootstrap-admin-url "$URL/" --bootstrap-internal-url "$URL/" --bootstrap-public-url "$URL/"
  touch "$READY_MARK"
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

wait_ready() {
  local pid=$1 deadline=$((SECONDS + READY_SECONDS))
  until curl -fs -o /dev/null "$URL"; do
    kill -0 "$pid" 2>/dev/null || { say "uwsgi exited during start-up; last log lines:"; tail -n 20 "$UWSGI_LOG" >&2; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { say "no answer from $URL after ${READY_SECONDS}s; see $UWSGI_LOG"; exit 1; }
    sleep 0.2
  done
}

start_memcached() {
  memcached_pid >/dev/null && return
  rm -f "$MEMCACHED_SOCKET"
  # Run as root, memcached drops to user keystone itself (-u) without forking, so $! is memcached's own PID.
  nohup memcached -u keystone -s "$MEMCACHED_SOCKET" -a 0700 -m 64 >>"$LOG_DIR/memcached.log" 2>&1 </dev/null &
  echo $! >"$MEMCACHED_PID_FILE"
  local deadline=$((SECONDS + 10))
  until [ -S "$MEMCACHED_SOCKET" ]; do
    kill -0 "$(<"$MEMCACHED_PID_FILE")" 2>/dev/null || die "memcached exited during start-up; see $LOG_DIR/memcached.log"
    [ "$SECONDS" -lt "$deadline" ] || die "memcached created no socket $MEMCACHED_SOCKET within 10 s"
    sleep 0.1
  done
}

start() {
  local pid
  if pid="$(running_pid)" && memcached_pid >/dev/null; then
    echo "keystone already running (pid $pid) at $URL"
    return 0
  fi
  # A half-running service (one of the two died) is restarted whole, so that uwsgi starts with an empty cache.
  stop >/dev/null
  install_packages
  port_taken && die "127.0.0.1:$PORT is taken by another program; not starting"
  write_config
  password >/dev/null
  bootstrap
  start_memcached
  # Two worker processes at least: a validation call made while another request runs must not queue behind it.
  # Connection: close because uwsgi's http-socket does not do keep-alive; clients must not reuse the socket.
  nohup uwsgi --plugin python3 --http-socket "127.0.0.1:$PORT" --wsgi-file /usr/bin/keystone-wsgi-public \
    --master --processes 2 --threads 1 --lazy-apps --die-on-term --no-orphans --buffer-size 65535 \
    --add-header 'Connection: close' --uid keystone --gid keystone \
    --env "OS_KEYSTONE_CONFIG_FILES=$CONF" >>"$UWSGI_LOG" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  wait_ready "$!"
  echo "keystone running (pid $(<"$PID_FILE")) at $URL, data in $DIR"
}

stop() {
  local pid stopped=""
  if pid="$(running_pid)"; then
    terminate "$pid"
    stopped="uwsgi pid $pid"
  fi
  if pid="$(memcached_pid)"; then
    terminate "$pid"
    stopped="${stopped:+$stopped, }memcached pid $pid"
  fi
  rm -f "$PID_FILE" "$MEMCACHED_PID_FILE"
  if [ -n "$stopped" ]; then echo "keystone stopped ($stopped)"; else echo "keystone not running"; fi
}

print_env() {
  [ -s "$PASSWORD_FILE" ] || die "no admin password yet in $PASSWORD_FILE: run services/keystone.sh start first"
  echo "export ZONELAKE_IT_KEYSTONE_URL=$URL"
  echo "export ZONELAKE_IT_KEYSTONE_ADMIN_USER=$ADMIN_USER"
  echo "export ZONELAKE_IT_KEYSTONE_ADMIN_PASSWORD=$(<"$PASSWORD_FILE")"
  echo "export ZONELAKE_IT_KEYSTONE_ADMIN_PROJECT=$ADMIN_PROJECT"
  echo "export ZONELAKE_IT_KEYSTONE_DOMAIN=$DOMAIN"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  status)
    if pid="$(running_pid)" && mpid="$(memcached_pid)"; then
      echo "keystone running (uwsgi pid $pid, memcached pid $mpid) at $URL"
    else
      echo "keystone not running"; exit 1
    fi ;;
  *) echo "usage: $0 start | env | status | stop" >&2; exit 2 ;;
esac
