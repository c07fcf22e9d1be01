//! MT408: scraper debris: a stray word at the page's edge or a line of codes and numbers.

use crate::finding::{Finding, Severity};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::{is_closing, is_sentence_terminal};
use crate::view::View;

pub struct DebrisLine;

static META: RuleMeta = RuleMeta {
    id: "MT408",
    name: "debris-line",
    family: Family::Boilerplate,
    default_severity: Severity::Info,
    default_weight: 2.6,
    fallback: true,
    summary: "A stray fragment at the page's edge, or a line of codes and numbers.",
    explanation: "\
What it flags: a line of one to three letters standing alone among the first or last lines
of a page (left from a breadcrumb, an icon label or a category), and a short line of codes:
numbers of five digits or more, or words in broken capitals, among other numbers (`88412
GALAXY S24 ULT promo 1203`). Acronyms and agency sign-offs (`AFP`) are not debris; nor are
dates and headlines with figures.

Why it matters: these are the crumbs of a page's layout, not text.

Example: a first line `in` → flagged.

How: position and shape only: length, letters, share of tokens holding digits, closing
punctuation.

Limits: a short line of numbers that is real content (a score, a table row) can be
reported; it is only informational.",
};

const EDGE_LINES: usize = 3;

impl Detector for DebrisLine {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        let non_empty: Vec<usize> = (0..doc.lines.len()).filter(|&i| !doc.lines[i].content.is_empty()).collect();
        if non_empty.len() < 2 {
            return;
        }
        for (rank, &i) in non_empty.iter().enumerate() {
            let line = &doc.lines[i];
            if line.ui_pattern.is_some() || doc.in_comments(line.content) {
                continue;
            }
            let text = doc.slice(line.content);
            let at_edge = rank < EDGE_LINES || rank + EDGE_LINES >= non_empty.len();
            // Acronyms and agency sign-offs (`AFP`, `dpa`) are not debris.
            // (At most 3 characters are at most 12 bytes: long lines are not counted through.)
            let tiny = text.len() <= 12
                && text.chars().count() <= 3
                && text.chars().all(char::is_alphabetic)
                && !text.chars().all(char::is_uppercase)
                && !res.media.is_agency(&text.to_lowercase());
            if tiny && at_edge {
                out.push(Finding::new(
                    META.id,
                    Severity::Info,
                    line.content,
                    format!("stray fragment “{text}” at the edge of the page"),
                ));
                continue;
            }
            if text.len() > 160 {
                continue; // a code line has at most twelve short tokens
            }
            // Most lines hold fewer than two figures: that test first, without splitting.
            if text.bytes().filter(u8::is_ascii_digit).take(2).count() < 2 {
                continue;
            }
            let tokens: Vec<&str> = text.split_whitespace().collect();
            let with_digits = tokens.iter().filter(|t| t.bytes().any(|b| b.is_ascii_digit())).count();
            let last = text.chars().next_back().unwrap_or('.');
            // A code, not a date or a headline with figures: a long number or broken capitals.
            let code_like =
                || tokens.iter().any(|t| t.len() >= 5 && t.bytes().all(|b| b.is_ascii_digit()) || irregular_case(t));
            if (3..=12).contains(&tokens.len())
                && with_digits >= 2
                && with_digits * 100 >= tokens.len() * 35
                && code_like()
                && !is_sentence_terminal(last)
                && !is_closing(last)
                && text.chars().any(char::is_alphabetic)
            {
                out.push(Finding::new(
                    META.id,
                    Severity::Info,
                    line.content,
                    format!("line of codes and numbers: “{text}”"),
                ));
            }
        }
    }
}

/// `iPHONE`: a lowercase letter followed by two capitals in one token.
fn irregular_case(token: &str) -> bool {
    let mut seen_lower = false;
    let mut capitals_after = 0;
    for c in token.chars() {
        if c.is_lowercase() {
            seen_lower = true;
        } else if c.is_uppercase() && seen_lower {
            capitals_after += 1;
        }
    }
    capitals_after >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    #[test]
    fn edge_fragments_and_code_lines() {
        let text = "de\n\nLe conseil municipal a voté mardi le budget de la ville.\n\n88412 GALAXY S24 ULT promo 1203\n\nIl y a 3 ans, 2 mois et 4 jours.\n\nLe maire a conclu.";
        let found = findings(&DebrisLine, text);
        assert_eq!(spans(text, &found), vec!["de", "88412 GALAXY S24 ULT promo 1203"]);
        let text = "Mardi 12 mars 2024\n\nCovid-19 : 1 200 nouveaux cas en 24 heures\n\nLe ministère a publié les chiffres du jour, en baisse par rapport à la semaine dernière.\n\nAFP";
        assert!(findings(&DebrisLine, text).is_empty());
    }
}
