#!/usr/bin/env bash
# A Neo4j Community server of our own for the graph-zone ITs: its own process, Bolt on 127.0.0.1:57687, HTTP on
# 127.0.0.1:57474, authentication on with a generated password, everything under the services directory.
#
#   services/neo4j.sh start    resolve the server's jars from Maven Central (once, into neo4j/lib), write the config,
#                              set the initial password (first start only), start the server, wait for Bolt
#   services/neo4j.sh env      print the export lines the *IT tests read (eval "$(services/neo4j.sh env)")
#   services/neo4j.sh status   exit 0 when our server answers a query
#   services/neo4j.sh stop     stop our server (the PID in neo4j/neo4j.pid), and nothing else
#
# Neo4j has no Debian package; its jars are on Maven Central. services/neo4j/pom.xml lists them and the version is
# ${neo4j.version} of the root pom, so the server is the same Neo4j 5.26 as the lake's embedded one.
# Settings: ZONELAKE_SERVICES_DIR (default /tmp/zonelake-services), ZONELAKE_IT_NEO4J_HEAP (default 1g).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BOLT_PORT=57687
HTTP_PORT=57474
DIR=${ZONELAKE_SERVICES_DIR:-/tmp/zonelake-services}/neo4j
LIB=$DIR/lib
CONF_DIR=$DIR/conf
PID_FILE=$DIR/neo4j.pid
LOG=$DIR/neo4j.out
PASSWORD_FILE=$DIR/password
HEAP=${ZONELAKE_IT_NEO4J_HEAP:-1g}
USER_NAME=neo4j
URL=bolt://127.0.0.1:$BOLT_PORT
READY_SECONDS=180

say() { printf 'neo4j.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

neo4j_version() {
  sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$ROOT/pom.xml" | head -1
}

running_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  # Only our server counts: a recycled PID belonging to another program must never be signalled.
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "CommunityEntryPoint --home-dir=$DIR " || return 1
  echo "$pid"
}

install_java_if_missing() {
  command -v java >/dev/null && return
  apt-cache show openjdk-17-jre-headless >/dev/null 2>&1 || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
}

# The jars are resolved once per version; a marker written last makes an interrupted copy start over.
resolve_jars() {
  local version
  version=$(neo4j_version)
  [[ -n $version ]] || die "no <neo4j.version> in $ROOT/pom.xml"
  [[ -f $LIB/.neo4j-$version ]] && return
  say "resolving the jars of Neo4j $version from Maven Central into $LIB"
  rm -rf "$LIB"
  (cd "$ROOT" && ./mvnw -q -B -f services/neo4j/pom.xml dependency:copy-dependencies \
    -Dneo4j.version="$version" -DincludeScope=runtime -DoutputDirectory="$LIB") >&2
  touch "$LIB/.neo4j-$version"
}

password() {
  if [[ ! -s $PASSWORD_FILE ]]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=\n' >"$PASSWORD_FILE")
  fi
  chmod 600 "$PASSWORD_FILE"
  cat "$PASSWORD_FILE"
}

write_config() {
  mkdir -p "$CONF_DIR" "$DIR/data" "$DIR/logs" "$DIR/import" "$DIR/plugins"
  # Strict validation (Neo4j's default) refuses the start on a misspelt key.
  cat >"$CONF_DIR/neo4j.conf" <<CONF
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$BOLT_PORT
server.bolt.advertised_address=127.0.0.1:$BOLT_PORT
server.http.enabled=true
server.http.listen_address=127.0.0.1:$HTTP_PORT
server.http.advertised_address=127.0.0.1:$HTTP_PORT
server.https.enabled=false
# Server-side routing would listen on a port of its own (7688); a single server has nothing to route.
dbms.routing.enabled=false
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
server.directories.data=$DIR/data
server.directories.logs=$DIR/logs
server.directories.import=$DIR/import
server.directories.plugins=$DIR/plugins
# Neo4j would size the page cache from free RAM; this machine also runs Spark, Airflow and the other servers.
server.memory.pagecache.size=512m
db.tx_log.preallocate=false
internal.dbms.bolt.netty_server_shutdown_quiet_period=0
CONF
}

