#!/usr/bin/env bash
# Runs mtaudit on a local Spark over a JSONL corpus split into shards (sketch, merge, diff from
# the merged sketch, score via RDD.pipe) and checks that Spark's annotated output equals one run
# of the plain binary over the whole corpus, line for line, and that the diff equals the single
# run's. Prints both runs' throughput.
#
# usage: examples/spark/run.sh [SIZE_MB] [PARTITIONS]      (default: 3 MB, 4 shards)
#
# Installs PySpark from PyPI into target/spark-venv (or $MTAUDIT_SPARK_VENV) on first use;
# needs Java 17 (skipped, with a message, where there is no java). $MTAUDIT_CORPUS runs it on
# an existing JSONL file instead of a generated one.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v java >/dev/null 2>&1; then
  echo "SKIPPED: the Spark example needs Java 17 and there is no java on this machine"
  exit 0
fi
size=${1:-3}
partitions=${2:-4}
venv=$(realpath -m "${MTAUDIT_SPARK_VENV:-target/spark-venv}")
if ! "$venv/bin/python" -c "import pyspark" >/dev/null 2>&1; then
  echo "--- installing PySpark into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark==3.5.3"
fi
cargo build --release --quiet
bin=$PWD/target/release/mtaudit

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${MTAUDIT_CORPUS:-}" ]; then
  corpus=$MTAUDIT_CORPUS
else
  python3 scripts/make_corpus.py "$work/generated" "$size" 7 >/dev/null
  corpus=$work/corpus.jsonl
  # Spread over the shards: copies of earlier documents (exact, re-cased, extended), one name
  # spelled two ways, and lines that are not documents.
  python3 - "$work/generated/corpus.jsonl" "$corpus" <<'EOF'
import json, sys
records = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
n = len(records)
# Three sites; half of the first one's pages open with a foreign newsroom's dateline, which
# `--site-evidence` passes on to the site's other pages.
for i, record in enumerate(records):
    record["site"] = f"site{i % 3}.example"
    if i % 6 == 0:
        record["text"] = "JAKARTA - " + record["text"]
extra = {
    n // 3: [{"id": "copy-exact", "text": records[0]["text"]}, "{not json"],
    n // 2: [{"id": "copy-upper", "text": records[1]["text"].upper()}, ""],
    2 * n // 3: [{"id": "copy-extended", "text": records[2]["text"] + "\n\nFin du communiqué.\n"},
                 {"id": "no-text", "body": "x"}],
}
names = [
    "Le président Loukachenko a parlé jeudi devant le Parlement à Minsk.",
    "Selon Loukachenko, les négociations doivent reprendre sans conditions.",
    "Le président biélorusse Loukachenko a reçu le ministre russe.",
    "Le président Lukashenko a averti que son armée était prête.",
]
for i, text in enumerate(names):
    extra.setdefault((i + 1) * n // 5, []).append({"id": f"name-{i}", "text": text})
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i, record in enumerate(records):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        for e in extra.get(i, []):
            out.write((e if isinstance(e, str) else json.dumps(e, ensure_ascii=False)) + "\n")
EOF
fi

echo "--- one run of the binary over the whole corpus"
start=$(date +%s.%N)
"$bin" --no-config check -q --format jsonl --name-consensus --duplicates --site-field site --site-evidence "$corpus" \
  > "$work/single.jsonl" || [ $? -le 1 ]
"$bin" --no-config diff -q --format json "$corpus" > "$work/single.diff.json" || [ $? -le 1 ]
single_s=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")

echo "--- Spark: local[$(nproc)], $partitions shards"
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
start=$(date +%s.%N)
(cd "$work" && "$venv/bin/python" "$OLDPWD/examples/spark/mtaudit_spark.py" \
  --binary "$bin" --input "$corpus" --output "$work/spark-out" --partitions "$partitions" --site-field site)
spark_s=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$(date +%s.%N)")

echo "--- comparing"
python3 - "$corpus" "$work/single.jsonl" "$work/spark-out" "$single_s" "$spark_s" "${MTAUDIT_CORPUS:+given}" <<'EOF'
import json, os, sys
from collections import Counter
corpus, single_path, spark_dir, single_s, spark_s, given = sys.argv[1:]
parts = sorted(p for p in os.listdir(spark_dir) if p.startswith("part-"))
spark = [l for p in parts for l in open(os.path.join(spark_dir, p), encoding="utf-8").read().splitlines()]
single = open(single_path, encoding="utf-8").read().splitlines()
inputs = sum(1 for _ in open(corpus, encoding="utf-8"))

def comparable(line):
    # `source` and `line` say where the process read the record: the file and its line for the
    # single run, standard input and the line within the shard for Spark. All else must agree.
    value = json.loads(line)
    value["mtaudit"].pop("source", None)
    value["mtaudit"].pop("line", None)
    return value

assert len(single) == inputs, f"single run: {len(single)} lines for {inputs} input lines"
assert len(spark) == inputs, f"Spark: {len(spark)} lines for {inputs} input lines"
for i, (a, b) in enumerate(zip(single, spark)):
    if comparable(a) != comparable(b):
        sys.exit(f"line {i + 1} differs:\n single: {a[:400]}\n spark:  {b[:400]}")
# The diff from the merged sketch: the single run's, but for where each document was read.
def diff_report(path):
    report = json.load(open(path, encoding="utf-8"))
    for doc in report["documents"]:
        doc.pop("source", None)
        doc.pop("record_line", None)
    return report
single_diff, spark_diff = diff_report(single_path.replace(".jsonl", ".diff.json")), diff_report(spark_dir + ".diff.json")
if single_diff != spark_diff:
    sys.exit("the diff from the merged sketch differs from the single run's")
kinds = Counter(json.loads(l)["mtaudit"]["type"] for l in spark)
rules = Counter(f["rule"] for l in spark for f in json.loads(l)["mtaudit"].get("findings", [])
                if f["rule"] in ("MT105", "MT303", "MT501", "MT502"))
mb = os.path.getsize(corpus) / 1e6
print(f"{inputs} lines, {mb:.1f} MB: Spark's output equals the single run's, line for line "
      f"({dict(kinds)}; corpus rules {dict(sorted(rules.items()))}); "
      f"the diff from the merged sketch equals the single run's ({len(single_diff['clusters'])} clusters)")
print(f"single run {float(single_s):.1f} s ({mb / float(single_s):.1f} MB/s); "
      f"Spark {float(spark_s):.1f} s with start-up ({mb / float(spark_s):.1f} MB/s)")
# The generated corpus holds name variants and copies across shards: the corpus rules must fire.
assert given or (rules["MT303"] >= 1 and rules["MT501"] >= 2 and rules["MT502"] >= 1 and rules["MT105"] >= 1), rules
EOF
