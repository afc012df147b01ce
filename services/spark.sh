#!/usr/bin/env bash
# A Spark standalone cluster for the distributed pipelines: one master and two workers (1 core, 2 GiB each), every
# listener on 127.0.0.1. Spark comes from the PySpark wheel of the project's ${spark.version}, which ships the whole
# distribution (bin/spark-submit, bin/spark-class, jars/); the daemons are started with spark-class, since the
# wheel has no sbin/ scripts. Usage: services/spark.sh start | env | status | stop
#
# Settings: ZONELAKE_SERVICES_DIR (default /tmp/zonelake-services): configuration, logs, PID files and the workers'
# work directories live in its spark/ folder, the venv in venvs/pyspark.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SERVICES_DIR=${ZONELAKE_SERVICES_DIR:-/tmp/zonelake-services}
DIR=$SERVICES_DIR/spark
VENV=$SERVICES_DIR/venvs/pyspark
HOST=127.0.0.1
MASTER_PORT=57077
MASTER_UI_PORT=58070
WORKER_UI_PORTS=(58071 58072)
WORKER_CORES=1
WORKER_MEMORY=2g
MASTER_URL=spark://$HOST:$MASTER_PORT
MASTER_UI=http://$HOST:$MASTER_UI_PORT
READY_SECONDS=90

