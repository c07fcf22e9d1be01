#!/usr/bin/env python3
"""mtaudit on Spark: map, then reduce, then score.

1. Map: each partition of the JSONL corpus is one shard. `mtaudit sketch --passages --shard N`
   writes the shard's mergeable statistics (name spellings, text and sentence fingerprints,
   passage records, and with --site-field the per-site counts).
2. Reduce: `mtaudit merge` combines the sketches on the driver into the corpus's sketch.
3. Diff: `mtaudit diff --corpus-sketch` clusters the corpus's repeated passages from the merged
   sketch (written beside the output as `<output>.diff.json`).
4. Score: every partition goes through `mtaudit check --format jsonl --corpus-sketch` with
   `RDD.pipe`, one annotated line per input line, and the result is saved as text files
   (`part-00000`, ... in corpus order).

Each document is scored against the whole corpus (the agreed spelling of each name, the first
copy of each text, and with --site-field the evidence of its site, `--site-evidence`), as one
run over the whole corpus would score it.

usage: mtaudit_spark.py --binary PATH --input CORPUS.jsonl --output DIR [--partitions N]
                        [--cores N] [--work DIR] [--site-field FIELD]

On a cluster, ship the binary and the merged sketch to the executors (`spark-submit --files`,
or shared storage) and point --binary and the sketch path at where they land.
"""
import argparse
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

from pyspark.sql import SparkSession


def sketch_partition(binary, sketch_dir, site_args):
    """The map step: streams a partition's lines into `mtaudit sketch` for shard `index`."""

    def run(index, lines):
        path = os.path.join(sketch_dir, f"shard-{index:05d}.json.gz")
        cmd = [binary, "sketch", "-q", "--passages", "--stdin-jsonl", *site_args, "--shard", str(index), "-o", path, "-"]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
        for line in lines:
            proc.stdin.write(line.encode("utf-8") + b"\n")
        proc.stdin.close()
        errors = proc.stderr.read().decode("utf-8", "replace")
        # Exit 1: some lines were not documents; they are counted, and scored as error lines.
        if proc.wait() > 1:
            raise RuntimeError(f"shard {index}: {' '.join(cmd)} failed: {errors}")
        yield path

    return run


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", required=True, help="the mtaudit binary")
    ap.add_argument("--input", required=True, help="the JSONL corpus")
    ap.add_argument("--output", required=True, help="directory for the annotated JSONL (part-NNNNN files)")
    ap.add_argument("--partitions", type=int, default=4, help="shards (default 4)")
    ap.add_argument("--cores", type=int, default=os.cpu_count() or 1, help="local[N] (default: every core)")
    ap.add_argument("--work", default=None, help="directory for the sketches (default: beside --output)")
    ap.add_argument(
        "--site-field",
        default=None,
        help="JSONL field naming each record's site: the shards count their sites, and every page "
        "inherits its site's evidence (`check --site-evidence`) as in a single run",
    )
    args = ap.parse_args()

    binary = str(Path(args.binary).resolve())
    output = Path(args.output).resolve()
    work = Path(args.work).resolve() if args.work else output.parent / (output.name + ".sketches")
    shutil.rmtree(output, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)

    spark = (
        SparkSession.builder.master(f"local[{args.cores}]")
        .appName("mtaudit")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    # Partitions keep the file's line order: partition N holds lines after those of N-1, so the
    # shard numbers are in corpus order, as `mtaudit sketch --shard` wants.
    lines = sc.textFile(str(Path(args.input).resolve()), minPartitions=args.partitions)

    started = time.monotonic()
    site_args = ["--site-field", args.site_field] if args.site_field else []
    sketches = sorted(lines.mapPartitionsWithIndex(sketch_partition(binary, str(work), site_args)).collect())
    mapped = time.monotonic()
    # The passages go to `diff`; the scoring stage needs only the names and copies.
    with_passages = work / "corpus.sketch.json.gz"
    merged = work / "corpus.names-copies.json.gz"
    subprocess.run([binary, "merge", "-o", str(with_passages), *sketches], check=True)
    subprocess.run([binary, "merge", "--no-passages", "-o", str(merged), *sketches], check=True)
    reduced = time.monotonic()
    # The corpus's repeated passages, from the merged sketch: no second read of the corpus.
    diff = output.parent / (output.name + ".diff.json")
    subprocess.run(
        [binary, "diff", "-q", "--format", "json", "--corpus-sketch", str(with_passages), "-o", str(diff)], check=True
    )
    diffed = time.monotonic()

    # The scoring stage. `check` exits 1 when some lines are not documents (they come out as
    # error lines in place); only a failure of the run itself (exit 2 or more) fails the task.
    stage = [binary, "check", "-q", "--format", "jsonl", "--corpus-sketch", str(merged), "-"]
    if site_args:
        stage[-1:-1] = [*site_args, "--site-evidence"]
    command = "sh -c " + shlex.quote('"$0" "$@"; [ $? -le 1 ]') + " " + " ".join(shlex.quote(a) for a in stage)
    lines.pipe(command).saveAsTextFile(str(output))
    scored = time.monotonic()
    spark.stop()

    size = Path(args.input).stat().st_size
    print(
        f"spark local[{args.cores}], {lines.getNumPartitions()} shards, {size / 1e6:.1f} MB: "
        f"sketch {mapped - started:.1f} s, merge {reduced - mapped:.1f} s, diff {diffed - reduced:.1f} s, "
        f"score {scored - diffed:.1f} s, "
        f"in all {scored - started:.1f} s ({size / 1e6 / (scored - started):.1f} MB/s)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
