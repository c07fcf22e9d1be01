//! MT406: the reader-comment section of a scraped page.

use crate::finding::{Finding, Severity};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;

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

impl Detector for CommentSection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, _res: &Resources, out: &mut Vec<Finding>) {
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
