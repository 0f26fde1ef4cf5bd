#!/usr/bin/env bash
# Fault-injection suite: real processes on 127.0.0.1 only, killed and restarted on purpose, and a
# check afterwards that nothing was lost or done twice. Six scenarios, each printing one line
# "<scenario>: N passed, N failed; invoices, kills, duplicates, lost ...":
#
#   worker-kill   lifecycles on temporal server start-dev while the worker JVM is SIGKILLed at
#                 random moments and restarted
#   exchange      sandbox exchange faults during payments: 30 % 5xx, 30 % 429 with Retry-After,
#                 2 s latency on every call
#   exchange-failover  the primary exchange (MEXC) answers 503 for 2 minutes while invoices are
#                 created and paid: issued on Binance meanwhile, back on MEXC after recovery
#   smtp-ledger   the SMTP server and the CFO ledger's database down, then up again
#   app-kill      the embedded all-in-one app SIGKILLed mid-lifecycle and restarted
#   import-kill   a CSV import in send mode while the worker is SIGKILLed mid-import (twice) and
#                 restarted: it resumes where it stopped, every valid row gets exactly one
#                 invoice, issued; uploading the file again creates nothing
#
# Settings (environment): FAULTS_LIFECYCLES (invoices in worker-kill, default 40; the issue's
# figure is 100), FAULTS_INVOICES (invoices in each other scenario, default 12), FAULTS_IMPORT_ROWS
# (rows of the import-kill file, default 150, one in 15 invalid), FAULTS_SCENARIOS
# (default all six, comma-separated), FAULTS_WORK (a fresh temp directory), FAULTS_SEED (random
# kill moments; default from the clock, printed), FAULTS_OUTAGE_SECONDS (exchange-failover, default
# 120), FAULTS_BASE_PORT (ports of the stack, each also settable: FAULTS_TEMPORAL_PORT,
# FAULTS_POSTGRES_PORT, FAULTS_LEDGER_PORT, FAULTS_SANDBOX_PORT, FAULTS_API_PORT, FAULTS_SMTP_PORT).
# Needs the jars: ./mvnw -B -ntp -DskipTests install
set -euo pipefail

WORK=${FAULTS_WORK:-$(mktemp -d -t invoicing-faults-XXXX)}
mkdir -p "$WORK"
LOG_PREFIX=faults
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
trap stop_all EXIT

LIFECYCLES=${FAULTS_LIFECYCLES:-40}
INVOICES=${FAULTS_INVOICES:-12}
SCENARIOS=${FAULTS_SCENARIOS:-worker-kill,exchange,exchange-failover,smtp-ledger,import-kill,app-kill}
IMPORT_ROWS=${FAULTS_IMPORT_ROWS:-150}
OUTAGE=${FAULTS_OUTAGE_SECONDS:-120}
SEED=${FAULTS_SEED:-$(date +%s)}
RANDOM=$SEED
BASE_PORT=${FAULTS_BASE_PORT:-26000}
T_PORT=${FAULTS_TEMPORAL_PORT:-$((BASE_PORT + 233))} PG_PORT=${FAULTS_POSTGRES_PORT:-$((BASE_PORT + 432))}
LEDGER_PORT=${FAULTS_LEDGER_PORT:-$((BASE_PORT + 433))} SB_PORT=${FAULTS_SANDBOX_PORT:-$((BASE_PORT + 3))}
API_PORT=${FAULTS_API_PORT:-$((BASE_PORT + 2))} SMTP_PORT=${FAULTS_SMTP_PORT:-$((BASE_PORT + 25))}
APP_PORT=$((BASE_PORT + 12)) APP_T_PORT=$((BASE_PORT + 234)) APP_PG_PORT=$((BASE_PORT + 434))
SUMMARY=$WORK/summary.txt
: >"$SUMMARY"
STARTED_AT=$(date +%s)

require_jars
log "work directory $WORK, seed $SEED"

# Lifecycles in seconds, not days: a scan every 2 s, few confirmations, one every 0.5 s.
export POLLING_INTERVAL_SECONDS=2 USDT_CONFIRMATIONS_REQUIRED=3 BTC_CONFIRMATIONS_REQUIRED=2 TAO_CONFIRMATIONS_REQUIRED=2
export NOTIFY_EMAILS=ops@faults.invalid
export DOCUMENTS_DIR=$WORK/documents

probe() { # COMMAND OPTIONS...: the fault probe against the API in use
  java -cp "$BENCH_JAR" com.deltaenergy.invoicing.bench.faults.FaultProbe "$@" --api "$PROBE_API" --sandbox "$PROBE_SANDBOX"
}

