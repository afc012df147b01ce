#!/usr/bin/env bash
# An OpenSSH server of our own for the SFTP pull ITs: 127.0.0.1:52222, SFTP only (internal-sftp), key login only,
# for one dedicated local user; host keys, config, the user's key pair, log and sample files under the services
# directory. The system's sshd and /etc/ssh are never touched.
#
#   services/sshd.sh start    install openssh-server if missing, create the user (once), keys (once), sample files and
#                             config, start sshd in the foreground under nohup, wait until it answers
#   services/sshd.sh env      print the export lines the *IT tests read (eval "$(services/sshd.sh env)")
#   services/sshd.sh status   exit 0 when our sshd is running and answers
#   services/sshd.sh check    fetch a sample file with sftp and compare it byte for byte
#   services/sshd.sh stop     stop our sshd (the PID in sshd/sshd.pid), and nothing else
#
# Settings: ZONELAKE_SERVICES_DIR (default /tmp/zonelake-services). Run as root (user creation, sshd).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT=52222
DIR=${ZONELAKE_SERVICES_DIR:-/tmp/zonelake-services}/sshd
CONF=$DIR/sshd_config
PID_FILE=$DIR/sshd.pid
LOG=$DIR/sshd.log
FILES=$DIR/files
KEY=$DIR/client/id_ed25519
KNOWN_HOSTS=$DIR/client/known_hosts
SFTP_USER=zonelake-sftp
SSHD=/usr/sbin/sshd
READY_SECONDS=30

say() { printf 'sshd.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

running_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(<"$PID_FILE")
  # Only our sshd counts: a recycled PID belonging to another program must never be signalled.
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "sshd -D -e -f $CONF" || return 1
  echo "$pid"
}

install_if_missing() {
  [[ -x $SSHD ]] && command -v sftp >/dev/null && return
  # The image's policy-rc.d keeps the package from starting the system-wide sshd; ours runs as configured below.
  apt-cache show openssh-server >/dev/null 2>&1 || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssh-server openssh-client >/dev/null
}

# A system user without a shell or a password ('*': no password can match, and unlike '!' sshd does not treat the
# account as locked). Its home holds only .ssh/authorized_keys: sshd's StrictModes accepts a key file in the home,
# while one under /tmp fails the check of every directory up to / (/tmp is world-writable).
create_user() {
  if ! id "$SFTP_USER" >/dev/null 2>&1; then
    say "creating the system user $SFTP_USER"
    useradd --system --create-home --home-dir "/var/lib/$SFTP_USER" --shell /usr/sbin/nologin -p '*' "$SFTP_USER"
  fi
}

create_keys() {
  mkdir -p "$DIR"
  install -d -m 700 "$DIR/hostkeys" "$DIR/client"
  for type in ed25519 rsa; do
    [[ -f $DIR/hostkeys/ssh_host_${type}_key ]] || ssh-keygen -q -t "$type" -N '' -C "zonelake-sshd-$type" -f "$DIR/hostkeys/ssh_host_${type}_key"
  done
  [[ -f $KEY ]] || ssh-keygen -q -t ed25519 -N '' -C "$SFTP_USER@zonelake-it" -f "$KEY"
  # The client trusts exactly our host keys: no trust on first use, no ~/.ssh/known_hosts written.
  sed "s/^/[127.0.0.1]:$PORT /" "$DIR"/hostkeys/ssh_host_*_key.pub >"$KNOWN_HOSTS"
  local home
  home=$(getent passwd "$SFTP_USER" | cut -d: -f6)
  install -d -m 700 -o "$SFTP_USER" -g "$SFTP_USER" "$home/.ssh"
  install -m 600 -o "$SFTP_USER" -g "$SFTP_USER" "$KEY.pub" "$home/.ssh/authorized_keys"
}

