#!/usr/bin/env bash
# Memory bounds for docs/reliability.md, measured on the release binary with
# GNU time against the release fixture API on loopback:
#
#   1. one 50 MiB response (GET /large/50): no script, a script that reads
#      the body as text, a script that parses it as JSON, and the json and
#      junit reports (the json report holds the body as a byte array, as
#      Newman's does; Newman 6.2 itself fails on it with
#      "Invalid string length");
#   2. N requests with no reporter output (--silent), at N/10 and at N, to
#      show that memory stays flat as the run grows (bench/memory-100k.sh
#      measures the same with the json and junit reporters on).
#
#   bench/reliability-memory.sh [N]        (default N=100000)
#   SKIP_BUILD=1 bench/reliability-memory.sh
#
# Prints one line per run: peak RSS, wall time, exit code.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
[ -x /usr/bin/time ] || { echo "error: GNU time is missing (apt-get install time)" >&2; exit 1; }
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    cargo build --release --quiet -p postgate -p postgate-fixtures
fi

work="$(mktemp -d)"
log="$work/fixtures.log"
target/release/postgate-fixtures --port 0 --threads 1 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 200); do grep -q '^listening on ' "$log" && break; sleep 0.05; done
BASE="$(sed -n 's/^listening on //p' "$log")"
[ -n "$BASE" ] || { echo "error: the fixture server did not start" >&2; cat "$log" >&2; exit 1; }

# A collection of one GET /large/50 with the given test script.
large() { # file, script
    python3 - "$1" "$2" <<'PY'
import json, sys
path, script = sys.argv[1], sys.argv[2]
item = {"name": "large", "request": "{{baseUrl}}/large/50"}
if script:
    item["event"] = [{"listen": "test", "script": {"exec": script.split("\n")}}]
json.dump({"info": {"name": "large", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
           "item": [item]}, open(path, "w"))
PY
}

measure() { # label, collection, extra args…
    local label="$1" coll="$2"; shift 2
    local stats="$work/$label.time" code=0
    /usr/bin/time -v -o "$stats" target/release/postgate run "$coll" \
        --env-var "baseUrl=$BASE" "$@" >/dev/null 2>"$work/$label.err" || code=$?
    local kib wall
    kib="$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$stats")"
    wall="$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$stats")"
    printf '%-28s peak RSS %8.1f MiB   wall %9s   exit %s\n' \
        "$label" "$(awk -v k="$kib" 'BEGIN { print k / 1024 }')" "$wall" "$code"
}

echo "== one 50 MiB response ($BASE/large/50)"
large "$work/plain.json" ""
large "$work/text.json" "pm.test('n', function () { pm.expect(pm.response.text().length).to.equal(52428800); });"
large "$work/parse.json" "pm.test('n', function () { pm.expect(pm.response.json().mb).to.equal(50); });"
measure "no script, cli" "$work/plain.json"
measure "text() in a test" "$work/text.json"
measure "json() in a test" "$work/parse.json"
measure "no script, junit" "$work/plain.json" -r junit --reporter-junit-export "$work/r.xml"
measure "no script, json" "$work/plain.json" -r json --reporter-json-export "$work/r.json"
echo "   json report: $(du -h "$work/r.json" | cut -f1)"
rm -f "$work/r.json" "$work/r.xml"
measure "no script, json omit-responses" "$work/plain.json" -r json --reporter-json-export "$work/r.json" \
    --reporter-json-omit-responses
rm -f "$work/r.json"

echo "== requests with no reporter output (--silent)"
for n in $((N / 10)) "$N"; do
    python3 bench/gen.py "$n" >/dev/null
    measure "$n requests" bench/workloads/big.postman_collection.json --silent
done
