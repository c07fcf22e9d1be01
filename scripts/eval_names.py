#!/usr/bin/env python3
"""Measures the name-variant rule (MT301) on real text: injects one variant spelling into a
name that a document mentions at least twice, and reports the share of injected variants
found, and the groups found on the same documents left untouched (false groups, unless a
real inconsistency).

usage: eval_names.py [DOC_DIR ...]   (default: WMT22 French human texts in ../shared)
"""
import json
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "mtaudit"
DEFAULT = [ROOT.parent / "shared" / "benchmarks" / "wmt22-de-fr" / d / "fr" for d in ("human_original", "human_translation")]

# Variants of the kinds machine translation produces: another transliteration convention,
# a doubled or dropped letter, an internal vowel changed.
SWAPS = [("ou", "u"), ("ch", "sh"), ("sh", "ch"), ("i", "y"), ("y", "i"), ("kh", "h"), ("v", "w"), ("ck", "k")]
VOWELS = "aeiou"


def variants(name, rng):
    out = []
    for a, b in SWAPS:
        i = name.find(a, 1)
        if i > 0:
            out.append(("transliteration", name[:i] + b + name[i + len(a):]))
    inner = [i for i in range(2, len(name) - 2) if name[i].isalpha()]
    if inner:
        i = rng.choice(inner)
        out.append(("doubled letter", name[:i] + name[i] + name[i:]))
        vowels = [i for i in inner if name[i] in VOWELS]
        if vowels:
            i = rng.choice(vowels)
            out.append(("vowel", name[:i] + rng.choice([v for v in VOWELS if v != name[i]]) + name[i + 1:]))
    return out


def groups(path):
    out = subprocess.run([str(BIN), "--no-config", "check", "-q", "--format", "jsonl", "--select", "MT301", str(path)],
                         capture_output=True, text=True).stdout
    found = []
    for line in out.splitlines():
        r = json.loads(line)
        if r["type"] == "document":
            found += [f["message"] for f in r["findings"]]
    return found


def main():
    dirs = [Path(d) for d in sys.argv[1:]] or [d for d in DEFAULT if d.is_dir()]
    docs = sorted(p for d in dirs for p in d.glob("*.txt"))
    if not docs:
        sys.exit("no documents (pass a directory of .txt files)")
    rng = random.Random(7)
    baseline = sum(len(groups(p)) for p in docs)
    found, total, kinds = Counter(), Counter(), Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for p in docs:
            text = p.read_text(encoding="utf-8")
            names = Counter(re.findall(r"\b[A-Z][a-zà-ÿ]{5,}\b", text))
            # Names: capitalised after a lowercase word somewhere (not only at sentence starts).
            inside = set(re.findall(r"(?<=[a-zà-ÿ,] )[A-Z][a-zà-ÿ]{5,}\b", text))
            for name, n in sorted(names.items()):
                if n < 2 or name not in inside:
                    continue
                for kind, variant in variants(name, rng)[:3]:
                    # Replace the last occurrence only.
                    i = text.rfind(name)
                    changed = text[:i] + variant + text[i + len(name):]
                    target = Path(tmp) / p.name
                    target.write_text(changed, encoding="utf-8")
                    total[kind] += 1
                    kinds[kind] += 1
                    if any(variant in g and name in g for g in groups(target)):
                        found[kind] += 1
    print(f"documents: {len(docs)}; groups on untouched documents: {baseline}")
    for kind in sorted(total):
        print(f"{kind:<16} found {found[kind]:>4} of {total[kind]:>4} = {found[kind] / total[kind]:.0%}")
    print(f"{'all':<16} found {sum(found.values()):>4} of {sum(total.values()):>4} = {sum(found.values()) / sum(total.values()):.0%}")


if __name__ == "__main__":
    main()
