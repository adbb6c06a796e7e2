#!/usr/bin/env bash
# Batch throughput: `fieldtab validate --jsonl` on a large JSON Lines file of one shipped message,
# against two JSON Schema command-line validators given fieldtab's JSON Schema export of the same
# message: `jsonschema-cli` (Rust, crates.io) and `check-jsonschema` (Python, PyPI).
#
# The corpus: a block of 10,000 UPI `EnrollmentRegistrationRequest` messages from
# `fieldtab sample` (9 valid, then 1 that breaks one rule, `sample --invalid`), repeated up to
# SIZE_MB megabytes (10^6 bytes), in a temporary directory deleted at the end. Neither peer reads
# JSON Lines: each takes one JSON document a file, so they are measured on the first SUBSET
# messages written one a file (and so is fieldtab, on the same messages as JSON Lines, for a like
# comparison); their rates are per message and per byte, which is what a larger input would scale
# by, with no claim that they would hold at SIZE_MB.
#
#   benches/batch.sh                      # 1,000 MB corpus, every tool
#   SIZE_MB=1 benches/batch.sh --fieldtab-only
#
# Environment: SIZE_MB (1000), SUBSET (messages for the one-file-a-message tools, 100000),
# RUNS (runs of each fieldtab timing, the median reported; 3), JOBS (fieldtab --jobs; all cores),
# TOOLS (where jsonschema-cli and the Python venv are installed; ~/.cache/fieldtab-batch),
# JSONSCHEMA_CLI_VERSION (0.60.2, the jsonschema of benches/Cargo.toml), CHECK_JSONSCHEMA_VERSION
# (0.39.0), CARGO_TARGET_DIR (target), FIELDTAB (a fieldtab binary to use instead of building the
# release one; the CLI's tests run the smoke mode so). The peers are installed on first use.
set -euo pipefail
cd "$(dirname "$0")/.."

ONLY_FIELDTAB=false
case "${1:-}" in
    --fieldtab-only) ONLY_FIELDTAB=true ;;
    "") ;;
    *)
        echo "usage: $0 [--fieldtab-only]" >&2
        exit 2
        ;;
esac

SIZE_MB=${SIZE_MB:-1000}
SUBSET=${SUBSET:-100000}
RUNS=${RUNS:-3}
TOOLS=${TOOLS:-$HOME/.cache/fieldtab-batch}
JSONSCHEMA_CLI_VERSION=${JSONSCHEMA_CLI_VERSION:-0.60.2}
CHECK_JSONSCHEMA_VERSION=${CHECK_JSONSCHEMA_VERSION:-0.39.0}
SCHEMA=schemas/upi/enrollment_registration.md
MESSAGE=EnrollmentRegistrationRequest
BLOCK=10000 # messages a block: 9,000 valid and 1,000 invalid
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}

if [ -z "${FIELDTAB:-}" ]; then
    cargo build -q --release -p fieldtab-cli
    FIELDTAB=$CARGO_TARGET_DIR/release/fieldtab
fi
FIELDTAB=$(cd "$(dirname "$FIELDTAB")" && pwd)/$(basename "$FIELDTAB") # the tools run elsewhere
JOBS_ARG=()
[ -n "${JOBS:-}" ] && JOBS_ARG=(--jobs "$JOBS")

DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT

# ---- The corpus -------------------------------------------------------------------------------
"$FIELDTAB" sample "$SCHEMA" --message "$MESSAGE" --count $((BLOCK * 9 / 10)) --seed 1 \
    >"$DIR/valid.jsonl"
"$FIELDTAB" sample "$SCHEMA" --message "$MESSAGE" --count $((BLOCK / 10)) --seed 1000000 \
    --invalid >"$DIR/invalid.jsonl"
# Nine valid messages, then one invalid, and so on.
awk 'NR == FNR { bad[NR] = $0; next } { print } FNR % 9 == 0 { print bad[FNR / 9] }' \
    "$DIR/invalid.jsonl" "$DIR/valid.jsonl" >"$DIR/block.jsonl"