# Readable by the SFTP user, owned by root: the user can list and fetch, never change them.
write_sample_files() {
  install -d -m 755 "$FILES" "$FILES/nested"
  [[ -f $FILES/readme.txt ]] && return
  printf 'Sample files of the Zonelake SFTP test server.\n' >"$FILES/readme.txt"
  printf 'time,sensor,temperature\n2024-05-01T10:00:00Z,s1,21.5\n2024-05-01T10:01:00Z,s1,21.7\n' >"$FILES/measurements.csv"
  printf '{"sensor": "s2", "values": [1, 2, 3]}\n' >"$FILES/nested/reading.json"
  head -c 200000 /dev/urandom >"$FILES/random.bin"
  chmod 644 "$FILES"/*.* "$FILES"/nested/*
}

write_config() {
  cat >"$CONF" <<CONF
# Zonelake integration-test sshd (services/sshd.sh): SFTP only, key login only, one user, loopback only.
Port $PORT
ListenAddress 127.0.0.1
HostKey $DIR/hostkeys/ssh_host_ed25519_key
HostKey $DIR/hostkeys/ssh_host_rsa_key
# The default /run/sshd.pid belongs to the system's sshd; our PID is the one nohup started.
PidFile none
AllowUsers $SFTP_USER
PermitRootLogin no
AuthenticationMethods publickey
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
HostbasedAuthentication no
UsePAM no
AuthorizedKeysFile .ssh/authorized_keys
PermitTTY no
AllowTcpForwarding no
AllowStreamLocalForwarding no
AllowAgentForwarding no
X11Forwarding no
PermitTunnel no
PermitUserEnvironment no
Subsystem sftp internal-sftp
ForceCommand internal-sftp -d $FILES
LogLevel INFO
CONF
  "$SSHD" -t -f "$CONF" || die "sshd rejects $CONF"
}

# A key exchange (ssh-keyscan) in which the server shows our own ed25519 host key.
answers() {
  local key
  key=$(cut -d' ' -f2 "$DIR/hostkeys/ssh_host_ed25519_key.pub")
  ssh-keyscan -T 5 -t ed25519 -p "$PORT" 127.0.0.1 2>/dev/null | grep -qF "$key"
}

wait_ready() { await_ready sshd "$1" "$READY_SECONDS" "$LOG" answers; }

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

start() {
  local pid
  if pid=$(running_pid); then
    say "already running (pid $pid) on 127.0.0.1:$PORT"
    return 0
  fi
  [[ $(id -u) == 0 ]] || die "run as root (creates a user, runs sshd)"
  port_taken && die "port $PORT is taken by another program"
  install_if_missing
  create_user
  create_keys
  write_sample_files
  # sshd's compiled-in privilege separation directory (also needed by sshd -t); the system's ssh service creates it too.
  install -d -m 755 /run/sshd
  write_config
  # -D: stay in the foreground so that $! is sshd's PID; -e: log to stderr (our log file), not syslog.
  nohup "$SSHD" -D -e -f "$CONF" >>"$LOG" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  wait_ready "$!"
  say "running (pid $(<"$PID_FILE")) on 127.0.0.1:$PORT, user $SFTP_USER, files in $FILES"
}

stop() {
  local pid
  if ! pid=$(running_pid); then
    say "not running"
    rm -f "$PID_FILE"
    return 0
  fi
  # Only the listener: sessions still open end on their own when their client disconnects.
  terminate "$pid" 10
  rm -f "$PID_FILE"
  say "stopped (pid $pid)"
}

sftp_batch() {
  sftp -q -b - -P "$PORT" -i "$KEY" -o IdentitiesOnly=yes -o BatchMode=yes -o UserKnownHostsFile="$KNOWN_HOSTS" \
    -o StrictHostKeyChecking=yes -o GlobalKnownHostsFile=/dev/null "$SFTP_USER@127.0.0.1"
}

# Lists the sample directory and fetches two files (one binary) into a temporary directory, then compares bytes.
check() {
  running_pid >/dev/null || die "not running: run '$0 start' first"
  local out listing
  out=$(mktemp -d)
  listing=$(printf 'ls -l %s\nget %s/random.bin %s/\nget %s/nested/reading.json %s/\n' "$FILES" "$FILES" "$out" "$FILES" "$out" \
    | sftp_batch) || { rm -rf "$out"; die "check failed: sftp as $SFTP_USER did not complete"; }
  printf '%s\n' "$listing" >&2
  for file in random.bin nested/reading.json; do
    cmp "$FILES/$file" "$out/$(basename "$file")" || { rm -rf "$out"; die "check failed: $file came back different"; }
  done
  say "fetched random.bin ($(stat -c %s "$out/random.bin") bytes) and nested/reading.json over sftp: identical"
  rm -rf "$out"
  if printf 'ls\n' | sftp -q -b - -P "$PORT" -o BatchMode=yes -o PubkeyAuthentication=no -o UserKnownHostsFile="$KNOWN_HOSTS" \
    -o StrictHostKeyChecking=yes -o GlobalKnownHostsFile=/dev/null "$SFTP_USER@127.0.0.1" >/dev/null 2>&1; then
    die "check failed: a login without the key was accepted"
  fi
  say "a login without the key is refused"
}

print_env() {
  [[ -f $KEY ]] || die "no server in $DIR yet: run '$0 start' first"
  echo "export ZONELAKE_IT_SFTP_HOST=127.0.0.1"
  echo "export ZONELAKE_IT_SFTP_PORT=$PORT"
  echo "export ZONELAKE_IT_SFTP_USER=$SFTP_USER"
  echo "export ZONELAKE_IT_SFTP_KEY_FILE=$KEY"
  echo "export ZONELAKE_IT_SFTP_KNOWN_HOSTS=$KNOWN_HOSTS"
  echo "export ZONELAKE_IT_SFTP_DIR=$FILES"
}

status() {
  local pid
  if pid=$(running_pid) && answers; then
    say "running (pid $pid) on 127.0.0.1:$PORT"
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
