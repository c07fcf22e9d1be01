#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer through cargo fuzz) of the document view and every
# rule, the JSONL reader, and the passage differ. Each target starts from the bundled corpus
# and runs SECONDS (default 60); a crash leaves its input under fuzz/artifacts/TARGET/, to be
# turned into a regression test.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: document jsonl passages
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(document jsonl passages)
command -v cargo-fuzz > /dev/null || cargo install cargo-fuzz
rustup toolchain list | grep -q nightly || { echo "cargo fuzz needs a nightly toolchain (rustup toolchain install nightly)"; exit 2; }
for target in "${targets[@]}"; do
  corpus=fuzz/corpus/$target
  mkdir -p "$corpus"
  # Seeds: the bundled documents (and, for the JSONL reader, the bundled JSONL files).
  case $target in
    jsonl) find corpora tests/fixtures -name '*.jsonl' -exec cp {} "$corpus/" \; ;;
    *) find corpora tests/fixtures -name '*.txt' -size -64k -exec cp {} "$corpus/" \; ;;
  esac
  echo "== $target, $seconds s"
  cargo +nightly fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 2>&1 \
    | grep -E "^#[0-9]+.*(DONE|pulse)|^Done|ERROR|SUMMARY|panicked|crash-" | tail -4
done
