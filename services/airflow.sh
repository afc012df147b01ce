#!/usr/bin/env bash
# Apache Airflow for the process-zone ITs, on 127.0.0.1 only, everything under the services directory.
#
#   services/airflow.sh start [--v2]   install Airflow into its venv (once), write airflow.cfg, migrate the metadata
#                                      database, start the components, wait until the lake's DAGs are parsed
#   services/airflow.sh env [--v2]     print the export lines the ITs read (eval "$(services/airflow.sh env)")
#   services/airflow.sh status [--v2]  say which components run
#   services/airflow.sh stop [--v2]    stop the components this script started, by their recorded PIDs
#
# Airflow 3 (default): api-server on 127.0.0.1:58090, scheduler (LocalExecutor) and dag-processor, metadata in
# SQLite (Airflow 3's tasks reach the database only through the api-server, so LocalExecutor runs with SQLite).
# Airflow 2 (--v2): the last 2.x, webserver with the basic-auth REST API on 127.0.0.1:58091, scheduler with the
# SequentialExecutor (the one Airflow 2 allows with SQLite).
# Both load the DAGs of pipelines/airflow/dags and the IT probe DAG of pipelines/airflow/tests/dags.
#
# What the DAG's spark-submit tasks read (see pipelines/airflow/README.md): ZONELAKE_SPARK_SUBMIT and
# ZONELAKE_SPARK_MASTER (default: ZONELAKE_IT_SPARK_SUBMIT / ZONELAKE_IT_SPARK_MASTER from services/spark.sh env),
# ZONELAKE_PIPELINES_JOB_JAR (default: pipelines-job/target/zonelake-pipelines-job.jar) and the lake's ZONELAKE_*
# settings, from this script's environment at start or, read at every task run, from the file
# ZONELAKE_PIPELINES_JOB_ENV_FILE (default: <airflow dir>/pipelines-job.env, KEY=VALUE lines, keep it 0600).
# ZONELAKE_SPARK_SUBMIT_CONF (extra key=value --conf entries) and SPARK_LOCAL_IP default to the driver on 127.0.0.1.
# A changed environment takes effect after 'stop' and 'start'; the job environment file at the next task run.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SERVICES_DIR=${ZONELAKE_SERVICES_DIR:-/tmp/zonelake-services}
COMMAND=${1:-}
FLAVOUR=v3
[[ ${2:-} == --v2 ]] && FLAVOUR=v2
USER_NAME=zonelake
DAG_IDS=(zonelake_object_stored zonelake_it_probe)
READY_SECONDS=${ZONELAKE_AIRFLOW_READY_SECONDS:-240}
IMPORT_ERROR_GRACE_SECONDS=40

if [[ $FLAVOUR == v3 ]]; then
  PORT=${ZONELAKE_IT_AIRFLOW_PORT:-58090}
  VENV=$SERVICES_DIR/venvs/airflow
  REQUIREMENTS=$ROOT/pipelines/airflow/requirements.txt
  DIR=$SERVICES_DIR/airflow/v3
  COMPONENTS=(api-server scheduler dag-processor)
  API=api/v2
  ENV_PREFIX=ZONELAKE_IT_AIRFLOW
else
  PORT=${ZONELAKE_IT_AIRFLOW2_PORT:-58091}
  VENV=$SERVICES_DIR/venvs/airflow2
  REQUIREMENTS=$ROOT/pipelines/airflow/requirements-v2.txt
  DIR=$SERVICES_DIR/airflow/v2
  COMPONENTS=(webserver scheduler)
  API=api/v1
  ENV_PREFIX=ZONELAKE_IT_AIRFLOW2
fi
URL=http://127.0.0.1:$PORT
PASSWORD_FILE=$DIR/password
export AIRFLOW_HOME=$DIR
export AIRFLOW_CONFIG=$DIR/airflow.cfg
# Executors start task processes with the `airflow` command found on the PATH: ours.
export PATH=$VENV/bin:$PATH

say() { printf 'airflow.sh (%s): %s\n' "$FLAVOUR" "$*" >&2; }
die() { say "$*"; exit 1; }

