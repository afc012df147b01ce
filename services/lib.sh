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
