#!/usr/bin/env bash
# Instructions per message of every implementation on both benchmark corpora, counted by
# callgrind: exact and repeatable on a noisy shared machine, where wall-clock medians drift.
# Each figure is (instructions of N iterations over the 200-message corpus - instructions of the
# corpus set-up alone) / (N * 200).
#
# After the table, each figure is compared with the committed baseline
# (benches/instructions.baseline, the same lines from an earlier run): a figure more than
# TOLERANCE percent (default 3) above its baseline is reported as worse.
#
#   benches/instructions.sh                   # N = 20; the table, then the comparison
#   ITER=50 benches/instructions.sh
#   benches/instructions.sh --check           # exit 1 if a figure is worse than the baseline
#   benches/instructions.sh --write-baseline  # this run becomes the baseline
#   benches/instructions.sh --compare OLD NEW # compare two saved runs only (no build, no valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
BASELINE=benches/instructions.baseline
TOLERANCE=${TOLERANCE:-3}

# compare OLD NEW: every `corpus impl N instr/msg` line of NEW against the line of the same
# corpus and impl in OLD. Prints the figures worse by more than TOLERANCE percent, those better
# by more than it, the rows either file lacks, and a summary line; returns 1 if one is worse.
compare() {
    awk -v tol="$TOLERANCE" '
        function figure() { return $3 ~ /^[0-9]+$/ && $4 == "instr/msg" }
        FNR == NR { if (figure()) { old[$1 " " $2] = $3; order[++n_old] = $1 " " $2 }; next }
        figure() {
            key = $1 " " $2; seen[key] = 1
            if (!(key in old)) { printf "new      %-37s %8d instr/msg (not in the baseline)\n", key, $3; next }
            total++
            change = old[key] == 0 ? 0 : ($3 - old[key]) * 100 / old[key]
            if (change > tol) {
                worse++
                printf "WORSE    %-37s %8d -> %8d instr/msg (%+.1f%%)\n", key, old[key], $3, change
            } else if (change < -tol) {
                printf "better   %-37s %8d -> %8d instr/msg (%+.1f%%)\n", key, old[key], $3, change
            }
        }
        END {
            for (i = 1; i <= n_old; i++) if (!(order[i] in seen)) {
                printf "missing  %-37s (in the baseline, not measured)\n", order[i]
            }
            printf "%d figures compared with the baseline, %d worse by more than %s%%\n", \
                total, worse, tol
            exit (worse > 0)
        }' "$1" "$2"
}

MODE=show
case "${1:-}" in
    --compare)
        [ $# -eq 3 ] || { echo "usage: $0 --compare OLD NEW" >&2; exit 2; }
        compare "$2" "$3"
        exit $?
        ;;
    --check) MODE=check ;;
    --write-baseline) MODE=write ;;
    "") ;;
    *)
        echo "usage: $0 [--check | --write-baseline | --compare OLD NEW]" >&2
        exit 2
        ;;
esac

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
done | tee "$OUT/run"

if [ "$MODE" = write ]; then
    # The tree's state before the baseline is rewritten: the rewrite itself modifies it.
    commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (modified)')"
    {
        echo "# benches/instructions.sh --write-baseline: instructions per message (ITER=$ITER)"
        echo "# commit $commit, $(date -u '+%Y-%m-%d %H:%M UTC'), $(rustc --version), $(valgrind --version)"
        cat "$OUT/run"
    } >"$BASELINE"
    echo "wrote $BASELINE"
    exit 0
fi
if [ ! -f "$BASELINE" ]; then
    echo "no $BASELINE to compare with (benches/instructions.sh --write-baseline writes it)"
    [ "$MODE" = check ] && exit 1
    exit 0
fi
echo
status=0
compare "$BASELINE" "$OUT/run" || status=$?
[ "$MODE" = check ] && exit "$status"
exit 0
