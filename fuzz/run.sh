#!/usr/bin/env bash
# Run a cargo-fuzz target on the stable toolchain (no sanitizer: `-s none`
# needs no nightly flag), seeding its corpus from the repository's own
# collections, environments and data files.
#
#   fuzz/run.sh TARGET SECONDS [libFuzzer options…]
#   fuzz/run.sh all SECONDS          each target in turn (the CI smoke run)
#
# FUZZ_BUILD="--dev" builds without optimisation (quicker to build, slower
# to run: what the CI smoke run uses).
#
# Targets: collection scope data resolve url_build. Corpora are kept in
# fuzz/corpus/TARGET (not committed); crashes land in fuzz/artifacts/TARGET.
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a C++ compiler.
set -euo pipefail
cd "$(dirname "$0")"
target="$1"
secs="$2"
shift 2
read -r -a build <<<"${FUZZ_BUILD:-}"

if [ "$target" = all ]; then
    for t in collection scope data resolve url_build; do
        ./run.sh "$t" "$secs" "$@"
    done
    exit 0
fi

corpus="corpus/$target"
mkdir -p "$corpus" "artifacts/$target"
seed() { # files… : copy each into the corpus under its content hash
    for f in "$@"; do
        [ -f "$f" ] || continue
        [ "$(stat -c %s "$f")" -le 65536 ] || continue
        cp "$f" "$corpus/seed-$(sha1sum "$f" | cut -c1-16)"
    done
}
shopt -s globstar nullglob
case "$target" in
    collection) seed ../collections/**/*.postman_collection.json ../tests/fixtures/**/*.json ;;
    scope) seed ../collections/**/*.postman_environment.json ../collections/**/*.postman_globals.json \
        ../fixtures/**/*.postman_environment.json ../fixtures/**/*.postman_globals.json ;;
    data) seed ../collections/**/*.csv ../collections/**/*.data.json ../fixtures/**/*.csv ;;
esac

# -s none: no AddressSanitizer (it needs nightly); libFuzzer's coverage
# instrumentation, debug assertions and overflow checks stay on.
exec cargo fuzz run -s none "${build[@]}" "$target" "$corpus" -- \
    -max_total_time="$secs" -dict=dicts/postman.dict -max_len=65536 \
    -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 "$@"
