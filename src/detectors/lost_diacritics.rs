//! MT605: French words written without their accents (`defendre la Bielorussie`).

use super::french;
use crate::document::Document;
use crate::finding::{Finding, Severity, Span};
use crate::lexicon::french::tag;
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};

pub struct LostDiacritics;

static META: RuleMeta = RuleMeta {
    id: "MT605",
    name: "lost-diacritics",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 8.0,
    fallback: false,
    summary: "French words stripped of their accents (`defendre`, `Bielorussie`), reported per line.",
    explanation: "\
What it flags: a line of a French text with words that the lexicon does not know as written
but knows, with accents restored, as exactly one word: `Loukachenko demande a la Russie de
defendre la Bielorussie` (défendre, Biélorussie). A line with two or more such words is a
warning (a stripped title, slug or page); a single one is informational, since it may be a
typo.

Why it matters: accents are lost when a pipeline folds text to ASCII (URL slugs turned back
into titles, old encodings, some scrapers and machine-translation front ends). A stripped line
is a copy made by a machine, and the rest of the page is usually no better.

Example: `de defendre la Bielorussie comme` → flagged, suggestion `défendre, Biélorussie`.

How: the lexicon's index of forms by their spelling without accents; a word counts only when
it has no accent at all and its accented spelling is unique (`peche` could be pêche, péché or
pèche and is not counted). The document's rate of such words is reported with its lexicon
figures (`accents_lost_rate`).

Limits: words that are valid both ways (`a`/`à`, `ou`/`où`, `la`/`là`) cannot be judged; all-caps
words are skipped (French often drops accents on capitals).",
};

impl Detector for LostDiacritics {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, res: &Resources, out: &mut Vec<Finding>) {
        if !french::is_french(doc) {
            return;
        }
        // (line, span of the stripped word, restored form), in text order.
        let mut stripped: Vec<(usize, Span, String)> = Vec::new();
        for tokens in french::sentences(doc, res) {
            for token in &tokens {
                if token.lex.known
                    || token.lex.in_known_compound
                    || token.text.chars().count() < 3
                    || !token.text.chars().all(|c| c.is_ascii_alphabetic())
                    || token.is_all_caps()
                {
                    continue;
                }
                // A capitalised word is judged as written, even at the start of a sentence:
                // `Bielorussie` is the country `Biélorussie`, but `Bucha` is a town, not the
                // verb `bûcha`.
                // Names are not judged: `Etienne`, `Deborah`, `Romeo` are spelled so by their
                // bearers, and French often leaves capitals unaccented (`Ecosse`).
                let restored = french::restored_accents(res.french, token.text).filter(|r| {
                    let capitalised = token.is_capitalised();
                    let same_case = r.chars().next().is_some_and(char::is_uppercase) == capitalised;
                    let common = res.french.tags(r).has(tag::NOUN | tag::ADJ | tag::VERB | tag::ADV);
                    let only_initial = capitalised && r.chars().skip(1).eq(token.text.chars().skip(1));
                    same_case && common && !only_initial
                });
                if let Some(restored) = restored {
                    stripped.push((doc.line_index(token.span.start), token.span, restored));
                }
            }
        }
        for line in stripped.chunk_by(|a, b| a.0 == b.0) {
            let span = Span::new(line[0].1.start, line[line.len() - 1].1.end);
            let pairs: Vec<String> =
                line.iter().map(|(_, word, restored)| format!("{} → {}", doc.slice(*word), restored)).collect();
            let severity = if line.len() >= 2 { Severity::Warning } else { Severity::Info };
            let message = if line.len() >= 2 {
                format!("{} words without their accents on one line: {}", line.len(), pairs.join(", "))
            } else {
                format!("a word without its accents: {}", pairs[0])
            };
            let suggestion: Vec<&str> = line.iter().map(|(_, _, restored)| restored.as_str()).collect();
            out.push(Finding::new(META.id, severity, span, message).with_suggestion(suggestion.join(", ")));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::findings;
    use crate::finding::Severity;

    fn french(body: &str) -> String {
        format!(
            "Le gouvernement a publié un communiqué dans la soirée.\n{body}\nLes discussions reprendront la semaine prochaine à Paris."
        )
    }

    #[test]
    fn a_stripped_title_is_one_warning() {
        let text = french("Loukachenko demande a la Russie de defendre la Bielorussie comme");
        let found = findings(&LostDiacritics, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].span.text(&text), "defendre la Bielorussie");
        assert_eq!(found[0].suggestion.as_deref(), Some("défendre, Biélorussie"));
    }

    #[test]
    fn a_single_stripped_word_is_informational() {
        let text = french("Il veut defendre son pays contre toute menace extérieure.");
        let found = findings(&LostDiacritics, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn ambiguous_and_accented_words_are_left_alone() {
        for body in
            ["Il va a la peche demain matin.", "Il veut défendre la Biélorussie.", "LA FRANCE A DECIDE DE PARTIR."]
        {
            assert!(findings(&LostDiacritics, &french(body)).is_empty(), "{body}");
        }
    }
}
