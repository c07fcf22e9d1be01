"""A datatrove-style filter step: annotates each document with mtaudit's report and keeps the
accepted ones.

With datatrove installed, use ``MtauditFilter`` as a step of a pipeline (it follows
``PipelineStep.run(data, rank, world_size)``); without it, ``demo()`` runs it on the bundled
corpus with a stand-in document class.
"""

from dataclasses import dataclass, field
from pathlib import Path

import mtaudit


class MtauditFilter:
    """Scores documents 1,000 at a time; stores each report in ``doc.metadata["mtaudit"]`` and
    yields the documents the gate accepts."""

    name = "mtaudit"

    def __init__(self, batch_size=1000, **auditor_options):
        self.batch_size = batch_size
        self.auditor = mtaudit.Auditor(**auditor_options)

    def _flush(self, batch):
        reports = self.auditor.check([{"id": doc.id, "text": doc.text} for doc in batch])
        for doc, report in zip(batch, reports):
            doc.metadata["mtaudit"] = report
            if report.get("verdict") == "accept":
                yield doc

    def run(self, data, rank=0, world_size=1):
        batch = []
        for doc in data:
            batch.append(doc)
            if len(batch) == self.batch_size:
                yield from self._flush(batch)
                batch = []
        if batch:
            yield from self._flush(batch)


@dataclass
class Document:
    """The fields of datatrove's Document that the filter reads."""

    text: str
    id: str
    metadata: dict = field(default_factory=dict)


def demo():
    corpus = Path(__file__).resolve().parents[2] / "corpora"
    docs = [Document(p.read_text(encoding="utf-8"), p.stem) for p in sorted(corpus.glob("*/*.txt"))]
    return MtauditFilter(batch_size=4).run(docs)


if __name__ == "__main__":
    for doc in demo():
        print(doc.id, doc.metadata["mtaudit"]["score"]["overall"])
