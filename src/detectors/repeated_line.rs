//! MT401: a line repeated within the document (titles three times over, duplicated comments).

use crate::finding::{Finding, Severity};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::clip;
use crate::view::View;

pub struct RepeatedLine;

static META: RuleMeta = RuleMeta {
    id: "MT401",
    name: "repeated-line",
    family: Family::Boilerplate,
    default_severity: Severity::Warning,
    default_weight: 14.0,
    fallback: false,
    summary: "A line occurs again in the document, possibly with other typography or cut short.",
    explanation: "\
What it flags: a line of at least three words that occurs again in the same document, equal
after folding case, accents, quotes, apostrophes and punctuation, or repeated as a prefix of
at least half its length (a title cut short with its accents stripped).

Why it matters: scrapers save a page's title as heading, meta title and social-card title;
comment sections repeat comments; related-article blocks repeat teasers. Repeated lines
inflate n-gram counts and teach a model to repeat itself.

Example: `Loukachenko appelle à une « trêve » entre Moscou et Kiev` on lines 3, 5 (with
straight quotes) and 7 → one finding on line 5, with the other occurrences as related spans.

How: each line is folded once; equal keys form a group; the sorted keys reveal prefixes.
One finding per group. The same groups serve `mtaudit diff`, so a repeat is never counted
twice.

Limits: lines shorter than three words or fifteen characters are ignored; paraphrases are
the diff report's business, not this rule's.",
};

impl Detector for RepeatedLine {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, _res: &Resources, out: &mut Vec<Finding>) {
        for group in doc.repeats() {
            let first = group.lines[0];
            let second = group.lines[1];
            let span = doc.lines[second].content;
            let how = if group.truncated { "cut short" } else { "again" };
            let mut finding = Finding::new(
                META.id,
                Severity::Warning,
                span,
                format!("line {} repeats line {} {how}: “{}”", second + 1, first + 1, clip(doc.slice(span), 80)),
            )
            .with_related(doc.lines[first].content, "first occurrence");
            for &other in &group.lines[2..] {
                finding = finding.with_related(doc.lines[other].content, "repeated again");
            }
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    #[test]
    fn a_title_three_times_in_two_typographies_is_one_finding() {
        let text = "in\n\nLe maire appelle à une « trêve » entre les quartiers, d’après lui\n\nLe maire appelle à une \"trêve\" entre les quartiers, d'après lui\n\nLe maire appelle à une « trêve » entre les quartiers, d’après lui\nCorps.";
        let found = findings(&RepeatedLine, text);
        assert_eq!(spans(text, &found), vec!["Le maire appelle à une \"trêve\" entre les quartiers, d'après lui"]);
        assert_eq!(
            found[0].message,
            "line 5 repeats line 3 again: “Le maire appelle à une \"trêve\" entre les quartiers, d'après lui”"
        );
        assert_eq!(found[0].related.len(), 2);
    }

    #[test]
    fn a_title_cut_short_without_accents() {
        let text = "Le ministre demande à la région de défendre la vallée “comme son propre territoire”\n\nLe ministre demande a la region de defendre la vallee comme\n\nCorps du texte.";
        let found = findings(&RepeatedLine, text);
        assert_eq!(spans(text, &found), vec!["Le ministre demande a la region de defendre la vallee comme"]);
        assert!(found[0].message.contains("cut short"));
    }

    #[test]
    fn numbered_comments_that_say_the_same_thing() {
        let text = "  10. La ville a le droit de construire ce pont depuis des années.\n\n  11. La ville a le droit de construire ce pont depuis des années.";
        let found = findings(&RepeatedLine, text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "line 3 repeats line 1 again: “11. La ville a le droit de construire ce pont depuis des années.”"
        );
    }

    #[test]
    fn short_or_distinct_lines_are_not_repeats() {
        let text = "Oui.\n\nOui.\n\nLe premier paragraphe parle de pêche.\n\nLe second paragraphe parle de chasse.";
        assert!(findings(&RepeatedLine, text).is_empty());
    }
}
