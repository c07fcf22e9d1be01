//! A document's fingerprint for finding copies across a corpus: a hash of all its folded words
//! and one per sentence. Derived from the segmentation alone, so a first pass over the corpus
//! (`check --duplicates`) can take it without analysing the documents.

use crate::document::Document;
use crate::text::{fold_hash, mix};

/// Sentences shorter than this are too common to say that a document was copied.
const MIN_SENTENCE_WORDS: usize = 5;

/// The fingerprint of one document: a hash of all its words (folded: case, accents and
/// punctuation do not count) and one hash per sentence.
#[derive(Debug, Clone, Default)]
pub struct Fingerprint {
    pub text: u64,
    pub sentences: Vec<u64>,
}

/// A hash of all the words of a document, folded (0 for a document without words).
pub fn text_hash(doc: &Document) -> u64 {
    doc.words.iter().fold(0u64, |acc, w| mix(acc ^ fold_hash(doc.slice_lower(w.span))))
}

pub fn fingerprint(doc: &Document) -> Fingerprint {
    let text = text_hash(doc);
    let mut sentences: Vec<u64> = doc
        .sentences
        .iter()
        .filter(|s| s.words.len() >= MIN_SENTENCE_WORDS)
        .map(|s| doc.words[s.words.clone()].iter().fold(0u64, |acc, w| mix(acc ^ fold_hash(doc.slice_lower(w.span)))))
        .collect();
    sentences.sort_unstable();
    sentences.dedup();
    Fingerprint { text: if doc.words.is_empty() { 0 } else { text }, sentences }
}
