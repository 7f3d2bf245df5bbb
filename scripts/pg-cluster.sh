#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the integration test suite.
#
#   scripts/pg-cluster.sh start   # creates + starts a cluster; prints its URL as the last stdout line
#   scripts/pg-cluster.sh stop    # stops it and removes every file it created
#   scripts/pg-cluster.sh status  # prints the URL if running (exit 0), else exit 1
#   scripts/pg-cluster.sh bindir  # prints the folder of the server binaries (exit 1 if none)
#
# The cluster lives in a fresh temp folder (data, unix socket, server log), listens
# only on 127.0.0.1, uses trust auth, superuser "postgres", and is tuned for speed
# (fsync off): never put data you want to keep in it.
# All logging goes to stderr; stdout carries only the URL (start/status).
#
# Environment (all optional):
#   PG_CLUSTER_PORT      preferred port (default 54329; the next free one is used if taken)
#   PG_CLUSTER_STATE     state file (default <repo>/.tmp/pg-cluster/state.env)
#   PG_CLUSTER_TMPDIR    parent of the temp folder (default /tmp; the postgres user must reach it)
#   PG_BIN               folder holding initdb/pg_ctl (default: newest /usr/lib/postgresql/*/bin, else PATH)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_FILE="${PG_CLUSTER_STATE:-$REPO_ROOT/.tmp/pg-cluster/state.env}"
TMP_PARENT="${PG_CLUSTER_TMPDIR:-/tmp}"
DIR_PREFIX="guildhall-pg."

log() { printf 'pg-cluster: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Prints the folder holding the PostgreSQL server binaries, or nothing.
find_pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" ]] && printf '%s\n' "$PG_BIN"
    return 0
  fi
  local d best=""
  # Debian layout: /usr/lib/postgresql/<major>/bin; take the highest major.
  while IFS= read -r d; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && best="$d"
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
  if [[ -n "$best" ]]; then printf '%s\n' "$best"; return 0; fi
  local i
  if i="$(command -v initdb 2>/dev/null)" && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$i"
  fi
}

# Run a PostgreSQL binary as the postgres OS user when we are root (initdb refuses root).
as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  # A TCP connect succeeding means something listens there.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True if $1 is a live (not zombie) PostgreSQL process. Checking the name guards
# against killing an unrelated process that reused a stale pid.
pid_alive() {
  local pid="${1:-}" stat comm
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/stat" ]]; then
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    [[ "${stat%% *}" != "Z" ]] || return 1
    comm="$(cat "/proc/$pid/comm" 2>/dev/null)" || return 1
    [[ "$comm" == postgres* || "$comm" == postmaster* ]] || return 1
  fi
  return 0
}

# Postmaster pid of a data dir (first line of postmaster.pid), or nothing.
data_pid() {
  local f="$1/postmaster.pid"
  [[ -r "$f" ]] && head -n1 "$f" 2>/dev/null | tr -dc '0-9'
  return 0
}

# Stop the cluster of one temp folder and remove it. Args: dir [pg_bin] [pid]
teardown_dir() {
  local dir="$1" bin="${2:-}" pid="${3:-}"
  [[ -n "$dir" && "$(basename "$dir")" == "$DIR_PREFIX"* ]] || die "refusing to remove unexpected folder '$dir'"
  local data="$dir/data"
  [[ -z "$pid" ]] && pid="$(data_pid "$data")"
  if pid_alive "$pid"; then
    if [[ -n "$bin" && -x "$bin/pg_ctl" && -d "$data" ]]; then
      log "stopping PostgreSQL (pid $pid, $data)"
      as_pg "$bin/pg_ctl" -D "$data" -m fast -w -t 30 stop >&2 2>&1 || true
    fi
    if pid_alive "$pid"; then
      log "pg_ctl did not stop pid $pid; sending SIGTERM"
      kill -TERM "$pid" 2>/dev/null || true
      local i
      for i in $(seq 1 50); do pid_alive "$pid" || break; sleep 0.2; done
    fi
    if pid_alive "$pid"; then
      log "pid $pid still alive; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
  fi
  if [[ -d "$dir" ]]; then
    rm -rf -- "$dir"
    log "removed $dir"
  fi
}

read_state() {
  STATE_DIR="" STATE_PID="" STATE_BIN="" STATE_URL=""
  [[ -f "$STATE_FILE" ]] || return 1
  local key value
  while IFS='=' read -r key value; do
    case "$key" in
      DIR) STATE_DIR="$value" ;;
      PID) STATE_PID="$value" ;;
      BIN) STATE_BIN="$value" ;;
      URL) STATE_URL="$value" ;;
    esac
  done <"$STATE_FILE"
  return 0
}

