//! The style profile of a document: the statistics in which translated text differs from text
//! written in the language (function-word rates shifted towards the source language, flatter
//! sentence lengths, less lexical variety, another punctuation habit), computed once from the
//! view's words and sentences. The models that read it are in `style_models`.
//!
//! Left out because they reflect where a corpus comes from rather than how its text was made:
//! the style of quotation marks and apostrophes (every double quotation mark counts alike; the
//! apostrophe is not counted), document length, and line layout.

use crate::lang::function_word_list;
use crate::lexicon::words::{Tags, tag};
use crate::text::word_key;
use crate::view::annotated::Annotated;
use crate::view::french::WordLex;
use std::sync::LazyLock;

/// The statistics every language gets, with what a reader calls them.
const GENERAL: &[(&str, &str)] = &[
    ("sentence-words-mean", "mean sentence length"),
    ("sentence-words-spread", "spread of sentence lengths"),
    ("sentence-long-share", "share of sentences over 35 words"),
    ("sentence-short-share", "share of sentences under 8 words"),
    ("word-chars-mean", "mean word length"),
    ("word-long-share", "share of words of 10 letters or more"),
    ("mtld", "lexical variety (MTLD)"),
    ("comma", "commas"),
    ("semicolon", "semicolons"),
    ("colon", "colons"),
    ("parenthesis", "parentheses"),
    ("question", "question marks"),
    ("exclamation", "exclamation marks"),
    ("dash", "dashes"),
    ("quote", "quotation marks"),
    ("capitalised-inside", "capitalised words inside sentences"),
    ("all-caps", "words in capitals"),
    ("numbers", "numbers"),
    ("function-words", "function words"),
    ("unknown-words", "words the lexicon lacks"),
];

/// Parts of speech, from the lexicon's tags (zero where the lexicon has none).
const POS: &[(u64, &str, &str)] = &[
    (tag::NOUN, "noun", "nouns"),
    (tag::ADJ, "adj", "adjectives"),
    (tag::VERB, "verb", "verbs"),
    (tag::ADV, "adv", "adverbs"),
    (tag::PREP, "prep", "prepositions"),
    (tag::DET, "det", "determiners"),
    (tag::PRON, "pron", "pronouns"),
    (tag::CONJ, "conj", "conjunctions"),
];

/// Sentences longer than this count as long, shorter than `SHORT_SENTENCE` as short.
const LONG_SENTENCE: usize = 35;
const SHORT_SENTENCE: usize = 8;
const LONG_WORD: usize = 10;
/// MTLD's type-token ratio at which a factor ends (McCarthy and Jarvis, 2010).
const MTLD_THRESHOLD: f64 = 0.72;
const MTLD_THRESHOLD_PERCENT: usize = 72;

/// The features of one language: the general ones, the parts of speech and their pairs, and
/// the rate of each of its function words.
pub struct FeatureSet {
    pub lang: &'static str,
    pub names: Vec<String>,
}

const FIRST_POS: usize = GENERAL.len();
const FIRST_POS_PAIR: usize = FIRST_POS + POS.len();
const FIRST_FUNCTION_WORD: usize = FIRST_POS_PAIR + POS.len() * POS.len();

static FEATURE_SETS: LazyLock<Vec<FeatureSet>> = LazyLock::new(|| {
    crate::lang::function_word_languages()
        .filter_map(|code| {
            let words = function_word_list(code)?;
            let mut names: Vec<String> = GENERAL.iter().map(|(n, _)| n.to_string()).collect();
            names.extend(POS.iter().map(|(_, n, _)| format!("pos-{n}")));
            for (_, a, _) in POS {
                names.extend(POS.iter().map(|(_, b, _)| format!("pos-{a}-{b}")));
            }
            debug_assert_eq!(names.len(), FIRST_FUNCTION_WORD);
            names.extend(words.iter().map(|w| format!("fw-{w}")));
            Some(FeatureSet { lang: code, names })
        })
        .collect()
});

