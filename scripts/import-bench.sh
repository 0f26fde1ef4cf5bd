#!/usr/bin/env bash
# Times a CSV import in send mode against a running app: upload (validation included), then until
# the import is completed, i.e. every row's invoice is issued (address, rate, PDF, e-mail queued).
#   BASE=http://127.0.0.1:5002 KEY=$(cat data/dev-api-key) ROWS=1000 bash scripts/import-bench.sh
set -euo pipefail
BASE=${BASE:-http://127.0.0.1:5002}
KEY=${KEY:?the API key: KEY=\$(cat data/dev-api-key)}
ROWS=${ROWS:-1000}
RUN=${RUN:-$(date +%s)}
csv=$(mktemp --suffix=.csv)
trap 'rm -f "$csv"' EXIT
python3 - "$csv" "$ROWS" "$RUN" <<'PY'
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
start=$(date +%s.%N)
id=$(curl -sf -X POST "$BASE/api/invoices/imports?mode=send" -H "Authorization: Bearer $KEY" \
  -H 'Content-Type: text/csv' --data-binary @"$csv" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
uploaded=$(date +%s.%N)
while ! curl -sf "$BASE/api/invoices/imports/$id" -H "Authorization: Bearer $KEY" | grep -q '"status":"completed"'; do
  sleep 0.5
done
end=$(date +%s.%N)
curl -sf "$BASE/api/invoices/imports/$id" -H "Authorization: Bearer $KEY"; echo
python3 -c "print('rows $ROWS: upload and validation %.1f s, completed (all issued) after %.1f s, %.1f invoices/s, load average %s' % ($uploaded-$start, $end-$start, $ROWS/($end-$start), open('/proc/loadavg').read().split()[0]))"
