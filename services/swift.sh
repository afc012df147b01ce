#!/usr/bin/env bash
# OpenStack Swift for the raw-zone ITs, everything on 127.0.0.1: memcached, the account/container/object servers on
# one "device", a proxy with tempauth and a proxy with Keystone auth (authtoken + keystoneauth), both with SLO, DLO,
# bulk and copy, and the Zonelake webhook filter when swift-webhook-middleware/python holds it.
#
#   services/swift.sh start            install the Debian packages if missing, write configs and rings (once), start
#                                      what is not running, then start Keystone (services/keystone.sh) and register
#                                      what the Keystone proxy needs there; idempotent
#   services/swift.sh env              print the export lines the *IT tests read (eval "$(services/swift.sh env)")
#   services/swift.sh status           say what runs (exit 1 if something does not)
#   services/swift.sh stop             stop our servers (by their recorded PIDs), and nothing else
#   services/swift.sh restart-proxies  rewrite the proxy configs and restart both proxies (the webhook filter and its
#                                      secret are read at proxy start)
#
# Settings: ZONELAKE_SERVICES_DIR (default /tmp/zonelake-services; everything lives in its swift/ folder except
# /etc/swift/swift.conf, see write_swift_conf). Run as root on a fresh machine (package install); the servers run as
# the user who starts them. Keys and passwords are generated on the first start and kept in swift/ (0600).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES_DIR="${ZONELAKE_SERVICES_DIR:-/tmp/zonelake-services}"
DIR="$SERVICES_DIR/swift"
ETC="$DIR/etc"            # server configs and rings: the servers' swift_dir
DEVICES="$DIR/devices"    # one device, d1, a plain directory (mount_check off)
LOG_DIR="$DIR/log"
RUN_DIR="$DIR/run"        # PID files
CACHE_DIR="$DIR/cache"    # recon cache
TEMPAUTH_KEY_FILE="$DIR/tempauth.key"
KEYSTONE_SERVICE_PASSWORD_FILE="$DIR/keystone-service.password"
KEYSTONE_LAKE_PASSWORD_FILE="$DIR/keystone-lake.password"
WEBHOOK_SECRET_FILE="$DIR/webhook.secret"
WEBHOOK_SPOOL_DIR="$DIR/webhook-spool"
WEBHOOK_PYTHONPATH="$ROOT/swift-webhook-middleware/python"
WEBHOOK_MIDDLEWARE="$WEBHOOK_PYTHONPATH/zonelake_webhook/middleware.py"
WEBHOOK_URL="http://127.0.0.1:58180/api/v1/swift/events"
KEYSTONE_SH="$ROOT/services/keystone.sh"

MEMCACHED_PORT=51211
OBJECT_PORT=56200
CONTAINER_PORT=56201
ACCOUNT_PORT=56202
TEMPAUTH_PORT=58080
KEYSTONE_PROXY_PORT=58081
KEYSTONE_URL="http://127.0.0.1:55000"

TEMPAUTH_ACCOUNT=zonelake   # storage URL .../v1/AUTH_zonelake
TEMPAUTH_USER=lake
KEYSTONE_SERVICE_PROJECT=service
KEYSTONE_SERVICE_USER=swift
KEYSTONE_LAKE_PROJECT=zonelake
KEYSTONE_LAKE_USER=zonelake
KEYSTONE_LAKE_ROLE=member   # one of the proxy's operator_roles
KEYSTONE_DOMAIN=default     # the id of the domain keystone-manage bootstrap creates
ENDPOINT="http://127.0.0.1:$KEYSTONE_PROXY_PORT/v1/AUTH_%(project_id)s"
READY_SECONDS=60

STORAGE_SERVERS=(account container object)
PROXIES=(proxy-tempauth proxy-keystone)

say() { printf 'swift.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

port_of() {
  case $1 in
    memcached) echo "$MEMCACHED_PORT" ;;
    account) echo "$ACCOUNT_PORT" ;;
    container) echo "$CONTAINER_PORT" ;;
    object) echo "$OBJECT_PORT" ;;
    proxy-tempauth) echo "$TEMPAUTH_PORT" ;;
    proxy-keystone) echo "$KEYSTONE_PROXY_PORT" ;;
  esac
}

