#!/usr/bin/env bash
# Run every test suite of Guildhall (this is `npm test`):
#   1. prerequisites (Chromium, PostgreSQL server; installed with apt-get when root)
#   2. build the web app (vite)                      -> needed by e2e
#   3. vitest on embedded PGlite                     -> suite "pglite"
#   4. vitest again on a throwaway PostgreSQL server -> suite "postgres"
#   5. Playwright end-to-end tests                   -> suite "e2e"
#   6. a summary table; the very last line is `N passed, N failed[, N skipped]`
#
# Every suite runs even if an earlier one failed. Exit status is non-zero if any
# suite failed, or crashed without writing its JSON report (counted as 1 failed).
# Logs and JSON reports: .tmp/test-logs/
#
# Environment (all optional):
#   TEST_SUITES="pglite,postgres,e2e"  subset to run (default: all three)
#   CI=true                            missing PostgreSQL is a failure, not a skip
#   TEST_TIMEOUT_BUILD / TEST_TIMEOUT_VITEST / TEST_TIMEOUT_E2E
#                                      per-step limits in seconds (600 / 1200 / 1500)
#   TEST_DEADLINE                      epoch seconds by which everything must be done
#                                      (.ci/run sets it); steps are cut short to fit
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT" || exit 2

LOG_DIR="$REPO_ROOT/.tmp/test-logs"
CHROMIUM_BIN="${CHROMIUM_BIN:-/usr/bin/chromium}"
PG_CLUSTER="$REPO_ROOT/scripts/pg-cluster.sh"
E2E_CONFIG="e2e/playwright.config.ts"
TIMEOUT_BUILD="${TEST_TIMEOUT_BUILD:-600}"
TIMEOUT_VITEST="${TEST_TIMEOUT_VITEST:-1200}"
TIMEOUT_E2E="${TEST_TIMEOUT_E2E:-1500}"
IS_CI=0
[[ "${CI:-}" == "true" || "${CI:-}" == "1" ]] && IS_CI=1
IS_ROOT=0
[[ "$(id -u)" -eq 0 ]] && IS_ROOT=1

# One run at a time per checkout: runs share the log folder and the cluster state file.
mkdir -p -- "$REPO_ROOT/.tmp"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$REPO_ROOT/.tmp/test-all.lock"
  if ! flock -n 9; then
    echo "test-all: another run is in progress in this checkout; waiting for it to finish..." >&2
    if ! flock -w 3600 9; then
      echo "test-all: gave up waiting for the other run" >&2
      echo "0 passed, 1 failed"
      exit 1
    fi
  fi
fi

rm -rf -- "$LOG_DIR"
mkdir -p -- "$LOG_DIR"

# ---------------------------------------------------------------- helpers

STEP=0
heading() {
  STEP=$((STEP + 1))
  printf '\n\033[1m==== [%d] %s ====\033[0m\n' "$STEP" "$*"
}
info() { printf '  %s\n' "$*"; }
warn() {
  printf '\n\033[1;33m!!!! WARNING: %s\033[0m\n\n' "$*" >&2
  WARNINGS+=("$*")
}
err() {
  printf '\n\033[1;31m!!!! ERROR: %s\033[0m\n\n' "$*" >&2
  WARNINGS+=("ERROR: $*")
}
WARNINGS=()

# Summary rows (one per suite or step).
ROW_NAME=() ROW_STATUS=() ROW_PASSED=() ROW_FAILED=() ROW_SKIPPED=() ROW_SECS=() ROW_NOTE=()
add_row() { # name status passed failed skipped secs note
  ROW_NAME+=("$1") ROW_STATUS+=("$2") ROW_PASSED+=("$3") ROW_FAILED+=("$4")
  ROW_SKIPPED+=("$5") ROW_SECS+=("$6") ROW_NOTE+=("$7")
}

want() { [[ ",$SUITES," == *",$1,"* ]]; }

# Seconds a step may take: its own limit, cut to what is left before TEST_DEADLINE.
# Prints 0 if there is no time left.
step_timeout() {
  local t="$1"
  if [[ -n "${TEST_DEADLINE:-}" ]]; then
    local left=$((TEST_DEADLINE - $(date +%s) - 60))
    if ((left < 60)); then echo 0; return; fi
    ((left < t)) && t="$left"
  fi
  echo "$t"
}

