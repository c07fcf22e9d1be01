"""Labelled sets for the style-profile models (rule MT801), read from ../shared/benchmarks.

Writes one JSONL label file per set into a work folder (`path`, `label`, `group`):
- `wmt22-de-fr`, `wmt22-x-en`, `wmt-de`: every system's output against the original news
  articles of the language, grouped by source story. Human translations are left out: they
  are translated text too (and the French reference is probably post-edited MT).
- `web-dev-LANG` (fr, en, de, es): the `stripped/` pages, grouped by site family, so that the
  subdomains of one site (`translate-en.city.example.lg.jp`, `en.city.example.lg.jp`) or a
  site behind a translation proxy share a fold.

    python3 scripts/style_sets.py BENCHMARKS WORK
"""

import json
import os
import sys

# Second-level labels under which a registrable name sits one level deeper (`example.lg.jp`,
# `example.co.kr`).
GENERIC_SECOND_LEVEL = {"ac", "co", "com", "edu", "go", "gov", "lg", "ne", "net", "or", "org"}
# Top-level labels other than two-letter country codes seen on news and documentation sites.
GENERIC_TOP_LEVEL = {"com", "org", "net", "info", "news", "wiki", "gov", "edu", "io", "ai"}


def site_family(host):
    """The registrable name of a host: the first label from the left (after the first) that is
    a top-level domain ends it, so `a.example.lg.jp.proxy.com` is `example.lg.jp` and
    `de.example.wiki` is `example.wiki`."""
    labels = host.lower().split(".")
    for i in range(1, len(labels)):
        label = labels[i]
        is_country = len(label) == 2 and label.isalpha() and label not in GENERIC_SECOND_LEVEL
        is_top = label in GENERIC_TOP_LEVEL or is_country
        if not is_top:
            continue
        start = i - 1
        if start > 0 and labels[start] in GENERIC_SECOND_LEVEL:
            start -= 1
        return ".".join(labels[start : i + 1])
    return host.lower()


def wmt(bench, folder, manifest, lang):
    rows = []
    for line in open(os.path.join(bench, folder, manifest), encoding="utf-8"):
        r = json.loads(line)
        if r.get("lang", lang) != lang or r["path"].startswith("human_translation"):
            continue
        rows.append({"path": os.path.join(bench, folder, r["path"]), "label": r["label"],
                     "group": r.get("group") or r["doc_id"]})
    return rows


def web_dev(bench, lang):
    rows = []
    folder = os.path.join(bench, "web-dev", lang)
    for line in open(os.path.join(folder, "labels-stripped.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        if r.get("label_confidence") in ("high", "medium"):
            rows.append({"path": os.path.join(folder, r["path"]), "label": r["label"],
                         "group": site_family(r["site"])})
    return rows


def all_sets(bench):
    sets = {
        "wmt22-de-fr": wmt(bench, "wmt22-de-fr", "wmt22_manifest.jsonl", "fr"),
        "wmt22-x-en": wmt(bench, "wmt22-x-en", "manifest.jsonl", "en"),
        "wmt-de": wmt(bench, "wmt-de", "manifest.jsonl", "de"),
    }
    for lang in ("fr", "en", "de", "es"):
        sets["web-dev-" + lang] = web_dev(bench, lang)
    sets["wmt-and-web-dev-de"] = sets["wmt-de"] + sets["web-dev-de"]
    return sets


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    bench, work = sys.argv[1], sys.argv[2]
    for name, rows in all_sets(bench).items():
        write(os.path.join(work, name + ".jsonl"), rows)
