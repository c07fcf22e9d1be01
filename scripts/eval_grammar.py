#!/usr/bin/env python3
"""Evaluates mtaudit's French grammar rules (every rule id starting with MT6) on the external
grammar-fr benchmark (../shared/benchmarks/grammar-fr/: Grammalecte's test lines and
LanguageTool's rule examples). The data is read in place and never copied into the repository;
when it is absent the script says so and exits 0.

All sentences go to one `mtaudit check --format jsonl -` run as {"id": "<set>:<index>", "text": ...}.
Reported, per data set and combined, per topic of the data's `topics` field and for all sentences:
  - recall: share of incorrect sentences with at least one MT6 finding;
  - strict recall: share with an MT6 finding whose span overlaps a marked span of the sentence;
  - false alarms: share of correct sentences with at least one MT6 finding.
mtaudit reports `start`/`end` as UTF-8 byte offsets; the data's marker spans are Python character
offsets, so finding spans are converted to characters before the overlap test (and checked against
`evidence`; mismatches are counted and reported).

Sub-report "mood after a subjunctive trigger" (what MT603 targets: an indicative where a trigger
requires the subjunctive):
  - Grammalecte: the sentences of section "Subjonctif" (rules vmode_*_subjonctif: 122 incorrect,
    64 correct). vmode_si_sujet_conditionnel_subjonctif (section "Conditionnel") is left out: it is
    about a conditional after "si", not about a subjunctive trigger.
  - LanguageTool: SUBJ_LOCU and SUBJ_SUBOR (21 incorrect, 22 correct), minus two incorrect
    examples that test something else: "Il est arrivé après que je sois parti." (a subjunctive
    where the indicative is required) and "C’est le seul ami qui me comprend." (a relative clause
    after "seul", where both moods occur). INC_SUBJ (a subjunctive not expected, one pair) is the
    reverse direction and is left out too.
  In all: 141 incorrect sentences (122 + 19); the false-alarm line uses the 86 correct sentences
  of the same rules (64 + 22).
Sub-report "elision and contraction in scope": the elision_contraction_euphony topic without
Grammalecte's OCR rules (rule ids starting with `ocr_`) and typographic-apostrophe rules (rule ids
containing `apostrophe_typographique`), which are about OCR debris and typography, not elision
(in scope: 84 incorrect = 69 Grammalecte + 15 LanguageTool, 63 correct; the full topic has
252 incorrect, 84 correct).

usage: eval_grammar.py [--binary BIN] [--bench-dir DIR] [--no-lang-flag] [--rule-prefix MT6]
                       [--json FILE] [--show-false-alarms N] [--show-misses TOPIC N]
"""
import argparse
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {"grammalecte": "grammalecte_tests.jsonl", "languagetool": "lt_fr_examples.jsonl"}
TOPICS = ["conjugation_mood", "agreement", "elision_contraction_euphony"]
LT_SUBJ_RULES = {"SUBJ_LOCU", "SUBJ_SUBOR"}
LT_SUBJ_EXCLUDED = {"Il est arrivé après que je sois parti.", "C’est le seul ami qui me comprend."}


def load_items(bench_dir):
    """Reads both data sets into one list of dicts, each with its mtaudit id and its marked spans."""
    items = []
    for name, filename in SETS.items():
        with open(bench_dir / filename, encoding="utf-8") as f:
            for index, line in enumerate(f):
                r = json.loads(line)
                spans = r.get("marker_spans") if name == "grammalecte" else [r.get("marker_span")]
                items.append({
                    "set": name, "id": f"{name}:{index}", "kind": r["kind"], "sentence": r["sentence"],
                    "spans": [s for s in spans or [] if s], "marker_text": r.get("marker_text"),
                    "correction": r.get("correction"), "rule_id": r.get("rule_id") or "",
                    "section": r.get("section") or "", "topics": r.get("topics") or [],
                })
    return items


