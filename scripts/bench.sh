#!/usr/bin/env bash
# The load driver against real stacks, results appended to docs/BENCHMARKS.md.
#
#   bash scripts/bench.sh embedded     # the all-in-one app jar (in-process Temporal, embedded
#                                      # PostgreSQL, built-in sandbox exchange, in-process SMTP)
#   bash scripts/bench.sh start-dev    # temporal server start-dev + PostgreSQL + sandbox exchange +
#                                      # one worker JVM + one API JVM, each its own process
#
# Every scenario of issue 14's table: create (p99, throughput, creates not issued in time, history
# events to issue), bulk, detection (with the history events of a whole lifecycle), scale (open
# invoices, check lag, RSS of the worker, or of the one embedded JVM).
#
# Settings (environment): BENCH_SCENARIOS (default create,bulk,detection,scale), BENCH_CLIENTS
# (1,8,32), BENCH_WARMUP (20s),
# BENCH_LEVEL_DURATION (30s), BENCH_BULK (1000), BENCH_DETECTION (12), BENCH_POLLING_INTERVAL
# (30, seconds, the production default), BENCH_SCALE_LEVELS (1000,10000), BENCH_SCALE_CYCLES (4),
# BENCH_SCALE_BUDGET (10m: creating invoices towards a level stops then; the level is measured as reached),
# BENCH_REPORT (docs/BENCHMARKS.md; empty = print only), BENCH_WORK (a fresh temp directory),
# BENCH_LABEL (a name for the build measured, e.g. "before"), BENCH_JARS_FROM (another checkout
# whose built jars run the stack, see scripts/lib.sh), APP_JAVA_OPTS / WORKER_JAVA_OPTS (JVM
# options of the embedded JVM / the worker), ports: BENCH_API_PORT, BENCH_TEMPORAL_PORT (its UI
# on +1000), BENCH_PG_PORT, BENCH_SMTP_PORT, BENCH_SANDBOX_PORT.
# A short run: BENCH_WARMUP=5s BENCH_LEVEL_DURATION=10s BENCH_BULK=50 BENCH_DETECTION=3
#   BENCH_SCALE_LEVELS=200 BENCH_SCALE_CYCLES=2 BENCH_SCALE_BUDGET=2m BENCH_POLLING_INTERVAL=10
# Everything listens on 127.0.0.1 only. Builds the jars (package) if they are missing.
set -euo pipefail

STACK=${1:-embedded}
WORK=${BENCH_WORK:-$(mktemp -d -t invoicing-bench-XXXX)}
mkdir -p "$WORK"
LOG_PREFIX=bench
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
trap stop_all EXIT

# Relative to the repository's root, where the driver runs (the report shows the command as run).
REPORT=${BENCH_REPORT-docs/BENCHMARKS.md}
POLLING=${BENCH_POLLING_INTERVAL:-30}
COMMAND="bash scripts/bench.sh $STACK"
for v in BENCH_SCENARIOS BENCH_CLIENTS BENCH_WARMUP BENCH_LEVEL_DURATION BENCH_BULK BENCH_DETECTION \
  BENCH_POLLING_INTERVAL BENCH_SCALE_LEVELS BENCH_SCALE_CYCLES BENCH_SCALE_BUDGET BENCH_LABEL BENCH_JARS_FROM \
  APP_JAVA_OPTS WORKER_JAVA_OPTS; do
  [[ -n ${!v:-} ]] && COMMAND="$v=$(printf '%q' "${!v}") $COMMAND"
done

require_jars
JARS=$(jars_description)
log "work directory $WORK; $JARS"
# Deposits gain a confirmation every second by themselves unless a scenario pins them.
export POLLING_INTERVAL_SECONDS=$POLLING
export DOCUMENTS_DIR=$WORK/documents