say() { printf 'spark.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# One version for the job jar and the cluster: the root pom's spark.version.
spark_version() {
  sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$ROOT/pom.xml" | head -n 1
}

spark_home() {
  "$VENV/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))'
}

install_java_if_missing() {
  command -v java >/dev/null && return
  say "installing a Java 17 runtime from Debian"
  apt-cache show openjdk-17-jre-headless >/dev/null 2>&1 || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
}

# The python3 on PATH (pyenv here); Debian's needs python3-venv to make venvs.
venv_python() {
  if command -v python3 >/dev/null && python3 -c 'import ensurepip, venv' 2>/dev/null; then
    command -v python3
    return
  fi
  apt-cache show python3-venv >/dev/null 2>&1 || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  echo /usr/bin/python3
}

install_pyspark() {
  local version installed
  version=$(spark_version)
  [[ -n $version ]] || die "no <spark.version> in $ROOT/pom.xml"
  installed=$("$VENV/bin/python" -c 'import pyspark; print(pyspark.__version__)' 2>/dev/null || true)
  [[ $installed == "$version" ]] && return
  say "installing PySpark $version (with its Spark distribution) into $VENV"
  [[ -x $VENV/bin/python ]] || "$(venv_python)" -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check "pyspark==$version"
}

# Only our daemons count: the PID must be alive and be Spark's $class started by this script with $marker.
running_pid() {
  local pid_file=$1 class=$2 marker=$3 pid
  [[ -f $pid_file ]] || return 1
  pid=$(<"$pid_file")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$class.*$marker" || return 1
  echo "$pid"
}

master_pid() { running_pid "$DIR/master.pid" org.apache.spark.deploy.master.Master "--webui-port $MASTER_UI_PORT"; }
worker_pid() { running_pid "$DIR/worker-$1.pid" org.apache.spark.deploy.worker.Worker "--webui-port ${WORKER_UI_PORTS[$1 - 1]}"; }

port_taken() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

write_config() {
  mkdir -p "$DIR/conf" "$DIR/logs" "$DIR/local"
  # No event log, no REST submission server: clients submit over the master's RPC port only.
  cat >"$DIR/conf/spark-defaults.conf" <<CONF
spark.master.rest.enabled false
spark.ui.showConsoleProgress false
CONF
}

daemon_env() {
  export SPARK_HOME
  SPARK_HOME=$(spark_home)
  export SPARK_CONF_DIR=$DIR/conf
  # Every listener (RPC, block manager, web UIs) binds to this address.
  export SPARK_LOCAL_IP=$HOST
  export SPARK_LOCAL_HOSTNAME=$HOST
  export SPARK_DAEMON_MEMORY=512m
  export SPARK_LOG_DIR=$DIR/logs
  # Executors' scratch space (shuffle, spilled blocks) under the services dir, removed by the worker per application.
  export SPARK_LOCAL_DIRS=$DIR/local
}

start_master() {
  local pid
  if pid=$(master_pid); then
    say "master already running (pid $pid) at $MASTER_URL"
    return
  fi
  port_taken "$MASTER_PORT" && die "port $MASTER_PORT is taken by another program"
  nohup "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master \
    --host "$HOST" --port "$MASTER_PORT" --webui-port "$MASTER_UI_PORT" \
    >"$DIR/logs/master.log" 2>&1 </dev/null &
  echo $! >"$DIR/master.pid"
}

start_worker() {
  local n=$1 ui_port=${WORKER_UI_PORTS[$1 - 1]} pid
  if pid=$(worker_pid "$n"); then
    say "worker $n already running (pid $pid)"
    return
  fi
  port_taken "$ui_port" && die "port $ui_port is taken by another program"
  mkdir -p "$DIR/work-$n"
  # Finished applications' directories are swept, so repeated test runs do not fill the disk.
  SPARK_WORKER_OPTS="-Dspark.worker.cleanup.enabled=true -Dspark.worker.cleanup.appDataTtl=3600" \
    nohup "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker \
    --host "$HOST" --webui-port "$ui_port" --cores "$WORKER_CORES" --memory "$WORKER_MEMORY" \
    --work-dir "$DIR/work-$n" "$MASTER_URL" \
    >"$DIR/logs/worker-$n.log" 2>&1 </dev/null &
  echo $! >"$DIR/worker-$n.pid"
}

alive_workers() {
  curl -fs "$MASTER_UI/json/" 2>/dev/null | "$VENV/bin/python" -c 'import json, sys; print(json.load(sys.stdin).get("aliveworkers", 0))' 2>/dev/null || echo 0
}

wait_for_workers() {
  local deadline=$((SECONDS + READY_SECONDS))
  until [[ $(alive_workers) == 2 ]]; do
    master_pid >/dev/null || { say "the master exited; last log lines:"; tail -n 20 "$DIR/logs/master.log" >&2; exit 1; }
    for n in 1 2; do
      worker_pid "$n" >/dev/null || { say "worker $n exited; last log lines:"; tail -n 20 "$DIR/logs/worker-$n.log" >&2; exit 1; }
    done
    [[ $SECONDS -lt $deadline ]] || die "the master at $MASTER_UI did not report 2 alive workers within ${READY_SECONDS}s; logs in $DIR/logs"
    sleep 0.5
  done
}

start() {
  install_java_if_missing
  install_pyspark
  write_config
  daemon_env
  start_master
  start_worker 1
  start_worker 2
  wait_for_workers
  say "master $MASTER_URL (UI $MASTER_UI) with 2 alive workers; Spark $(spark_version) in $SPARK_HOME"
}

stop_pid() {
  local name=$1 pid=$2
  kill "$pid"
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  say "$name stopped (pid $pid)"
}

stop() {
  local pid
  # Workers first, so they do not try to reconnect to a master that is going away.
  for n in 1 2; do
    if pid=$(worker_pid "$n"); then stop_pid "worker $n" "$pid"; else say "worker $n not running"; fi
    rm -f "$DIR/worker-$n.pid"
  done
  if pid=$(master_pid); then stop_pid master "$pid"; else say "master not running"; fi
  rm -f "$DIR/master.pid"
}

status() {
  local pid down=0
  if pid=$(master_pid); then echo "master running (pid $pid) at $MASTER_URL, UI $MASTER_UI"; else echo "master not running"; down=1; fi
  for n in 1 2; do
    if pid=$(worker_pid "$n"); then echo "worker $n running (pid $pid)"; else echo "worker $n not running"; down=1; fi
  done
  [[ $down == 0 ]] && echo "alive workers reported by the master: $(alive_workers)"
  return "$down"
}

print_env() {
  [[ -x $VENV/bin/python ]] || die "no PySpark venv in $VENV yet: run '$0 start' first"
  local home
  home=$(spark_home)
  echo "export ZONELAKE_IT_SPARK_MASTER=$MASTER_URL"
  echo "export ZONELAKE_IT_SPARK_MASTER_UI=$MASTER_UI"
  echo "export ZONELAKE_IT_SPARK_SUBMIT=$home/bin/spark-submit"
  echo "export ZONELAKE_IT_SPARK_HOME=$home"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  status) status ;;
  *) echo "usage: $0 start | env | status | stop" >&2; exit 2 ;;
esac