block_bytes=$(wc -c <"$DIR/block.jsonl")
# The messages that make SIZE_MB, at the block's mean size: whole blocks, then the start of one.
messages=$(((SIZE_MB * 1000000 * BLOCK + block_bytes - 1) / block_bytes))
repeats=$(((messages + BLOCK - 1) / BLOCK))
{ for ((i = 0; i < repeats; i++)); do cat "$DIR/block.jsonl"; done || true; } |
    head -n "$messages" >"$DIR/corpus.jsonl"
bytes=$(wc -c <"$DIR/corpus.jsonl")
invalid=$((messages / 10))

# ---- Measuring --------------------------------------------------------------------------------
# run OUT COMMAND...: runs COMMAND in $DIR/files (the one-file-a-message inputs, named relative
# to it), its output to OUT; prints "WALL CPU" (seconds, CPU = user + system of every process)
# and returns COMMAND's exit status.
run() {
    local out=$1 status=0
    shift
    (cd "$DIR/files" && /usr/bin/time -f '%e %U %S' -o "$DIR/time" "$@") >"$out" 2>&1 || status=$?
    # time(1) writes "Command exited with non-zero status N" before its figures.
    tail -n 1 "$DIR/time" | awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }'
    return "$status"
}
# row LABEL MESSAGES BYTES "WALL CPU": one line of the table (rates by wall-clock time).
row() {
    awk -v label="$1" -v n="$2" -v b="$3" -v t="$4" 'BEGIN {
        split(t, s, " ")
        printf "%-50s %9d %8.1f %7.2f %7.2f %8.1f %11.0f\n", label, n, b / 1e6, s[1], s[2], b / 1e6 / s[1], n / s[1]
    }'
}
header() {
    printf '%-50s %9s %8s %7s %7s %8s %11s\n' tool messages MB "wall s" "CPU s" "MB/s" "messages/s"
}
# fieldtab_rows LABEL MESSAGES FILE FORMAT: RUNS runs of `validate --jsonl`, output to /dev/null;
# the row of the run of median wall-clock time. Exit 1 (some message invalid) is expected.
fieldtab_row() {
    local label=$1 n=$2 file=$3 format=$4 r status times=""
    for ((r = 0; r < RUNS; r++)); do
        status=0
        times+="$(run /dev/null "$FIELDTAB" validate "$ROOT/$SCHEMA" --message "$MESSAGE" --jsonl \
            "${JOBS_ARG[@]}" --format "$format" "$file")"$'\n' || status=$?
        if [ "$status" -ne 1 ]; then
            echo "fieldtab validate exited $status on $file" >&2
            exit 1
        fi
    done
    row "$label" "$n" "$(wc -c <"$file")" "$(sort -g <<<"${times%$'\n'}" | sed -n "$(((RUNS + 1) / 2))p")"
}
ROOT=$PWD
mkdir "$DIR/files"

# The verdicts first (not timed): every message counted, the invalid ones found.
summary=$("$FIELDTAB" validate "$SCHEMA" --message "$MESSAGE" --jsonl --format json \
    "$DIR/corpus.jsonl" | tail -n 1 || true)
expected="{\"summary\":{\"messages\":$messages,\"valid\":$((messages - invalid)),\"invalid\":$invalid}}"
if [ "$summary" != "$expected" ]; then
    echo "unexpected verdicts: $summary, not $expected" >&2
    exit 1
fi

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD 2>/dev/null || commit="$commit (modified)"
echo "benches/batch.sh, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit"
echo "machine: nproc $(nproc), $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $messages $MESSAGE messages (fieldtab sample; $invalid invalid, one a ten), $bytes bytes ($(awk -v b="$bytes" -v n="$messages" 'BEGIN { printf "%.0f", b / n }') a message), JSON Lines"
echo "fieldtab: $("$FIELDTAB" --version), validate --jsonl --jobs ${JOBS:-$(nproc)}, output to /dev/null, median of $RUNS runs"
echo
header
for format in text json; do
    fieldtab_row "fieldtab validate --jsonl --format $format" "$messages" "$DIR/corpus.jsonl" "$format"