verify() { # NAME LEDGER KILLS [OPTIONS...]: checks a scenario and records its summary line
  local name=$1 ledger=$2 kills=$3 line
  shift 3
  if line=$(probe verify --name "$name" --ledger "$ledger" --kills "$kills" --smtp-log "$SMTP_LOG" \
    --kill-times "$WORK/kill-times.txt" "$@"); then
    :
  fi
  [[ -n $line ]] || line="$name: 0 passed, 1 failed; the verification did not run"
  echo "$line" | tee -a "$SUMMARY"
}

# ---- the distributed stack: temporal start-dev, PostgreSQL, ledger PostgreSQL, sandbox, SMTP,
# worker, API ----
start_stack() {
  start_temporal temporal "$T_PORT" $((T_PORT + 1000)) "$WORK/temporal.db"
  start_postgres postgres "$WORK/postgres" "$PG_PORT"
  start_postgres ledger "$WORK/ledger" "$LEDGER_PORT"
  start_sandbox sandbox "$SB_PORT" "$WORK/sandbox-state.json" 500ms
  SMTP_LOG=$WORK/received.tsv
  start_smtp smtp "$SMTP_PORT" "$SMTP_LOG"
  export DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" DATABASE_USER=postgres DATABASE_PASSWORD=
  export CFO_DATABASE_URL="jdbc:postgresql://127.0.0.1:$LEDGER_PORT/postgres" CFO_DATABASE_USER=postgres CFO_DATABASE_PASSWORD=
  export TEMPORAL_ADDRESS="127.0.0.1:$T_PORT" TEMPORAL_NAMESPACE=default
  export MEXC_BASE_URL="http://127.0.0.1:$SB_PORT/sandbox" MEXC_API_KEY=sandbox-key MEXC_API_SECRET=sandbox-secret
  # The second exchange new invoices fail over to: the sandbox's Binance account.
  export BINANCE_BASE_URL="http://127.0.0.1:$SB_PORT/sandbox/binance" BINANCE_API_KEY=sandbox-key BINANCE_API_SECRET=sandbox-secret
  export SMTP_HOST=127.0.0.1 SMTP_PORT
  start_worker worker
  await_worker worker
  start_api api "$API_PORT"
  PROBE_API="http://127.0.0.1:$API_PORT" PROBE_SANDBOX="http://127.0.0.1:$SB_PORT/sandbox"
  DB_ARGS=(--db-url "$DATABASE_URL" --cfo-url "$CFO_DATABASE_URL" --cfo-table transactions)
}

restart_worker() {
  start_worker worker
  await_worker worker
}

# ---- (a) the worker SIGKILLed at random moments ----
scenario_worker_kill() {
  local ledger=$WORK/worker-kill.tsv kills=0 job
  log "worker-kill: $LIFECYCLES lifecycles (every 10th cancelled) while the worker is SIGKILLed"
  # Invoices are created and paid in two waves, so kills land in every phase of a lifecycle.
  (half=$((LIFECYCLES / 2)) rc=0
    probe create --count "$half" --cancel-every 10 --ledger "$ledger" --timeout 10m || rc=1
    probe pay --ledger "$ledger" --timeout 10m || rc=1
    probe create --count "$((LIFECYCLES - half))" --cancel-every 10 --ledger "$ledger.second" --timeout 10m || rc=1
    probe pay --ledger "$ledger.second" --timeout 10m || rc=1
    cat "$ledger.second" >>"$ledger"
    probe await --ledger "$ledger" --status final --timeout 10m || rc=1
    exit $rc) >"$WORK/worker-kill-probe.log" 2>&1 &
  job=$!
  while kill -0 "$job" 2>/dev/null; do
    # Up for 1 to 8 s after it started, then SIGKILL; down for 0 to 2 s.
    sleep $((1 + RANDOM % 8))
    kill -0 "$job" 2>/dev/null || break
    date +%s%3N >>"$WORK/kill-times.txt"
    stop worker KILL
    kills=$((kills + 1))
    log "worker-kill: SIGKILL $kills"
    sleep $((RANDOM % 3))
    restart_worker
  done
  wait "$job" || log "worker-kill: the probe reported a failure (see $WORK/worker-kill-probe.log)"
  alive worker || restart_worker
  verify worker-kill "$ledger" "$kills" "${DB_ARGS[@]}"
}

