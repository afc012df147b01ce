# Shared by the services/*.sh scripts (sourced, never run on its own).

# Ends one process of ours: SIGTERM, then SIGKILL if it is still there after the grace period (seconds, default 10).
terminate() {
  local pid=$1 grace=${2:-10} i
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < grace * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
}

# Waits until the probe (a command and its arguments) succeeds. Fails early, with the log's last lines, if the process
# dies, and after the given number of seconds if it never answers.
await_ready() {
  local name=$1 pid=$2 seconds=$3 log=$4
  shift 4
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited during start-up; last lines of $log:" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    if [[ $SECONDS -ge $deadline ]]; then
      echo "$name did not answer within ${seconds}s; last lines of $log:" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    sleep 0.2
  done
}
