"""Labelled sets for the style-profile models (rule MT801), read from ../shared/benchmarks.

Writes one JSONL label file per set into a work folder (`path`, `label`, `group`):
- `wmt22-de-fr`, `wmt22-x-en`, `wmt-de`: every system's output against the original news
  articles of the language, grouped by source story. Human translations are left out: they
  are translated text too (and the French reference is probably post-edited MT).
- `web-dev-LANG` (fr, en, de, es): the `stripped/` pages, grouped by site family, so that the
  subdomains and country editions of one site (`translate-en.city.example.lg.jp`,
  `en.city.example.lg.jp`; `example.es`, `example.com.mx`) and a site behind a translation
  proxy share a fold. Sites of one operator under unrelated names stay apart: nothing in a
  host name tells.

    python3 scripts/style_sets.py BENCHMARKS WORK
"""

import json
import os
import sys

# Second-level labels under which a registrable name sits one level deeper (`example.lg.jp`,
# `example.co.kr`, `example.com.mx`).
GENERIC_SECOND_LEVEL = {"ac", "co", "com", "edu", "go", "gov", "lg", "ne", "net", "or", "org"}


def site_name(host):
    """The registrable name of a host without its suffix, read from the right:
    `fr.news.example.com` and `example.com.mx` are both `example`, `a.example.lg.jp` is
    `example`. Country editions of one site (`example.es`, `example.co`) share it."""
    labels = [label for label in host.lower().split(".") if label]
    if labels and labels[0] == "www":
        labels = labels[1:]
    if len(labels) < 2:
        return ".".join(labels)
    if len(labels) >= 3 and labels[-2] in GENERIC_SECOND_LEVEL:
        return labels[-3]
    return labels[-2]


def site_families(hosts):
    """Each host's family: its registrable name, or, for a host that carries another host's
    name with a suffix among its leading labels (a site behind a translation proxy,
    `www.example.lg.jp.proxy.com`), that host's."""
    names = {host: site_name(host) for host in hosts}
    known = set(names.values())
    families = {}
    for host, name in names.items():
        labels = host.lower().split(".")
        # A carried host name is followed by its own suffix (`example.lg.jp.…`, `example.com.…`).
        carried = [
            label for label, following in zip(labels[:-2], labels[1:-1])
            if label in known and label != name and (following in GENERIC_SECOND_LEVEL or len(following) == 2)
        ]
        families[host] = carried[0] if carried else name
    return families


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
            rows.append({"path": os.path.join(folder, r["path"]), "label": r["label"], "site": r["site"]})
    families = site_families({r["site"] for r in rows})
    return [{"path": r["path"], "label": r["label"], "group": families[r["site"]]} for r in rows]


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
