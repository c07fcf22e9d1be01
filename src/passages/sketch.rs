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
use crate::text::{fold_hash, mix};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Words between quotation marks inside a sentence or paragraph: a quoted statement travels
    /// from source to source inside differently worded sentences.
    Quote,
    Sentence,
    Paragraph,
}

/// Shape of the sketch and of what counts as a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

/// One passage of a document as the first pass records it. Written as a row
/// `[kind, start, end, line, rendering, form]`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(into = "PassageRow", from = "PassageRow")]
pub struct PassageSketch {
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
    /// 0-based line of its start.
    pub line: u32,
    /// The passage's exact text (with its kind): two equal keys are one rendering.
    pub rendering: u64,
    /// The passage's folded words (with its kind): two equal keys are one passage for
    /// comparison, however their punctuation, case and accents differ.
    pub form: u64,
}

type PassageRow = (Kind, u32, u32, u32, u64, u64);

impl From<PassageSketch> for PassageRow {
    fn from(p: PassageSketch) -> Self {
        (p.kind, p.start, p.end, p.line, p.rendering, p.form)
    }
}

impl From<PassageRow> for PassageSketch {
    fn from((kind, start, end, line, rendering, form): PassageRow) -> Self {
        PassageSketch { kind, start, end, line, rendering, form }
    }
}

/// What the first pass keeps of a document. Written to a corpus sketch, it keeps its passages
/// and texts only: the records of its new forms follow from the texts
/// ([`DocumentSketch::restore_forms`]), and would be several times their size.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocumentSketch {
    pub passages: Vec<PassageSketch>,
    /// The forms first seen here, and their band keys (`bands` per form, in order).
    #[serde(skip)]
    pub new_forms: Vec<u64>,
    #[serde(skip)]
    pub new_bands: Vec<u32>,
    /// The anchors of each new form (how many, then all of them in order).
    #[serde(skip)]
    pub anchor_counts: Vec<u32>,
    #[serde(skip)]
    pub new_anchors: Vec<u32>,
    /// When asked to hold texts: the renderings first seen here with their text, and the new
    /// forms with their word hashes.
    pub new_texts: Vec<(u64, String)>,
    #[serde(skip)]
    pub new_hashes: Vec<(u64, Vec<u64>)>,
    /// A hash of all the document's folded words (0 without words).
    pub whole: u64,
}

impl DocumentSketch {
    /// Rebuilds the records of the forms first seen here (band keys, anchors, word hashes) from
    /// the texts, for a sketch read from a file; `known` holds the forms already rebuilt.
    pub fn restore_forms(&mut self, params: &SketchParams, known: &mut crate::text::FastSet<u64>) {
        let by_rendering: crate::text::FastMap<u64, (u64, Kind)> =
            self.passages.iter().map(|p| (p.rendering, (p.form, p.kind))).collect();
        (self.new_forms, self.new_bands, self.anchor_counts, self.new_anchors, self.new_hashes) = Default::default();
        for (rendering, text) in &self.new_texts {
            let Some(&(form, kind)) = by_rendering.get(rendering) else { continue };
            if !known.insert(form) {
                continue;
            }
            let words = word_hashes(&Document::segmented("", text.clone()));
            self.new_forms.push(form);
            band_keys(&words, params, &mut self.new_bands);
            let before = self.new_anchors.len();
            if kind != Kind::Paragraph {
                anchors(&words, &mut self.new_anchors);
            }
            self.anchor_counts.push((self.new_anchors.len() - before) as u32);
            self.new_hashes.push((form, words));
        }
    }