# A PID file holds "pid start-time": a recycled PID (same number, other start time) is never taken for ours.
# Field 22 of /proc/PID/stat, counted after the command name, which may hold spaces (Airflow sets process titles).
start_time() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $20}'; }

running_pid() {
  local file=$DIR/$1.pid pid started
  [[ -f $file ]] || return 1
  read -r pid started <"$file" || return 1
  [[ -n $pid && -n $started && $(start_time "$pid") == "$started" ]] || return 1
  echo "$pid"
}

secret() {
  local file=$DIR/$1
  if [[ ! -s $file ]]; then
    (umask 077 && head -c "${2:-24}" /dev/urandom | base64 | tr -d '/+=\n' >"$file")
  fi
  cat "$file"
}

fernet_key() {
  local file=$DIR/fernet-key
  if [[ ! -s $file ]]; then
    (umask 077 && "$VENV/bin/python" -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())' >"$file")
  fi
  cat "$file"
}

install_if_missing() {
  local stamp=$VENV/.zonelake-requirements.sha256 wanted
  wanted=$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)
  [[ -x $VENV/bin/airflow && -f $stamp && $(<"$stamp") == "$wanted" ]] && return
  if ! python3 -m venv --help >/dev/null 2>&1; then
    say "installing python3-venv"
    apt-cache show python3-venv >/dev/null 2>&1 || apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  fi
  say "installing Airflow from $REQUIREMENTS into $VENV (a few minutes the first time)"
  mkdir -p "$(dirname "$VENV")"
  [[ -x $VENV/bin/python ]] || python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQUIREMENTS"
  echo "$wanted" >"$stamp"
}

write_config_v3() {
  cat >"$AIRFLOW_CONFIG" <<CONF
[core]
dags_folder = $ROOT/pipelines/airflow/dags
load_examples = False
executor = LocalExecutor
parallelism = 4
max_active_tasks_per_dag = 4
fernet_key = $(fernet_key)
execution_api_server_url = $URL/execution/
auth_manager = airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager
simple_auth_manager_users = $USER_NAME:admin
simple_auth_manager_passwords_file = $DIR/simple-auth-passwords.json

[database]
sql_alchemy_conn = sqlite:///$DIR/airflow.db

[api]
host = 127.0.0.1
port = $PORT
base_url = $URL
workers = 1
expose_config = False

[api_auth]
jwt_secret = $(secret jwt-secret 32)

[dag_processor]
refresh_interval = 10
min_file_process_interval = 10
dag_bundle_config_list = [
    {"name": "zonelake", "classpath": "airflow.dag_processing.bundles.local.LocalDagBundle",
     "kwargs": {"path": "$ROOT/pipelines/airflow/dags", "refresh_interval": 10}},
    {"name": "zonelake-it", "classpath": "airflow.dag_processing.bundles.local.LocalDagBundle",
     "kwargs": {"path": "$ROOT/pipelines/airflow/tests/dags", "refresh_interval": 10}}
  ]

[scheduler]
enable_health_check = False

[logging]
base_log_folder = $DIR/logs
logging_level = INFO
CONF
  # The simple auth manager reads the user's password from this file; it generates (and prints) one only for
  # users the file lacks, and ours is always there.
  (umask 077 && printf '{"%s": "%s"}\n' "$USER_NAME" "$(secret password)" >"$DIR/simple-auth-passwords.json")
}

write_config_v2() {
  # Airflow 2 reads one dags folder: links to both of ours.
  mkdir -p "$DIR/dags"
  ln -sfn "$ROOT/pipelines/airflow/dags" "$DIR/dags/zonelake"
  ln -sfn "$ROOT/pipelines/airflow/tests/dags" "$DIR/dags/zonelake-it"
  cat >"$AIRFLOW_CONFIG" <<CONF
[core]
dags_folder = $DIR/dags
load_examples = False
executor = SequentialExecutor
fernet_key = $(fernet_key)

[database]
sql_alchemy_conn = sqlite:///$DIR/airflow.db
load_default_connections = False

[api]
auth_backends = airflow.api.auth.backend.basic_auth

[webserver]
web_server_host = 127.0.0.1
web_server_port = $PORT
base_url = $URL
secret_key = $(secret webserver-secret 32)
workers = 1
expose_config = False

[scheduler]
dag_dir_list_interval = 10
min_file_process_interval = 10
enable_health_check = False

[logging]
base_log_folder = $DIR/logs
CONF
}