def run_mtaudit(binary, items, lang_flag, prefix):
    """Runs one `mtaudit check` over all sentences; returns {id: [findings of rules starting with
    `prefix`]} and run statistics."""
    cmd = [str(binary), "check", "--no-config"]
    cmd += ["--lang", "fr"] if lang_flag else []
    cmd += ["--select", prefix, "-q", "-f", "jsonl", "-"]
    stdin = "".join(json.dumps({"id": it["id"], "text": it["sentence"]}, ensure_ascii=False) + "\n" for it in items)
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode == 2 and "selects no rule" in proc.stderr:
        # A binary without these rules: run every rule instead; the filter below keeps none.
        print(f"note: this mtaudit has no {prefix} rule; running all rules, so every rate is 0", file=sys.stderr)
        cmd = [c for c in cmd if c not in ("--select", prefix)]
        proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, encoding="utf-8")
    if proc.returncode not in (0, 1):
        hint = " (try --no-lang-flag if this binary has no --lang)" if lang_flag and "--lang" in proc.stderr else ""
        sys.exit(f"mtaudit failed (exit {proc.returncode}){hint}:\n{' '.join(cmd)}\n{proc.stderr.strip()}")
    by_id = {it["id"]: it for it in items}
    findings = defaultdict(list)
    stats = Counter()
    for line in proc.stdout.splitlines():
        rec = json.loads(line)["mtaudit"]
        stats[rec["type"]] += 1
        if rec["type"] != "document":
            continue
        text = by_id[rec["id"]]["sentence"]
        for f in rec["findings"]:
            if not f["rule"].startswith(prefix):
                continue
            f["char_start"], f["char_end"] = byte_to_char(text, f["start"]), byte_to_char(text, f["end"])
            if text.encode("utf-8")[f["start"]:f["end"]].decode("utf-8", "replace") != f["evidence"]:
                stats["evidence_mismatch"] += 1
            findings[rec["id"]].append(f)
    stats["findings"] = sum(len(v) for v in findings.values())
    return findings, stats


def byte_to_char(text, offset):
    """Converts a UTF-8 byte offset into `text` to a character offset."""
    return len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))


def overlaps_marker(item, item_findings):
    """True when a finding's character span overlaps one of the sentence's marked spans."""
    return any(f["char_start"] < e and s < f["char_end"] for f in item_findings for s, e in item["spans"])


def is_subjunctive(item):
    """The subjunctive-trigger set defined in the module docstring."""
    if item["set"] == "grammalecte":
        return item["section"] == "Subjonctif"
    return item["rule_id"] in LT_SUBJ_RULES and item["sentence"] not in LT_SUBJ_EXCLUDED


def is_elision_in_scope(item):
    """The elision topic without OCR and typographic-apostrophe rules."""
    rule = item["rule_id"]
    return ("elision_contraction_euphony" in item["topics"]
            and not rule.startswith("ocr_") and "apostrophe_typographique" not in rule)


SELECTORS = {topic: (lambda it, t=topic: t in it["topics"]) for topic in TOPICS}
SELECTORS["all"] = lambda it: True
SELECTORS["subjunctive"] = is_subjunctive
SELECTORS["elision_in_scope"] = is_elision_in_scope


def measure(items, findings):
    """Counts recall, strict recall and false alarms for one group of sentences."""
    incorrect = [it for it in items if it["kind"] == "incorrect"]
    correct = [it for it in items if it["kind"] == "correct"]
    return {
        "incorrect": len(incorrect),
        "detected": sum(1 for it in incorrect if findings.get(it["id"])),
        "detected_strict": sum(1 for it in incorrect if overlaps_marker(it, findings.get(it["id"], []))),
        "correct": len(correct),
        "false_alarms": sum(1 for it in correct if findings.get(it["id"])),
    }


def rate(k, n):
    """Formats k/n as a percentage with its counts."""
    return f"{100 * k / n:5.1f}% ({k}/{n})" if n else "    -  (0/0)"


def format_row(label, m):
    """One line of the text tables."""
    return (f"{label:<46} {rate(m['detected'], m['incorrect']):>20} {rate(m['detected_strict'], m['incorrect']):>20}"
            f" {rate(m['false_alarms'], m['correct']):>20}")


def header():
    """The column titles of the text tables."""
    return f"{'':<46} {'recall':>20} {'strict recall':>20} {'false alarms':>20}"


def evaluate(items, findings):
    """Builds every table of the report as nested dicts of counts."""
    groups = {"grammalecte": [it for it in items if it["set"] == "grammalecte"],
              "languagetool": [it for it in items if it["set"] == "languagetool"], "combined": items}
    table = {g: {t: measure([it for it in its if SELECTORS[t](it)], findings) for t in TOPICS + ["all"]}
             for g, its in groups.items()}
    subreports = {
        "subjunctive_trigger": {g: measure([it for it in its if is_subjunctive(it)], findings)
                                for g, its in groups.items()},
        "elision_full_topic": {g: measure([it for it in its if "elision_contraction_euphony" in it["topics"]], findings)
                               for g, its in groups.items()},
        "elision_in_scope": {g: measure([it for it in its if is_elision_in_scope(it)], findings)
                             for g, its in groups.items()},
    }
    per_rule = defaultdict(Counter)
    for it in items:
        for f in findings.get(it["id"], []):
            per_rule[f["rule"]][it["kind"]] += 1
    return {"table": table, "subreports": subreports, "per_rule": {r: dict(c) for r, c in sorted(per_rule.items())}}