# Run a command with a time limit, output to the terminal and to a log file.
# Returns the command's exit status (124 on timeout).
# `timeout` puts the command in a process group of its own and, on time-out or when
# signalled, kills that whole group (vitest/playwright workers, web servers). It runs
# in the background so that `wait` returns at once on ctrl-c and on_signal can stop it.
RUNNER_PID=""
run_logged() { # log timeout cmd...
  local log="$1" t="$2" rc
  shift 2
  timeout -k 30 "$t" "$@" </dev/null 9>&- > >(tee "$log") 2>&1 &
  RUNNER_PID=$!
  wait "$RUNNER_PID"
  rc=$?
  RUNNER_PID=""
  sleep 0.2 # let tee print the last lines before the next heading
  return "$rc"
}
# shellcheck disable=SC2317 # invoked from on_signal
stop_runner() {
  if [[ -n "$RUNNER_PID" ]] && kill -0 "$RUNNER_PID" 2>/dev/null; then
    info "stopping the running test runner (pid $RUNNER_PID)"
    kill -TERM "$RUNNER_PID" 2>/dev/null
    wait "$RUNNER_PID" 2>/dev/null
  fi
  RUNNER_PID=""
}

# Parse reports with node (no jq). Prints "passed failed skipped extra ok" or fails.
parse_vitest_json() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const n = (k) => (Number.isFinite(r[k]) ? r[k] : 0);
    if (!Number.isFinite(r.numTotalTests)) process.exit(3);
    // extra = failed test files (e.g. import errors, which fail no single test)
    console.log([n("numPassedTests"), n("numFailedTests"), n("numPendingTests") + n("numTodoTests"),
      n("numFailedTestSuites"), r.success === true ? 1 : 0].join(" "));
  ' "$1" 2>/dev/null
}
parse_playwright_json() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const s = r.stats;
    if (!s || !Number.isFinite(s.expected)) process.exit(3);
    const n = (v) => (Number.isFinite(v) ? v : 0);
    const errors = Array.isArray(r.errors) ? r.errors.length : 0;
    // flaky tests passed on retry: counted as passed, reported in the note
    console.log([n(s.expected) + n(s.flaky), n(s.unexpected), n(s.skipped), n(s.flaky),
      errors === 0 ? 1 : 0].join(" "));
  ' "$1" 2>/dev/null
}

# Turn a runner's exit status + JSON report into a summary row.
record_suite() { # name kind(vitest|playwright) rc json secs timeout [extra-note]
  local name="$1" kind="$2" rc="$3" json="$4" secs="$5" t="$6" extra="${7:-}"
  local parsed="" p=0 f=0 s=0 x=0 ok=0 note="" status
  if ((t == 0)); then
    add_row "$name" "NOT RUN" 0 1 0 0 "no time left before TEST_DEADLINE${extra:+; $extra}"
    return
  fi
  if [[ -s "$json" ]]; then
    if [[ "$kind" == vitest ]]; then parsed="$(parse_vitest_json "$json")"; else parsed="$(parse_playwright_json "$json")"; fi
  fi
  if [[ -z "$parsed" ]]; then
    note="crashed: no JSON report (exit $rc)"
    ((rc == 124 || rc == 137)) && note="timed out after ${t}s, no JSON report"
    add_row "$name" CRASHED 0 1 0 "$secs" "${note}${extra:+; $extra}"
    return
  fi
  read -r p f s x ok <<<"$parsed"
  if ((p + f + s + x == 0)); then
    f=1 ok=1
    note="ran no tests (no test files found?)"
  fi
  if [[ "$kind" == vitest ]]; then
    # Failed files (e.g. a syntax/import error) fail no test: count them.
    if ((f == 0 && x > 0)); then f="$x"; note="$x test file(s) failed to run"; fi
    ((ok == 0 && f == 0)) && { f=1; note="vitest reported failure (unhandled error?)"; }
  else
    ((x > 0)) && note="$x flaky (passed on retry)"
    ((ok == 0 && f == 0)) && { f=1; note="playwright reported global errors"; }
  fi
  if ((rc == 124 || rc == 137)); then
    ((f == 0)) && f=1
    note="${note:+$note; }timed out after ${t}s"
  elif ((rc != 0 && f == 0)); then
    f=1
    note="${note:+$note; }runner exited $rc with no failed test (see log)"
  fi
  status=passed
  ((f > 0)) && status=FAILED
  add_row "$name" "$status" "$p" "$f" "$s" "$secs" "${note}${extra:+${note:+; }$extra}"
}