driver_args=()
case "$STACK" in
  embedded)
    PORT=${BENCH_API_PORT:-25102}
    export EMBEDDED_TEMPORAL_PORT=${BENCH_TEMPORAL_PORT:-27333} EMBEDDED_SMTP_PORT=${BENCH_SMTP_PORT:-23125}
    export EMBEDDED_DATABASE_PORT=${BENCH_PG_PORT:-25532} SANDBOX_CONFIRMATION_INTERVAL=1s
    export MAIL_OUTBOX_DIR=$WORK/app/outbox
    start_app app "$PORT"
    wait_for "the embedded app on :$PORT" 180 answers app "http://127.0.0.1:$PORT/actuator/health"
    SCENARIOS=${BENCH_SCENARIOS:-create,bulk,detection,scale}
    # The embedded JVM holds Temporal's service too: its target is 1.5 GiB (issue 14).
    driver_args+=(--api "http://127.0.0.1:$PORT" --sandbox "http://127.0.0.1:$PORT/sandbox"
      --temporal "127.0.0.1:$EMBEDDED_TEMPORAL_PORT" --worker-pid "${PIDS[app]}" --memory-target-mib 1536
      --db-url "jdbc:postgresql://127.0.0.1:$EMBEDDED_DATABASE_PORT/postgres"
      --stack-description "${BENCH_LABEL:+$BENCH_LABEL: }$JARS; one JVM (crypto-invoicing.jar, JVM options: ${APP_JAVA_OPTS:-none}): Temporal's Java test service in process, embedded PostgreSQL 17, the built-in sandbox exchange over loopback HTTP, in-process SMTP; polling interval ${POLLING} s")
    ;;
  start-dev)
    T_PORT=${BENCH_TEMPORAL_PORT:-27433} PG_PORT=${BENCH_PG_PORT:-25632} SB_PORT=${BENCH_SANDBOX_PORT:-25103}
    PORT=${BENCH_API_PORT:-25104} SMTP_PORT=${BENCH_SMTP_PORT:-23225}
    start_temporal temporal "$T_PORT" $((T_PORT + 1000)) "$WORK/temporal.db"
    start_postgres postgres "$WORK/postgres" "$PG_PORT"
    start_sandbox sandbox "$SB_PORT" "$WORK/sandbox-state.json" 1s
    start_smtp smtp "$SMTP_PORT" "$WORK/received.tsv"
    export DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" DATABASE_USER=postgres DATABASE_PASSWORD=
    export TEMPORAL_ADDRESS="127.0.0.1:$T_PORT" TEMPORAL_NAMESPACE=default
    export MEXC_BASE_URL="http://127.0.0.1:$SB_PORT/sandbox" MEXC_API_KEY=sandbox-key MEXC_API_SECRET=sandbox-secret
    export SMTP_HOST=127.0.0.1 SMTP_PORT
    start_worker worker
    await_worker worker
    start_api api "$PORT"
    SCENARIOS=${BENCH_SCENARIOS:-create,bulk,detection,scale}
    driver_args+=(--api "http://127.0.0.1:$PORT" --sandbox "http://127.0.0.1:$SB_PORT/sandbox"
      --temporal "127.0.0.1:$T_PORT" --worker-pid "${PIDS[worker]}" --db-url "$DATABASE_URL"
      --stack-description "${BENCH_LABEL:+$BENCH_LABEL: }$JARS; worker JVM options: ${WORKER_JAVA_OPTS:--Xmx512m}; temporal server start-dev (CLI $(temporal --version | head -1 | awk '{print $3}'), SQLite file), embedded PostgreSQL 17 as its own process, the sandbox exchange as its own JVM, one worker JVM and one API JVM, a GreenMail SMTP server; polling interval ${POLLING} s")
    ;;
  *)
    fail "unknown stack '$STACK' (embedded or start-dev)"
    ;;
esac

log "stack up; running $SCENARIOS"
cd "$ROOT"
java -cp "$BENCH_JAR" com.deltaenergy.invoicing.bench.load.LoadDriver "${driver_args[@]}" \
  --stack "$STACK" --scenarios "$SCENARIOS" --polling-interval "${POLLING}s" \
  --clients "${BENCH_CLIENTS:-1,8,32}" --warmup "${BENCH_WARMUP:-20s}" \
  --level-duration "${BENCH_LEVEL_DURATION:-30s}" --bulk "${BENCH_BULK:-1000}" \
  --detection "${BENCH_DETECTION:-12}" --scale-levels "${BENCH_SCALE_LEVELS:-1000,10000}" \
  --scale-cycles "${BENCH_SCALE_CYCLES:-4}" --scale-create-budget "${BENCH_SCALE_BUDGET:-10m}" --command "$COMMAND" --report "$REPORT" ||
  fail "the load driver failed"
log "done"