done

$ONLY_FIELDTAB && exit 0

# ---- The one-file-a-message tools, on the first SUBSET messages -------------------------------
if [ "$SUBSET" -gt "$messages" ]; then SUBSET=$messages; fi
head -n "$SUBSET" "$DIR/corpus.jsonl" >"$DIR/subset.jsonl"
subset_bytes=$(wc -c <"$DIR/subset.jsonl")
# One message a file, without its newline (the byte counts stay those of the JSON Lines).
awk -v dir="$DIR/files" '{ f = sprintf("%s/%07d.json", dir, NR); printf "%s", $0 > f; close(f) }' \
    "$DIR/subset.jsonl"
(cd "$DIR/files" && printf '%s\0' *.json) >"$DIR/files.list"
"$FIELDTAB" json-schema "$SCHEMA" --message "$MESSAGE" >"$DIR/schema.json"

if [ ! -x "$TOOLS/cargo/bin/jsonschema-cli" ]; then
    echo "installing jsonschema-cli $JSONSCHEMA_CLI_VERSION into $TOOLS/cargo" >&2
    cargo install -q --locked jsonschema-cli --version "$JSONSCHEMA_CLI_VERSION" --root "$TOOLS/cargo"
fi
if [ ! -x "$TOOLS/venv/bin/check-jsonschema" ]; then
    echo "installing check-jsonschema $CHECK_JSONSCHEMA_VERSION into $TOOLS/venv" >&2
    python3 -m venv "$TOOLS/venv"
    "$TOOLS/venv/bin/pip" install -q "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
fi
TOOLS=$(cd "$TOOLS" && pwd)
JSONSCHEMA_CLI=$TOOLS/cargo/bin/jsonschema-cli
CHECK_JSONSCHEMA=$TOOLS/venv/bin/check-jsonschema

echo
echo "one JSON document a file (the peers read no JSON Lines): the first $SUBSET messages, $subset_bytes bytes, $((SUBSET / 10)) invalid"
echo "peers' schema: fieldtab json-schema $SCHEMA --message $MESSAGE; one run each"
header
fieldtab_row "fieldtab validate --jsonl (the same, JSON Lines)" "$SUBSET" "$DIR/subset.jsonl" text
# Every file name in one invocation of each tool as far as the system's argument length allows
# (xargs -s: about 150,000 files; past that, a few invocations, each loading the schema again).
# Both exit non-zero: some messages are invalid.
t=$(run "$DIR/out" xargs -0 -s 2000000 -a "$DIR/files.list" "$JSONSCHEMA_CLI" validate --offline \
    "$DIR/schema.json" -i) || true
js_found=$(grep -c -- ' - INVALID' "$DIR/out" || true)
row "jsonschema-cli $("$JSONSCHEMA_CLI" --version | awk '{ print $NF }') validate" "$SUBSET" "$subset_bytes" "$t"
t=$(run "$DIR/out" xargs -0 -s 2000000 -a "$DIR/files.list" "$CHECK_JSONSCHEMA" \
    --schemafile "$DIR/schema.json" -o json) || true
# The JSON report of each invocation, one after the other: the files with an error.
py_found=$(python3 -c 'import json, sys
text, at, files = open(sys.argv[1]).read(), 0, set()
while text[at:].strip():
    at += len(text[at:]) - len(text[at:].lstrip())
    report, at = json.JSONDecoder().raw_decode(text, at)
    files |= {e["filename"] for e in report.get("errors", [])}
print(len(files))' "$DIR/out" 2>/dev/null || echo "?")
row "check-jsonschema $("$CHECK_JSONSCHEMA" --version | awk '{ print $NF }')" "$SUBSET" "$subset_bytes" "$t"
echo
echo "invalid messages found in the subset: fieldtab $((SUBSET / 10)), jsonschema-cli $js_found, check-jsonschema $py_found"