    /// Keeps the forms, band keys, anchors, word hashes and texts of the forms and renderings
    /// not in `forms` and `renderings` (which are then added): sketched with every key claimed,
    /// documents taken in input order through this filter give the same record whatever the
    /// number of threads.
    pub fn keep_first_sightings(
        &mut self,
        forms: &mut crate::text::FastSet<u64>,
        renderings: &mut crate::text::FastSet<u64>,
        bands: usize,
    ) {
        let with_hashes = self.new_hashes.len() == self.new_forms.len();
        let mut kept = Vec::with_capacity(self.new_forms.len());
        let (mut new_forms, mut new_bands, mut anchor_counts, mut new_anchors) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut anchors_at = 0;
        for (i, &form) in self.new_forms.iter().enumerate() {
            let count = self.anchor_counts[i] as usize;
            let own = &self.new_anchors[anchors_at..anchors_at + count];
            anchors_at += count;
            let first = forms.insert(form);
            kept.push(first);
            if first {
                new_forms.push(form);
                new_bands.extend_from_slice(&self.new_bands[i * bands..(i + 1) * bands]);
                anchor_counts.push(count as u32);
                new_anchors.extend_from_slice(own);
            }
        }
        (self.new_forms, self.new_bands, self.anchor_counts, self.new_anchors) =
            (new_forms, new_bands, anchor_counts, new_anchors);
        if with_hashes {
            let mut keep = kept.into_iter();
            self.new_hashes.retain(|_| keep.next().unwrap_or(false));
        }
        self.new_texts.retain(|(rendering, _)| renderings.insert(*rendering));
    }
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

/// The folded hash of every word of a document, in order.
pub fn word_hashes(doc: &Document) -> Vec<u64> {
    doc.words.iter().map(|word| fold_hash(doc.slice_lower(word.span))).collect()
}

/// The key of a sequence of folded word hashes: paragraphs apart from other passages.
pub fn form_key(kind: Kind, hashes: &[u64]) -> u64 {
    hashes.iter().fold(if kind == Kind::Paragraph { 0x5041_5241 } else { 0x5345_4e54 }, |acc, &h| mix(acc ^ h))
}

/// The key of a passage's exact text, eight bytes at a time.
pub fn rendering_key(kind: Kind, text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut h = mix(bytes.len() as u64 ^ if kind == Kind::Paragraph { 0x5041_5241 } else { 0x5345_4e54 });
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        h = mix(h ^ u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    mix(h ^ u64::from_le_bytes(last))
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

/// Words per anchor shingle, and shingles per winnowing window: any run of
/// `ANCHOR_WORDS + ANCHOR_WINDOW - 1` words that two passages share gives both one same anchor.
pub const ANCHOR_WORDS: usize = 4;
pub const ANCHOR_WINDOW: usize = 3;

/// The anchors of a passage: the minimum of every window of `ANCHOR_WINDOW` consecutive word
/// 4-shingle hashes (winnowing), distinct. MinHash finds passages that are alike as wholes; a
/// short quotation inside a long sentence is not, but it shares a run of words with its
/// source, and so an anchor.
pub fn anchors(hashes: &[u64], out: &mut Vec<u32>) {
    if hashes.len() < ANCHOR_WORDS + ANCHOR_WINDOW - 1 {
        return;
    }
    let shingles: Vec<u32> = hashes
        .windows(ANCHOR_WORDS)
        .map(|w| {
            let h = w.iter().fold(0x414e_4348u64, |acc, &x| mix(acc ^ x));
            (h >> 32) as u32 ^ h as u32
        })
        .collect();
    let start = out.len();
    for window in shingles.windows(ANCHOR_WINDOW) {
        let least = window.iter().copied().min().unwrap_or(0);
        if out[start..].last() != Some(&least) {
            out.push(least);
        }
    }
    out[start..].sort_unstable();
    let mut kept = start;
    for i in start..out.len() {
        if i == start || out[i] != out[kept - 1] {
            out[kept] = out[i];
            kept += 1;
        }
    }
    out.truncate(kept);
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

/// The passages of a document, with the band keys of the forms for which `first_form` says
/// yes (the forms no other document has claimed): a passage repeated a thousand times is
/// sketched once. When `hold`, also the text of each rendering `first_rendering` says yes to,
/// and the word hashes of each new form.
pub fn sketch_document(
    doc: &Document,
    params: &SketchParams,
    first_form: impl Fn(u64) -> bool,
    hold: Option<&dyn Fn(u64) -> bool>,
) -> DocumentSketch {
    let hashes = word_hashes(doc);
    let mut sketch =
        DocumentSketch { whole: hashes.iter().fold(0u64, |acc, &h| mix(acc ^ h)), ..DocumentSketch::default() };
    for (kind, span, words) in passages(doc, params.min_words) {
        let words = &hashes[words];
        let form = form_key(kind, words);
        let rendering = rendering_key(kind, doc.slice(span));
        sketch.passages.push(PassageSketch {
            kind,
            start: span.start as u32,
            end: span.end as u32,
            line: doc.line_index(span.start) as u32,
            rendering,
            form,
        });
        let new_form = first_form(form);
        if new_form {
            sketch.new_forms.push(form);
            band_keys(words, params, &mut sketch.new_bands);
            let before = sketch.new_anchors.len();
            if kind != Kind::Paragraph {
                anchors(words, &mut sketch.new_anchors);
            }
            sketch.anchor_counts.push((sketch.new_anchors.len() - before) as u32);
        }
        if let Some(first_rendering) = hold {
            if new_form {
                sketch.new_hashes.push((form, words.to_vec()));
            }
            if first_rendering(rendering) {
                sketch.new_texts.push((rendering, doc.slice(span).to_string()));
            }
        }
    }
    if hashes.is_empty() {
        sketch.whole = 0;
    }
    sketch
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<Vec<u32>> {
        let doc = Document::segmented("t", text.to_string());
        let sketch = sketch_document(&doc, &SketchParams::default(), |_| true, None);
        sketch.new_bands.chunks(SketchParams::default().bands).map(<[u32]>::to_vec).collect()
    }

    #[test]
    fn typography_case_and_accents_do_not_change_the_sketch() {
        let a = keys("Le Kremlin a déclaré que « la guerre » continuera jusqu’à la victoire.");
        let b = keys("le kremlin a declare que \"la guerre\" continuera jusqu'a la victoire !");
        assert_eq!(a, b);
    }

    #[test]
    fn a_shared_run_of_six_words_shares_an_anchor() {
        assert_eq!(ANCHOR_WORDS + ANCHOR_WINDOW - 1, crate::passages::diff::MIN_SHARED_RUN);
        let anchors_of = |words: &[u64]| {
            let mut out = Vec::new();
            anchors(words, &mut out);
            out
        };
        let quote: Vec<u64> = (100..106).collect();
        for offset in 0..5 {
            let long: Vec<u64> = (0..offset).chain(100..106).chain(200..210).collect();
            let (a, b) = (anchors_of(&quote), anchors_of(&long));
            assert!(a.iter().any(|x| b.contains(x)), "offset {offset}");
        }
        assert!(anchors_of(&[1, 2, 3, 4, 5]).is_empty(), "too short to hold a run of six");
        let other: Vec<u64> = (300..320).collect();
        assert!(!anchors_of(&other).iter().any(|x| anchors_of(&quote).contains(x)));
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