# set-initial-password only counts before the first start creates the system database, which then keeps it.
set_initial_password() {
  if [[ -d $DIR/data/databases/system ]]; then
    [[ -s $PASSWORD_FILE ]] && return
    die "the server in $DIR was initialised with a password that $PASSWORD_FILE no longer holds: stop it and delete $DIR/data"
  fi
  password >/dev/null
  # picocli reads "@file" as the arguments in that file: the password never shows on a command line (ps).
  NEO4J_HOME=$DIR NEO4J_CONF=$CONF_DIR java -cp "$LIB/*" org.neo4j.cli.AdminTool dbms set-initial-password "@$PASSWORD_FILE" \
    >"$DIR/set-initial-password.log" 2>&1 || { cat "$DIR/set-initial-password.log" >&2; die "set-initial-password failed"; }
}

# A Bolt handshake: the magic 6060B017 and four version proposals (5.0 to 5.4); the server answers the one it picked.
bolt_answers() {
  local answer
  answer=$(timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$BOLT_PORT
    printf '\x60\x60\xb0\x17\x00\x04\x04\x05\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00' >&3
    head -c 4 <&3 | od -An -tx1 | tr -d ' \n'" 2>/dev/null) || return 1
  [[ $answer == 0000??05 ]]
}

# A query through the HTTP API with the password: the database is online and the credentials work.
query_answers() {
  printf 'user = "%s:%s"\n' "$USER_NAME" "$(cat "$PASSWORD_FILE")" | curl -fsS -o /dev/null -K - \
    -H 'Content-Type: application/json' -d '{"statements":[{"statement":"RETURN 1"}]}' \
    "http://127.0.0.1:$HTTP_PORT/db/neo4j/tx/commit" 2>/dev/null
}

# Bolt's handshake, then a logged-in query: the server is ready for the lake.
ready() { bolt_answers && query_answers; }

wait_ready() { await_ready neo4j "$1" "$READY_SECONDS" "$LOG" ready; }

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local pid
  if pid=$(running_pid); then
    say "already running (pid $pid) at $URL"
    return 0
  fi
  for port in $BOLT_PORT $HTTP_PORT; do
    port_taken "$port" && die "port $port is taken by another program"
  done
  install_java_if_missing
  resolve_jars
  write_config
  set_initial_password
  # The JVM options Neo4j's own launcher adds that matter here: reflective access for Netty and the page cache.
  nohup java -Xms"$HEAP" -Xmx"$HEAP" -XX:-OmitStackTraceInFastThrow -Djdk.nio.maxCachedBufferSize=1024 \
    -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    -cp "$LIB/*" org.neo4j.server.CommunityEntryPoint --home-dir="$DIR" --config-dir="$CONF_DIR" \
    >"$LOG" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  wait_ready "$!"
  say "running (pid $(<"$PID_FILE")) at $URL and http://127.0.0.1:$HTTP_PORT, data in $DIR"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    say "not running"
    rm -f "$PID_FILE"
    return 0
  fi
  terminate "$pid" 60
  rm -f "$PID_FILE"
  say "stopped (pid $pid)"
}

print_env() {
  [[ -s $PASSWORD_FILE ]] || die "no server in $DIR yet: run '$0 start' first"
  echo "export ZONELAKE_IT_NEO4J_URL=$URL"
  echo "export ZONELAKE_IT_NEO4J_USER=$USER_NAME"
  echo "export ZONELAKE_IT_NEO4J_PASSWORD=$(cat "$PASSWORD_FILE")"
}

status() {
  local pid
  if pid=$(running_pid) && bolt_answers && query_answers; then
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
  *) echo "usage: $0 start | env | status | stop" >&2; exit 2 ;;
esac
