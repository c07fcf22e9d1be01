#!/usr/bin/env python3
"""Builds a labelled corpus of human French prose paired with its machine translation,
for evaluating mtaudit on real MT output.

The human side is French prose from Debian's documentation packages (the Debian
Reference, the Debian FAQ, the New Maintainers' Guide and the Developer's Reference, in
French), extracted from the HTML they install and cut into documents of 3 to 8
consecutive paragraphs. The machine side is the same text round-tripped through
Apertium, a rule-based MT system that runs offline, French -> Spanish -> French: each
human document gets a machine-translated twin with the same content, so the two labels
differ only in how the text was produced.

Everything comes from Debian packages, installed with apt when missing, so the corpus can
be rebuilt on any machine that reaches Debian's archive. The output is deterministic:
files are read in path order and documents are cut by a fixed rule.

Writes, under OUT_DIR:
  human/apertium-human-NNNN.txt   the original documents
  mt/apertium-mt-NNNN.txt         their fr->es->fr round trips
  corpus.jsonl                    {"id", "text", "label": "human"|"mt", "pair", "source"}
  labels.jsonl                    {"id", "label", "path", "pair"} (pair: a group for
                                  cross-validation: a document and its twin)

usage: make_apertium_corpus.py OUT_DIR [--max-docs N]
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

TOOL_PACKAGES = ["apertium", "apertium-fr-es"]
DOC_PACKAGES = ["debian-reference-fr", "debian-faq-fr", "maint-guide-fr", "developers-reference-fr"]

MIN_WORDS = 30
DOC_SIZES = (5, 3, 7, 4, 8, 6)  # paragraphs per document, cycled within each source file
MIN_DOC, MAX_DOC = 3, 8
BATCH_DOCS = 25  # documents sent to one pair of apertium calls

# Files a documentation package installs that are not the manual itself.
SKIP_FILES = re.compile(r"(/_sources/|/_static/|/changelog|/copyright|/search\.html$|/genindex\.html$)")


# ---------------------------------------------------------------------------
# Packages


def installed(package):
    result = subprocess.run(["dpkg", "-s", package], capture_output=True, text=True)
    return result.returncode == 0 and "Status: install ok installed" in result.stdout


def ensure_packages(packages):
    """Installs the packages that are missing; returns those that are installed after."""
    missing = [p for p in packages if not installed(p)]
    if missing:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        apt = ["apt-get", "install", "-y", "--no-install-recommends"]
        available = []
        for package in missing:
            policy = subprocess.run(["apt-cache", "policy", package], capture_output=True, text=True).stdout
            if "Candidate:" in policy and "Candidate: (none)" not in policy:
                available.append(package)
            else:
                print(f"apt has no package {package}: skipped", file=sys.stderr)
        if available:
            print(f"installing {' '.join(available)}", file=sys.stderr)
            if subprocess.run(apt + available, env=env, stdout=subprocess.DEVNULL).returncode != 0:
                # An outdated package list is the usual cause: refresh it once and retry.
                subprocess.run(["apt-get", "update"], env=env, stdout=subprocess.DEVNULL)
                subprocess.run(apt + available, env=env, stdout=subprocess.DEVNULL)
    return [p for p in packages if installed(p)]


def package_files(package):
    listing = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True, check=True).stdout
    return [Path(line) for line in listing.splitlines() if line and os.path.isfile(line)]


def source_files(packages):
    """The HTML manuals the packages install; their plain-text renderings only where a
    package has no HTML (the .txt.gz files otherwise repeat the HTML with other markup)."""
    files = []
    for package in packages:
        candidates = [f for f in package_files(package) if not SKIP_FILES.search(str(f))]
        html = [f for f in candidates if f.name.endswith((".html", ".htm"))]
        text = [f for f in candidates if f.name.endswith((".txt", ".txt.gz"))]
        files += html or text
    return sorted(set(files))


# ---------------------------------------------------------------------------
# Extraction


def normalise(text):
    # White space and apostrophes alike on both sides: the round trip writes only straight
    # apostrophes, and a detector must not tell the two sides apart by typography alone.
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'")
    return re.sub(r"\s+", " ", text).strip()


class ProseExtractor(HTMLParser):
    """Collects the text of block elements, leaving out code blocks, scripts, navigation,
    tables of contents, data tables, footnote marks and headings' anchors. Inline code
    inside a sentence is kept, since dropping it would leave holes in the prose; the
    prose filter rejects paragraphs where it takes too much room."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    BLOCK = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table", "blockquote",
             "h1", "h2", "h3", "h4", "h5", "h6", "section", "aside", "article", "header", "footer", "body"}
    SKIP_TAGS = {"head", "pre", "script", "style", "nav", "form", "button", "textarea", "select",
                 "h1", "h2", "h3", "h4", "h5", "h6"}
    SKIP_CLASSES = {"navheader", "navfooter", "toc", "list-of-tables", "list-of-examples", "list-of-figures",
                    "titlepage", "related", "sphinxsidebar", "sphinxsidebarwrapper", "footer", "headerlink",
                    "footnote", "footnotes", "footnote-reference", "highlight", "programlisting", "screen",
                    "literallayout", "synopsis", "cmdsynopsis"}
    ADMONITIONS = {"note", "tip", "warning", "caution", "important", "admonition"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skipped, classes) for every open non-void element
        self.skipping = 0
        self.current = []
        self.paragraphs = []

    def _flush(self):
        text = normalise("".join(self.current))
        if text:
            self.paragraphs.append(text)
        self.current = []

    def _skips(self, tag, classes):
        if tag in self.SKIP_TAGS or classes & self.SKIP_CLASSES:
            return True
        if tag == "table":
            # DocBook lays out notes and tips as small tables: keep those, drop data tables.
            parent = self.stack[-1] if self.stack else ("", False, set())
            return not (parent[0] == "div" and parent[2] & self.ADMONITIONS)
        return False

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            if tag == "br" and not self.skipping:
                self.current.append(" ")
            return
        if tag in self.BLOCK and not self.skipping:
            self._flush()
        classes = set((dict(attrs).get("class") or "").split())
        skipped = self._skips(tag, classes)
        self.stack.append((tag, skipped, classes))
        self.skipping += skipped

    def handle_startendtag(self, tag, attrs):
        if tag not in self.VOID:  # an XHTML empty element such as <a id="x"/>
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if not any(open_tag == tag for open_tag, _, _ in self.stack):
            return
        while self.stack:
            open_tag, skipped, _ = self.stack.pop()
            self.skipping -= skipped
            if open_tag == tag:
                break
        if tag in self.BLOCK and not self.skipping:
            self._flush()

    def handle_data(self, data):
        if not self.skipping:
            self.current.append(data)

    def close(self):
        super().close()
        self._flush()