impl FeatureSet {
    /// The features of a language (ISO 639-3), if it has a function-word list.
    pub fn of(lang: &str) -> Option<&'static FeatureSet> {
        FEATURE_SETS.iter().find(|set| set.lang == lang)
    }

    /// What a reader calls feature `name` (`fw-de` → “`de`”).
    pub fn describe(name: &str) -> String {
        if let Some(word) = name.strip_prefix("fw-") {
            return format!("`{word}`");
        }
        if let Some((_, what)) = GENERAL.iter().find(|(n, _)| *n == name) {
            return what.to_string();
        }
        if let Some(rest) = name.strip_prefix("pos-") {
            let label = |short: &str| POS.iter().find(|(_, n, _)| *n == short).map(|(_, _, l)| *l);
            if let Some(what) = label(rest) {
                return what.to_string();
            }
            if let Some((a, b)) = rest.split_once('-')
                && let (Some(a), Some(b)) = (label(a), label(b))
            {
                return format!("{} followed by {}", a.trim_end_matches('s'), b.trim_end_matches('s'));
            }
        }
        name.to_string()
    }
}

/// A document's values of its language's features, in `FeatureSet::names` order.
#[derive(Debug, Clone, PartialEq)]
pub struct StyleProfile {
    pub lang: &'static str,
    /// Words counted (outside the reader comments).
    pub words: usize,
    pub values: Vec<f64>,
}

/// Counts gathered in one walk over the words.
#[derive(Default)]
struct Tally {
    words: usize,
    letters: usize,
    long_words: usize,
    capitalised_inside: usize,
    all_caps: usize,
    numbers: usize,
    function_words: usize,
    judged: usize,
    unknown: usize,
    sentence_lengths: Vec<usize>,
}

/// The profile of a document in a language with a function-word list; `None` otherwise, and
/// for a document without words. `words` has each word's shape, type key and function-word
/// place (`french::look_up_words` or `french::shape_words`); `judge_unknown` says whether
/// their readings come from the lexicon of the document's language (the share of unknown
/// words), `tagged` whether that lexicon has tags (the parts of speech).
pub fn profile(doc: &Annotated, words: &[WordLex], judge_unknown: bool, tagged: bool) -> Option<StyleProfile> {
    let set = FeatureSet::of(doc.lang.code).filter(|_| doc.lang.reliable && words.len() == doc.words.len())?;
    // Integer counts during the walk (an integer increment, not a floating-point add chained
    // through memory), turned into rates at the end.
    let mut counts = vec![0u32; set.names.len()];
    let mut tally = Tally::default();
    // Each word without digits, as its type key, for MTLD.
    let mut scratch = SCRATCH.with_borrow_mut(std::mem::take);
    let mut tokens = std::mem::take(&mut scratch.word_keys);
    let mut punctuation = [0usize; 8];
    let bytes = doc.text.as_bytes();
    for sentence in doc.sentences.iter().filter(|s| !s.words.is_empty() && !doc.in_comments(s.span)) {
        tally.sentence_lengths.push(sentence.words.len());
        // Punctuation lies between words: only the gaps are read. A gap between two digits is
        // a number's separator (`1,5`, `10:30`, `2,300`), not punctuation.
        let mut gap_start = sentence.span.start;
        let mut previous_class: Option<usize> = None;
        for ((i, word), reading) in
            sentence.words.clone().zip(&doc.words[sentence.words.clone()]).zip(&words[sentence.words.clone()])
        {
            // Most gaps are one space: nothing to count, nothing to test.
            let plain_space = word.span.start == gap_start + 1 && bytes[gap_start] == b' ';
            if !plain_space {
                let in_number = gap_start > sentence.span.start
                    && bytes[gap_start - 1].is_ascii_digit()
                    && bytes[word.span.start].is_ascii_digit();
                if !in_number {
                    count_punctuation(bytes, gap_start..word.span.start, &mut punctuation);
                }
            }
            gap_start = word.span.end;
            let chars = reading.chars as usize;
            tally.words += 1;
            if reading.digit {
                tally.numbers += 1;
            } else {
                tally.letters += chars;
                tally.long_words += usize::from(chars >= LONG_WORD);
                tokens.push(reading.key);
            }
            if chars >= 2 && reading.capitalised && !reading.has_lowercase {
                tally.all_caps += 1;
            } else if reading.capitalised && i != sentence.words.start {
                tally.capitalised_inside += 1;
            }
            if let Some(place) = reading.function_word {
                tally.function_words += 1;
                counts[FIRST_FUNCTION_WORD + usize::from(place)] += 1;
            }
            if judge_unknown && reading.lowercase_alphabetic() && !reading.in_known_compound {
                tally.judged += 1;
                tally.unknown += usize::from(!reading.known);
            }
            let class = if tagged && reading.known { pos_class(reading.tags, &mut counts) } else { None };
            if let (Some(a), Some(b)) = (previous_class, class) {
                counts[FIRST_POS_PAIR + a * POS.len() + b] += 1;
            }
            previous_class = class;
        }
        count_punctuation(bytes, gap_start..sentence.span.end, &mut punctuation);
    }
    if tally.words == 0 {
        scratch.give_back(tokens);
        return None;
    }
    let words = tally.words as f64;
    let per_thousand = 1000.0 / words;
    let lengths = &tally.sentence_lengths;
    let mean = lengths.iter().sum::<usize>() as f64 / lengths.len().max(1) as f64;
    let variance = lengths.iter().map(|&l| (l as f64 - mean).powi(2)).sum::<f64>() / lengths.len().max(1) as f64;
    let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
    let general = [
        mean,
        if mean > 0.0 { variance.sqrt() / mean } else { 0.0 },
        share(lengths.iter().filter(|&&l| l > LONG_SENTENCE).count(), lengths.len()),
        share(lengths.iter().filter(|&&l| l < SHORT_SENTENCE).count(), lengths.len()),
        share(tally.letters, tokens.len()),
        share(tally.long_words, tokens.len()),
        mtld_of_keys(&tokens, &mut scratch),
    ];
    scratch.give_back(tokens);
    let mut values = vec![0.0; set.names.len()];
    values[..general.len()].copy_from_slice(&general);
    for (k, &n) in punctuation.iter().enumerate() {
        values[general.len() + k] = n as f64 * per_thousand;
    }
    let rest = general.len() + punctuation.len();
    values[rest] = share(tally.capitalised_inside, tally.words);
    values[rest + 1] = share(tally.all_caps, tally.words);
    values[rest + 2] = share(tally.numbers, tally.words);
    values[rest + 3] = share(tally.function_words, tally.words);
    values[rest + 4] = share(tally.unknown, tally.judged);
    debug_assert_eq!(rest + 5, GENERAL.len());
    for (v, &n) in values[FIRST_POS..].iter_mut().zip(&counts[FIRST_POS..]) {
        *v = f64::from(n) * per_thousand;
    }
    Some(StyleProfile { lang: set.lang, words: tally.words, values })
}

