"""mtaudit: a machine-translation quality auditor, from Python.

``check(texts_or_records)`` scores a batch and returns, per input and in input order, the same
report as ``mtaudit check --format json`` writes for it (``score``, ``verdict``,
``findings``, ``language``, ...). ``Auditor`` keeps one configuration for many batches; the
analysis runs on Rust threads with the interpreter's lock released. ``python -m mtaudit``
runs the command line.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Union

from . import _mtaudit

__all__ = ["Auditor", "check", "run_cli", "__version__"]
__version__ = _mtaudit.__version__

Input = Union[str, Mapping[str, Any]]


class Auditor:
    """Scores batches of documents with one configuration, loaded once.

    lang: the documents' language (ISO 639-3 such as "fra", or "fr") instead of identifying it.
    config: path to a mtaudit.toml that overrides the embedded defaults.
    threads: analysis threads (default: one per core).
    text_field, id_field, site_field: the keys of a record (dict) that hold its text, its id
    and the site it was published on (a URL gives its host).
    """

    def __init__(
        self,
        lang: Optional[str] = None,
        config: Optional[str] = None,
        threads: Optional[int] = None,
        text_field: str = "text",
        id_field: str = "id",
        site_field: Optional[str] = None,
    ) -> None:
        self._auditor = _mtaudit.Auditor(lang, None if config is None else str(config), threads)
        self.text_field = text_field
        self.id_field = id_field
        self.site_field = site_field

    @property
    def threshold(self) -> float:
        """The score below which a document is rejected."""
        return self._auditor.threshold

    def _triple(self, item: Input):
        """(id, text, site) of an input; a text that is not a str is passed on as it is, and
        gets an error record saying what it is."""
        if isinstance(item, str):
            return (None, item, None)
        if isinstance(item, Mapping):
            ident = item.get(self.id_field)
            site = item.get(self.site_field) if self.site_field else None
            return (
                ident if ident is None or isinstance(ident, str) else str(ident),
                item.get(self.text_field),
                site if site is None or isinstance(site, str) else str(site),
            )
        return (None, item, None)

    def check(self, texts_or_records: Iterable[Input]) -> list[dict]:
        """One report per input, in input order: a document's report (``"type": "document"``),
        or an error record for an input without text (``"type": "error"``)."""
        triples = [self._triple(item) for item in texts_or_records]
        return self._auditor.check_batch(triples)


_DEFAULT_AUDITORS: dict = {}


def check(
    texts_or_records: Iterable[Input], lang: Optional[str] = None, config: Optional[str] = None
) -> list[dict]:
    """Scores texts (str) or records (dicts with "text", optional "id") and returns one report
    per input, as ``mtaudit check --format json`` writes it."""
    key = (lang, None if config is None else str(config))
    auditor = _DEFAULT_AUDITORS.get(key)
    if auditor is None:
        auditor = _DEFAULT_AUDITORS[key] = Auditor(lang=lang, config=config)
    return auditor.check(texts_or_records)


def run_cli(argv: list[str], handle_signals: bool = False) -> int:
    """Runs the command line (``argv`` without the program name); returns its exit code.
    ``handle_signals``: Ctrl-C and SIGTERM stop the run as they stop the binary (for a process
    that is the command, as ``python -m mtaudit``)."""
    return _mtaudit.run_cli(["mtaudit", *argv], handle_signals)
