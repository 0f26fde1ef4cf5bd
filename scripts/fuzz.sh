#!/usr/bin/env bash
# Fuzzes the REST API with Schemathesis: starts the embedded default (app/target/crypto-invoicing.jar,
# built by ./mvnw verify) on free ports in a temporary directory, waits for its health, runs
# Schemathesis from the app's own OpenAPI document with an API key, and stops the app. Fails on any
# 5xx, any response the document does not describe, or fewer than FUZZ_MIN_REQUESTS requests.
#   FUZZ_SERVE_ONLY=1 scripts/fuzz.sh   starts the app and waits (prints the URL and key)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SCHEMATHESIS_VERSION=4.32.5
MIN_REQUESTS=${FUZZ_MIN_REQUESTS:-1000}
MAX_EXAMPLES=${FUZZ_MAX_EXAMPLES:-40}
APP_JAR=$ROOT/app/target/crypto-invoicing.jar
WORK=$(mktemp -d -t invoicing-fuzz-XXXX)
APP_PID=

log() { printf '[fuzz %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

cleanup() {
  local status=$?
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  if [[ $status -ne 0 ]]; then
    log "app log (tail): $WORK/app.log"
    tail -n 60 "$WORK/app.log" 2>/dev/null || true
  fi
  if [[ -z ${FUZZ_KEEP_WORK:-} && $status -eq 0 ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

[[ -f $APP_JAR ]] || { log "missing $APP_JAR: run ./mvnw -DskipTests package first"; exit 1; }
# Not started from an existing data directory or with the caller's settings.
unset DATABASE_URL TEMPORAL_ADDRESS MEXC_BASE_URL MEXC_API_KEY MEXC_API_SECRET SMTP_HOST ENCRYPTION_KEY

# Schemathesis in a virtual environment of its own, pinned.
VENV=${FUZZ_VENV:-$ROOT/.fuzz-venv}
if ! "$VENV/bin/st" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  log "installing schemathesis $SCHEMATHESIS_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

API_PORT=$(free_port)
SMTP_PORT=$(free_port)
KEY="fuzz-$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
log "work directory $WORK; API on :$API_PORT"
# Every data path and port of the embedded default, away from ./data and the default ports.
(
  cd "$WORK"
  SERVER_PORT=$API_PORT \
  EMBEDDED_TEMPORAL_PORT=$(free_port) \
  EMBEDDED_SMTP_PORT=$SMTP_PORT \
  SMTP_PORT=$SMTP_PORT \
  SANDBOX_PORT=$(free_port) \
  EMBEDDED_DATABASE_DIR="$WORK/data/postgres" \
  SANDBOX_STATE_FILE="$WORK/data/sandbox/state.json" \
  MAIL_OUTBOX_DIR="$WORK/data/outbox" \
  DOCUMENTS_DIR="$WORK/data/documents" \
  BOOTSTRAP_API_KEY="$KEY" \
  exec java -Xmx512m -jar "$APP_JAR" >"$WORK/app.log" 2>&1
) &
APP_PID=$!

API="http://127.0.0.1:$API_PORT"
for i in $(seq 1 180); do
  if curl -sf "$API/actuator/health" >/dev/null 2>&1; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { log "the app exited"; exit 1; }
  [[ $i -eq 180 ]] && { log "the app did not become healthy in 180 s"; exit 1; }
  sleep 1
done
log "app healthy"

if [[ -n ${FUZZ_SERVE_ONLY:-} ]]; then
  log "serving: $API  key: $KEY  (Ctrl-C stops)"
  wait "$APP_PID"
  exit 0
fi

# One invoice for the operations on /api/invoice/{id}: with random ids they would only ever see 404.
DUE=$(date -d '+30 days' +%F)
INVOICE_ID=$(curl -sf -X POST "$API/api/invoice/create" -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d "{\"client_id\": 1, \"amount_usd\": 5000, \"crypto_currency\": \"USDT\", \"crypto_network\": \"TRC20\",
       \"billing_period\": \"October 2025\", \"due_date\": \"$DUE\", \"description\": \"Fuzzing\"}" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || { log "could not create the invoice to fuzz"; exit 1; }
log "invoice $INVOICE_ID for the /api/invoice/{id} operations"
cat >"$WORK/schemathesis.toml" <<TOML
[[operations]]
include-path-regex = "^/api/invoice/[{]id[}]"
parameters = { "path.id" = $INVOICE_ID }
TOML

# Every documented /api operation, generated from the document: examples, boundary values
# ("coverage") and random data ("fuzzing"), valid and invalid. Revoking API keys is left out: a
# generated id would revoke the key the run itself uses (the key admin API has tests of its own).
# One worker: with several threads, Hypothesis parsing lambdas hits a CPython 3.11 ast bug
# ("AST constructor recursion depth mismatch") and reports it as an error of the run.
REPORTS=$WORK/reports
mkdir -p "$REPORTS"
log "schemathesis: up to $MAX_EXAMPLES examples per operation and phase"
set +e
cd "$WORK"  # Schemathesis keeps its replay data (.schemathesis/) in the working directory
"$VENV/bin/st" --config-file "$WORK/schemathesis.toml" run "$API/v3/api-docs" \
  --header "Authorization: Bearer $KEY" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
  --phases examples,coverage,fuzzing \
  --exclude-name 'DELETE /api/admin/api-keys/{id}' \
  --mode all \
  --max-examples "$MAX_EXAMPLES" \
  --seed "${FUZZ_SEED:-$RANDOM}" \
  --workers 1 \
  --request-timeout 30 \
  --suppress-health-check all \
  --no-color \
  --report har,junit --report-har-path "$REPORTS/requests.har" --report-junit-path "$REPORTS/junit.xml" \
  2>&1 | tee "$REPORTS/schemathesis.log"
STATUS=${PIPESTATUS[0]}
set -e

REQUESTS=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["log"]["entries"]))' "$REPORTS/requests.har")
SERVER_ERRORS=$(python3 -c 'import json,sys; print(sum(1 for e in json.load(open(sys.argv[1]))["log"]["entries"] if e["response"]["status"] >= 500))' "$REPORTS/requests.har")
log "$REQUESTS requests, $SERVER_ERRORS answered 5xx; schemathesis exit status $STATUS"
if [[ $STATUS -ne 0 ]]; then
  log "FAILED: schemathesis found responses that break the checks (report: $REPORTS)"
  FUZZ_KEEP_WORK=1
  exit 1
fi
if [[ $SERVER_ERRORS -ne 0 ]]; then
  log "FAILED: $SERVER_ERRORS server errors"
  FUZZ_KEEP_WORK=1
  exit 1
fi
if [[ $REQUESTS -lt $MIN_REQUESTS ]]; then
  log "FAILED: only $REQUESTS requests, fewer than $MIN_REQUESTS"
  exit 1
fi
log "PASSED"
