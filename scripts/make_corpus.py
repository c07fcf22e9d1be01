#!/usr/bin/env python3
"""Builds a benchmark corpus of real French prose: paragraphs of the bundled corpus (and, when
present, the human and machine French news of ../shared/benchmarks/wmt22-de-fr) replicated,
shuffled and with names varied, written as text files of a few kilobytes each, plus the
same documents as one JSONL file.

usage: make_corpus.py OUT_DIR SIZE_MB [SEED]
"""
import json
import os
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "corpora"]
SHARED = ROOT.parent / "shared" / "benchmarks" / "wmt22-de-fr"
if SHARED.is_dir():
    SOURCES += [SHARED / "human_original" / "fr", SHARED / "human_translation" / "fr", SHARED / "mt" / "fr"]

FIRST = ["Marie", "Jean", "Sophie", "Ahmed", "Olga", "Pierre", "Lucie", "Karim", "Anna", "Hugo"]
LAST = ["Martin", "Bernard", "Dubois", "Petrov", "Haddad", "Moreau", "Laurent", "Kowalski", "Nguyen", "Garcia"]


def paragraphs():
    out = []
    for source in SOURCES:
        for path in sorted(source.rglob("*")):
            if path.suffix not in {".txt"} or not path.is_file():
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            out += [p.strip() for p in re.split(r"\n\s*\n|\n", text) if len(p.strip()) > 40]
    return out


def vary(paragraph, rng):
    # Swap capitalised words that look like surnames for generated names, so that
    # repeated paragraphs are not byte-identical.
    def swap(m):
        return rng.choice(LAST) if rng.random() < 0.3 else m.group(0)
    return re.sub(r"\b[A-Z][a-zé]{4,}(?:enko|ov|ski|in)\b", swap, paragraph)


def main():
    out_dir, size_mb = Path(sys.argv[1]), float(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    paras = paragraphs()
    if not paras:
        sys.exit("no source paragraphs found")
    docs_dir = out_dir / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    target = int(size_mb * 1e6)
    written, n = 0, 0
    with open(out_dir / "corpus.jsonl", "w", encoding="utf-8") as jsonl:
        while written < target:
            k = rng.randint(6, 20)
            body = "\n\n".join(vary(rng.choice(paras), rng) for _ in range(k))
            title = f"{rng.choice(FIRST)} {rng.choice(LAST)} : {rng.choice(paras)[:70].rstrip()}"
            text = f"{title}\n\n{body}\n"
            sub = docs_dir / f"{n // 1000:04d}"
            sub.mkdir(exist_ok=True)
            (sub / f"doc{n:07d}.txt").write_text(text, encoding="utf-8")
            jsonl.write(json.dumps({"id": f"doc{n:07d}", "text": text}, ensure_ascii=False) + "\n")
            written += len(text.encode("utf-8"))
            n += 1
    print(f"{n} documents, {written / 1e6:.1f} MB from {len(paras)} source paragraphs in {out_dir}")


if __name__ == "__main__":
    main()
