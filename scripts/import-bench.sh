#!/usr/bin/env bash
# Times a CSV import in send mode against a running app: upload (validation included), then until
# the import is completed, i.e. every row's invoice is issued (address, rate, PDF, e-mail queued).
# With CREATES=N it also times N single creates (POST /api/invoice/create, one after another)
# before the import (idle) and N more while it runs, and prints both p50 and p99.
# With WARMUP=N it first imports N other rows, untimed, and waits WARMUP_GAP seconds (default 45:
# their e-mails go out at NOTIFICATION_DELIVERIES_PER_SECOND, and the exchange's 10 s window
# empties), so the timed import runs on a JVM that has compiled its code, as a running server has.
#   BASE=http://127.0.0.1:5002 KEY=$(cat data/dev-api-key) ROWS=1000 CREATES=40 bash scripts/import-bench.sh
set -euo pipefail
BASE=${BASE:-http://127.0.0.1:5002}
KEY=${KEY:?the API key: KEY=\$(cat data/dev-api-key)}
ROWS=${ROWS:-1000}
CREATES=${CREATES:-0}
WARMUP=${WARMUP:-0}
WARMUP_GAP=${WARMUP_GAP:-45}
RUN=${RUN:-$(date +%s)}
csv=$(mktemp --suffix=.csv)
idle=$(mktemp) busy=$(mktemp)
trap 'rm -f "$csv" "$idle" "$busy"' EXIT

rows() { # FILE COUNT RUN: a CSV of COUNT rows whose external references carry RUN
python3 - "$1" "$2" "$3" <<'PY'
import datetime, sys
path, rows, run = sys.argv[1], int(sys.argv[2]), sys.argv[3]
due = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
clients = ["1", "Exos Capital", "GM Data Centers", "Other"]
coins = [("USDT", "TRC20"), ("BTC", ""), ("USDT", "ERC20"), ("TAO", "")]
with open(path, "w") as f:
    f.write("external_reference,client,amount_usd,crypto_currency,crypto_network,billing_period,due_date,description\n")
    for i in range(1, rows + 1):
        coin, network = coins[i % 4]
        f.write(f"bench-{run}-{i},{clients[i % 4]},{100 + i}.50,{coin},{network},November 2026,{due},Hosting {i}\n")
PY
}

upload() { # FILE: starts its import in send mode and prints the import's id
  curl -sf -X POST "$BASE/api/invoices/imports?mode=send" -H "Authorization: Bearer $KEY" \
    -H 'Content-Type: text/csv' --data-binary @"$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

await_completed() { # ID
  while ! curl -sf "$BASE/api/invoices/imports/$1" -H "Authorization: Bearer $KEY" | grep -q '"status":"completed"'; do
    sleep 0.5
  done
}

creates() { # N OUT: N single creates one after another, each one's seconds on a line of OUT
  local due i
  due=$(date -d '+30 days' +%F)
  for ((i = 1; i <= $1; i++)); do
    curl -sf -o /dev/null -w '%{time_total}\n' -X POST "$BASE/api/invoice/create" -H "Authorization: Bearer $KEY" \
      -H 'Content-Type: application/json' \
      -d "{\"client_id\": 1, \"amount_usd\": $((200 + i)), \"crypto_currency\": \"USDT\", \"crypto_network\": \"TRC20\",
           \"billing_period\": \"November 2026\", \"due_date\": \"$due\", \"description\": \"Single create $i\"}" >>"$2"
  done
}

percentiles() { # FILE: "p50 X ms, p99 Y ms" of its seconds
  python3 -c '
import math, sys
t = sorted(float(l) * 1000 for l in open(sys.argv[1]) if l.strip())
pick = lambda p: t[min(len(t) - 1, math.ceil(p * len(t)) - 1)]
print("p50 %.0f ms, p99 %.0f ms (%d creates)" % (pick(0.50), pick(0.99), len(t)))' "$1"
}

if ((WARMUP > 0)); then
  rows "$csv" "$WARMUP" "$RUN-warmup"
  warmed=$(date +%s.%N)
  await_completed "$(upload "$csv")"
  python3 -c "print('warm-up: $WARMUP rows issued in %.1f s; waiting $WARMUP_GAP s' % ($(date +%s.%N)-$warmed))"
  sleep "$WARMUP_GAP"
fi
rows "$csv" "$ROWS" "$RUN"
((CREATES == 0)) || creates "$CREATES" "$idle"
start=$(date +%s.%N)
id=$(upload "$csv")
uploaded=$(date +%s.%N)
((CREATES == 0)) || creates "$CREATES" "$busy"
await_completed "$id"
end=$(date +%s.%N)
curl -sf "$BASE/api/invoices/imports/$id" -H "Authorization: Bearer $KEY"; echo
python3 -c "print('rows $ROWS: upload and validation %.1f s, completed (all issued) after %.1f s, %.1f invoices/s, load average %s' % ($uploaded-$start, $end-$start, $ROWS/($end-$start), open('/proc/loadavg').read().split()[0]))"
if ((CREATES > 0)); then
  echo "single create idle: $(percentiles "$idle")"
  echo "single create during the import: $(percentiles "$busy")"
fi
