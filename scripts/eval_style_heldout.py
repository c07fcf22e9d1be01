"""How a style-profile model (rule MT801) does on the web pages of sites it was not trained on.

For each of K folds of web-dev's site families, a model is trained on the chosen sets minus
that fold's sites, and `check --model` scores the held-out pages; the translation score of
every page, each scored by a model that never saw its site, gives the ROC AUC, the gate
figures and the per-site AUC. The fold assignment is repeated with several seeds (the sets
are small: one site can move the figure by a few hundredths).

    python3 scripts/eval_style_heldout.py LANG {web,wmt,both} [--seeds N] [--config FILE]

`web` trains on web-dev of the language, `wmt` on its WMT set only (the held-out pages are
then never training data anyway), `both` on the two. The figure to compare with is the
translation score without the rule (`mtaudit check --ignore MT801`): the embedded English,
German and Spanish models were trained on web-dev, so `check` with them is in sample there.
"""

import argparse
import collections
import csv
import json
import os
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from style_sets import all_sets  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WMT = {"fr": ("wmt22-de-fr", "wmt22-de-fr"), "en": ("wmt22-x-en", "wmt22-x-en"), "de": ("wmt-de", "wmt-de")}
FOLDS = 5


def auc(pos, neg):
    if not pos or not neg:
        return float("nan")
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def wmt_inputs(bench, lang):
    folder = os.path.join(bench, WMT[lang][1])
    return [os.path.join(folder, "mt", lang), os.path.join(folder, "human_original", lang)]


def held_out_scores(args, bench, sets, seed, tmp):
    web = sets["web-dev-" + args.lang]
    families = sorted({r["group"] for r in web}, key=lambda s: zlib.crc32(f"{s}{seed}".encode()))
    fold = {s: i % FOLDS for i, s in enumerate(families)}
    labels_path, model_path = os.path.join(tmp, "labels.jsonl"), os.path.join(tmp, "model.json")
    scores = {}
    for k in range(FOLDS):
        rows, inputs = [], []
        if args.train in ("web", "both"):
            rows += [r for r in web if fold[r["group"]] != k]
            inputs.append(os.path.join(bench, "web-dev", args.lang, "stripped"))
        if args.train in ("wmt", "both"):
            rows += sets[WMT[args.lang][0]]
            inputs += wmt_inputs(bench, args.lang)
        with open(labels_path, "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r) + "\n" for r in rows)
        subprocess.run([args.binary, "train", "-q", "--lang", args.lang, "--labels", labels_path,
                        "--group-field", "group", "--min-words", "100",
                        "-o", model_path, "--force"] + inputs, check=True, capture_output=True)
        test = [r["path"] for r in web if fold[r["group"]] == k]
        # `check` exits non-zero when it rejects a page: its rows are what counts.
        config = ["--config", args.config] if args.config else []
        out = subprocess.run([args.binary, "check", "-q", "-f", "csv", "--model", model_path] + config + test,
                             capture_output=True, text=True)
        rows = {row["id"]: row for row in csv.DictReader(out.stdout.splitlines())}
        for path in test:
            row = rows.get(path)
            if row is None or row["status"] != "analysed":
                sys.exit(f"{path}: not analysed ({row['reason'] if row else 'no row'}): {out.stderr.strip()}")
            scores[path] = (float(row["translation"]), row["verdict"], "MT801" in row["rules"])
    return scores


def report(args, sets, scores, seed):
    web = sets["web-dev-" + args.lang]
    label = {r["path"]: r["label"] for r in web}
    site = {r["path"]: r["group"] for r in web}
    mt = [p for p in scores if label.get(p) == "mt"]
    human = [p for p in scores if label.get(p) == "human"]
    neg = [-scores[p][0] for p in human]
    value = auc([-scores[p][0] for p in mt], neg)
    passing = sum(1 for p in mt if scores[p][1] == "accept")
    rejected = sum(1 for p in human if scores[p][1] == "reject")
    flagged_mt = sum(1 for p in mt if scores[p][2])
    flagged_human = sum(1 for p in human if scores[p][2])
    print(f"seed {seed}: translation-score AUC {value:.3f} · {passing} of {len(mt)} MT pages pass "
          f"· {rejected} of {len(human)} human pages rejected · MT801 on {flagged_mt} MT and "
          f"{flagged_human} human pages")
    if args.per_site:
        by_site = collections.defaultdict(list)
        for p in mt:
            by_site[site[p]].append(-scores[p][0])
        for name, values in sorted(by_site.items(), key=lambda x: (-len(x[1]), x[0])):
            print(f"    {name:34} {len(values):2} MT pages  AUC {auc(values, neg):.3f}")
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lang", choices=["fr", "en", "de", "es"])
    parser.add_argument("train", choices=["web", "wmt", "both"])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--per-site", action="store_true")
    parser.add_argument("--config", help="a configuration for `check` (rule weights, threshold)")
    parser.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "mtaudit"))
    args = parser.parse_args()
    bench = os.path.join(os.path.dirname(ROOT), "shared", "benchmarks")
    if not os.path.isdir(os.path.join(bench, "web-dev")):
        print(f"no benchmarks at {bench}: nothing to measure")
        return
    if args.train != "web" and args.lang not in WMT:
        parser.error(f"no WMT set with originals for {args.lang}")
    sets = all_sets(bench)
    values = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seeds):
            values.append(report(args, sets, held_out_scores(args, bench, sets, seed, tmp), seed))
    print(f"{args.lang}, trained on {args.train}: mean AUC over {len(values)} fold assignments "
          f"{sum(values) / len(values):.3f}")


if __name__ == "__main__":
    main()
