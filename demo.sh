#!/usr/bin/env bash
# Runs the demo: starts the bundled fixture API on a free loopback port and
# runs the demo collection against it with postgate. No outside network.
set -euo pipefail
cd "$(dirname "$0")"

cargo build --release --quiet -p postgate -p postgate-fixtures

log="$(mktemp)"
target/release/postgate-fixtures --port 0 >"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 100); do
    grep -q '^listening on ' "$log" && break
    sleep 0.05
done
base="$(sed -n 's/^listening on //p' "$log")"
[ -n "$base" ] || { echo "error: the fixture API did not start" >&2; exit 1; }

target/release/postgate run collections/demo.postman_collection.json \
    --env-var "baseUrl=$base" "$@"
