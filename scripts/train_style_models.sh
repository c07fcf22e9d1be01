#!/usr/bin/env bash
# Trains the embedded style-profile models (rule MT801, data/style-models/) and measures them
# across sets.
#
# Each model is trained on one WMT set of its language: every system's output against the
# original news articles of the language (the human translations are left out: they are
# translated text too, and the French reference is probably post-edited MT), with one source
# story's translations kept in one fold. It is then applied, unchanged, to web-dev `stripped/`
# (real web pages labelled by their own sites), the set it must help on; the Apertium
# round trips, when given, are evaluated only (training on them made the French model worse on
# the web pages: 0.56 against 0.65).
#
#   scripts/train_style_models.sh [--write] [APERTIUM_DIR]
#
# Without --write the models go to target/style-train/ and data/ is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
write=no
if [ "${1:-}" = "--write" ]; then write=yes; shift; fi
apertium=${1:-}
bench=$(cd .. && pwd)/shared/benchmarks
if [ ! -d "$bench/wmt22-de-fr" ]; then
  echo "no benchmarks at $bench: nothing to train on"
  exit 0
fi
work=target/style-train
mkdir -p "$work"
cargo build --release --quiet
bin=target/release/mtaudit

# Labels: WMT (MT against originals, grouped by source story) and web-dev (grouped by site).
python3 - "$bench" "$work" <<'EOF'
import json, os, sys
bench, work = sys.argv[1], sys.argv[2]
def write(name, rows):
    with open(os.path.join(work, name + ".jsonl"), "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
def wmt(folder, manifest, lang):
    rows = []
    for line in open(os.path.join(bench, folder, manifest), encoding="utf-8"):
        r = json.loads(line)
        if r.get("lang", lang) != lang or r["path"].startswith("human_translation"):
            continue
        rows.append({"path": os.path.join(bench, folder, r["path"]), "label": r["label"],
                     "group": r.get("group") or r["doc_id"]})
    return rows
write("wmt22-de-fr", wmt("wmt22-de-fr", "wmt22_manifest.jsonl", "fr"))
write("wmt22-x-en", wmt("wmt22-x-en", "manifest.jsonl", "en"))
write("wmt-de", wmt("wmt-de", "manifest.jsonl", "de"))
for lang in ("fr", "en", "de"):
    rows = []
    for line in open(os.path.join(bench, "web-dev", lang, "labels-stripped.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        if r.get("label_confidence") in ("high", "medium"):
            rows.append({"path": os.path.join(bench, "web-dev", lang, r["path"]), "label": r["label"],
                         "group": r["site"]})
    write("web-dev-" + lang, rows)
EOF

# Every feature is used. The classic translationese subset alone (`--features
# fw-,sentence-,word-,mtld`: function words, sentence and word lengths, MTLD) transfers better
# as a model (web-dev French 0.705 against 0.654, English 0.660 against 0.656, German 0.728
# against 0.695), but as MT801 in the score it did worse there (translation-score AUC French
# 0.708 against 0.715, English 0.717 against 0.732, German 0.662 against 0.682) and rejected
# one more French human page.

train() {
  local lang=$1 set=$2 folder=$3
  echo "== $lang: trained on $set"
  "$bin" train -q --lang "$lang" --labels "$work/$set.jsonl" --group-field group --min-words 100 \
    -o "$work/$lang.json" --force "$bench/$folder/mt/$lang" "$bench/$folder/human_original/$lang"
  echo "-- applied to web-dev/$lang stripped (never trained on)"
  "$bin" train -q --evaluate "$work/$lang.json" --labels "$work/web-dev-$lang.jsonl" \
    "$bench/web-dev/$lang/stripped"
}
train fr wmt22-de-fr wmt22-de-fr
train en wmt22-x-en wmt22-x-en
train de wmt-de wmt-de
if [ -n "$apertium" ] && [ -f "$apertium/labels.jsonl" ]; then
  echo "-- French model applied to the Apertium round trips"
  "$bin" train -q --lang fr --evaluate "$work/fr.json" --labels "$apertium/labels.jsonl" "$apertium"
fi
if [ "$write" = yes ]; then
  mkdir -p data/style-models
  for pair in fr:fra en:eng de:deu; do
    cp "$work/${pair%%:*}.json" "data/style-models/${pair##*:}.json"
  done
  echo "written to data/style-models/"
fi
