//! Which documents of a corpus repeat an earlier one: the same words throughout, or most of
//! their sentences. Built by a first pass over the inputs (`check --duplicates`), consulted by
//! MT501 and MT502. The earliest document of a set of copies is the original; the later ones
//! are the copies.

use crate::document::Document;
use crate::passages::sketch::{fold_hash, mix};
use crate::text::FastMap;

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

/// The first document (in input order) of every text and every sentence of the corpus.
#[derive(Debug, Default)]
pub struct CopyIndex {
    ids: Vec<String>,
    by_id: FastMap<String, u32>,
    first_by_text: FastMap<u64, u32>,
    first_by_sentence: FastMap<u64, u32>,
}

/// The earlier document most of this one's sentences come from.
#[derive(Debug, Clone, PartialEq)]
pub struct CopiedFrom<'a> {
    pub original: &'a str,
    pub shared: usize,
    pub sentences: usize,
}

impl CopyIndex {
    /// Adds the next document in input order.
    pub fn add(&mut self, id: &str, fingerprint: &Fingerprint) {
        let index = self.ids.len() as u32;
        self.ids.push(id.to_string());
        self.by_id.entry(id.to_string()).or_insert(index);
        if fingerprint.text != 0 {
            self.first_by_text.entry(fingerprint.text).or_insert(index);
        }
        for &sentence in &fingerprint.sentences {
            self.first_by_sentence.entry(sentence).or_insert(index);
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    fn position(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// The id of the earlier document with the same words, if `id` is a later copy.
    pub fn exact_copy_of(&self, id: &str, fingerprint: &Fingerprint) -> Option<&str> {
        let own = self.position(id)?;
        let first = *self.first_by_text.get(&fingerprint.text)?;
        (first < own).then(|| self.ids[first as usize].as_str())
    }

    /// The earlier document that holds at least `share` of this one's sentences (at least
    /// three of them), if there is one.
    pub fn copied_from(&self, id: &str, fingerprint: &Fingerprint, share: f64) -> Option<CopiedFrom<'_>> {
        let own = self.position(id)?;
        let total = fingerprint.sentences.len();
        if total < 3 {
            return None;
        }
        let mut counts: FastMap<u32, usize> = FastMap::default();
        for sentence in &fingerprint.sentences {
            if let Some(&first) = self.first_by_sentence.get(sentence).filter(|&&first| first < own) {
                *counts.entry(first).or_default() += 1;
            }
        }
        // The original that gave most sentences; the earliest among equals.
        let (original, shared) = counts.into_iter().max_by_key(|&(doc, count)| (count, std::cmp::Reverse(doc)))?;
        (shared as f64 >= share * total as f64).then(|| CopiedFrom {
            original: self.ids[original as usize].as_str(),
            shared,
            sentences: total,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(text: &str) -> Fingerprint {
        fingerprint(&Document::segmented("t", text.to_string()))
    }

    const ORIGINAL: &str = "Le conseil municipal a voté mardi un plan de rénovation des écoles. Les travaux commenceront en juin et dureront deux ans. Le maire a salué un investissement historique pour la ville.";

    #[test]
    fn a_later_copy_points_to_the_earlier_original() {
        let mut index = CopyIndex::default();
        index.add("a", &print(ORIGINAL));
        let copy = print(&ORIGINAL.replace(". ", ".\n").to_uppercase());
        index.add("b", &copy);
        assert_eq!(index.exact_copy_of("b", &copy), Some("a"), "case and line breaks do not count");
        assert_eq!(index.exact_copy_of("a", &print(ORIGINAL)), None, "the original is not a copy");
    }

    #[test]
    fn a_document_made_mostly_of_another_s_sentences_is_a_copy() {
        let mut index = CopyIndex::default();
        index.add("a", &print(ORIGINAL));
        let extended = print(&format!("{ORIGINAL} Une réunion publique aura lieu le mois prochain en mairie."));
        index.add("c", &extended);
        let found = index.copied_from("c", &extended, 0.7).expect("three of four sentences");
        assert_eq!((found.original, found.shared, found.sentences), ("a", 3, 4));
        assert!(index.copied_from("c", &extended, 0.8).is_none());
    }
}
