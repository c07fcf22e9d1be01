"""A pandas column of scores and verdicts: one batch call for the whole column.

    python python/examples/pandas_column.py   # needs pandas
"""

from pathlib import Path

import pandas as pd

import mtaudit

corpus = Path(__file__).resolve().parents[2] / "corpora"
frame = pd.DataFrame(
    {"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(corpus.glob("*/*.txt"))
)
reports = mtaudit.check(frame[["id", "text"]].to_dict("records"))
# An input without usable text gets an error record (no score): its verdict is "error".
frame["score"] = [r.get("score", {}).get("overall") for r in reports]
frame["verdict"] = [r.get("verdict", "error") for r in reports]
frame["rules"] = [sorted({f["rule"] for f in r.get("findings", [])}) for r in reports]
print(frame[["id", "score", "verdict", "rules"]].sort_values("score").to_string(index=False))