# ---- (a') the worker SIGKILLed mid-import ----
# A send-mode import of $IMPORT_ROWS rows (one in 15 invalid); the worker is SIGKILLed once a third
# and again once two thirds of the valid rows have an invoice, and restarted each time. The page a
# dead worker was on is run again after its heartbeat times out (30 s), skipping the rows it did.
import_json() { # IMPORT_ID: the import's progress as JSON
  api_curl "http://127.0.0.1:$API_PORT/api/invoices/imports/$1"
}

import_field() { # IMPORT_ID FIELD
  import_json "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"
}

psql_value() { # SQL: one value from the stack's database
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAqc "$1"
}

scenario_import_kill() {
  local run csv id valid kills=0 target status problems=() line i total invalid created existing failed pending issued
  local invoices references numbers issued_db result_rows result_created result_ids result_invalid
  command -v psql >/dev/null || fail "import-kill: psql (postgresql-client) is needed to check the database"
  run=ik$(date +%s)
  csv=$WORK/import-kill.csv
  python3 - "$csv" "$IMPORT_ROWS" "$run" <<'PY'
import datetime, sys
path, rows, run = sys.argv[1], int(sys.argv[2]), sys.argv[3]
due = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
coins = [("USDT", "TRC20"), ("BTC", ""), ("USDT", "ERC20"), ("TAO", "")]
with open(path, "w") as f:
    f.write("external_reference,client,amount_usd,crypto_currency,crypto_network,billing_period,due_date,description\n")
    for i in range(1, rows + 1):
        coin, network = coins[i % 4]
        amount = "lots" if i % 15 == 0 else f"{100 + i}.25"
        f.write(f"{run}-{i},1,{amount},{coin},{network},November 2026,{due},Import kill {i}\n")
PY
  log "import-kill: $IMPORT_ROWS rows in send mode while the worker is SIGKILLed mid-import"
  id=$(api_curl -X POST "http://127.0.0.1:$API_PORT/api/invoices/imports?mode=send" -H 'Content-Type: text/csv' \
    --data-binary @"$csv" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') ||
    fail "import-kill: the upload failed"
  valid=$(import_field "$id" valid)
  for target in $((valid / 3)) $((2 * valid / 3)); do
    # Kill once the rows done reach the target (or give up on the kill if the import ends first).
    for ((i = 0; i < 600; i++)); do
      status=$(import_json "$id" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["status"], j["created"] + j["existing"] + j["failed"])')
      [[ ${status% *} == completed || ${status#* } -ge $target ]] && break
      sleep 0.2
    done
    [[ ${status% *} == completed ]] && break
    date +%s%3N >>"$WORK/kill-times.txt"
    stop worker KILL
    kills=$((kills + 1))
    log "import-kill: SIGKILL $kills with ${status#* } of $valid rows done"
    sleep 1
    restart_worker
  done
  for ((i = 0; i < 300; i++)); do
    [[ $(import_field "$id" status) == completed ]] && break
    sleep 1
  done

  # The counts: every valid row created once, none failed, found existing or still pending, all issued.
  line=$(import_json "$id" | python3 -c '
import json, sys
j = json.load(sys.stdin)
print(j["status"], j["total"], j["valid"], j["invalid"], j["created"], j["existing"], j["failed"], j["pending"], j["issued"])')
  read -r status total valid invalid created existing failed pending issued <<<"$line"
  [[ $status == completed ]] || problems+=("import $id is $status, not completed")
  ((total == IMPORT_ROWS && invalid == IMPORT_ROWS / 15 && valid == total - invalid)) ||
    problems+=("rows: total $total, valid $valid, invalid $invalid")
  ((created == valid && existing == 0 && failed == 0 && pending == 0)) ||
    problems+=("created $created, existing $existing, failed $failed, pending $pending of $valid valid")
  ((issued == valid)) || problems+=("issued $issued of $valid")
  # The database: exactly one invoice per valid row, each numbered once and issued.
  line=$(psql_value "SELECT count(*) || ' ' || count(DISTINCT external_reference) || ' ' || count(DISTINCT invoice_number)
      || ' ' || count(*) FILTER (WHERE issued_at IS NOT NULL AND deposit_address IS NOT NULL)
      FROM invoices WHERE external_reference LIKE '$run-%'")
  read -r invoices references numbers issued_db <<<"$line"
  ((invoices == valid && references == valid && numbers == valid && issued_db == valid)) ||
    problems+=("database: $invoices invoices, $references references, $numbers numbers, $issued_db issued for $valid valid rows")
  # The results file: each valid row issued with its own invoice, each invalid row reported.
  line=$(api_curl "http://127.0.0.1:$API_PORT/api/invoices/imports/$id/results.csv" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
created = [r for r in rows if r["status"] == "issued"]  # created, then issued (send mode)
ids = {r["invoice_id"] for r in created if r["invoice_id"]}
print(len(rows), len(created), len(ids), sum(1 for r in rows if r["status"] == "invalid"))')
  read -r result_rows result_created result_ids result_invalid <<<"$line"
  ((result_rows == IMPORT_ROWS && result_created == valid && result_ids == valid && result_invalid == invalid)) ||
    problems+=("results.csv: $result_rows rows, $result_created created with $result_ids invoices, $result_invalid invalid")
  # The same file again: nothing is created twice.
  id=$(api_curl -X POST "http://127.0.0.1:$API_PORT/api/invoices/imports?mode=send" -H 'Content-Type: text/csv' \
    --data-binary @"$csv" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') ||
    fail "import-kill: the second upload failed"
  for ((i = 0; i < 120; i++)); do
    [[ $(import_field "$id" status) == completed ]] && break
    sleep 1
  done
  line=$(import_json "$id" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["created"], j["existing"])')
  [[ $line == "0 $valid" ]] || problems+=("the same file again: created and existing $line, expected 0 $valid")
  ((kills > 0)) || problems+=("the import ended before the first kill")
  if ((${#problems[@]})); then
    for line in "${problems[@]}"; do log "import-kill: FAILED: $line"; done
    line="import-kill: 0 passed, 1 failed; rows $IMPORT_ROWS, valid $valid, created $created, kills $kills, problems: ${problems[*]}"
  else
    line="import-kill: 1 passed, 0 failed; rows $IMPORT_ROWS, valid $valid, created $created (each once, all issued), kills $kills, duplicates 0, lost 0"
  fi
  echo "$line" | tee -a "$SUMMARY"
}

# ---- (b) sandbox exchange faults during payments ----
scenario_exchange() {
  local ledger=$WORK/exchange.tsv job phase=0 third payers=() ok=1 p
  log "exchange: $INVOICES invoices paid while the sandbox injects faults"
  probe create --count "$INVOICES" --ledger "$ledger" --timeout 5m >>"$WORK/exchange-probe.log" 2>&1 ||
    fail "exchange: could not create the invoices"
  probe faults --reset-stats 2>>"$WORK/exchange-probe.log"
  # A third of the invoices is paid under each fault (15 s each); then the faults keep turning
  # until every invoice reads paid.
  third=$(((INVOICES + 2) / 3))
  split -l "$third" -d "$ledger" "$ledger.part"
  set_fault() {
    case $((phase % 3)) in
      0) probe faults --error-rate 0.3 --status 503 ;;
      1) probe faults --error-rate 0.3 --status 429 --retry-after 2 ;;
      2) probe faults --latency-ms 2000 ;;
    esac 2>>"$WORK/exchange-probe.log"
    phase=$((phase + 1))
  }
  for part in "$ledger".part*; do
    set_fault
    probe pay --ledger "$part" --timeout 5m >>"$WORK/exchange-probe.log" 2>&1 &
    payers+=($!)
    sleep 15
  done
  probe await --ledger "$ledger" --status paid --timeout 6m >>"$WORK/exchange-probe.log" 2>&1 &
  job=$!
  while kill -0 "$job" 2>/dev/null; do
    set_fault
    for _ in $(seq 15); do kill -0 "$job" 2>/dev/null || break; sleep 1; done
  done
  for p in "${payers[@]}" "$job"; do wait "$p" || ok=0; done
  ((ok)) || log "exchange: not every invoice reached paid under faults (see $WORK/exchange-probe.log)"
  log "exchange: $phase fault periods of 15 s"
  probe faults --clear 2>>"$WORK/exchange-probe.log"
  probe await --ledger "$ledger" --status final --timeout 5m >>"$WORK/exchange-probe.log" 2>&1 || true
  verify exchange "$ledger" 0 "${DB_ARGS[@]}" --rate-limit 500
}

# ---- (b2) the primary exchange down for 2 minutes while invoices are created and paid ----
scenario_exchange_failover() {
  local ledger=$WORK/exchange-failover.tsv plog=$WORK/exchange-failover-probe.log job down_at up_at first
  local half=$((INVOICES / 2))
  : >"$ledger"
  probe faults --clear 2>>"$plog"
  log "exchange-failover: MEXC answers 503 for ${OUTAGE} s while $INVOICES invoices are created and paid"
  probe faults --error-rate 1 --status 503 --venue mexc 2>>"$plog"
  down_at=$(date +%s)
  # Two waves inside the outage, at its start and half-way, each paid as soon as it is issued.
  (rc=0
    probe create --count "$half" --ledger "$ledger.first" --timeout 60s || rc=1
    probe pay --ledger "$ledger.first" --timeout 60s || rc=1
    probe await --ledger "$ledger.first" --status paid --timeout 30s || echo "first wave not yet paid" >&2
    sleep $((down_at + OUTAGE / 2 - $(date +%s) > 0 ? down_at + OUTAGE / 2 - $(date +%s) : 0))
    probe create --count "$((INVOICES - half))" --ledger "$ledger.second" --timeout 30s || rc=1
    probe pay --ledger "$ledger.second" --timeout 60s || rc=1
    exit $rc) >>"$plog" 2>&1 &
  job=$!
  wait "$job" || log "exchange-failover: creating or paying during the outage failed (see $plog)"
  (($(date +%s) < down_at + OUTAGE)) || log "exchange-failover: the outage's waves outlasted the outage"
  sleep $((down_at + OUTAGE - $(date +%s) > 0 ? down_at + OUTAGE - $(date +%s) : 0))
  probe faults --clear 2>>"$plog"
  up_at=$(date +%s)
  log "exchange-failover: MEXC back after $((up_at - down_at)) s"
  # Everything created during the outage must have been issued on Binance.
  cat "$ledger.first" "$ledger.second" 2>/dev/null | sed 's/$/	binance/' >>"$ledger"
  # After recovery: one invoice at a time until one is issued on MEXC (its circuit breaker lets a
  # trial call through after 30 s), then a batch that must all go to MEXC.
  probe issue-until --provider mexc --ledger "$ledger.recovery" --db-url "$DATABASE_URL" --timeout 90s >>"$plog" 2>&1 ||
    log "exchange-failover: no invoice went back to MEXC (see $plog)"
  first=$(grep -o 'first invoice on mexc after [0-9]* s' "$plog" | tail -n 1 || true)
  log "exchange-failover: ${first:-no invoice on mexc} of recovery"
  probe pay --ledger "$ledger.recovery" --timeout 60s >>"$plog" 2>&1 || log "exchange-failover: paying during recovery failed"
  probe create --count 4 --ledger "$ledger.after" --timeout 60s >>"$plog" 2>&1 || log "exchange-failover: creating after recovery failed"
  probe pay --ledger "$ledger.after" --timeout 60s >>"$plog" 2>&1 || log "exchange-failover: paying after recovery failed"
  sed 's/$/	mexc/' "$ledger.after" >>"$ledger"
  cat "$ledger.recovery" >>"$ledger" 2>/dev/null || true
  probe await --ledger "$ledger" --status final --timeout 90s >>"$plog" 2>&1 ||
    log "exchange-failover: not every invoice reached its final state (see $plog)"
  verify exchange-failover "$ledger" 0 "${DB_ARGS[@]}" --settle 60s
  log "exchange-failover: $(($(date +%s) - down_at)) s from the outage's start to the verdict"
}

# ---- (c) the SMTP server and the ledger database down, then up ----
scenario_smtp_ledger() {
  local ledger=$WORK/smtp-ledger.tsv
  log "smtp-ledger: stopping the SMTP server and the CFO ledger's PostgreSQL"
  stop smtp
  stop ledger
  probe create --count "$INVOICES" --ledger "$ledger" --timeout 5m >>"$WORK/smtp-ledger-probe.log" 2>&1 ||
    fail "smtp-ledger: could not create the invoices"
  probe pay --ledger "$ledger" --timeout 5m >>"$WORK/smtp-ledger-probe.log" 2>&1 || fail "smtp-ledger: payments failed"
  probe await --ledger "$ledger" --status paid --timeout 5m >>"$WORK/smtp-ledger-probe.log" 2>&1 ||
    log "smtp-ledger: not every invoice reached paid while the ledger was down"
  log "smtp-ledger: all paid; both stay down 10 s more, then start again"
  sleep 10
  start_smtp smtp "$SMTP_PORT" "$SMTP_LOG"
  start_postgres ledger "$WORK/ledger" "$LEDGER_PORT"
  probe await --ledger "$ledger" --status final --timeout 5m >>"$WORK/smtp-ledger-probe.log" 2>&1 ||
    log "smtp-ledger: not every invoice reached its final state"
  verify smtp-ledger "$ledger" 0 "${DB_ARGS[@]}" --settle 240s
}

# ---- (d) the embedded app SIGKILLed mid-lifecycle ----
start_embedded() {
  # The all-in-one jar: in-process Temporal, embedded PostgreSQL, built-in sandbox, our SMTP server.
  EMBEDDED_TEMPORAL_PORT=$APP_T_PORT EMBEDDED_DATABASE_PORT=$APP_PG_PORT SANDBOX_CONFIRMATION_INTERVAL=500ms \
    MAIL_OUTBOX_DIR=$WORK/app/outbox DOCUMENTS_DIR=$WORK/app/documents start_app app "$APP_PORT"
  wait_for "the embedded app on :$APP_PORT" 180 answers app "http://127.0.0.1:$APP_PORT/actuator/health"
}

scenario_app_kill() {
  local ledger=$WORK/app-kill.tsv kills=0
  # The embedded app brings its own Temporal, database and exchange: none of the stack's.
  unset DATABASE_URL DATABASE_USER DATABASE_PASSWORD CFO_DATABASE_URL CFO_DATABASE_USER CFO_DATABASE_PASSWORD
  unset TEMPORAL_ADDRESS MEXC_BASE_URL MEXC_API_KEY MEXC_API_SECRET
  export SMTP_HOST=127.0.0.1 SMTP_PORT
  # Its own SMTP log: its invoice numbers (and so Message-IDs) repeat the other stack's.
  stop smtp
  SMTP_LOG=$WORK/received-app.tsv
  start_smtp smtp "$SMTP_PORT" "$SMTP_LOG"
  log "app-kill: $INVOICES invoices on the embedded app, SIGKILLed after payment and before completion"
  start_embedded
  PROBE_API="http://127.0.0.1:$APP_PORT" PROBE_SANDBOX="http://127.0.0.1:$APP_PORT/sandbox"
  probe create --count "$INVOICES" --cancel-every 6 --ledger "$ledger" --timeout 5m >>"$WORK/app-kill-probe.log" 2>&1 ||
    fail "app-kill: could not create the invoices"
  # Half the invoices are paid before the kill, half after the restart.
  head -n $((INVOICES / 2)) "$ledger" >"$ledger.first"
  tail -n +$((INVOICES / 2 + 1)) "$ledger" >"$ledger.second"
  probe pay --ledger "$ledger.first" --timeout 5m >>"$WORK/app-kill-probe.log" 2>&1 || fail "app-kill: payments failed"
  sleep $((1 + RANDOM % 3))
  date +%s%3N >>"$WORK/kill-times.txt"
  stop app KILL
  kills=1
  log "app-kill: SIGKILL; restarting on the same data"
  start_embedded
  probe pay --ledger "$ledger.second" --timeout 5m >>"$WORK/app-kill-probe.log" 2>&1 || log "app-kill: payments after the restart failed"
  probe await --ledger "$ledger" --status final --timeout 6m >>"$WORK/app-kill-probe.log" 2>&1 ||
    log "app-kill: not every invoice reached its final state after the restart"
  verify app-kill "$ledger" "$kills" --db-url "jdbc:postgresql://127.0.0.1:$APP_PG_PORT/postgres" --cfo-table cfo.transactions
}

main() {
IFS=, read -r -a chosen <<<"$SCENARIOS"
stack_up=0
for scenario in "${chosen[@]}"; do
  case "$scenario" in
    worker-kill | exchange | exchange-failover | smtp-ledger | import-kill)
      ((stack_up)) || { start_stack; stack_up=1; }
      ;;
  esac
  case "$scenario" in
    worker-kill) scenario_worker_kill ;;
    exchange) scenario_exchange ;;
    exchange-failover) scenario_exchange_failover ;;
    smtp-ledger) scenario_smtp_ledger ;;
    import-kill) scenario_import_kill ;;
    app-kill)
      stop_all
      scenario_app_kill
      ;;
    *) fail "unknown scenario $scenario" ;;
  esac
done

stop_all
elapsed=$(($(date +%s) - STARTED_AT))
echo "== fault suite (seed $SEED, ${elapsed} s, work directory $WORK)"
cat "$SUMMARY"
if grep -q ' [1-9][0-9]* failed' "$SUMMARY"; then
  echo "FAULT SUITE FAILED"
  exit 1
fi
echo "FAULT SUITE PASSED"
}

main "$@"
