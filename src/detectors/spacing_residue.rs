//! MT203: spaces where the language puts none, left by a translation system's tokenizer.

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::clip;
use crate::view::View;
use regex::Regex;
use std::sync::LazyLock;

pub struct SpacingResidue;

static META: RuleMeta = RuleMeta {
    id: "MT203",
    name: "spacing-residue",
    family: Family::Language,
    default_severity: Severity::Warning,
    default_weight: 12.0,
    fallback: false,
    summary: "Spaces a tokenizer left where the language puts none (`le président , qui`, `l' État`, `( voir )`).",
    explanation: "\
What it flags: a space before a comma, a full stop or a closing parenthesis, or after an
opening one (`le district administratif . Elle`, `( agglomération )`); an apostrophe cut from
its words (`d ' autres`, `don ' t`; in French also `l' État`); French `il ya` for `il y a`.
It reports each line that holds such a trace, once the document holds at least two of them
on two lines.

Why it matters: translation systems split text into tokens (a word, a comma, an apostrophe)
and join them back; when the joining is skipped or fails, every punctuation mark stays
detached. No language written with the Latin script puts a space before `,` `.` `)` (French
puts one before `;` `:` `!` `?` and inside guillemets, which this rule leaves alone), so a
page full of them was machine-processed.

Example: `Elle fait partie du district ( Bade-Wurtemberg ) . Le siège est à Stuttgart .` →
flagged.

How: each line outside the comment section and the interface strings is screened for a
space next to one of these marks, then matched against a small set of patterns.

Limits: one stray space is a typo, not evidence: a single trace is not reported. Text that
a scraper assembled from inline markup can carry the same spaces (`lien ici .`); code and
numbers (`.5`, `.com`) are not matched.",
};

/// Traces needed in a document, on as many distinct lines, before any is reported.
const MIN_TRACES: usize = 2;

/// Patterns for every language, the trace in group 1: a space before `,` or `.` ending a
/// token; a space before `)`; a space after `(`; an apostrophe with spaces on both sides.
static GENERAL: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [r"[\p{L}\p{N})]( [,.])(?:\s|$)", r"[\p{L}\p{N}]( \))", r"(\( )[\p{L}\p{N}]", r"\p{L}( ['’] )\p{L}"]
        .iter()
        .map(|pattern| Regex::new(pattern).expect("a valid pattern"))
        .collect()
});

/// French, the trace in group 1: an elided word followed by a space (`l' État`, `qu' il`), and
/// `il ya`.
static FRENCH: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [r"(?i)(?:^|[^\p{L}])((?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’] )\p{L}", r"(?i)(?:^|[^\p{L}])(il ya)(?:$|[^\p{L}])"]
        .iter()
        .map(|pattern| Regex::new(pattern).expect("a valid pattern"))
        .collect()
});

/// Whether a line may hold a trace: a space next to one of the marks, or `il ya`.
fn may_hold_trace(line: &str) -> bool {
    line.as_bytes().windows(2).any(|pair| matches!(pair, [b' ', b',' | b'.' | b')' | b'\''] | [b'(' | b'\'', b' ']))
        || line.contains("’ ")
        || line.contains(" ’")
        || line.contains(" ya")
}

impl Detector for SpacingResidue {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, _res: &Resources, out: &mut Vec<Finding>) {
        let french = doc.lang.code == "fra";
        // (line content, first trace, traces on the line)
        let mut lines: Vec<(Span, Span, usize)> = Vec::new();
        for line in &doc.lines {
            if line.content.is_empty() || line.ui_pattern.is_some() || doc.in_comments(line.content) {
                continue;
            }
            let text = doc.slice(line.content);
            if !may_hold_trace(text) {
                continue;
            }
            let patterns = GENERAL.iter().chain(if french { FRENCH.iter() } else { [].iter() });
            let traces: Vec<(usize, usize)> = patterns
                .flat_map(|pattern| pattern.captures_iter(text))
                .filter_map(|found| found.get(1).map(|t| (t.start(), t.end())))
                .collect();
            let Some(&(start, end)) = traces.iter().min() else { continue };
            let base = line.content.start;
            lines.push((line.content, Span::new(base + start, base + end), traces.len()));
        }
        if lines.len() < MIN_TRACES {
            return;
        }
        for (content, first, count) in lines {
            let text = doc.slice(content);
            let what = if count == 1 { "a space".to_string() } else { format!("{count} spaces") };
            out.push(Finding::new(
                META.id,
                Severity::Warning,
                first,
                format!("{what} where the language puts none, as a tokenizer leaves them: “{}”", clip(text, 60)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    #[test]
    fn detached_punctuation_on_two_lines_is_reported_line_by_line() {
        let text = "Le district fait partie de la région ( Bade-Wurtemberg ) . Le siège est à Stuttgart .\n\nLa commune , qui compte 3 000 habitants , est traversée par le Neckar.";
        let found = findings(&SpacingResidue, text);
        assert_eq!(spans(text, &found), vec!["( ", " ,"]);
        assert!(found[0].message.starts_with("4 spaces where the language puts none"), "{}", found[0].message);
    }

    #[test]
    fn one_trace_is_a_typo_and_is_left_alone() {
        let text = "Le conseil a voté le budget , puis la séance a été levée.\n\nLe maire a salué le vote.";
        assert!(findings(&SpacingResidue, text).is_empty());
    }

    #[test]
    fn french_elisions_and_il_ya_count_in_french_only() {
        let french = "Le gouvernement a publié un communiqué dans la soirée. Il ya deux ans, l' État a décidé.\n\nLes discussions reprendront la semaine prochaine à Paris, selon d' autres sources.";
        assert_eq!(spans(french, &findings(&SpacingResidue, french)), vec!["Il ya", "d' "]);
        let english = "The students' union met on Monday. The talks will resume next week in Paris.\n\nThe 'new' plan was adopted by the council of the city after a long debate.";
        assert!(findings(&SpacingResidue, english).is_empty());
    }

    #[test]
    fn typography_the_languages_use_is_not_a_trace() {
        let text = "« Nous sommes prêts ! » a-t-il dit ; la suite : 3,5 % de hausse (selon l'Insee).\n\nLe site example .com et la version .5 ne comptent pas ; ni « ceci ».";
        assert!(findings(&SpacingResidue, text).is_empty());
    }
}
