//! MT607: a phrase built word for word on another language's idiom (`faire du sens`).

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::FastSet;
use crate::view::View;

pub struct CalqueRule;

static META: RuleMeta = RuleMeta {
    id: "MT607",
    name: "calque",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 3.0,
    fallback: false,
    summary: "A phrase built word for word on another language's idiom (`faire du sens`, `since three years`).",
    explanation: "\
What it flags: a phrase that copies another language's idiom word for word, which edited
text of the language avoids: French `faire du sens` (to make sense), `adresser le problème`
(to address), `sur une base régulière` (on a regular basis), `prendre avantage de`; Spanish
`hacer sentido`, `tomar lugar`; English `since three years` (depuis trois ans), `assist to a
meeting`, `make a party`, `discuss about`. Two or more distinct calques (different phrases) in
a document are a warning each; one is informational.

Why it matters: a translation system, or a writer translating in their head, maps an idiom
word by word when it does not know the target's own expression. One calque is common in
hurried human writing; several on one page point to translation.

Example: `Cette décision fait du sens et permettra d'adresser le problème.` → two calques,
with `avoir du sens` and `s'attaquer à` suggested.

How: a documented table per language (data/calques.toml, with the idiom each phrase copies
and the language's own expression; extend with `lexicons.calques`), matched as whole words
from each word that opens one of its phrases, within its line, in a document of that
language, outside the comment section and the interface strings.

Limits: only the listed phrases and their listed forms are found; phrases that are also
correct in another sense (`prendre place`, to sit down) are not listed. Its weight is low
until a labelled set measures it: on the sets at hand it fires rarely on both sides.",
};

/// Distinct calques a document needs before they are warnings.
const MIN_DISTINCT_FOR_WARNING: usize = 2;

impl Detector for CalqueRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !doc.lang.reliable {
            return;
        }
        let lang = doc.lang.code;
        let mut found = Vec::new();
        // Each word that may open a phrase (one hash probe) is tried as a phrase's start.
        for (index, word) in doc.words.iter().enumerate() {
            // A phrase may follow an elision (`d'adresser`), not open inside a hyphenated word.
            if word.joiner == crate::document::Joiner::Hyphen && index > 0 {
                continue;
            }
            if !res.calques.may_start(doc.slice_lower(word.span)) {
                continue;
            }
            let line = &doc.lines[doc.line_index(word.span.start)];
            if line.ui_pattern.is_some() || doc.in_comments(line.content) {
                continue;
            }
            let rest = &doc.lower[word.span.start..line.content.end.max(word.span.start)];
            if let Some((len, calque)) = res.calques.starting(lang, rest) {
                found.push((Span::new(word.span.start, word.span.start + len), calque));
            }
        }
        let distinct: FastSet<&str> = found.iter().map(|(_, calque)| calque.phrase.as_str()).collect();
        let severity = if distinct.len() >= MIN_DISTINCT_FOR_WARNING { Severity::Warning } else { Severity::Info };
        for (span, calque) in found {
            let message = format!("“{}” copies “{}” word for word", doc.slice(span), calque.copies);
            out.push(Finding::new(META.id, severity, span, message).with_suggestion(calque.instead.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, in_french_frame};

    #[test]
    fn two_french_calques_are_warnings_with_their_french_expression() {
        let text = in_french_frame("Cette décision fait du sens et permettra d'adresser le problème rapidement.");
        let found = findings(&CalqueRule, &text);
        let phrases: Vec<&str> = found.iter().map(|f| f.span.text(&text)).collect();
        assert_eq!(phrases, ["fait du sens", "adresser le problème"]);
        assert!(found.iter().all(|f| f.severity == Severity::Warning));
        assert_eq!(found[0].suggestion.as_deref(), Some("avoir du sens, être logique"));
        assert_eq!(found[0].message, "“fait du sens” copies “to make sense” word for word");
    }

    #[test]
    fn one_calque_is_informational_and_other_languages_phrases_are_not_matched() {
        let text = in_french_frame("Les invités ont pris avantage de la soirée pour discuter.");
        let found = findings(&CalqueRule, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        let text = in_french_frame("Les invités prennent place et la réunion commence à l'heure prévue.");
        assert!(findings(&CalqueRule, &text).is_empty());
    }

    #[test]
    fn english_calques_are_found_in_english() {
        let text = "The minister has lived in the capital since three years. He will assist to the meeting of the council next month and discuss about the budget.";
        let found = findings(&CalqueRule, text);
        let phrases: Vec<&str> = found.iter().map(|f| f.span.text(text)).collect();
        assert_eq!(phrases, ["since three years", "assist to the meeting", "discuss about"]);
    }
}
