//! MT303: a name spelled otherwise than the rest of the corpus spells it.

use crate::finding::{Finding, Severity};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::spelling;
use crate::view::View;
use crate::view::names;

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

In a text reliably identified as German, which capitalises its nouns, a spelling that is a
word the lexicon knows, or a compound of such words, departs from nothing (`Stadien` in a
corpus that writes `Studien`).

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
        // In German a capitalised word may be a noun: a word of the language departs from no
        // name's spelling (`Studien` and `Stadien`, `Gedanken` and `Gedenken`).
        let noun_lexicon = names::capitalised_noun_lexicon(doc, res);
        let mut seen: Vec<&str> = Vec::new();
        for part in &parts {
            let written = doc.slice(*part);
            if seen.contains(&written) {
                continue;
            }
            seen.push(written);
            if noun_lexicon.is_some_and(|lexicon| names::is_language_word(lexicon, written)) {
                continue;
            }
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
    fn a_german_noun_departs_from_no_name_but_a_transliteration_does() {
        let mut res = Resources::new(crate::lexicon::set::Lexicons::embedded());
        let mut corpus = NameStats::default();
        let texts = [
            "Neue Studien zeigen, dass der Präsident Lukaschenko die Wirtschaft des Landes seit Jahren schwächt, wie Forscher am Montag mitteilten.",
            "Nach Studien aus Minsk hat Lukaschenko die Opposition in den vergangenen Jahren stark unterdrückt, berichten die Forscher der Universität.",
            "Die Stadien des Landes sind alt, und Lukashenko will sie nach Angaben der Regierung in den kommenden Jahren erneuern lassen.",
        ];
        for (id, text) in ["a", "b", "c"].into_iter().zip(texts) {
            corpus.merge(NameStats::of_document(id, &doc(text), &res));
        }
        res.name_consensus = Some(Consensus::from_stats(&corpus));
        let d = crate::view::View::build("c", texts[2].to_string(), &res);
        let mut out = Vec::new();
        NameConsensus.check(&d, &res, &mut out);
        let flagged: Vec<&str> = out.iter().map(|f| f.span.text(texts[2])).collect();
        assert_eq!(flagged, ["Lukashenko"], "{out:?}");
    }

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
