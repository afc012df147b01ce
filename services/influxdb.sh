#!/usr/bin/env bash
# The InfluxDB 1.x server the time-series ITs run against: every listener on 127.0.0.1, data under the services
# directory, no reporting. Usage: services/influxdb.sh start | env | status | stop
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=${ZONELAKE_IT_INFLUXDB_PORT:-58086}
RPC_PORT=${ZONELAKE_IT_INFLUXDB_RPC_PORT:-58088}
DIR=${ZONELAKE_SERVICES_DIR:-/tmp/zonelake-services}/influxdb
CONF=$DIR/influxdb.conf
PID_FILE=$DIR/influxd.pid
LOG=$DIR/influxd.log
URL=http://127.0.0.1:$PORT

running_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  # Only our influxd counts: a recycled PID belonging to another program must never be signalled.
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "influxd.*$CONF" || return 1
  echo "$pid"
}

install_if_missing() {
  command -v influxd >/dev/null && return
  # The image's policy-rc.d keeps the package from starting a system-wide service; ours runs as configured below.
  apt-cache show influxdb >/dev/null 2>&1 || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq influxdb >/dev/null
}

write_config() {
  mkdir -p "$DIR"
  cat >"$CONF" <<CONF
reporting-enabled = false
bind-address = "127.0.0.1:$RPC_PORT"

[meta]
  dir = "$DIR/meta"

[data]
  dir = "$DIR/data"
  wal-dir = "$DIR/wal"
  query-log-enabled = false

[monitor]
  store-enabled = false

[http]
  enabled = true
  bind-address = "127.0.0.1:$PORT"
  auth-enabled = false
  log-enabled = false

[subscriber]
  enabled = false
CONF
}

pings() { curl -fs -o /dev/null "$URL/ping"; }

wait_for_ping() { await_ready influxd "$1" 30 "$LOG" pings; }

start() {
  if pid=$(running_pid); then
    echo "influxd already running (pid $pid) at $URL"
    return 0
  fi
  install_if_missing
  write_config
  nohup influxd -config "$CONF" >"$LOG" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  wait_for_ping "$!"
  echo "influxd running (pid $(<"$PID_FILE")) at $URL, data in $DIR"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    echo "influxd not running"
    rm -f "$PID_FILE"
    return 0
  fi
  terminate "$pid" 10
  rm -f "$PID_FILE"
  echo "influxd stopped (pid $pid)"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  env) echo "export ZONELAKE_IT_INFLUXDB_URL=$URL" ;;
  status) if pid=$(running_pid); then echo "influxd running (pid $pid) at $URL"; else echo "influxd not running"; exit 1; fi ;;
  *) echo "usage: $0 start | env | status | stop" >&2; exit 2 ;;
esac
