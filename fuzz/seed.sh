#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/, ignored by git) from the repository's own inputs:
# every sample message of examples/messages/ (not the *.expected.json sidecars) for the three
# message targets; the shipped schemas, the test schemas and the bad schemas of the reader's
# tests for schema_reader. Each file is named by its content's hash, so running it again adds
# nothing twice and keeps what the fuzzer found. Usage: fuzz/seed.sh (from anywhere).
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz")"

copy() { # copy TARGET FILE...
    local dir="$fuzz/corpus/$1"
    shift
    mkdir -p "$dir"
    local file
    for file in "$@"; do
        cp "$file" "$dir/$(sha1sum "$file" | cut -c1-40)"
    done
}

mapfile -t messages < <(find "$root/examples/messages" -name '*.json' ! -name '*.expected.json' | sort)
mapfile -t schemas < <(find "$root/schemas" "$root/tests/schemas" "$root/schema/tests" -name '*.md' | sort)
for target in from_json dynamic differential; do
    copy "$target" "${messages[@]}"
done
copy schema_reader "${schemas[@]}"
for target in from_json dynamic differential schema_reader; do
    echo "$target: $(find "$fuzz/corpus/$target" -type f | wc -l) inputs"
done
