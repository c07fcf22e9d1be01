#!/usr/bin/env bash
# End-to-end benchmark: builds a corpus of real French prose of SIZE_MB (default 100),
# runs `mtaudit check` on the directory and on the JSONL with 1 and 2 threads, and prints
# MB/s, documents/s and peak resident memory.
#
#   scripts/bench.sh [SIZE_MB] [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-100}
work=${2:-$(mktemp -d)}
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
  cat "$work/corpus.jsonl" > /dev/null  # warm the page cache: measure the tool, not the disk
  python3 scripts/measure.py "$label" "$bytes" "$docs" -- "$@"
}
for threads in 1 2; do
  run "check dir, $threads thread(s)" "$bin" --no-config check -q --format jsonl -j "$threads" "$work/docs"
  run "check jsonl, $threads thread(s)" "$bin" --no-config check -q --format jsonl -j "$threads" "$work/corpus.jsonl"
done
