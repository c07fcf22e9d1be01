//! The reader-comment section of a scraped page: from a comment heading to the comment form
//! or the end. Found once per document while its view is built; translation rules skip it
//! (comments are written by readers, not by the article's translator) and MT403 reports it.

use crate::document::Document;
use crate::finding::Span;
use crate::lexicon::set::Lexicons;
use crate::text::{is_closing, is_sentence_terminal};

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
/// Called once per document while its view is built.
pub fn find_comment_zone(doc: &Document, res: &Lexicons) -> Option<Span> {
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
