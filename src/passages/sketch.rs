//! Passages of a document and their MinHash sketches.
//!
//! A passage is a sentence of at least `min_words` words, or a paragraph of two sentences or
//! more. For comparison it is reduced to the hashes of its words, folded: lowercase, without
//! accents; punctuation, quotation marks and apostrophes fall away with the word model, and
//! numbers stay. Word 3-shingles of those hashes feed a MinHash signature of `bands × rows`
//! values, and each band is hashed into one key: two passages that share a band key are
//! candidates (locality-sensitive hashing), so no pair is ever compared blindly.

use crate::document::Document;
use crate::finding::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Words between quotation marks inside a sentence or paragraph: a quoted statement travels
    /// from source to source inside differently worded sentences.
    Quote,
    Sentence,
    Paragraph,
}

/// Shape of the sketch and of what counts as a passage.
#[derive(Debug, Clone, Copy)]
pub struct SketchParams {
    pub min_words: usize,
    pub bands: usize,
    pub rows: usize,
}

impl Default for SketchParams {
    fn default() -> Self {
        // 32 bands of 2 rows: a pair whose word 3-shingles overlap by Jaccard 0.3 (a quotation
        // reworded around a shared run of words) becomes a candidate with probability 0.95, at
        // 0.15 with 0.52, at 0.05 with 0.08. Verification removes the rest.
        SketchParams { min_words: 5, bands: 32, rows: 2 }
    }
}

/// One passage: where it is, and its band keys.
#[derive(Debug, Clone)]
pub struct Sketch {
    pub kind: Kind,
    pub span: Span,
    /// 0-based line of its start.
    pub line: u32,
    pub words: u32,
    pub bands: Vec<u32>,
}

/// The passages of a document, in text order.
pub fn passages(doc: &Document, min_words: usize) -> Vec<(Kind, Span, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    for paragraph in &doc.paragraphs {
        for sentence in &doc.sentences[paragraph.sentences.clone()] {
            if sentence.words.len() >= min_words {
                out.push((Kind::Sentence, sentence.span, sentence.words.clone()));
            }
        }
        if paragraph.sentences.len() >= 2 && paragraph.words.len() >= min_words {
            out.push((Kind::Paragraph, paragraph.span, paragraph.words.clone()));
        }
        for (span, words) in quotes(doc, paragraph.span, paragraph.words.clone()) {
            // A quotation that is nearly its whole sentence adds nothing to the sentence.
            let sentence_words = doc.sentence_at(span.start).map_or(0, |s| doc.sentences[s].words.len());
            if words.len() >= min_words && words.len() * 10 < sentence_words * 9 {
                out.push((Kind::Quote, span, words));
            }
        }
    }
    out.sort_by_key(|(kind, span, _)| (span.start, *kind, span.end));
    out.dedup_by_key(|(kind, span, _)| (*kind, *span));
    out
}

