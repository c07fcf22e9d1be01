//! MT203: spaces where the language puts none, left by a translation system's tokenizer.

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::{clip, floor_char_boundary};
use crate::view::View;
use crate::view::french::is_french;
use regex::Regex;
use std::sync::LazyLock;

pub struct SpacingResidue;

static META: RuleMeta = RuleMeta {
    id: "MT203",
    name: "spacing-residue",
    family: Family::Language,
    default_severity: Severity::Warning,
    default_weight: 28.0,
    fallback: false,
    summary: "Spacing a tokenizer left: a space before `,` `.` `)` or after `(`, a split apostrophe, `il ya`.",
    explanation: "\
What it flags: a space before a comma, a full stop or a closing parenthesis, or after an
opening one (`le district administratif . Elle`, `( agglomération )`); an apostrophe cut from
its words (`d ' autres`, `don ' t`; in French also `l' État`); French `il ya` for `il y a`.
It reports each line that holds such a trace, once the document holds them on two lines.

Why it matters: translation systems split text into tokens (a word, a comma, an apostrophe)
and join them back; when the joining is skipped or fails, punctuation stays detached. The
languages written with the Latin alphabet put no space before `,` `.` `)` (French puts one
before `;` `:` `!` `?` and inside guillemets, which this rule leaves alone), so a page full of
them was machine-processed.

Example: `Elle fait partie du district ( Bade-Wurtemberg ) .` on one line and `La commune ,
qui compte 3 000 habitants , est traversée par le Neckar.` on another → both lines flagged.

How: each line outside the comment section and the interface strings is screened for a
space next to one of these marks, then matched against a small set of patterns; the French
patterns run on documents identified as French.

Limits: one line with a stray space is a typo, not evidence, and is not reported. Text that a
scraper assembled from inline markup can carry the same spaces (`lien ici .`). A spaced
ellipsis (`. . .`), decimals and file extensions (`.5`, `.com`) are not traces; other
languages' scripts are not screened differently.",
};

/// Traces needed in a document, on as many distinct lines, before any is reported.
const MIN_TRACES: usize = 2;

/// Patterns for every language, the trace in group 1: a space before `,` or `.` ending a
/// token; a space before `)`; a space after `(`; an apostrophe with spaces on both sides.
static GENERAL: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?:[\p{L}\p{N}]|[\p{L}\p{N}] ?\))( [,.])(?:\s|$)",
        r"[\p{L}\p{N}]( \))",
        r"(\( )[\p{L}\p{N}]",
        r"\p{L}( ['’] )\p{L}",
    ]
    .iter()
    .map(|pattern| Regex::new(pattern).expect("a valid pattern"))
    .collect()
});

/// French, the trace in group 1: an elided word followed by a space (`l' État`, `qu' il`), and
/// `il ya`.
static FRENCH: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r#"(?i)(?:^|[\s(«"“])((?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’] )\p{L}"#,
        r"(?i)(?:^|[^\p{L}])(il ya)(?:$|[^\p{L}])",
    ]
    .iter()
    .map(|pattern| Regex::new(pattern).expect("a valid pattern"))
    .collect()
});

/// Whether a line may hold a trace: a space next to one of the marks, or `il ya` (`line` is
/// lowercase).
fn may_hold_trace(line: &str) -> bool {
    line.as_bytes().windows(2).any(|pair| matches!(pair, [b' ', b',' | b'.' | b')' | b'\''] | [b'(' | b'\'', b' ']))
        || line.contains("’ ")
        || line.contains(" ’")
        || line.contains(" ya")
}

/// Whether the text after a ` .` goes on as a spaced ellipsis (`. . .`).
fn is_spaced_ellipsis(after: &str) -> bool {
    after.trim_start().starts_with('.')
}

impl Detector for SpacingResidue {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, _res: &Resources, out: &mut Vec<Finding>) {
        let french = is_french(doc);
        // (line content, first trace, traces on the line)
        let mut lines: Vec<(Span, Span, usize)> = Vec::new();
        for line in &doc.lines {
            if line.content.is_empty() || line.ui_pattern.is_some() || doc.in_comments(line.content) {
                continue;
            }
            if !may_hold_trace(doc.slice_lower(line.content)) {
                continue;
            }
            let text = doc.slice(line.content);
            let patterns = GENERAL.iter().chain(if french { FRENCH.iter() } else { [].iter() });
            let traces: Vec<(usize, usize)> = patterns
                .flat_map(|pattern| pattern.captures_iter(text))
                .filter_map(|found| found.get(1).map(|t| (t.start(), t.end())))
                .filter(|&(_, end)| !(text[..end].ends_with('.') && is_spaced_ellipsis(&text[end..])))
                .collect();
            let Some(&(start, end)) = traces.iter().min() else { continue };
            let base = line.content.start;
            lines.push((line.content, Span::new(base + start, base + end), traces.len()));
        }
        if lines.len() < MIN_TRACES {
            return;
        }
        for (content, first, count) in lines {
            // The quote starts a little before the first trace, at a character boundary.
            let from = floor_char_boundary(&doc.text, first.start.saturating_sub(24).max(content.start));
            let what = if count == 1 { "a spacing trace".to_string() } else { format!("{count} spacing traces") };
            out.push(Finding::new(
                META.id,
                Severity::Warning,
                first,
                format!("{what} of a tokenizer: “{}”", clip(&doc.text[from..content.end], 60)),
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
        assert_eq!(
            found[0].message,
            "4 spacing traces of a tokenizer: “it partie de la région ( Bade-Wurtemberg ) . Le siège est à …”"
        );
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
        let text = "« Nous sommes prêts ! » a-t-il dit ; la suite : 3,5 % de hausse (selon l'Insee).\n\nLe site example .com et la version .5 ne comptent pas ; ni « ceci ».\n\nLe texte dit qu'il ne sera . . . pas appliqué, et le rock 'n' roll :) , pas plus.\n\nL'article cite « ce qui . . . importe » et du rock ’n’ roll.";
        assert!(findings(&SpacingResidue, text).is_empty());
    }
}