conf_of() { echo "$ETC/$1-server.conf"; }
conf_of_proxy() { echo "$ETC/$1.conf"; }

# What the command line of our process for a component contains: its own config file, or memcached's port.
signature_of() {
  case $1 in
    memcached) echo "memcached .*-p $MEMCACHED_PORT" ;;
    proxy-*) echo "swift-proxy-server $(conf_of_proxy "$1")" ;;
    *) echo "swift-$1-server $(conf_of "$1")" ;;
  esac
}

running_pid() {
  local pid_file="$RUN_DIR/$1.pid" pid
  [ -f "$pid_file" ] || return 1
  pid="$(<"$pid_file")"
  # Only our process counts: a recycled PID belonging to another program must never be signalled.
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "$(signature_of "$1")" || return 1
  echo "$pid"
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

install_packages() {
  local missing=()
  for server in proxy account container object; do
    command -v "swift-$server-server" >/dev/null || missing+=("swift-$server")
  done
  command -v swift-ring-builder >/dev/null || missing+=(swift)
  command -v memcached >/dev/null || missing+=(memcached)
  /usr/bin/python3 -c 'import keystonemiddleware' 2>/dev/null || missing+=(python3-keystonemiddleware)
  command -v curl >/dev/null || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return
  say "installing the Debian packages ${missing[*]}"
  # Debian starts a packaged server at once unless policy-rc.d says no; the image's policy-rc.d exits 101.
  [ -x /usr/sbin/policy-rc.d ] || die "/usr/sbin/policy-rc.d is missing: it must exit 101 so that apt starts no server"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
    || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; }
}

# A random secret kept in a 0600 file, generated on first use.
secret() {
  if [ ! -s "$1" ]; then
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$1")
  fi
  cat "$1"
}

# Swift reads the hash path prefix/suffix and the storage policies from /etc/swift/swift.conf only
# (swift.common.utils.SWIFT_CONF_FILE; its servers have no option to look elsewhere), so this one file lives there.
# Written only when it differs; a different file found there is kept once as swift.conf.before-zonelake.
write_swift_conf() {
  local wanted
  wanted="$(cat <<'CONF'
# Written by Zonelake's services/swift.sh. The hash path prefix and suffix place every object on the ring:
# changing them makes objects stored before unreachable.
[swift-hash]
swift_hash_path_prefix = zonelake-prefix
swift_hash_path_suffix = zonelake-suffix

[storage-policy:0]
name = Policy-0
default = yes
CONF
)"
  install -d -m 755 /etc/swift
  if [ -f /etc/swift/swift.conf ] && [ "$(cat /etc/swift/swift.conf)" = "$wanted" ]; then
    return
  fi
  [ -f /etc/swift/swift.conf ] && [ ! -f /etc/swift/swift.conf.before-zonelake ] \
    && cp -p /etc/swift/swift.conf /etc/swift/swift.conf.before-zonelake
  printf '%s\n' "$wanted" >/etc/swift/swift.conf
  chmod 644 /etc/swift/swift.conf
}

# Settings every server shares. Logs go to the console (-v, into log/<name>.log); Swift also logs to syslog, which
# without /dev/log means UDP to the loopback address, where nothing may listen.
common_defaults() {
  cat <<CONF
bind_ip = 127.0.0.1
bind_port = $1
workers = 0
user = $(id -un)
swift_dir = $ETC
log_name = $2
log_udp_host = 127.0.0.1
CONF
}

write_storage_conf() {
  local name=$1
  cat >"$(conf_of "$name")" <<CONF
[DEFAULT]
$(common_defaults "$(port_of "$name")" "$name-server")
devices = $DEVICES
mount_check = false
recon_cache_path = $CACHE_DIR

[pipeline:main]
pipeline = healthcheck $name-server

[app:$name-server]
use = egg:swift#$name

[filter:healthcheck]
use = egg:swift#healthcheck
CONF
}