/// The quotations of a paragraph: text between `«` and `»`, `“` and `”`, or a pair of
/// straight double quotes, with the words inside.
fn quotes(doc: &Document, paragraph: Span, words: std::ops::Range<usize>) -> Vec<(Span, std::ops::Range<usize>)> {
    let text = &doc.text[paragraph.start..paragraph.end];
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        let at = paragraph.start + i;
        match (open, c) {
            (None, '«' | '“') => open = Some((at + c.len_utf8(), c)),
            (None, '"') => open = Some((at + 1, '"')),
            (Some((start, opener)), '»' | '”' | '"') if matches!((opener, c), ('«', '»') | ('“', '”') | ('"', '"')) =>
            {
                let first = words.start + doc.words[words.clone()].partition_point(|w| w.span.start < start);
                let last = words.start + doc.words[words.clone()].partition_point(|w| w.span.end <= at);
                if first < last {
                    let span = Span::new(doc.words[first].span.start, doc.words[last - 1].span.end);
                    out.push((span, first..last));
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// The folded hash of each word of `words` (indices into `doc.words`), appended to `out`.
pub fn word_hashes(doc: &Document, words: std::ops::Range<usize>, out: &mut Vec<u64>) {
    for word in &doc.words[words] {
        out.push(fold_hash(doc.slice_lower(word.span)));
    }
}

/// A hash of a lowercase word with its Latin diacritics removed (`Fédération` and `federation`
/// hash alike), without allocating.
pub fn fold_hash(lower: &str) -> u64 {
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
    for c in lower.chars() {
        let folded = fold_char(c);
        if folded == '\0' {
            continue;
        }
        h = mix(h ^ folded as u64);
    }
    h
}

/// The base letter of a Latin letter with a diacritic; `\0` for a combining mark.
fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' | 'ţ' => 't',
        '\u{300}'..='\u{36f}' => '\0',
        other => other,
    }
}

/// A 64-bit finaliser (splitmix64): cheap, and good enough to spread shingle hashes.
pub fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// The MinHash band keys of a sequence of word hashes.
pub fn band_keys(hashes: &[u64], params: &SketchParams, out: &mut Vec<u32>) {
    let size = params.bands * params.rows;
    let mut signature = vec![u64::MAX; size];
    let mut shingle = |value: u64| {
        for (j, slot) in signature.iter_mut().enumerate() {
            // The j-th hash function: the shingle mixed with a fixed per-function seed.
            let h = mix(value ^ SEEDS[j % SEEDS.len()].wrapping_mul(j as u64 + 1));
            if h < *slot {
                *slot = h;
            }
        }
    };
    if hashes.len() < 3 {
        shingle(hashes.iter().fold(0u64, |acc, &h| mix(acc ^ h)));
    } else {
        for window in hashes.windows(3) {
            shingle(mix(mix(window[0] ^ window[1].rotate_left(21)) ^ window[2].rotate_left(42)));
        }
    }
    for band in signature.chunks(params.rows) {
        let key = band.iter().fold(0u64, |acc, &v| mix(acc ^ v));
        out.push((key >> 32) as u32 ^ key as u32);
    }
}

/// Fixed seeds: the same sketch on every machine and run.
const SEEDS: [u64; 8] = [
    0x243F_6A88_85A3_08D3,
    0x1319_8A2E_0370_7344,
    0xA409_3822_299F_31D0,
    0x082E_FA98_EC4E_6C89,
    0x4528_21E6_38D0_1377,
    0xBE54_66CF_34E9_0C6C,
    0xC0AC_29B7_C97C_50DD,
    0x3F84_D5B5_B547_0917,
];

/// The sketches of every passage of a document.
pub fn sketch_document(doc: &Document, params: &SketchParams) -> Vec<Sketch> {
    let mut hashes = Vec::new();
    passages(doc, params.min_words)
        .into_iter()
        .map(|(kind, span, words)| {
            hashes.clear();
            let count = words.len() as u32;
            word_hashes(doc, words, &mut hashes);
            let mut bands = Vec::with_capacity(params.bands);
            band_keys(&hashes, params, &mut bands);
            Sketch { kind, span, line: doc.line_index(span.start) as u32, words: count, bands }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<Vec<u32>> {
        let doc = Document::segmented("t", text.to_string());
        sketch_document(&doc, &SketchParams::default()).into_iter().map(|s| s.bands).collect()
    }

    #[test]
    fn typography_case_and_accents_do_not_change_the_sketch() {
        let a = keys("Le Kremlin a déclaré que « la guerre » continuera jusqu’à la victoire.");
        let b = keys("le kremlin a declare que \"la guerre\" continuera jusqu'a la victoire !");
        assert_eq!(a, b);
    }

    #[test]
    fn a_changed_number_changes_some_bands_not_all() {
        let a = keys("Les forces russes ont tiré 22 missiles sur la ville de Kharkiv dans la nuit de lundi.");
        let b = keys("Les forces russes ont tiré 25 missiles sur la ville de Kharkiv dans la nuit de lundi.");
        let shared = a[0].iter().zip(&b[0]).filter(|(x, y)| x == y).count();
        assert!(shared > 0 && shared < a[0].len(), "{shared}");
    }

    #[test]
    fn short_sentences_are_not_passages_and_paragraphs_need_two_sentences() {
        let doc = Document::segmented(
            "t",
            "Trop court ici.\n\nUne phrase assez longue pour compter. Et une autre phrase pour le paragraphe.".into(),
        );
        let kinds: Vec<Kind> = passages(&doc, 5).into_iter().map(|p| p.0).collect();
        assert_eq!(kinds, [Kind::Sentence, Kind::Paragraph, Kind::Sentence]);
        let doc = Document::segmented(
            "t",
            "Le porte-parole a déclaré : « L’opération se poursuit car c’est le seul moyen » devant la presse.".into(),
        );
        let found: Vec<(Kind, &str)> =
            passages(&doc, 5).into_iter().map(|(kind, span, _)| (kind, doc.slice(span))).collect();
        assert!(found.contains(&(Kind::Quote, "L’opération se poursuit car c’est le seul moyen")), "{found:?}");
    }
}