cmd_stop() {
  if read_state; then
    if [[ -n "$STATE_DIR" ]]; then
      teardown_dir "$STATE_DIR" "$STATE_BIN" "$STATE_PID"
    fi
    rm -f -- "$STATE_FILE"
    log "stopped (${STATE_URL:-unknown url})"
  else
    log "no cluster recorded in $STATE_FILE; nothing to stop"
  fi
  # Also clean up orphans of earlier runs whose state file was lost: only folders
  # whose server is no longer running (a live one may belong to another checkout).
  local d
  for d in "$TMP_PARENT/$DIR_PREFIX"*; do
    [[ -d "$d" ]] || continue
    [[ -O "$d" || "$(id -u)" -eq 0 ]] || continue
    if ! pid_alive "$(data_pid "$d/data")"; then
      rm -rf -- "$d" && log "removed orphaned $d"
    fi
  done
  return 0
}

cmd_status() {
  if read_state && pid_alive "$STATE_PID"; then
    printf '%s\n' "$STATE_URL"
    return 0
  fi
  log "not running"
  return 1
}

cmd_start() {
  # Stale cluster from a previous run (crashed script, ctrl-c, ...): remove it first.
  if [[ -f "$STATE_FILE" ]]; then
    log "found state of a previous cluster; stopping it first"
    cmd_stop
  fi

  local bin
  bin="$(find_pg_bin)"
  [[ -n "$bin" ]] || die "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them: sudo apt-get install postgresql"

  local owner_user
  if [[ "$(id -u)" -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' OS user to run initdb (install the Debian postgresql package)"
    command -v runuser >/dev/null 2>&1 || die "runuser not found (util-linux)"
    owner_user=postgres
  else
    owner_user="$(id -un)"
  fi

  mkdir -p -- "$TMP_PARENT"
  local dir
  dir="$(mktemp -d -p "$TMP_PARENT" "${DIR_PREFIX}XXXXXX")"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  local data="$dir/data" sock="$dir/sock" logf="$dir/server.log"
  as_pg mkdir -p "$sock"

  # Record the folder right away so that `stop` can clean up even if we fail below.
  mkdir -p -- "$(dirname "$STATE_FILE")"
  printf 'DIR=%s\nBIN=%s\n' "$dir" "$bin" >"$STATE_FILE"

  log "initdb ($bin, as $owner_user) in $data"
  local initlog="$dir/initdb.log"
  if ! as_pg "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 -A trust --no-sync >"$initlog" 2>&1; then
    log "initdb with locale C.UTF-8 failed; retrying with locale C"
    rm -rf -- "$data"
    if ! as_pg "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C -A trust --no-sync >"$initlog" 2>&1; then
      cat "$initlog" >&2
      cmd_stop
      die "initdb failed"
    fi
  fi

  # Fast, throwaway settings. listen only on loopback; socket only in our folder.
  as_pg tee -a "$data/postgresql.conf" >/dev/null <<EOF

# --- guildhall throwaway test cluster ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$sock'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
log_connections = on
log_min_messages = warning
log_line_prefix = '%m [%p] %d '
EOF

  local port="${PG_CLUSTER_PORT:-54329}" tries=0 started=0
  while (( tries < 20 )); do
    tries=$((tries + 1))
    if port_in_use "$port"; then
      log "port $port is in use; trying $((port + 1))"
      port=$((port + 1))
      continue
    fi
    log "starting on 127.0.0.1:$port (log: $logf)"
    if as_pg "$bin/pg_ctl" -D "$data" -l "$logf" -o "-p $port" -w -t 60 start >&2 2>&1; then
      started=1
      break
    fi
    # Lost a race for the port, or something else: show the log tail and try the next port.
    tail -n 20 "$logf" >&2 2>/dev/null || true
    as_pg "$bin/pg_ctl" -D "$data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
    port=$((port + 1))
  done
  if (( ! started )); then
    cmd_stop
    die "could not start PostgreSQL (see messages above)"
  fi

  local pid url
  pid="$(data_pid "$data")"
  url="postgres://postgres@127.0.0.1:$port/postgres"
  printf 'DIR=%s\nBIN=%s\nPORT=%s\nPID=%s\nLOG=%s\nURL=%s\n' "$dir" "$bin" "$port" "$pid" "$logf" "$url" >"$STATE_FILE"

  # Make sure it answers over TCP before handing out the URL.
  local i ok=0
  for i in $(seq 1 50); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres 2>/dev/null; then ok=1; break; fi
    sleep 0.2
  done
  if (( ! ok )); then
    tail -n 20 "$logf" >&2 2>/dev/null || true
    cmd_stop
    die "PostgreSQL started but does not answer on 127.0.0.1:$port"
  fi
  log "ready: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') pid $pid"
  printf '%s\n' "$url"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  bindir)
    b="$(find_pg_bin)"
    [[ -n "$b" ]] || { log "PostgreSQL server binaries (initdb, pg_ctl) not found"; exit 1; }
    printf '%s\n' "$b"
    ;;
  *)
    echo "usage: $0 start|stop|status|bindir" >&2
    exit 2
    ;;
esac