write_rings() {
  local name port
  for name in "${STORAGE_SERVERS[@]}"; do
    [ -f "$ETC/$name.ring.gz" ] && continue
    port="$(port_of "$name")"
    rm -f "$ETC/$name.builder"
    # 2^10 partitions, one replica, one device: a single-node cluster.
    swift-ring-builder "$ETC/$name.builder" create 10 1 1 >/dev/null
    swift-ring-builder "$ETC/$name.builder" add "r1z1-127.0.0.1:$port/d1" 100 >/dev/null
    swift-ring-builder "$ETC/$name.builder" rebalance >/dev/null
  done
}

webhook_installed() { [ -f "$WEBHOOK_MIDDLEWARE" ]; }

# The pipeline of a proxy: the webhook filter right after `proxy-logging cache`, before auth, when it is installed.
pipeline_of() {
  local webhook=""
  webhook_installed && webhook=" zonelake_webhook"
  echo "catch_errors gatekeeper healthcheck proxy-logging cache$webhook listing_formats bulk ratelimit $1" \
    "copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server"
}

proxy_common_sections() {
  cat <<CONF
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$MEMCACHED_PORT

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:ratelimit]
use = egg:swift#ratelimit
[filter:copy]
use = egg:swift#copy
[filter:container-quotas]
use = egg:swift#container_quotas
[filter:account-quotas]
use = egg:swift#account_quotas
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true
[filter:symlink]
use = egg:swift#symlink
CONF
  if webhook_installed; then
    cat <<CONF

[filter:zonelake_webhook]
paste.filter_factory = zonelake_webhook.middleware:filter_factory
url = $WEBHOOK_URL
secret_file = $WEBHOOK_SECRET_FILE
spool_dir = $WEBHOOK_SPOOL_DIR
timeout = 0.5
CONF
  fi
}

write_tempauth_proxy_conf() {
  (umask 077 && cat >"$(conf_of_proxy proxy-tempauth)" <<CONF
[DEFAULT]
$(common_defaults "$TEMPAUTH_PORT" proxy-tempauth)

[pipeline:main]
pipeline = $(pipeline_of tempauth)

[filter:tempauth]
use = egg:swift#tempauth
user_${TEMPAUTH_ACCOUNT}_${TEMPAUTH_USER} = $(secret "$TEMPAUTH_KEY_FILE") .admin

$(proxy_common_sections)
CONF
)
}

write_keystone_proxy_conf() {
  (umask 077 && cat >"$(conf_of_proxy proxy-keystone)" <<CONF
[DEFAULT]
$(common_defaults "$KEYSTONE_PROXY_PORT" proxy-keystone)

[pipeline:main]
pipeline = $(pipeline_of "authtoken keystoneauth")

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
www_authenticate_uri = $KEYSTONE_URL
auth_url = $KEYSTONE_URL
auth_type = password
project_domain_id = $KEYSTONE_DOMAIN
user_domain_id = $KEYSTONE_DOMAIN
project_name = $KEYSTONE_SERVICE_PROJECT
username = $KEYSTONE_SERVICE_USER
password = $(secret "$KEYSTONE_SERVICE_PASSWORD_FILE")
delay_auth_decision = True
cache = swift.cache
include_service_catalog = False

[filter:keystoneauth]
use = egg:swift#keystoneauth
operator_roles = admin, $KEYSTONE_LAKE_ROLE
reseller_admin_role = ResellerAdmin

$(proxy_common_sections)
CONF
)
}

prepare() {
  install -d -m 755 "$DIR" "$ETC" "$LOG_DIR" "$RUN_DIR" "$CACHE_DIR" "$DEVICES/d1"
  install -d -m 700 "$WEBHOOK_SPOOL_DIR"
  secret "$TEMPAUTH_KEY_FILE" >/dev/null
  secret "$WEBHOOK_SECRET_FILE" >/dev/null
  write_swift_conf
  local name
  for name in "${STORAGE_SERVERS[@]}"; do
    write_storage_conf "$name"
  done
  write_rings
  write_tempauth_proxy_conf
  write_keystone_proxy_conf
}

