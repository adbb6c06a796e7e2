#!/usr/bin/env bash
# Wall-clock time of the release `fieldtab expand` (reading, checking, tokens, prettyplease) on a
# synthetic schema of one message of FIELDS fields (`src/synthetic.rs`, `one_message`), printed
# as the median of RUNS runs (hyperfine's when it is installed).
#
#   benches/expand_time.sh                # FIELDS=10000 RUNS=5
#   FIELDS=1000 RUNS=9 benches/expand_time.sh
set -euo pipefail
cd "$(dirname "$0")/.."
FIELDS=${FIELDS:-10000}
RUNS=${RUNS:-5}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
# Two builds: a target flag (`--example`) would leave the other package's binary unbuilt.
cargo build -q --release -p fieldtab-cli --bin fieldtab
cargo build -q --release -p fieldtab-benches --example synthetic_schema
BIN="$CARGO_TARGET_DIR/release/fieldtab"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$CARGO_TARGET_DIR/release/examples/synthetic_schema" "$FIELDS" > "$OUT/schema.md"
# One run first: the schema must expand, and its output size is printed.
"$BIN" expand "$OUT/schema.md" > "$OUT/out.rs"
echo "$FIELDS fields: $(wc -l < "$OUT/out.rs") lines generated"
if command -v hyperfine > /dev/null; then
    hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$OUT/h.json" \
        "$BIN expand $OUT/schema.md" > /dev/null
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("median %.3f s (min %.3f, max %.3f, %d runs, hyperfine)" % (r["median"], r["min"], r["max"], len(r["times"])))' "$OUT/h.json"
else
    for _ in $(seq "$RUNS"); do
        start=$(date +%s.%N)
        "$BIN" expand "$OUT/schema.md" > /dev/null
        end=$(date +%s.%N)
        awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
    done | sort -n | awk '{ a[NR] = $1 } END { printf "median %.3f s (min %.3f, max %.3f, %d runs)\n", a[int((NR + 1) / 2)], a[1], a[NR], NR }'
fi