PG_STARTED=0
stop_cluster() {
  if ((PG_STARTED)); then
    PG_STARTED=0
    info "stopping the throwaway PostgreSQL cluster"
    bash "$PG_CLUSTER" stop >>"$LOG_DIR/pg-cluster.log" 2>&1 9>&- || err "could not stop the PostgreSQL cluster (see $LOG_DIR/pg-cluster.log)"
  fi
}

TOTAL_P=0 TOTAL_F=0 TOTAL_S=0
print_summary() {
  heading "Summary"
  local i
  TOTAL_P=0 TOTAL_F=0 TOTAL_S=0
  printf '  %-10s %-12s %7s %7s %8s %7s  %s\n' SUITE STATUS PASSED FAILED SKIPPED TIME NOTE
  for i in "${!ROW_NAME[@]}"; do
    printf '  %-10s %-12s %7s %7s %8s %6ss  %s\n' "${ROW_NAME[$i]}" "${ROW_STATUS[$i]}" "${ROW_PASSED[$i]}" \
      "${ROW_FAILED[$i]}" "${ROW_SKIPPED[$i]}" "${ROW_SECS[$i]}" "${ROW_NOTE[$i]}"
    TOTAL_P=$((TOTAL_P + ROW_PASSED[i])) TOTAL_F=$((TOTAL_F + ROW_FAILED[i])) TOTAL_S=$((TOTAL_S + ROW_SKIPPED[i]))
  done
  printf '  %-10s %-12s %7s %7s %8s %6ss\n' TOTAL "" "$TOTAL_P" "$TOTAL_F" "$TOTAL_S" "$SECONDS"
  if ((${#WARNINGS[@]})); then
    echo
    for i in "${WARNINGS[@]}"; do printf '  !! %s\n' "$i"; done
  fi
  echo
  echo "  logs and reports: ${LOG_DIR#"$REPO_ROOT"/}/"
  echo
  if ((TOTAL_S > 0)); then
    echo "$TOTAL_P passed, $TOTAL_F failed, $TOTAL_S skipped"
  else
    echo "$TOTAL_P passed, $TOTAL_F failed"
  fi
}

# shellcheck disable=SC2317 # invoked by trap
on_signal() {
  trap - INT TERM
  err "interrupted"
  stop_runner
  stop_cluster
  add_row interrupt ABORTED 0 1 0 "$SECONDS" "run interrupted by a signal"
  print_summary
  exit 130
}
trap on_signal INT TERM
trap stop_cluster EXIT

# ---------------------------------------------------------------- suites to run

SUITES="${TEST_SUITES:-pglite,postgres,e2e}"
SUITES="${SUITES// /}"
IFS=',' read -r -a _requested <<<"$SUITES"
for _s in "${_requested[@]}"; do
  case "$_s" in
    pglite | postgres | e2e) ;;
    *)
      echo "test-all: unknown suite '$_s' in TEST_SUITES (known: pglite,postgres,e2e)" >&2
      echo "0 passed, 1 failed"
      exit 2
      ;;
  esac
done
printf 'Guildhall test run: suites %s (CI=%s)\n' "$SUITES" "${CI:-}"

# ---------------------------------------------------------------- 1. prerequisites

heading "Prerequisites"
E2E_BLOCKED="" PG_BLOCKED="" PG_SKIP="" DEPS_BLOCKED=""

if [[ ! -x node_modules/.bin/vitest || ! -x node_modules/.bin/playwright || ! -x node_modules/.bin/vite ]]; then
  DEPS_BLOCKED="npm dependencies are not installed (node_modules/.bin/vitest, playwright or vite missing): run npm ci"
  err "$DEPS_BLOCKED"
fi

have_pg_bin() { bash "$PG_CLUSTER" bindir >/dev/null 2>&1; }

apt_pkgs=()
if want e2e && [[ ! -x "$CHROMIUM_BIN" ]]; then apt_pkgs+=(chromium); fi
if want postgres && ! have_pg_bin; then apt_pkgs+=(postgresql); fi

if ((${#apt_pkgs[@]})); then
  if ((IS_ROOT)) && command -v apt-get >/dev/null 2>&1; then
    info "installing missing system packages: ${apt_pkgs[*]} (log: $LOG_DIR/apt.log)"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get -o DPkg::Lock::Timeout=300 update &&
      apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${apt_pkgs[@]}"; } \
      </dev/null >"$LOG_DIR/apt.log" 2>&1 9>&-; then
      tail -n 20 "$LOG_DIR/apt.log"
      err "apt-get install ${apt_pkgs[*]} failed (see $LOG_DIR/apt.log)"
    fi
  fi
fi

if want e2e; then
  if [[ -x "$CHROMIUM_BIN" ]]; then
    info "chromium:   $("$CHROMIUM_BIN" --version 2>/dev/null | head -n1) ($CHROMIUM_BIN)"
  else
    E2E_BLOCKED="Chromium is missing at $CHROMIUM_BIN: install it with: sudo apt-get install chromium"
    err "$E2E_BLOCKED"
  fi
fi
if want postgres; then
  if have_pg_bin; then
    info "postgresql: $("$(bash "$PG_CLUSTER" bindir)/postgres" --version) ($(bash "$PG_CLUSTER" bindir))"
  elif ((IS_CI || IS_ROOT)); then
    PG_BLOCKED="PostgreSQL server binaries are missing: install them with: sudo apt-get install postgresql"
    err "$PG_BLOCKED"
  else
    PG_SKIP="PostgreSQL server binaries are missing, so the PostgreSQL suite is SKIPPED (not passed). Install them with: sudo apt-get install postgresql"
    warn "$PG_SKIP"
  fi
fi
info "node:       $(node --version)"

# ---------------------------------------------------------------- 2. build the web app

BUILD_OK=1
heading "Build web app (npm run build:web)"
if ! want e2e; then
  info "skipped: e2e is not among the selected suites"
elif [[ -n "$E2E_BLOCKED" ]]; then
  info "skipped: e2e cannot run (see prerequisites)"
elif [[ -n "$DEPS_BLOCKED" ]]; then
  BUILD_OK=0
  add_row build:web FAILED 0 1 0 0 "$DEPS_BLOCKED"
else
  t="$(step_timeout "$TIMEOUT_BUILD")"
  start=$SECONDS
  if ((t == 0)); then
    rc=124
  else
    run_logged "$LOG_DIR/build-web.log" "$t" npm run build:web
    rc=$?
  fi
  secs=$((SECONDS - start))
  if ((rc == 0)); then
    add_row build:web ok 0 0 0 "$secs" ""
  else
    BUILD_OK=0
    note="exit $rc (see build-web.log)"
    ((rc == 124)) && note="timed out after ${t}s"
    ((t == 0)) && note="no time left before TEST_DEADLINE"
    add_row build:web FAILED 0 1 0 "$secs" "$note"
  fi
fi

# ---------------------------------------------------------------- 3. vitest on PGlite

run_vitest() { # suite-name [env assignments...]
  local name="$1"
  shift
  local json="$LOG_DIR/vitest-$name.json" t start rc
  rm -f -- "$json"
  t="$(step_timeout "$TIMEOUT_VITEST")"
  start=$SECONDS
  if ((t == 0)); then
    rc=124
  else
    run_logged "$LOG_DIR/vitest-$name.log" "$t" env "$@" TZ=UTC \
      node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$json"
    rc=$?
  fi
  VITEST_RC=$rc VITEST_SECS=$((SECONDS - start)) VITEST_T=$t VITEST_JSON=$json
}

heading "Vitest on PGlite (embedded)"
if ! want pglite; then
  info "not selected"
elif [[ -n "$DEPS_BLOCKED" ]]; then
  add_row pglite FAILED 0 1 0 0 "$DEPS_BLOCKED"
else
  run_vitest pglite -u GUILDHALL_TEST_DATABASE_URL
  record_suite pglite vitest "$VITEST_RC" "$VITEST_JSON" "$VITEST_SECS" "$VITEST_T"
fi

# ---------------------------------------------------------------- 4. vitest on PostgreSQL

# Connections the server logged (log_connections is on in pg-cluster.sh).
count_conns() {
  local n
  n="$(grep -c 'connection authorized' "$1" 2>/dev/null)"
  echo "${n:-0}"
}

heading "Vitest on a throwaway PostgreSQL server"
if ! want postgres; then
  info "not selected"
elif [[ -n "$PG_SKIP" ]]; then
  add_row postgres SKIPPED 0 0 1 0 "no PostgreSQL server binaries (sudo apt-get install postgresql)"
elif [[ -n "$PG_BLOCKED" ]]; then
  add_row postgres FAILED 0 1 0 0 "$PG_BLOCKED"
elif [[ -n "$DEPS_BLOCKED" ]]; then
  add_row postgres FAILED 0 1 0 0 "$DEPS_BLOCKED"
else
  start=$SECONDS
  PG_STARTED=1 # set first: a ctrl-c during start still cleans up
  # 9>&-: the server must not inherit (and keep) the run lock
  if ! PG_URL="$(bash "$PG_CLUSTER" start 2>>"$LOG_DIR/pg-cluster.log" 9>&-)" || [[ -z "$PG_URL" ]]; then
    tail -n 30 "$LOG_DIR/pg-cluster.log"
    err "could not start a throwaway PostgreSQL cluster (see $LOG_DIR/pg-cluster.log)"
    stop_cluster
    add_row postgres CRASHED 0 1 0 $((SECONDS - start)) "could not start PostgreSQL"
  else
    info "GUILDHALL_TEST_DATABASE_URL=$PG_URL"
    PG_LOG="$(sed -n 's/^LOG=//p' "$REPO_ROOT/.tmp/pg-cluster/state.env" 2>/dev/null)"
    conns_before="$(count_conns "$PG_LOG")"
    run_vitest postgres GUILDHALL_TEST_DATABASE_URL="$PG_URL"
    conns=$(($(count_conns "$PG_LOG") - conns_before))
    dbs="$(grep -o 'connection authorized: user=[^ ]* database=[^ ]*' "$PG_LOG" 2>/dev/null | sed 's/.*database=//' | sort -u | wc -l)"
    cp -f -- "$PG_LOG" "$LOG_DIR/postgres-server.log" 2>/dev/null || true
    stop_cluster
    pg_note="server saw $conns connection(s) to $dbs database(s)"
    info "$pg_note"
    if ((conns == 0 && VITEST_T > 0)); then
      warn "the vitest run never connected to the PostgreSQL server: its database tests did not use GUILDHALL_TEST_DATABASE_URL (or there are none)"
      pg_note="NEVER CONNECTED to PostgreSQL"
    fi
    record_suite postgres vitest "$VITEST_RC" "$VITEST_JSON" $((SECONDS - start)) "$VITEST_T" "$pg_note"
  fi
fi

# ---------------------------------------------------------------- 5. Playwright

heading "Playwright end-to-end (Chromium)"
if ! want e2e; then
  info "not selected"
elif [[ -n "$E2E_BLOCKED" ]]; then
  add_row e2e FAILED 0 1 0 0 "$E2E_BLOCKED"
elif [[ -n "$DEPS_BLOCKED" ]]; then
  add_row e2e FAILED 0 1 0 0 "$DEPS_BLOCKED"
elif ((!BUILD_OK)); then
  info "not run: the web build failed"
  add_row e2e "NOT RUN" 0 0 0 0 "web build failed (counted under build:web)"
elif [[ ! -f "$E2E_CONFIG" ]]; then
  err "$E2E_CONFIG does not exist"
  add_row e2e CRASHED 0 1 0 0 "no $E2E_CONFIG"
else
  json="$LOG_DIR/playwright.json"
  rm -f -- "$json"
  t="$(step_timeout "$TIMEOUT_E2E")"
  start=$SECONDS
  if ((t == 0)); then
    rc=124
  else
    # The config's json reporter writes to PLAYWRIGHT_JSON_OUTPUT; *_FILE is Playwright's own
    # override for the json reporter, set too so the path holds whatever the config says.
    run_logged "$LOG_DIR/playwright.log" "$t" env PLAYWRIGHT_JSON_OUTPUT="$json" \
      PLAYWRIGHT_JSON_OUTPUT_FILE="$json" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
      node_modules/.bin/playwright test -c "$E2E_CONFIG"
    rc=$?
  fi
  record_suite e2e playwright "$rc" "$json" $((SECONDS - start)) "$t"
fi

# ---------------------------------------------------------------- 6. summary

stop_cluster
print_summary
((TOTAL_F == 0)) && exit 0
exit 1