/// Counts the word's parts of speech; gives its class when the lexicon gives it only one.
fn pos_class(tags: Tags, counts: &mut [u32]) -> Option<usize> {
    // The tags of `POS`, in its order, are bits 0 and 2..=8 (checked at compile time below): one shift
    // gives the set of classes, and only its set bits are visited (most words have one).
    let classes = ((tags.0 & 1) | ((tags.0 >> 1) & 0xFE)) as u32;
    let mut rest = classes;
    while rest != 0 {
        counts[FIRST_POS + rest.trailing_zeros() as usize] += 1;
        rest &= rest - 1;
    }
    (classes.count_ones() == 1).then_some(classes.trailing_zeros() as usize)
}

// `pos_class` reads the tags of `POS` as bit 0 and bits 2..=8, in `POS` order.
const _: () = {
    assert!(POS.len() == 8, "the classes of `POS` fit the eight bits `pos_class` reads");
    let mut k = 0;
    while k < POS.len() {
        let bit = if k == 0 { 0 } else { k + 1 };
        assert!(POS[k].0 == 1 << bit, "POS tags must be bit 0 and bits 2..=8, in order");
        k += 1;
    }
};

/// Commas, semicolons, colons, opening parentheses, question marks, exclamation marks, dashes
/// (a hyphen after a space counts as one) and double quotation marks of every style, in a
/// gap between words.
fn count_punctuation(bytes: &[u8], gap: std::ops::Range<usize>, counts: &mut [usize; 8]) {
    // Bytes, not characters: the signs are ASCII or two- and three-byte sequences that no
    // other character's encoding contains.
    for i in gap {
        let k = match bytes[i] {
            b',' => 0,
            b';' => 1,
            b':' => 2,
            b'(' => 3,
            b'?' => 4,
            b'!' => 5,
            b'-' if i > 0 && bytes[i - 1].is_ascii_whitespace() => 6,
            b'"' => 7,
            // ¿ ¡ « »
            0xC2 => match bytes.get(i + 1) {
                Some(0xBF) => 4,
                Some(0xA1) => 5,
                Some(0xAB | 0xBB) => 7,
                _ => continue,
            },
            // – — “ ” „
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x93 | 0x94) => 6,
                Some(0x9C..=0x9E) => 7,
                _ => continue,
            },
            _ => continue,
        };
        counts[k] += 1;
    }
}

