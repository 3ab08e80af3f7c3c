#!/usr/bin/env bash
# Benchmarks postgate against Newman on the same workloads, side by side in
# one run, against the release fixture API on loopback.
#
#   bench/run.sh [RUNS]        (default 5 runs per command; Newman gets 3)
#
# Needs: cargo, python3, hyperfine (apt-get install hyperfine), GNU time
# (/usr/bin/time), and Newman from `npm ci` in the repository root.
# Prints a Markdown table of wall-time medians, peak RSS medians and ratios;
# raw hyperfine JSON goes to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
NEWMAN_RUNS="${NEWMAN_RUNS:-3}"
NEWMAN=node_modules/.bin/newman
[ -x "$NEWMAN" ] || { echo "error: Newman is not installed; run npm ci" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "error: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }

cargo build --release --quiet -p postgate -p postgate-fixtures
python3 bench/gen.py
mkdir -p bench/results

log="$(mktemp)"
target/release/postgate-fixtures --port 0 >"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do grep -q '^listening on ' "$log" && break; sleep 0.05; done
BASE="$(sed -n 's/^listening on //p' "$log")"
echo "fixture API: $BASE" >&2

# Newman as the baseline measured it: json reporter only, started directly.
newman_cmd() { echo "$NEWMAN run bench/workloads/$1.postman_collection.json --env-var baseUrl=$BASE -r json --reporter-json-export /tmp/pg-bench-newman.json"; }
pg_cmd() { echo "target/release/postgate run bench/workloads/$1.postman_collection.json --env-var baseUrl=$BASE -r json --reporter-json-export /tmp/pg-bench-postgate.json $2"; }

peak_rss_mib() { # median peak RSS in MiB of 3 runs of a command
    local cmd="$1" values=()
    for _ in 1 2 3; do
        values+=("$(/usr/bin/time -f '%M' bash -c "$cmd >/dev/null 2>&1" 2>&1 | tail -1)")
    done
    printf '%s\n' "${values[@]}" | sort -n | sed -n 2p | awk '{printf "%.1f", $1/1024}'
}

median_s() { python3 -c "import json,sys,statistics; r=json.load(open(sys.argv[1]))['results']; print('%.4f' % statistics.median(r[int(sys.argv[2])]['times']))" "$1" "$2"; }

printf '| workload | Newman wall | postgate --jobs 1 | postgate default | Newman/postgate (jobs 1) | Newman/postgate (default) | Newman RSS | postgate RSS (jobs 1 / default) | RSS ratio (worst) |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for w in w0 plain w1 w2 w3; do
    out="bench/results/$w.json"
    hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$out" \
        -n "postgate-jobs1" "$(pg_cmd "$w" "--jobs 1")" \
        -n "postgate" "$(pg_cmd "$w" "")" >/dev/null
    hyperfine --style none --runs "$NEWMAN_RUNS" --export-json "bench/results/$w-newman.json" \
        -n "newman" "$(newman_cmd "$w")" >/dev/null
    n="$(median_s "bench/results/$w-newman.json" 0)"
    p1="$(median_s "$out" 0)"
    pd="$(median_s "$out" 1)"
    rn="$(peak_rss_mib "$(newman_cmd "$w")")"
    r1="$(peak_rss_mib "$(pg_cmd "$w" "--jobs 1")")"
    rd="$(peak_rss_mib "$(pg_cmd "$w" "")")"
    python3 - "$w" "$n" "$p1" "$pd" "$rn" "$r1" "$rd" <<'PY'
import sys
w, n, p1, pd, rn, r1, rd = sys.argv[1], *map(float, sys.argv[2:])
print(f"| {w} | {n:.3f} s | {p1:.3f} s | {pd:.3f} s | {n/p1:.0f}x | {n/pd:.0f}x | {rn:.0f} MiB | {r1:.1f} / {rd:.1f} MiB | {rn/max(r1, rd):.1f}x |")
PY
done
