//! What the French grammar rules share above the view: the share of known words in a span and
//! the lexicon figures a report gives for a French document.

use crate::lexicon::set::Lexicons;
use crate::view::View;
use crate::view::french::{is_french, stripped_accents, token};
use serde::Serialize;

/// The share of the lowercase words in `words` (indices into `Document::words`) that the
/// French lexicon knows, for French documents with at least `min_words` such words.
pub fn known_share(doc: &View, res: &Lexicons, words: std::ops::Range<usize>, min_words: usize) -> Option<f64> {
    let lex = doc.french_words(res);
    if lex.is_empty() {
        return None;
    }
    let (mut checked, mut known) = (0usize, 0usize);
    for word in lex.get(words).unwrap_or_default() {
        if word.lowercase_alphabetic() {
            checked += 1;
            known += usize::from(word.known || word.in_known_compound);
        }
    }
    (checked >= min_words).then(|| known as f64 / checked as f64)
}

/// Per-document lexicon figures, reported with French documents.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LexiconFeatures {
    /// Lowercase words checked (not sentence-initial, no digits, outside comments).
    pub words: usize,
    /// Of those, how many the lexicon does not know.
    pub unknown: usize,
    pub unknown_rate: f64,
    /// Words whose only fault is missing accents (see MT605).
    pub accents_lost: usize,
    pub accents_lost_rate: f64,
}

/// The lexicon figures of a French document (None for other languages).
pub fn features(doc: &View, res: &Lexicons) -> Option<LexiconFeatures> {
    if !is_french(doc) {
        return None;
    }
    let (mut words, mut unknown, mut accents_lost) = (0usize, 0usize, 0usize);
    let lex = doc.french_words(res);
    // Word by word, without laying out the sentences' tokens: only unknown words need one.
    for &s in doc.french_sentences(res) {
        let sentence = &doc.sentences[s];
        for index in sentence.words.clone().skip(1) {
            let word = lex.get(index).copied().unwrap_or_default();
            if word.capitalised || !word.alphabetic || doc.words[index].span.len() < 2 {
                continue;
            }
            words += 1;
            if !word.known && !word.in_known_compound {
                unknown += 1;
                if stripped_accents(&token(doc, lex, sentence, index), res.french, |_| true).is_some() {
                    accents_lost += 1;
                }
            }
        }
    }
    let rate = |n: usize| if words == 0 { 0.0 } else { (n as f64 / words as f64 * 10_000.0).round() / 10_000.0 };
    Some(LexiconFeatures {
        words,
        unknown,
        unknown_rate: rate(unknown),
        accents_lost,
        accents_lost_rate: rate(accents_lost),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::doc;

    #[test]
    fn the_known_share_counts_lowercase_words_of_french_documents_only() {
        let text =
            "Le gouvernement a publié un communiqué dans la soirée. Les discussions reprendront la semaine prochaine.";
        let d = doc(text);
        assert_eq!(known_share(&d, Lexicons::embedded(), 0..d.words.len(), 5), Some(1.0));
        assert_eq!(known_share(&d, Lexicons::embedded(), 0..3, 5), None, "too few words");
        let english =
            doc("The government published a statement in the evening and the talks will resume next week in Paris.");
        assert_eq!(known_share(&english, Lexicons::embedded(), 0..english.words.len(), 5), None, "not French");
    }
}
