"""The Python package's overhead against the binary on one JSONL batch (best of three runs):
`mtaudit check --format json FILE` against `Auditor().check(records)` with the records already
in memory, as a data pipeline holds them.

    python scripts/bench_python.py BATCH.jsonl [BINARY]   # needs `pip install .`
"""

import json
import subprocess
import sys
import time

import mtaudit

path = sys.argv[1]
binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/mtaudit"
with open(path, encoding="utf-8") as f:
    records = [json.loads(line) for line in f]
auditor = mtaudit.Auditor()
best_binary = best_package = float("inf")
for _ in range(3):
    start = time.perf_counter()
    subprocess.run([binary, "--no-config", "check", "-q", "--format", "json", path], stdout=subprocess.DEVNULL, check=True)
    best_binary = min(best_binary, time.perf_counter() - start)
    start = time.perf_counter()
    reports = auditor.check(records)
    best_package = min(best_package, time.perf_counter() - start)
assert len(reports) == len(records)
print(
    f"{len(records)} documents: binary {best_binary:.2f} s, package {best_package:.2f} s, "
    f"overhead {100 * (best_package / best_binary - 1):+.1f}%"
)
