//! MT406: the reader-comment section of a scraped page.

use crate::document::Document;
use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::{is_closing, is_sentence_terminal};

pub struct CommentSection;

static META: RuleMeta = RuleMeta {
    id: "MT406",
    name: "comment-section",
    family: Family::Boilerplate,
    default_severity: Severity::Warning,
    default_weight: 15.0,
    fallback: false,
    summary: "The page carries its reader-comment section.",
    explanation: "\
What it flags: a reader-comment section: a comment heading (`49 Comments`, `12
commentaires`, `Leave a Reply`) followed by at least two comments, or a numbered run of
comments under a comment form.

Why it matters: comments are other people's text, of another register and quality, often
with typos and insults; they do not belong to the article. The section is also fenced off
for the other detectors: a reader's typo is not a translation error.

Example: `49 Comments` / `Leave a Reply` / `1. \"Wagner\" a été regroupée ...` → one finding
on the heading, spanning the section.

How: headings are interface strings of kind `comments` or `comment-form`
(data/boilerplate/ui_lines.toml). The section runs from the heading to the comment form or
the end of the page; it needs two numbered entries, or a heading that counts the comments
(`12 commentaires`) followed by two comment-like lines (a sentence, or eight words or more),
and the first entry must follow the heading closely. A bare `Réactions` or `Comment`, which
may be an intertitle, never opens a section on its own.

Limits: comment sections without a recognised heading are not found.",
};

/// Comment-like lines a section needs.
const MIN_COMMENTS: usize = 2;

/// Non-empty lines after the heading within which the first comment must start.
const FIRST_ENTRY_WITHIN: usize = 3;

/// `12. ` or `3) ` opening a line: a numbered comment.
fn is_numbered(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && text[digits..].starts_with(['.', ')']) && text[digits + 1..].starts_with(' ')
}

/// Finds the comment section: from a comment heading to the comment form or the end.
/// A bare word such as `Réactions` or `Comment` may be an intertitle, so a section needs
/// numbered entries, or a heading that counts them (`49 Comments`) followed by comments.
/// Called once per document while it is built.
pub fn find_comment_zone(doc: &Document, res: &Resources) -> Option<Span> {
    let kind = |i: usize| doc.lines[i].ui_pattern.map(|p| res.ui_lines.pattern(p).kind.as_str());
    let headings = (0..doc.lines.len()).filter(|&i| matches!(kind(i), Some("comments" | "comment-form")));
    for heading in headings {
        let counted = doc.slice(doc.lines[heading].content).bytes().any(|b| b.is_ascii_digit());
        let (mut numbered, mut other, mut seen) = (0usize, 0usize, 0usize);
        let mut last_end = None;
        for i in heading + 1..doc.lines.len() {
            let line = &doc.lines[i];
            if line.content.is_empty() {
                continue;
            }
            if line.ui_pattern.is_some() {
                if numbered + other > 0 && kind(i) == Some("comment-form") {
                    break;
                }
                continue;
            }
            seen += 1;
            if numbered + other == 0 && seen > FIRST_ENTRY_WITHIN {
                break;
            }
            let text = doc.slice(line.content);
            if is_numbered(text) {
                numbered += 1;
            } else if text.ends_with(|c: char| is_sentence_terminal(c) || is_closing(c))
                || text.split_whitespace().count() >= 8
            {
                other += 1;
            } else {
                continue;
            }
            last_end = Some(line.content.end);
        }
        if numbered >= MIN_COMMENTS || (counted && numbered + other >= MIN_COMMENTS) {
            return last_end.map(|end| Span::new(doc.lines[heading].content.start, end));
        }
    }
    None
}

impl Detector for CommentSection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &Document, _res: &Resources, out: &mut Vec<Finding>) {
        let Some(zone) = doc.comments else { return };
        let first = doc.line_index(zone.start);
        let last = doc.line_index(zone.end.saturating_sub(1));
        let heading = doc.lines[first].content;
        out.push(
            Finding::new(
                META.id,
                Severity::Warning,
                heading,
                format!("reader-comment section, lines {}–{}, under “{}”", first + 1, last + 1, doc.slice(heading)),
            )
            .with_related(doc.lines[last].content, "end of the comment section"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{doc, findings, spans};

    const ARTICLE: &str =
        "Le conseil municipal a voté mardi le budget de la ville pour l'année prochaine, après un long débat.\n\n";

    #[test]
    fn a_heading_and_its_comments() {
        let text = format!(
            "{ARTICLE}3 commentaires\n\n  1. Encore une hausse des impôts, c'est honteux !\n\n  2. Le maire a raison sur ce point.\n\nLaisser un commentaire\n\nLire aussi : la suite"
        );
        let found = findings(&CommentSection, &text);
        assert_eq!(spans(&text, &found), vec!["3 commentaires"]);
        assert_eq!(found[0].message, "reader-comment section, lines 3–7, under “3 commentaires”");
        let d = doc(&text);
        assert_eq!(
            d.slice(d.comments.unwrap()),
            "3 commentaires\n\n  1. Encore une hausse des impôts, c'est honteux !\n\n  2. Le maire a raison sur ce point."
        );
    }

    #[test]
    fn an_intertitle_that_says_comment_is_no_section() {
        let text = format!(
            "{ARTICLE}Réactions\n\nLes partis d'opposition ont dénoncé un budget injuste pour les familles.\n\nLe maire a répondu que les investissements étaient nécessaires.\n\nLa séance a été levée à minuit."
        );
        assert!(findings(&CommentSection, &text).is_empty());
    }

    #[test]
    fn a_comment_form_without_comments_is_no_section() {
        let text = format!(
            "{ARTICLE}Laisser un commentaire\n\nVotre adresse e-mail ne sera pas publiée.\n\nUn autre titre sans rapport\n\nEncore un titre."
        );
        assert!(findings(&CommentSection, &text).is_empty());
    }
}
