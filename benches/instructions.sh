#!/usr/bin/env bash
# Instructions per message of every implementation on both benchmark corpora, counted by
# callgrind: exact and repeatable on a noisy shared machine, where wall-clock medians drift.
# Each figure is (instructions of N iterations over the 200-message corpus - instructions of the
# corpus set-up alone) / (N * 200).
#
#   benches/instructions.sh            # N = 20
#   ITER=50 benches/instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ITER=${ITER:-20}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build -q --release -p fieldtab-benches --example profile
BIN="$CARGO_TARGET_DIR/release/examples/profile"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

count() { # corpus impl iterations -> instructions
    valgrind --tool=callgrind --callgrind-out-file="$OUT/cg" "$BIN" "$1" "$2" "$3" >/dev/null 2>&1
    awk '/^summary:/ {print $2}' "$OUT/cg"
}

for corpus in upi benefit; do
    base=$(count "$corpus" none 0)
    floor=""
    for impl in floor fieldtab_from_json fieldtab_validate_json fieldtab_validate_decoded hand \
        garde validator jsonschema_is_valid jsonschema_all; do
        # The validate_decoded set-up decodes the corpus once: measure it with 0 iterations.
        if [ "$impl" = fieldtab_validate_decoded ]; then
            b=$(count "$corpus" "$impl" 0)
        else
            b=$base
        fi
        total=$(count "$corpus" "$impl" "$ITER")
        per=$(( (total - b) / (ITER * 200) ))
        [ -z "$floor" ] && floor=$per
        ratio=$(awk -v a="$per" -v f="$floor" 'BEGIN { printf "%.2f", a / f }')
        printf '%-8s %-28s %8d instr/msg  %5sx floor\n' "$corpus" "$impl" "$per" "$ratio"
    done
done