def print_report(results):
    """Prints the tables of `evaluate` as text."""
    print("\nBy data set and topic (recall and strict recall on incorrect sentences; false alarms on correct ones)")
    print(header())
    for group, topics in results["table"].items():
        for topic, m in topics.items():
            print(format_row(f"{group} / {topic if topic != 'all' else 'all sentences'}", m))
    titles = {"subjunctive_trigger": "Mood after a subjunctive trigger (see docstring for the definition)",
              "elision_full_topic": "Elision and contraction: full topic (includes OCR and apostrophe rules)",
              "elision_in_scope": "Elision and contraction in scope (without ocr_* and apostrophe_typographique*)"}
    for key, title in titles.items():
        print(f"\n{title}")
        print(header())
        for group, m in results["subreports"][key].items():
            print(format_row(group, m))
    print("\nFindings per rule (on incorrect / on correct sentences)")
    if not results["per_rule"]:
        print("  (no findings)")
    for rule, counts in results["per_rule"].items():
        print(f"  {rule}: {counts.get('incorrect', 0)} / {counts.get('correct', 0)}")


def show_false_alarms(items, findings, limit):
    """Prints up to `limit` correct sentences that got MT6 findings."""
    shown = [it for it in items if it["kind"] == "correct" and findings.get(it["id"])][:limit]
    print(f"\nFalse alarms (first {len(shown)})")
    for it in shown:
        print(f"- [{it['id']} {it['rule_id']}] {it['sentence']}")
        for f in findings[it["id"]]:
            print(f"    {f['rule']} {f['name']}: “{f['evidence']}” {f['message']}")


def show_misses(items, findings, topic, limit):
    """Prints up to `limit` incorrect sentences of `topic` without any MT6 finding."""
    select = SELECTORS[topic]
    shown = [it for it in items if it["kind"] == "incorrect" and select(it) and not findings.get(it["id"])][:limit]
    print(f"\nMissed incorrect sentences, topic {topic} (first {len(shown)})")
    for it in shown:
        print(f"- [{it['id']} {it['rule_id']}] {it['sentence']}")
        print(f"    marked: {it['marker_text']} → {it['correction']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "mtaudit")
    parser.add_argument("--bench-dir", type=Path, default=ROOT.parent / "shared" / "benchmarks" / "grammar-fr")
    parser.add_argument("--no-lang-flag", action="store_true", help="omit `--lang fr` (binaries without it)")
    parser.add_argument("--rule-prefix", default="MT6",
                        help="rules to evaluate (default MT6; another prefix only to test the plumbing)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--show-false-alarms", type=int, metavar="N", default=0)
    parser.add_argument("--show-misses", nargs=2, metavar=("TOPIC", "N"),
                        help=f"TOPIC is one of: {', '.join(SELECTORS)}")
    args = parser.parse_args()
    if args.show_misses and args.show_misses[0] not in SELECTORS:
        parser.error(f"--show-misses: unknown topic {args.show_misses[0]!r}; one of {', '.join(SELECTORS)}")
    if not all((args.bench_dir / f).is_file() for f in SETS.values()):
        print(f"benchmark data not found at {args.bench_dir}; skipping")
        return 0

    began = time.monotonic()
    version = subprocess.run([str(args.binary), "--version"], capture_output=True, text=True).stdout.strip()
    items = load_items(args.bench_dir)
    findings, stats = run_mtaudit(args.binary, items, not args.no_lang_flag, args.rule_prefix)
    results = evaluate(items, findings)
    elapsed = time.monotonic() - began

    print(f"{version} ({args.binary}{'' if args.no_lang_flag else ', --lang fr'}, rules {args.rule_prefix}*);"
          f" data: {args.bench_dir}")
    for name in SETS:
        kinds = Counter(it["kind"] for it in items if it["set"] == name)
        print(f"  {name}: {kinds['incorrect']} incorrect, {kinds['correct']} correct sentences")
    print(f"  mtaudit records: {stats['document']} documents, {stats['error']} errors, {stats['skipped']} skipped;"
          f" {stats['findings']} {args.rule_prefix} findings"
          f" ({stats['evidence_mismatch']} with evidence not matching the span)")
    print_report(results)
    if args.show_false_alarms:
        show_false_alarms(items, findings, args.show_false_alarms)
    if args.show_misses:
        show_misses(items, findings, args.show_misses[0], int(args.show_misses[1]))
    print(f"\nelapsed: {elapsed:.1f} s")

    if args.json:
        out = {"mtaudit_version": version, "lang_flag": not args.no_lang_flag, "rule_prefix": args.rule_prefix,
               "elapsed_seconds": round(elapsed, 2),
               "records": {k: stats[k] for k in ("document", "error", "skipped", "summary", "findings",
                                                 "evidence_mismatch")}, **results}
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