/// The measure of textual lexical diversity: the mean length of the runs of words whose
/// type-token ratio stays above 0.72, read forwards and backwards; unlike the plain ratio it
/// does not fall as a text grows.
pub fn mtld(tokens: &[&str]) -> f64 {
    let keys: Vec<u64> = tokens.iter().map(|t| word_key(t.as_bytes())).collect();
    mtld_of_keys(&keys, &mut Scratch::default())
}

/// MTLD of words given by their keys.
fn mtld_of_keys(tokens: &[u64], scratch: &mut Scratch) -> f64 {
    if tokens.is_empty() {
        return 0.0;
    }
    // Each word type numbered once, so that the two readings compare small integers, in an
    // open-addressing table sized for the document: one multiply and a probe or two a word.
    // The table's slots are kept from document to document and marked with the document's
    // stamp when taken, so that a new document starts without clearing them.
    let slots = (tokens.len() * 2).next_power_of_two().max(16);
    let shift = 64 - slots.trailing_zeros();
    let Scratch { table, stamp, numbered, seen_in, .. } = scratch;
    *stamp = stamp.wrapping_add(1);
    if *stamp == 0 {
        table.fill(TypeSlot::default());
        *stamp = 1;
    }
    if table.len() < slots {
        table.resize(slots, TypeSlot::default());
    }
    let (table, stamp) = (&mut table[..slots], *stamp);
    numbered.clear();
    let mut types = 0u32;
    for &key in tokens {
        let mut slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize;
        let id = loop {
            let entry = &mut table[slot];
            if entry.stamp != stamp {
                *entry = TypeSlot { key, id: types, stamp };
                types += 1;
                break entry.id;
            }
            if entry.key == key {
                break entry.id;
            }
            slot = (slot + 1) & (slots - 1);
        };
        numbered.push(id);
    }
    seen_in.clear();
    seen_in.resize(types as usize, u32::MAX);
    let forwards = mtld_one_way(numbered.iter().copied(), seen_in);
    seen_in.fill(u32::MAX);
    let backwards = mtld_one_way(numbered.iter().rev().copied(), seen_in);
    (forwards + backwards) / 2.0
}

/// Buffers reused from document to document on each thread, so that a profile allocates
/// only its values.
#[derive(Default)]
struct Scratch {
    word_keys: Vec<u64>,
    /// MTLD's table of word types, one slot a line read (key, number and stamp side by side).
    table: Vec<TypeSlot>,
    /// The current document's stamp: a slot with another stamp is free.
    stamp: u32,
    numbered: Vec<u32>,
    seen_in: Vec<u32>,
}

/// A slot of MTLD's table: a word's key, its type number, and the document that took it.
#[derive(Default, Clone, Copy)]
struct TypeSlot {
    key: u64,
    id: u32,
    stamp: u32,
}

/// Buffers larger than this many entries are not kept after a huge document.
const MAX_KEPT_SCRATCH: usize = 1 << 20;

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

impl Scratch {
    /// Puts the buffers back for the thread's next document, unless a huge one made them big.
    fn give_back(mut self, mut word_keys: Vec<u64>) {
        word_keys.clear();
        self.word_keys = word_keys;
        if self.table.capacity() > MAX_KEPT_SCRATCH || self.word_keys.capacity() > MAX_KEPT_SCRATCH {
            return;
        }
        SCRATCH.with_borrow_mut(|kept| *kept = self);
    }
}

/// One reading; `seen_in[type]` is the last factor the type was seen in.
fn mtld_one_way(tokens: impl Iterator<Item = u32>, seen_in: &mut [u32]) -> f64 {
    let (mut factor, mut factors, mut types, mut in_factor, mut total) = (0u32, 0.0, 0usize, 0usize, 0usize);
    for token in tokens {
        total += 1;
        in_factor += 1;
        // A new type in this factor, counted without a branch (it goes either way at random,
        // and a mispredicted branch costs more than the store).
        let seen = &mut seen_in[token as usize];
        types += usize::from(*seen != factor);
        *seen = factor;
        // types / in_factor ≤ 0.72, without a division.
        if types * 100 <= in_factor * MTLD_THRESHOLD_PERCENT {
            factors += 1.0;
            factor += 1;
            in_factor = 0;
            types = 0;
        }
    }
    if in_factor > 0 {
        let ratio = types as f64 / in_factor as f64;
        factors += (1.0 - ratio) / (1.0 - MTLD_THRESHOLD);
    }
    if factors > 0.0 { total as f64 / factors } else { total as f64 }
}

#[cfg(test)]
#[path = "style_tests.rs"]
mod tests;
