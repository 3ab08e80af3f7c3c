#!/usr/bin/env bash
# Peak memory of a 100,000-execution run with the json and junit reporters
# on, with and without --reporter-json-omit-responses, against the release
# fixture API on loopback (the target is under 64 MiB): a 100-request
# collection run for N/100 iterations, as a data-driven suite runs. A last,
# informative line runs N distinct requests in one iteration: the collection
# itself is held in memory (as Newman holds it), so that figure grows with
# the collection's size, not with the number of executions.
#
#   bench/memory-100k.sh [N]      (default N=100000 executions)
#   SKIP_BUILD=1 bench/memory-100k.sh   (use the binaries in target/release)
#
# Needs: cargo, python3 and GNU time (/usr/bin/time). Prints one line per
# run (peak RSS, wall time, exit code, report sizes) and a verdict line;
# exits 1 when a run's peak RSS is over the target.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
TARGET_MIB="${TARGET_MIB:-64}"
[ -x /usr/bin/time ] || { echo "error: GNU time is missing (apt-get install time)" >&2; exit 1; }

# SKIP_BUILD=1 uses the release binaries already in target/release.
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    cargo build --release --quiet -p postgate -p postgate-fixtures
fi
python3 bench/gen.py "$N"
LOOP=bench/workloads/loop100.postman_collection.json
BIG=bench/workloads/big.postman_collection.json
ITERATIONS=$(( N / 100 ))

work="$(mktemp -d)"
log="$work/fixtures.log"
target/release/postgate-fixtures --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 200); do grep -q '^listening on ' "$log" && break; sleep 0.05; done
BASE="$(sed -n 's/^listening on //p' "$log")"
[ -n "$BASE" ] || { echo "error: the fixture server did not start" >&2; cat "$log" >&2; exit 1; }
echo "fixture API: $BASE; $N executions: $LOOP x $ITERATIONS iterations; distinct: $BIG ($(du -h "$BIG" | cut -f1))"

over=0
measure() { # label, counts toward the target (1/0), collection, extra args…
    local label="$1" counted="$2" collection="$3"; shift 3
    local json="$work/$label.json" xml="$work/$label.xml" stats="$work/$label.time"
    local code=0
    /usr/bin/time -v -o "$stats" target/release/postgate run "$collection" \
        --env-var "baseUrl=$BASE" -r json,junit \
        --reporter-json-export "$json" --reporter-junit-export "$xml" \
        "$@" >/dev/null 2>"$work/$label.err" || code=$?
    local kib wall
    kib="$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$stats")"
    wall="$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$stats")"
    local mib
    mib="$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')"
    printf '%-16s peak RSS %7s MiB   wall %8s   exit %s   json %6s   junit %6s\n' \
        "$label" "$mib" "$wall" "$code" "$(du -h "$json" | cut -f1)" "$(du -h "$xml" | cut -f1)"
    if [ "$counted" = 1 ] && awk -v m="$mib" -v t="$TARGET_MIB" 'BEGIN { exit !(m >= t) }'; then
        over=1
    fi
    rm -f "$json" "$xml"
}

measure "with-bodies" 1 "$LOOP" -n "$ITERATIONS"
measure "omit-responses" 1 "$LOOP" -n "$ITERATIONS" --reporter-json-omit-responses
measure "distinct-items" 0 "$BIG" --reporter-json-omit-responses

if [ "$over" = 0 ]; then
    echo "peak RSS under ${TARGET_MIB} MiB in every run of $N executions"
else
    echo "peak RSS at or over ${TARGET_MIB} MiB in a run" >&2
    exit 1
fi
