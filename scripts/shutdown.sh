#!/usr/bin/env bash
# Clean shutdown, measured on the real processes (issue 18, point 7): the embedded app, the API and
# the worker each exit within SHUTDOWN_LIMIT_SECONDS (30) of SIGTERM, whatever state they are in:
#   app-db-hung        the embedded PostgreSQL frozen (SIGSTOP: connections hang), an invoice being issued
#   app-db-gone        the embedded PostgreSQL killed (SIGKILL), an invoice being issued
#   app-exchange-down  every exchange call hangs (sandbox latency fault), an invoice's issue activity in flight
#   worker-db-hung     the worker on temporal start-dev, its PostgreSQL frozen, an invoice being issued
#   api-db-hung        the API, same database frozen, a request in progress
# Builds the jars if absent. Ports (override with the variables): HTTP 5130, sandbox 5131, embedded
# database 5132, PostgreSQL 5133, API 5136, Temporal 7330 (UI 5134), SMTP 3130.
set -euo pipefail

LIMIT=${SHUTDOWN_LIMIT_SECONDS:-30}
APP_PORT=${SHUTDOWN_APP_PORT:-5130}
SB_PORT=${SHUTDOWN_SANDBOX_PORT:-5131}
EMBEDDED_DB_PORT=${SHUTDOWN_EMBEDDED_DB_PORT:-5132}
PG_PORT=${SHUTDOWN_PG_PORT:-5133}
API_PORT=${SHUTDOWN_API_PORT:-5136}
TEMPORAL_PORT=${SHUTDOWN_TEMPORAL_PORT:-7330}
TEMPORAL_UI_PORT=${SHUTDOWN_TEMPORAL_UI_PORT:-5134}
SMTP_PORT=${SHUTDOWN_SMTP_PORT:-3130}

WORK=$(mktemp -d -t shutdown-XXXXXX)
LOG_PREFIX=shutdown
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
FROZEN=()
cleanup() {
  local pid
  for pid in "${FROZEN[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  stop_all
}
trap cleanup EXIT
unset DATABASE_URL TEMPORAL_ADDRESS MEXC_BASE_URL MEXC_API_KEY MEXC_API_SECRET SMTP_HOST ENCRYPTION_KEY
for f in "$APP_JAR" "$API_JAR" "$WORKER_JAR" "$SANDBOX_JAR"; do
  [[ -n $f && -f $f ]] || fail "build the jars first: ./mvnw -B -ntp -DskipTests package"
done

RESULTS=()
FAILED=()

# measure NAME: SIGTERM, then the time until the process has exited (killed after 3 × the limit).
measure() {
  local name=$1 pid=${PIDS[$1]} start end ms i
  start=$(date +%s%N)
  kill -TERM "$pid"
  for ((i = 0; i < LIMIT * 30; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  end=$(date +%s%N)
  ms=$(((end - start) / 1000000))
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    ms="$ms+ (still running, killed)"
  fi
  wait "$pid" 2>/dev/null || true
  unset "PIDS[$name]"
  log "$name: exited ${ms} ms after SIGTERM"
  RESULTS+=("$name: ${ms} ms")
  if [[ $ms == *killed* ]] || ((ms > LIMIT * 1000)); then FAILED+=("$name: ${ms} ms"); fi
}

# The postmaster of a data directory and its server processes.
postgres_pids() {
  local pid
  pid=$(head -n 1 "$1/postmaster.pid")
  echo "$pid" $(pgrep -P "$pid" || true)
}

freeze_postgres() { # DATA_DIR: the server stops answering but keeps its connections open
  local pid
  for pid in $(postgres_pids "$1"); do kill -STOP "$pid"; FROZEN+=("$pid"); done
}

kill_postgres() { # DATA_DIR
  local pid
  for pid in $(postgres_pids "$1"); do kill -KILL "$pid" 2>/dev/null || true; done
}

create_invoice() { # BASE_URL: starts one invoice's lifecycle (its issue activities run next)
  curl -s -o /dev/null --max-time 20 -X POST "$1/api/invoice/create" \
    -H "Authorization: Bearer $INVOICING_API_KEY" -H 'Content-Type: application/json' \
    -d "{\"client_id\": 1, \"amount_usd\": 120, \"crypto_currency\": \"USDT\", \"crypto_network\": \"TRC20\",
         \"billing_period\": \"Shutdown test\", \"due_date\": \"$(date -d '+20 days' +%F)\", \"description\": \"Hosting\"}" || true
}

export EMBEDDED_TEMPORAL_PORT=$TEMPORAL_PORT EMBEDDED_SMTP_PORT=$SMTP_PORT EMBEDDED_DATABASE_PORT=$EMBEDDED_DB_PORT
run_app() { # NAME: a fresh embedded app, up and answering
  rm -rf "${WORK:?}/app"
  start_app app "$APP_PORT"
  wait_for "the app on :$APP_PORT" 180 answers app "http://127.0.0.1:$APP_PORT/actuator/health"
}

log "work directory $WORK; limit ${LIMIT} s"

log "app, database hung"
run_app
create_invoice "http://127.0.0.1:$APP_PORT"
freeze_postgres "$WORK/app/data/postgres"
sleep 2
measure app
for pid in "${FROZEN[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
FROZEN=()
RESULTS[-1]="app-db-hung ${RESULTS[-1]#app}"

log "app, database gone"
run_app
create_invoice "http://127.0.0.1:$APP_PORT"
kill_postgres "$WORK/app/data/postgres"
sleep 2
measure app
RESULTS[-1]="app-db-gone ${RESULTS[-1]#app}"

log "app, exchange down (every call hangs) with an issue activity in flight"
run_app
curl -sf -o /dev/null -X POST "http://127.0.0.1:$APP_PORT/sandbox/faults" -H 'Content-Type: application/json' \
  -d '{"error_rate": 0, "latency_ms": 60000}'
create_invoice "http://127.0.0.1:$APP_PORT" &
sleep 5
measure app
RESULTS[-1]="app-exchange-down ${RESULTS[-1]#app}"
wait || true

log "worker and API on temporal start-dev and their own PostgreSQL, database hung"
start_postgres pg "$WORK/pg" "$PG_PORT"
start_temporal temporal "$TEMPORAL_PORT" "$TEMPORAL_UI_PORT" "$WORK/temporal.db"
start_sandbox sandbox "$SB_PORT" "$WORK/sandbox-state.json" 2s
export DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" DATABASE_USER=postgres DATABASE_PASSWORD=
export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT" ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)
export MEXC_BASE_URL="http://127.0.0.1:$SB_PORT/sandbox" MEXC_API_KEY=sandbox-key MEXC_API_SECRET=sandbox-secret
export SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT DOCUMENTS_DIR=$WORK/documents
start_worker worker
await_worker worker
start_api api "$API_PORT"
create_invoice "http://127.0.0.1:$API_PORT"
freeze_postgres "$WORK/pg"
# a request that now waits for the database
curl -s -o /dev/null --max-time 60 "http://127.0.0.1:$API_PORT/api/invoices" -H "Authorization: Bearer $INVOICING_API_KEY" &
sleep 2
measure worker
RESULTS[-1]="worker-db-hung ${RESULTS[-1]#worker}"
measure api
RESULTS[-1]="api-db-hung ${RESULTS[-1]#api}"

log "results (limit ${LIMIT} s):"
printf '  %s\n' "${RESULTS[@]}" >&3
if ((${#FAILED[@]})); then
  fail "too slow to exit: ${FAILED[*]}"
fi
log "every process exited within ${LIMIT} s of SIGTERM"
