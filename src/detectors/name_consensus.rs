//! MT303: a name spelled otherwise than the rest of the corpus spells it.

use crate::finding::{Finding, Severity};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::spelling;
use crate::view::View;

pub struct NameConsensus;

static META: RuleMeta = RuleMeta {
    id: "MT303",
    name: "name-departs-from-corpus",
    family: Family::Names,
    default_severity: Severity::Warning,
    default_weight: 10.0,
    fallback: false,
    summary: "A name is spelled otherwise than the rest of the corpus spells it.",
    explanation: "\
What it flags: a document that writes a name in a spelling the rest of the corpus does not
use, when the corpus agrees on another (`Lukashenko` in a corpus that writes `Loukachenko`
in most documents).

Why it matters: sources that share an editorial language share spellings; a document that
departs from them was likely translated from elsewhere, or through a pivot language.

Example: one document of twenty writes `Luukachenko` where the others write `Loukachenko`
→ flagged, with the corpus's spelling and counts.

How: `mtaudit check --name-consensus` first counts every name spelling of the inputs (as
`mtaudit names` does), groups the spellings of one name, and takes as consensus a spelling
with at least 60% of the group's mentions in at least two documents; the check then compares
each document's spellings with it. Without the option, the rule is silent.

Limits: a document that also uses the agreed spelling is left to MT301 (one name spelled
several ways), so a departure is counted once; a corpus in several
languages has several legitimate spellings of one name (run it per language).",
};

impl Detector for NameConsensus {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        let Some(consensus) = res.name_consensus.as_ref().filter(|c| !c.is_empty()) else { return };
        let mentions = doc.mentions(res);
        let parts: Vec<_> = mentions.iter().flat_map(|m| m.parts.iter().copied()).collect();
        let used: Vec<String> = parts.iter().map(|p| spelling::fold_name(doc.slice(*p))).collect();
        let mut seen: Vec<&str> = Vec::new();
        for part in &parts {
            let written = doc.slice(*part);
            if seen.contains(&written) {
                continue;
            }
            seen.push(written);
            // A document that also uses the agreed spelling mixes spellings: MT301 reports it.
            if let Some(agreed) =
                consensus.departure(written).filter(|a| !used.contains(&spelling::fold_name(&a.spelling)))
            {
                out.push(
                    Finding::new(
                        META.id,
                        Severity::Warning,
                        *part,
                        format!(
                            "`{written}`: the corpus writes `{}` ({} of {} mentions, in {} documents)",
                            agreed.spelling, agreed.mentions, agreed.group_mentions, agreed.documents
                        ),
                    )
                    .with_suggestion(format!("`{}`", agreed.spelling)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_names::{Consensus, NameStats};
    use crate::detectors::test_support::doc;

    #[test]
    fn a_spelling_the_corpus_does_not_use() {
        let mut res = Resources::new(crate::lexicon::set::Lexicons::embedded());
        let mut corpus = NameStats::default();
        for (id, text) in [
            ("a", "Le président Loukachenko a parlé."),
            ("b", "Selon Loukachenko, rien ne change."),
            ("c", "M. Lukashenko a répondu."),
        ] {
            corpus.merge(NameStats::of_document(id, &doc(text), &res));
        }
        res.name_consensus = Some(Consensus::from_stats(&corpus));
        let text = "Hier, le président Lukashenko a reçu le ministre.";
        let d = crate::view::View::build("c", text.to_string(), &res);
        let mut out = Vec::new();
        NameConsensus.check(&d, &res, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span.text(text), "Lukashenko");
        assert_eq!(out[0].message, "`Lukashenko`: the corpus writes `Loukachenko` (2 of 3 mentions, in 2 documents)");
        // A document that mixes spellings is MT301's.
        let mixed = "Le président Loukachenko, ou Lukashenko, a reçu le ministre.";
        let d = crate::view::View::build("m", mixed.to_string(), &res);
        let mut out = Vec::new();
        NameConsensus.check(&d, &res, &mut out);
        assert!(out.is_empty());
        // Without a consensus the rule is silent.
        let mut out = Vec::new();
        NameConsensus.check(&doc(text), Resources::embedded(), &mut out);
        assert!(out.is_empty());
    }
}
