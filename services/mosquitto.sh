#!/usr/bin/env bash
# A Mosquitto broker of our own for the MQTT flows' ITs: one listener on 127.0.0.1:51883, password auth (no anonymous
# clients), no persistence, config and log under the services directory.
#
#   services/mosquitto.sh start    install mosquitto if missing, write the config and password file, start, wait
#   services/mosquitto.sh env      print the export lines the *IT tests read (eval "$(services/mosquitto.sh env)")
#   services/mosquitto.sh status   exit 0 when our broker accepts our credentials
#   services/mosquitto.sh check    publish and subscribe round trip with the credentials; anonymous must be refused
#   services/mosquitto.sh stop     stop our broker (the PID in mosquitto/mosquitto.pid), and nothing else
#
# Settings: ZONELAKE_SERVICES_DIR (default /tmp/zonelake-services). Run as root: the broker then drops to the
# Debian package's user mosquitto, which owns the password file.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=51883
DIR=${ZONELAKE_SERVICES_DIR:-/tmp/zonelake-services}/mosquitto
CONF=$DIR/mosquitto.conf
PASSWD=$DIR/passwd
PASSWORD_FILE=$DIR/password
PID_FILE=$DIR/mosquitto.pid
LOG=$DIR/mosquitto.log
# The clients read default options from $XDG_CONFIG_HOME/mosquitto_pub and _sub: the password stays off command lines.
CLIENT_CONFIG=$DIR/client-config
USER_NAME=zonelake
URL=tcp://127.0.0.1:$PORT
READY_SECONDS=30

say() { printf 'mosquitto.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

running_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  # Only our broker counts: a recycled PID belonging to another program must never be signalled.
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "mosquitto -c $CONF" || return 1
  echo "$pid"
}

install_if_missing() {
  command -v mosquitto >/dev/null && command -v mosquitto_pub >/dev/null && command -v mosquitto_passwd >/dev/null && return
  # The image's policy-rc.d keeps the package from starting its system-wide broker; ours runs as configured below.
  apt-cache show mosquitto >/dev/null 2>&1 || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mosquitto mosquitto-clients >/dev/null
}

password() {
  if [[ ! -s $PASSWORD_FILE ]]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=\n' >"$PASSWORD_FILE")
  fi
  cat "$PASSWORD_FILE"
}

# Written on every start from the password file, so the two never disagree; mosquitto_passwd reads it from stdin.
write_credentials() {
  local pw
  pw=$(password)
  rm -f "$PASSWD"
  (umask 077 && printf '%s\n%s\n' "$pw" "$pw" | mosquitto_passwd -c "$PASSWD" "$USER_NAME" >/dev/null)
  chown mosquitto: "$PASSWD"
  mkdir -p "$CLIENT_CONFIG"
  (umask 077 && for client in mosquitto_pub mosquitto_sub; do
    printf -- '-h 127.0.0.1\n-p %s\n-u %s\n-P %s\n' "$PORT" "$USER_NAME" "$pw" >"$CLIENT_CONFIG/$client"
  done)
}

write_config() {
  mkdir -p "$DIR"
  cat >"$CONF" <<CONF
# Zonelake integration-test broker (services/mosquitto.sh)
listener $PORT 127.0.0.1
allow_anonymous false
password_file $PASSWD
persistence false
user mosquitto
log_dest stderr
log_type error
log_type warning
log_type notice
log_type information
connection_messages true
CONF
}

as_client() { XDG_CONFIG_HOME=$CLIENT_CONFIG "$@"; }

accepts_credentials() {
  as_client mosquitto_pub -q 1 -t zonelake/ready -m ready 2>/dev/null
}

wait_ready() { await_ready mosquitto "$1" "$READY_SECONDS" "$LOG" accepts_credentials; }

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

start() {
  local pid
  if pid=$(running_pid); then
    say "already running (pid $pid) at $URL"
    return 0
  fi
  port_taken && die "port $PORT is taken by another program"
  install_if_missing
  write_config
  write_credentials
  nohup mosquitto -c "$CONF" >>"$LOG" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  wait_ready "$!"
  say "running (pid $(<"$PID_FILE")) at $URL, user $USER_NAME"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    say "not running"
    rm -f "$PID_FILE"
    return 0
  fi
  terminate "$pid" 10
  rm -f "$PID_FILE"
  say "stopped (pid $pid)"
}

# Subscribes, waits for the broker's SUBACK in the subscriber's debug output (no fixed sleep), publishes one QoS 1
# message with a random payload and expects exactly it back; then an anonymous client must be refused.
check() {
  running_pid >/dev/null || die "not running: run '$0 start' first"
  local topic payload out sub deadline
  topic=zonelake/check/$$
  payload="round trip $(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  out=$(mktemp)
  # stdbuf: the debug lines must reach the file as they happen, not when stdout's buffer fills.
  as_client stdbuf -oL mosquitto_sub -d -q 1 -t "$topic" -C 1 -W 20 >"$out" 2>&1 &
  sub=$!
  deadline=$((SECONDS + 20))
  until grep -q SUBACK "$out"; do
    kill -0 "$sub" 2>/dev/null || { cat "$out" >&2; rm -f "$out"; die "check failed: the subscriber could not subscribe"; }
    [[ $SECONDS -lt $deadline ]] || { kill "$sub"; rm -f "$out"; die "check failed: no SUBACK within 20 s"; }
    sleep 0.05
  done
  as_client mosquitto_pub -q 1 -t "$topic" -m "$payload" || { kill "$sub"; rm -f "$out"; die "check failed: publish refused"; }
  wait "$sub" || { cat "$out" >&2; rm -f "$out"; die "check failed: the subscriber got nothing"; }
  grep -qxF "$payload" "$out" || { cat "$out" >&2; rm -f "$out"; die "check failed: the payload came back different"; }
  rm -f "$out"
  say "round trip on $topic: published and received '$payload'"
  if XDG_CONFIG_HOME=/nonexistent mosquitto_pub -h 127.0.0.1 -p "$PORT" -t "$topic" -m anonymous 2>/dev/null; then
    die "check failed: the broker accepted an anonymous client"
  fi
  say "an anonymous client is refused"
}

print_env() {
  [[ -s $PASSWORD_FILE ]] || die "no broker in $DIR yet: run '$0 start' first"
  echo "export ZONELAKE_IT_MQTT_URL=$URL"
  echo "export ZONELAKE_IT_MQTT_USER=$USER_NAME"
  echo "export ZONELAKE_IT_MQTT_PASSWORD=$(cat "$PASSWORD_FILE")"
}

status() {
  local pid
  if pid=$(running_pid) && accepts_credentials; then
    say "running (pid $pid) at $URL"
  else
    say "not running"
    return 1
  fi
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  status) status ;;
  check) check ;;
  *) echo "usage: $0 start | env | status | check | stop" >&2; exit 2 ;;
esac