healthy() {
  case $1 in
    memcached) (exec 3<>"/dev/tcp/127.0.0.1/$MEMCACHED_PORT") 2>/dev/null ;;
    *) curl -fs -o /dev/null "http://127.0.0.1:$(port_of "$1")/healthcheck" ;;
  esac
}

wait_ready() {
  local name=$1 pid=$2 deadline=$((SECONDS + READY_SECONDS))
  until healthy "$name"; do
    kill -0 "$pid" 2>/dev/null || { say "$name exited during start-up; last log lines:"; tail -n 20 "$LOG_DIR/$name.log" >&2; exit 1; }
    [ "$SECONDS" -lt "$deadline" ] || { say "$name did not answer within ${READY_SECONDS}s; see $LOG_DIR/$name.log"; exit 1; }
    sleep 0.1
  done
}

launch() {
  local name=$1 pid
  if pid="$(running_pid "$name")"; then
    echo "$name already running (pid $pid)"
    return 0
  fi
  port_taken "$(port_of "$name")" && die "127.0.0.1:$(port_of "$name") is taken by another program; not starting $name"
  case $name in
    memcached) nohup memcached -l 127.0.0.1 -p "$MEMCACHED_PORT" -U 0 -m 64 -u "$(id -un)" >>"$LOG_DIR/$name.log" 2>&1 </dev/null & ;;
    proxy-*) PYTHONPATH="$WEBHOOK_PYTHONPATH${PYTHONPATH:+:$PYTHONPATH}" \
      nohup swift-proxy-server "$(conf_of_proxy "$name")" -v >>"$LOG_DIR/$name.log" 2>&1 </dev/null & ;;
    *) nohup "swift-$name-server" "$(conf_of "$name")" -v >>"$LOG_DIR/$name.log" 2>&1 </dev/null & ;;
  esac
  echo $! >"$RUN_DIR/$name.pid"
  wait_ready "$name" "$!"
  echo "$name running (pid $(<"$RUN_DIR/$name.pid")) on 127.0.0.1:$(port_of "$name")"
}

halt() {
  local name=$1 pid
  if ! pid="$(running_pid "$name")"; then
    rm -f "$RUN_DIR/$name.pid"
    return 0
  fi
  kill "$pid"
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$RUN_DIR/$name.pid"
  echo "$name stopped (pid $pid)"
}