def html_paragraphs(path):
    parser = ProseExtractor()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser.paragraphs


def text_paragraphs(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as f:
        text = f.read()
    return [normalise(block) for block in re.split(r"\n\s*\n", text)]


FRENCH_WORDS = {"le", "la", "les", "l", "de", "des", "du", "d", "et", "est", "un", "une", "en", "pour",
                "que", "qui", "dans", "sur", "par", "au", "aux", "ce", "cette", "ne", "pas", "se", "sont",
                "il", "vous", "ou", "avec", "plus", "être", "peut"}
ENGLISH_WORDS = {"the", "and", "of", "is", "to", "with", "that", "this", "are", "you", "be", "it", "from",
                 "which", "can", "for", "or", "not", "by", "as"}
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
TECHNICAL = re.compile(r"[/=_\\{}<>|$~@]|^--?\w|\.\w+\(|\w\.\w+\.\w")


def is_prose(paragraph):
    """French running text: long enough, mostly words, few paths or commands, and
    written with French function words (some chapters are left untranslated)."""
    tokens = paragraph.split()
    if len(tokens) < MIN_WORDS:
        return False
    if paragraph.lstrip().startswith(("$ ", "# ", "%")):
        return False
    stripped = [t.strip(".,;:!?«»\"()[]“”‘’'…") for t in tokens]
    words = [t for t in stripped if WORD.fullmatch(t)]
    if len(words) < 0.6 * len(tokens):
        return False
    if sum(bool(TECHNICAL.search(t)) for t in stripped) > 0.1 * len(tokens):
        return False
    letters = sum(c.isalpha() for c in paragraph)
    if letters < 0.75 * sum(not c.isspace() for c in paragraph):
        return False
    lower = [w.lower() for t in stripped for w in re.split(r"['’]", t) if w]
    french = sum(w in FRENCH_WORDS for w in lower)
    english = sum(w in ENGLISH_WORDS for w in lower)
    return french >= 0.15 * len(tokens) and english <= 0.25 * french


def extract(files):
    """Returns [(path, [paragraph, ...])] with the prose paragraphs of each file, each
    paragraph kept only where it first appears."""
    seen = set()
    out = []
    for path in files:
        paragraphs = html_paragraphs(path) if path.name.endswith((".html", ".htm")) else text_paragraphs(path)
        kept = []
        for paragraph in paragraphs:
            key = paragraph.casefold()
            if key not in seen and is_prose(paragraph):
                seen.add(key)
                kept.append(paragraph)
        out.append((path, kept))
    return out


# ---------------------------------------------------------------------------
# Documents


def chunk(paragraphs):
    """Cuts a file's consecutive paragraphs into groups of MIN_DOC..MAX_DOC, with sizes
    taken in turn from DOC_SIZES; a short tail joins the last group or is dropped."""
    groups, start, turn = [], 0, 0
    while start < len(paragraphs):
        size = DOC_SIZES[turn % len(DOC_SIZES)]
        group = paragraphs[start:start + size]
        start, turn = start + size, turn + 1
        if len(group) >= MIN_DOC:
            groups.append(group)
        elif groups and len(groups[-1]) + len(group) <= MAX_DOC:
            groups[-1] = groups[-1] + group
    return groups


def documents(extracted, max_docs):
    """Takes documents from the files in turn (first document of each file, then the
    second, ...), so that a small limit still samples every manual and chapter."""
    queues = [[(path, group) for group in chunk(paragraphs)] for path, paragraphs in extracted]
    docs = []
    for rank in range(max((len(q) for q in queues), default=0)):
        for queue in queues:
            if rank < len(queue) and len(docs) < max_docs:
                docs.append(queue[rank])
    return docs


# ---------------------------------------------------------------------------
# Translation


def apertium(direction, text):
    result = subprocess.run(["apertium", "-u", direction], input=text, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"apertium {direction} failed: {result.stderr.strip()}")
    return result.stdout


def round_trip(paragraphs):
    """fr -> es -> fr for paragraphs separated by blank lines, or None when the output
    does not come back with as many paragraphs."""
    text = "\n\n".join(paragraphs) + "\n"
    back = apertium("es-fr", apertium("fr-es", text))
    out = [normalise(block) for block in re.split(r"\n\s*\n", back) if block.strip()]
    return out if len(out) == len(paragraphs) else None


def translate(docs):
    """The round trip of every document, a batch of documents per apertium call, falling
    back to one call per document, then per paragraph, when paragraphs get merged."""
    out = []
    for start in range(0, len(docs), BATCH_DOCS):
        batch = docs[start:start + BATCH_DOCS]
        flat = round_trip([p for doc in batch for p in doc])
        if flat is not None:
            for doc in batch:
                out.append(flat[:len(doc)])
                flat = flat[len(doc):]
            continue
        for doc in batch:
            out.append(round_trip(doc) or [round_trip([p])[0] for p in doc])
    return out


# ---------------------------------------------------------------------------


def write_corpus(out_dir, docs, translations):
    for sub in ("human", "mt"):
        shutil.rmtree(out_dir / sub, ignore_errors=True)
        (out_dir / sub).mkdir(parents=True)
    total = 0
    with open(out_dir / "corpus.jsonl", "w", encoding="utf-8") as corpus, \
            open(out_dir / "labels.jsonl", "w", encoding="utf-8") as labels:
        for pair, ((source, human), machine) in enumerate(zip(docs, translations), 1):
            for label, paragraphs in (("human", human), ("mt", machine)):
                doc_id = f"apertium-{label}-{pair:04d}"
                rel = f"{label}/{doc_id}.txt"
                text = "\n\n".join(paragraphs) + "\n"
                (out_dir / rel).write_text(text, encoding="utf-8")
                total += len(text.encode("utf-8"))
                record = {"id": doc_id, "text": text, "label": label, "pair": pair, "source": str(source)}
                corpus.write(json.dumps(record, ensure_ascii=False) + "\n")
                labels.write(json.dumps({"id": doc_id, "label": label, "path": rel, "pair": pair}) + "\n")
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--max-docs", type=int, default=300, help="document pairs to write (default 300)")
    args = parser.parse_args()
    started = time.monotonic()

    if not all(p in ensure_packages(TOOL_PACKAGES) for p in TOOL_PACKAGES):
        sys.exit("apertium and apertium-fr-es are needed")
    doc_packages = ensure_packages(DOC_PACKAGES)
    files = source_files(doc_packages)
    extracted = extract(files)
    kept = sum(len(paragraphs) for _, paragraphs in extracted)
    docs = documents(extracted, args.max_docs)
    if not docs:
        sys.exit("no documents: no French prose found")
    translations = translate([paragraphs for _, paragraphs in docs])
    total = write_corpus(args.out_dir, docs, translations)

    identical = sum(h == m for (_, human), machine in zip(docs, translations) for h, m in zip(human, machine))
    print(f"packages: {' '.join(doc_packages)}")
    print(f"{len(files)} source files read, {kept} prose paragraphs kept")
    print(f"{len(docs)} document pairs ({2 * len(docs)} documents, "
          f"{sum(len(p) for _, p in docs)} paragraphs each side) written to {args.out_dir}")
    print(f"{identical} paragraphs came back unchanged from the round trip")
    print(f"{total / 1e6:.2f} MB in {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
