//! MT501: a document whose words are those of an earlier document of the inputs.

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;

pub struct DuplicateDocument;

static META: RuleMeta = RuleMeta {
    id: "MT501",
    name: "duplicate-document",
    family: Family::Repetition,
    default_severity: Severity::Error,
    default_weight: 60.0,
    fallback: false,
    summary: "The document repeats an earlier document of the inputs word for word.",
    explanation: "\
What it flags: a document whose words, compared without case, accents or punctuation, are
exactly those of a document that came earlier in the inputs (a page scraped twice, a wire
story republished unchanged, the same record in two files).

Why it matters: duplicates weigh a training corpus towards what happens to be copied most,
and they leak between training and test sets. The first copy is kept; the later ones are
flagged.

Example: `site-b/article.txt` has the same words as `site-a/article.txt`, read first →
flagged, naming `site-a/article.txt`.

How: `mtaudit check --duplicates` (and `gate --duplicates`) first reads the inputs once and
records, for each document's folded words, the first document that has them. Without the
option, the rule is silent.

Limits: a copy with one word changed is not exact; MT502 (copied-document) catches documents
made mostly of another's sentences. Standard input cannot be read twice and is not accepted
with the option.",
};

impl Detector for DuplicateDocument {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        let Some(index) = res.copies.as_ref() else { return };
        let fingerprint = doc.fingerprint();
        if let Some(original) = index.exact_copy_of(&doc.id, fingerprint) {
            out.push(Finding::new(
                META.id,
                Severity::Error,
                first_line(doc),
                format!("the same text as `{original}`, earlier in the inputs"),
            ));
        }
    }
}

/// The first non-blank line: where a document-level finding points.
pub fn first_line(doc: &View) -> Span {
    doc.lines.iter().map(|l| l.content).find(|c| !c.is_empty()).unwrap_or(Span::new(0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_copies::CopyIndex;

    #[test]
    fn the_later_copy_is_flagged_with_its_original() {
        let text =
            "Le conseil municipal a voté mardi un plan de rénovation des écoles.\nLes travaux commenceront en juin.";
        let mut res = Resources::new(crate::lexicon::set::Lexicons::embedded());
        let mut index = CopyIndex::default();
        for id in ["a", "b"] {
            index.add(
                id,
                &crate::view::fingerprint::fingerprint(&crate::document::Document::segmented(id, text.to_string())),
            );
        }
        res.copies = Some(index);
        let mut out = Vec::new();
        DuplicateDocument.check(&View::build("b", text.to_string(), &res), &res, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].message, "the same text as `a`, earlier in the inputs");
        assert_eq!(out[0].span.text(text), "Le conseil municipal a voté mardi un plan de rénovation des écoles.");
        out.clear();
        DuplicateDocument.check(&View::build("a", text.to_string(), &res), &res, &mut out);
        assert!(out.is_empty(), "the original is kept");
    }
}