write_config() {
  mkdir -p "$DIR/logs"
  chmod 700 "$DIR"
  (umask 077 && "write_config_$FLAVOUR")
}

airflow_cli() { "$VENV/bin/airflow" "$@"; }

prepare_database() {
  airflow_cli db migrate >"$DIR/db-migrate.log" 2>&1 || { tail -n 20 "$DIR/db-migrate.log" >&2; die "airflow db migrate failed"; }
  if [[ $FLAVOUR == v2 ]]; then
    # FAB users live in the metadata database: create ours once, then keep its password in step with the file.
    airflow_cli users create --username "$USER_NAME" --password "$(secret password)" --role Admin \
      --firstname Zonelake --lastname Lake --email zonelake@localhost >"$DIR/users.log" 2>&1 \
      || airflow_cli users reset-password --username "$USER_NAME" --password "$(secret password)" >>"$DIR/users.log" 2>&1 \
      || die "cannot create the Airflow user $USER_NAME; see $DIR/users.log"
  fi
}

task_environment() {
  # What the DAG's spark-submit tasks see; the scheduler (and its LocalExecutor workers) inherit it.
  export ZONELAKE_SPARK_SUBMIT=${ZONELAKE_SPARK_SUBMIT:-${ZONELAKE_IT_SPARK_SUBMIT:-}}
  export ZONELAKE_SPARK_MASTER=${ZONELAKE_SPARK_MASTER:-${ZONELAKE_IT_SPARK_MASTER:-}}
  export ZONELAKE_PIPELINES_JOB_JAR=${ZONELAKE_PIPELINES_JOB_JAR:-$ROOT/pipelines-job/target/zonelake-pipelines-job.jar}
  export ZONELAKE_PIPELINES_JOB_ENV_FILE=${ZONELAKE_PIPELINES_JOB_ENV_FILE:-$DIR/pipelines-job.env}
  # On this machine every server binds 127.0.0.1, the job's Spark driver included.
  export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
  export ZONELAKE_SPARK_SUBMIT_CONF=${ZONELAKE_SPARK_SUBMIT_CONF:-spark.driver.host=127.0.0.1 spark.driver.bindAddress=127.0.0.1}
}

component_args() {
  case $1 in
    api-server) echo "--host 127.0.0.1 --port $PORT --workers 1" ;;
    webserver) echo "--hostname 127.0.0.1 --port $PORT --workers 1" ;;
    *) echo "" ;;
  esac
}

start_component() {
  local component=$1 pid
  if pid=$(running_pid "$component"); then
    say "$component already running (pid $pid)"
    return
  fi
  # setsid: the component leads its own process group, so stop can end it with its workers and nothing else.
  # shellcheck disable=SC2046
  setsid nohup "$VENV/bin/airflow" "$component" $(component_args "$component") >"$DIR/$component.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid $(start_time "$pid")" >"$DIR/$component.pid"
  say "$component started (pid $pid), log $DIR/$component.log"
}

curl_api() { curl -fsS --max-time 10 "$@"; }

# Writes the Authorization header to a 0600 file that curl reads (-H @file): no secret on a command line.
write_auth_header() {
  local file=$DIR/.auth-header
  if [[ $FLAVOUR == v3 ]]; then
    local token
    token=$(printf '{"username": "%s", "password": "%s"}' "$USER_NAME" "$(secret password)" \
      | curl_api -X POST "$URL/auth/token" -H 'Content-Type: application/json' --data-binary @- \
      | "$VENV/bin/python" -c 'import json, sys; print(json.load(sys.stdin)["access_token"])') || return 1
    (umask 077 && echo "Authorization: Bearer $token" >"$file")
  else
    (umask 077 && echo "Authorization: Basic $(printf '%s:%s' "$USER_NAME" "$(secret password)" | base64 -w0)" >"$file")
  fi
  echo "$file"
}

