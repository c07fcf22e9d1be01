#!/usr/bin/env bash
# End-to-end benchmark: builds a corpus of real French prose of SIZE_MB (default 100),
# runs `mtaudit check` and `mtaudit diff` on the directory and on the JSONL with 1 and 2
# threads, and prints MB/s, documents/s and peak resident memory, next to ripgrep searching
# the same JSONL for the disclaimer phrases (a near-physical reference) when `rg` is installed.
#
#   scripts/bench.sh [SIZE_MB] [WORK_DIR] [COMMANDS]     COMMANDS: "check diff" (default)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100}
work=${2:-$(mktemp -d)}
commands=${3:-check diff}
cargo build --release --quiet
bin=target/release/mtaudit
if [ ! -f "$work/corpus.jsonl" ]; then
  python3 scripts/make_corpus.py "$work" "$size"
fi
bytes=$(du -sb "$work/docs" | cut -f1)
docs=$(find "$work/docs" -type f | wc -l)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "corpus: $docs documents, $(awk "BEGIN {printf \"%.1f\", $bytes/1e6}") MB"
run() {
  local label=$1; shift
  # Warm the page cache (the JSONL and the directory): measure the tool, not the disk.
  cat "$work/corpus.jsonl" > /dev/null
  find "$work/docs" -type f -exec cat {} + > /dev/null
  python3 scripts/measure.py "$label" "$bytes" "$docs" -- "$@"
}
if command -v rg > /dev/null; then
  # Every term of MT101's disclaimer lexicon, one per line, as fixed strings.
  patterns=$(mktemp)
  python3 -c 'import sys, tomllib
data = tomllib.load(open("data/disclaimers.toml", "rb"))
terms = {t.rstrip("*") for lang in data["languages"].values() for family in lang.values() for t in family}
print("\n".join(sorted(terms)))' > "$patterns"
  run "rg -F -i, $(wc -l < "$patterns") phrases" rg -F -i -c -f "$patterns" "$work/corpus.jsonl"
  rm -f "$patterns"
else
  echo "(rg not found: apt-get install ripgrep for the reference figure)"
fi
for command in $commands; do
  for threads in 1 2; do
    format=$([ "$command" = check ] && echo jsonl || echo json)
    run "$command dir, $threads thread(s)" "$bin" --no-config "$command" -q --format "$format" -j "$threads" "$work/docs"
    run "$command jsonl, $threads thread(s)" "$bin" --no-config "$command" -q --format "$format" -j "$threads" "$work/corpus.jsonl"
  done
done
