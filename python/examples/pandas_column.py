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
frame["score"] = [r["score"]["overall"] for r in reports]
frame["verdict"] = [r["verdict"] for r in reports]
frame["rules"] = [sorted({f["rule"] for f in r["findings"]}) for r in reports]
print(frame[["id", "score", "verdict", "rules"]].sort_values("score").to_string(index=False))