check_alive() {
  local component
  for component in "${COMPONENTS[@]}"; do
    running_pid "$component" >/dev/null && continue
    say "$component exited during start-up; last log lines:"
    tail -n 30 "$DIR/$component.log" >&2
    return 1
  done
}

import_errors() {
  curl_api -H "@$1" "$URL/$API/importErrors" \
    | "$VENV/bin/python" -c 'import json, sys; [print(e["filename"], e["stack_trace"][-600:], sep="\n") for e in json.load(sys.stdin)["import_errors"]]'
}

dags_present() {
  local dag
  for dag in "${DAG_IDS[@]}"; do
    curl_api -o /dev/null -H "@$1" "$URL/$API/dags/$dag" 2>/dev/null || return 1
  done
}

wait_until_parsed() {
  local started=$SECONDS deadline=$((SECONDS + READY_SECONDS)) header="" errors
  while ((SECONDS < deadline)); do
    check_alive || return 1
    [[ -n $header ]] || header=$(write_auth_header 2>/dev/null) || header=""
    if [[ -n $header ]] && dags_present "$header"; then
      errors=$(import_errors "$header" 2>/dev/null || true)
      [[ -z $errors ]] && return 0
      # A file fixed since the last start keeps its import error until its next parse (every 10 s): give it time.
      if ((SECONDS > started + IMPORT_ERROR_GRACE_SECONDS)); then
        say "DAG import errors:"
        echo "$errors" >&2
        return 1
      fi
    fi
    sleep 1
  done
  say "the DAGs ${DAG_IDS[*]} were not parsed within ${READY_SECONDS}s; see the logs in $DIR"
  return 1
}

start() {
  mkdir -p "$DIR"
  install_if_missing
  write_config
  prepare_database
  task_environment
  local component
  for component in "${COMPONENTS[@]}"; do
    start_component "$component"
  done
  wait_until_parsed || die "Airflow did not get ready"
  say "ready at $URL ($API), DAGs ${DAG_IDS[*]} parsed, data in $DIR"
}

stop_component() {
  local component=$1 pid
  if ! pid=$(running_pid "$component"); then
    rm -f "$DIR/$component.pid"
    say "$component not running"
    return
  fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 300); do
    [[ $(start_time "$pid") == "" ]] && break
    sleep 0.1
  done
  if [[ -n $(start_time "$pid") ]]; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  fi
  rm -f "$DIR/$component.pid"
  say "$component stopped (pid $pid)"
}

stop() {
  local component
  for component in "${COMPONENTS[@]}"; do
    stop_component "$component"
  done
}

status() {
  local component pid down=0
  for component in "${COMPONENTS[@]}"; do
    if pid=$(running_pid "$component"); then
      say "$component running (pid $pid)"
    else
      say "$component not running"
      down=1
    fi
  done
  ((down == 0)) && say "ready at $URL"
  return $down
}

print_env() {
  [[ -s $PASSWORD_FILE ]] || die "no Airflow in $DIR yet: run '$0 start${2:+ $2}' first"
  echo "export ${ENV_PREFIX}_URL=$URL"
  echo "export ${ENV_PREFIX}_USER=$USER_NAME"
  echo "export ${ENV_PREFIX}_PASSWORD=$(<"$PASSWORD_FILE")"
  echo "export ${ENV_PREFIX}_API_VERSION=${API#api/}"
  # Where the DAG's tasks read the lake's settings for the pipelines job (a distributed lake writes it).
  echo "export ${ENV_PREFIX}_JOB_ENV_FILE=${ZONELAKE_PIPELINES_JOB_ENV_FILE:-$DIR/pipelines-job.env}"
}

case $COMMAND in
  start) start ;;
  stop) stop ;;
  env) print_env "$@" ;;
  status) status ;;
  *) echo "usage: $0 start | env | status | stop [--v2]" >&2; exit 2 ;;
esac