# Registers in Keystone, idempotently: the proxy's service user (admin on the service project), the ResellerAdmin role,
# the object-store service and its endpoints, and the lake's project and user with an operator role of the proxy.
register_in_keystone() {
  [ -x "$KEYSTONE_SH" ] || die "$KEYSTONE_SH is missing: the Keystone proxy needs it"
  "$KEYSTONE_SH" start >&2
  local env_lines
  env_lines="$("$KEYSTONE_SH" env)"
  ADMIN_USER="$(sed -n 's/^export ZONELAKE_IT_KEYSTONE_ADMIN_USER=//p' <<<"$env_lines")" \
  ADMIN_PASSWORD="$(sed -n 's/^export ZONELAKE_IT_KEYSTONE_ADMIN_PASSWORD=//p' <<<"$env_lines")" \
  ADMIN_PROJECT="$(sed -n 's/^export ZONELAKE_IT_KEYSTONE_ADMIN_PROJECT=//p' <<<"$env_lines")" \
  KEYSTONE_V3="$KEYSTONE_URL/v3" DOMAIN="$KEYSTONE_DOMAIN" ENDPOINT="$ENDPOINT" \
  SERVICE_PROJECT="$KEYSTONE_SERVICE_PROJECT" SERVICE_USER="$KEYSTONE_SERVICE_USER" \
  SERVICE_PASSWORD="$(secret "$KEYSTONE_SERVICE_PASSWORD_FILE")" \
  LAKE_PROJECT="$KEYSTONE_LAKE_PROJECT" LAKE_USER="$KEYSTONE_LAKE_USER" LAKE_ROLE="$KEYSTONE_LAKE_ROLE" \
  LAKE_PASSWORD="$(secret "$KEYSTONE_LAKE_PASSWORD_FILE")" \
    /usr/bin/python3 - <<'PY'
import json, os, sys, urllib.error, urllib.request

env = os.environ
V3, DOMAIN = env["KEYSTONE_V3"], env["DOMAIN"]


def call(method, path, body=None, token=None):
    request = urllib.request.Request(V3 + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Accept": "application/json"})
    if token:
        request.add_header("X-Auth-Token", token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            data = response.read()
            return response.status, response.headers, json.loads(data) if data else None
    except urllib.error.HTTPError as error:
        return error.code, error.headers, None


def login(user, password, project):
    status, headers, _ = call("POST", "/auth/tokens", {"auth": {
        "identity": {"methods": ["password"], "password": {"user": {"name": user, "domain": {"id": DOMAIN}, "password": password}}},
        "scope": {"project": {"name": project, "domain": {"id": DOMAIN}}}}})
    return headers["X-Subject-Token"] if status == 201 else None


def checked(status, body, what):
    if status not in (200, 201, 204):
        sys.exit("swift.sh: Keystone refused to %s (HTTP %d)" % (what, status))
    return body


def find_or_create(collection, singular, query, body, token):
    found = checked(*call("GET", "/%s?%s" % (collection, query), token=token)[::2], "list " + collection)[collection]
    if found:
        return found[0]["id"]
    status, _, created = call("POST", "/" + collection, {singular: body}, token)
    return checked(status, created, "create %s %s" % (singular, body.get("name", body.get("type"))))[singular]["id"]


def user(name, password, token):
    user_id = find_or_create("users", "user", "name=%s&domain_id=%s" % (name, DOMAIN),
                             {"name": name, "domain_id": DOMAIN, "password": password, "enabled": True}, token)
    # The password file is the truth; reset only when it no longer works, since a reset revokes the user's tokens.
    status, _, _ = call("POST", "/auth/tokens", {"auth": {"identity": {"methods": ["password"], "password": {
        "user": {"id": user_id, "password": password}}}}})
    if status != 201:
        checked(*call("PATCH", "/users/" + user_id, {"user": {"password": password, "enabled": True}}, token)[::2], "reset " + name)
    return user_id


token = login(env["ADMIN_USER"], env["ADMIN_PASSWORD"], env["ADMIN_PROJECT"])
if not token:
    sys.exit("swift.sh: cannot log in to Keystone at %s as %s" % (V3, env["ADMIN_USER"]))
project = lambda name: find_or_create("projects", "project", "name=%s&domain_id=%s" % (name, DOMAIN),
                                      {"name": name, "domain_id": DOMAIN, "enabled": True}, token)
role = lambda name: find_or_create("roles", "role", "name=" + name, {"name": name}, token)
grant = lambda project_id, user_id, role_id: checked(
    *call("PUT", "/projects/%s/users/%s/roles/%s" % (project_id, user_id, role_id), token=token)[::2], "grant a role")

service_project, lake_project = project(env["SERVICE_PROJECT"]), project(env["LAKE_PROJECT"])
service_user = user(env["SERVICE_USER"], env["SERVICE_PASSWORD"], token)
lake_user = user(env["LAKE_USER"], env["LAKE_PASSWORD"], token)
grant(service_project, service_user, role("admin"))
role("ResellerAdmin")
grant(lake_project, lake_user, role(env["LAKE_ROLE"]))

service = find_or_create("services", "service", "type=object-store", {"type": "object-store", "name": "swift", "enabled": True}, token)
endpoints = checked(*call("GET", "/endpoints?service_id=" + service, token=token)[::2], "list endpoints")["endpoints"]
for interface in ("public", "internal", "admin"):
    existing = [e for e in endpoints if e["interface"] == interface]
    wanted = {"url": env["ENDPOINT"], "interface": interface, "service_id": service, "region_id": "RegionOne", "enabled": True}
    if not existing:
        checked(*call("POST", "/endpoints", {"endpoint": wanted}, token)[::2], "create the %s endpoint" % interface)
    elif existing[0]["url"] != env["ENDPOINT"]:
        checked(*call("PATCH", "/endpoints/" + existing[0]["id"], {"endpoint": wanted}, token)[::2], "update the %s endpoint" % interface)
print("swift.sh: Keystone knows the object-store endpoint %s and the lake's user %s" % (env["ENDPOINT"], env["LAKE_USER"]),
      file=sys.stderr)
PY
}

conf_digest() { cksum <"$(conf_of_proxy "$1")" 2>/dev/null || true; }

# A proxy reads its config (and the webhook filter) at start: one running with an older config is restarted.
launch_proxy() {
  local name=$1 previous=$2
  if running_pid "$name" >/dev/null && [ "$previous" != "$(conf_digest "$name")" ]; then
    say "the config of $name changed (webhook filter installed?): restarting it"
    halt "$name"
  fi
  launch "$name"
}

start() {
  install_packages
  local name tempauth_conf keystone_conf
  tempauth_conf="$(conf_digest proxy-tempauth)"
  keystone_conf="$(conf_digest proxy-keystone)"
  prepare
  for name in memcached "${STORAGE_SERVERS[@]}"; do
    launch "$name"
  done
  launch_proxy proxy-tempauth "$tempauth_conf"
  register_in_keystone
  launch_proxy proxy-keystone "$keystone_conf"
  webhook_installed || say "the webhook filter is not installed yet ($WEBHOOK_MIDDLEWARE is missing)"
}

stop() {
  local name
  for name in proxy-keystone proxy-tempauth object container account memcached; do
    halt "$name"
  done
  echo "swift stopped"
}

restart_proxies() {
  prepare
  halt proxy-keystone
  halt proxy-tempauth
  launch proxy-tempauth
  launch proxy-keystone
}

status() {
  local name pid down=0
  for name in memcached "${STORAGE_SERVERS[@]}" "${PROXIES[@]}"; do
    if pid="$(running_pid "$name")"; then
      echo "$name running (pid $pid) on 127.0.0.1:$(port_of "$name")"
    else
      echo "$name not running"
      down=1
    fi
  done
  webhook_installed && grep -q zonelake_webhook "$(conf_of_proxy proxy-tempauth)" 2>/dev/null \
    && echo "webhook filter installed, posting to $WEBHOOK_URL" || echo "webhook filter not installed"
  return "$down"
}

print_env() {
  local file
  for file in "$TEMPAUTH_KEY_FILE" "$KEYSTONE_LAKE_PASSWORD_FILE" "$WEBHOOK_SECRET_FILE"; do
    [ -s "$file" ] || die "$file does not exist yet: run services/swift.sh start first"
  done
  echo "export ZONELAKE_IT_SWIFT_TEMPAUTH_URL=http://127.0.0.1:$TEMPAUTH_PORT/auth/v1.0"
  echo "export ZONELAKE_IT_SWIFT_TEMPAUTH_USER=$TEMPAUTH_ACCOUNT:$TEMPAUTH_USER"
  echo "export ZONELAKE_IT_SWIFT_TEMPAUTH_KEY=$(<"$TEMPAUTH_KEY_FILE")"
  echo "export ZONELAKE_IT_SWIFT_KEYSTONE_AUTH_URL=$KEYSTONE_URL/v3"
  echo "export ZONELAKE_IT_SWIFT_KEYSTONE_USER=$KEYSTONE_LAKE_USER"
  echo "export ZONELAKE_IT_SWIFT_KEYSTONE_PASSWORD=$(<"$KEYSTONE_LAKE_PASSWORD_FILE")"
  echo "export ZONELAKE_IT_SWIFT_KEYSTONE_PROJECT=$KEYSTONE_LAKE_PROJECT"
  echo "export ZONELAKE_IT_SWIFT_KEYSTONE_DOMAIN=$KEYSTONE_DOMAIN"
  echo "export ZONELAKE_IT_SWIFT_WEBHOOK_SECRET_FILE=$WEBHOOK_SECRET_FILE"
  echo "export ZONELAKE_IT_SWIFT_WEBHOOK_SPOOL_DIR=$WEBHOOK_SPOOL_DIR"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  status) status ;;
  restart-proxies) restart_proxies ;;
  *) echo "usage: $0 start | env | status | stop | restart-proxies" >&2; exit 2 ;;
esac
