//! The eager part of a document's view: the segmentation annotated with each line's
//! interface-string class, each word's function-word mask, the comment zone and the language.
//! Everything lazy in the view is derived from this.

use crate::document::{Document, LineInfo, trimmed_line};
use crate::finding::Span;
use crate::lang::{LangInfo, Profile};
use crate::lexicon::set::Lexicons;
use crate::view::{comment_zone, language};
use std::ops::Range;

#[derive(Debug)]
pub struct Annotated {
    /// The segmentation; the annotated document derefs to it.
    pub doc: Document,
    pub lang: LangInfo,
    /// Each word's function-word mask (`FunctionWords::mask` of its lowercase text), looked up
    /// once for every profile taken of the document.
    pub function_word_masks: Vec<u16>,
    /// The reader-comment section of a scraped page, if there is one. Translation rules skip
    /// it: comments are written by readers, not by the article's translator.
    pub comments: Option<Span>,
}

impl std::ops::Deref for Annotated {
    type Target = Document;

    fn deref(&self) -> &Document {
        &self.doc
    }
}

impl Annotated {
    /// Segments and annotates `text`. Never panics, whatever the text.
    pub fn build(id: String, text: String, res: &Lexicons) -> Annotated {
        let doc = Document::with_line_classes(id, text, |text, lower, starts| classify_lines(text, lower, starts, res));
        let comments = comment_zone::find_comment_zone(&doc, res);
        let function_word_masks: Vec<u16> =
            doc.words.iter().map(|w| res.function_words.mask(doc.slice_lower(w.span))).collect();
        let lang = language::detect_document(&doc, &function_word_masks, comments, res);
        Annotated { doc, lang, function_word_masks, comments }
    }

    /// Whether a span lies in the reader-comment section.
    pub fn in_comments(&self, span: Span) -> bool {
        self.comments.is_some_and(|zone| zone.overlaps(span))
    }

    /// The function-word profile of a range of the words, from the kept masks.
    pub fn profile_words(&self, words: Range<usize>) -> Profile {
        Profile::of_masks(self.function_word_masks.get(words).unwrap_or_default().iter().copied())
    }
}

/// Each line's content and the interface-string pattern it matches, if any.
fn classify_lines(text: &str, lower: &str, line_starts: &[usize], res: &Lexicons) -> Vec<LineInfo> {
    let mut lines = Vec::with_capacity(line_starts.len());
    for (i, &start) in line_starts.iter().enumerate() {
        let end = line_starts.get(i + 1).copied().unwrap_or(text.len());
        let content = trimmed_line(text, start, end);
        let ui_pattern =
            if content.is_empty() { None } else { res.ui_lines.match_line(&lower[content.start..content.end]) };
        lines.push(LineInfo { content, ui_pattern });
    }
    lines
}
