//! MT407: a headline-like line run into the article: a teaser or related-article title.

use crate::finding::{Finding, Severity};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::{clip, is_closing, is_sentence_terminal};
use crate::view::View;

pub struct StrayTitle;

static META: RuleMeta = RuleMeta {
    id: "MT407",
    name: "stray-title",
    family: Family::Boilerplate,
    default_severity: Severity::Info,
    default_weight: 4.5,
    fallback: true,
    summary: "A headline-like line inside or after the article: a teaser or related title.",
    explanation: "\
What it flags: a line of four to twenty words with no closing punctuation, standing alone
after the article has begun: the teaser of another article run into the text, or the
related-article titles a page lists after its body.

Why it matters: teasers interrupt the article with an unrelated statement (`La Russie
pourrait bientôt être confrontée à une grave pénurie...` in the middle of a story about
Belarus); a corpus built from the page learns non-sequiturs.

Example: a line `Fuites et rumeurs de l’iPhone 15 : tout ce que nous attendons` between
two paragraphs → flagged.

How: a line is a stray title when it is a paragraph of its own, starts with a capital, ends
without sentence punctuation, and at least one paragraph of prose (25 words or more) comes
before it. The title and the first lines of the page are never judged. Lines that another
boilerplate rule explains (a credit, an interface string, a repeat) are left to that rule.

Limits: a genuine section heading (an intertitle) looks the same and is reported too; it is
only informational.",
};

const MIN_WORDS: usize = 4;
const MAX_WORDS: usize = 20;
const PROSE_WORDS: usize = 25;

impl Detector for StrayTitle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, _res: &Resources, out: &mut Vec<Finding>) {
        let mut prose_seen = false;
        for para in &doc.paragraphs {
            if para.words.len() >= PROSE_WORDS {
                prose_seen = true;
                continue;
            }
            if !prose_seen || doc.in_comments(para.span) {
                continue;
            }
            let line = &doc.lines[para.first_line];
            if line.content != para.span || line.ui_pattern.is_some() {
                continue;
            }
            let text = doc.slice(para.span);
            let words = para.words.len();
            let last = text.chars().next_back().unwrap_or('.');
            let first = text.chars().next().unwrap_or('a');
            // A headline is one phrase: no sentence ends inside it (`... depuis 2020. dpa` is a
            // paragraph with an agency sign-off).
            let sentence_inside = text.contains(". ") || text.contains("! ");
            if sentence_inside
                || !(MIN_WORDS..=MAX_WORDS).contains(&words)
                || is_sentence_terminal(last)
                || is_closing(last)
                || matches!(last, ':' | ',' | ';')
                || !(first.is_uppercase() || matches!(first, '«' | '“' | '"'))
            {
                continue;
            }
            out.push(Finding::new(
                META.id,
                Severity::Info,
                para.span,
                format!("headline-like line in the text: “{}”", clip(text, 80)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    #[test]
    fn teasers_after_the_article_has_begun() {
        let text = "Un titre en tête de page sans point\nLe conseil municipal a voté mardi le budget de la ville pour l'année prochaine, après un long débat entre la majorité et l'opposition sur les impôts locaux.\nLa Bourse de Paris termine la semaine en forte hausse\nLe maire a conclu la séance.\nIl est en tournée avec son programme depuis 2020. dpa\nFin";
        let found = findings(&StrayTitle, text);
        assert_eq!(spans(text, &found), vec!["La Bourse de Paris termine la semaine en forte hausse"]);
    }
}
