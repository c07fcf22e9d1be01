//! MT502: a document made mostly of the sentences of an earlier document of the inputs.

use super::duplicate_document::first_line;
use crate::finding::{Finding, Severity};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;

pub struct CopiedDocument;

/// Share of a document's sentences that must come from one earlier document.
const COPIED_SHARE: f64 = 0.8;

static META: RuleMeta = RuleMeta {
    id: "MT502",
    name: "copied-document",
    family: Family::Repetition,
    default_severity: Severity::Warning,
    default_weight: 40.0,
    fallback: false,
    summary: "Most of the document's sentences come from one earlier document of the inputs.",
    explanation: "\
What it flags: a document at least 80% of whose sentences (of five words or more, compared
without case, accents or punctuation) appear in one document that came earlier in the
inputs: an aggregator's copy with a new introduction, a republished story with a line
changed, a page scraped with and without its sidebar.

Why it matters: near copies weigh a corpus as much as exact ones, and they are what exact
deduplication misses.

Example: a page that adds one sentence to the four of an earlier page → flagged: 4 of 5
sentences, naming the earlier page.

How: `mtaudit check --duplicates` first records, for every sentence of the inputs, the first
document that has it; the check counts, per earlier document, the sentences this one shares
with it. Without the option, the rule is silent.

Limits: documents of fewer than three such sentences are not judged. A reworded copy shares
few exact sentences; `mtaudit diff` shows such renderings word by word. An exact copy is left
to MT501.",
};

impl Detector for CopiedDocument {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        let Some(index) = res.copies.as_ref() else { return };
        let fingerprint = doc.fingerprint();
        if index.exact_copy_of(&doc.id, fingerprint).is_some() {
            return;
        }
        if let Some(copied) = index.copied_from(&doc.id, fingerprint, COPIED_SHARE) {
            out.push(Finding::new(
                META.id,
                Severity::Warning,
                first_line(doc),
                format!(
                    "{} of its {} sentences come from `{}`, earlier in the inputs",
                    copied.shared, copied.sentences, copied.original
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_copies::CopyIndex;

    #[test]
    fn a_page_made_of_an_earlier_page_is_flagged_but_not_an_exact_copy() {
        let original = "Le conseil municipal a voté mardi un plan de rénovation des écoles. Les travaux commenceront en juin et dureront deux ans. Le maire a salué un investissement historique pour la ville. Les parents d'élèves ont accueilli la nouvelle avec soulagement.";
        let copy = format!("{original} Une réunion publique aura lieu le mois prochain en mairie.");
        let mut res = Resources::new(crate::lexicon::set::Lexicons::embedded());
        let mut index = CopyIndex::default();
        for (id, text) in [("a", original), ("b", copy.as_str()), ("c", original)] {
            index.add(
                id,
                &crate::view::fingerprint::fingerprint(&crate::document::Document::segmented(id, text.to_string())),
            );
        }
        res.copies = Some(index);
        let run = |id: &str, text: &str| {
            let mut out = Vec::new();
            CopiedDocument.check(&View::build(id, text.to_string(), &res), &res, &mut out);
            out.into_iter().map(|f| f.message).collect::<Vec<_>>()
        };
        assert_eq!(run("b", &copy), ["4 of its 5 sentences come from `a`, earlier in the inputs"]);
        assert!(run("a", original).is_empty());
        assert!(run("c", original).is_empty(), "an exact copy is MT501's");
    }
}
