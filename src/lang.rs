//! Language identification: whatlang for the verdict, function-word profiles to decide
//! cheaply where whatlang needs to look (whatlang reads about 2 MB/s per core; a profile is
//! one hash lookup per word).

use crate::document::Document;
use crate::resources::Resources;
use serde::Serialize;
use std::collections::HashMap;
use whatlang::Lang;

/// Most languages a profile tracks (one bit each).
const MAX_PROFILED: usize = 16;
/// Bytes of text given to whatlang to identify a document.
const SAMPLE_BYTES: usize = 2048;

/// The language of a document or passage.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LangInfo {
    /// ISO 639-3 code as whatlang spells it (`fra`, `eng`), or `und` when unknown.
    pub code: &'static str,
    /// English name of the language.
    pub name: &'static str,
    /// whatlang's confidence, 0 to 1.
    pub confidence: f64,
    /// Whether the identification is reliable enough to act on.
    pub reliable: bool,
    #[serde(skip)]
    pub lang: Option<Lang>,
}

impl LangInfo {
    pub const fn unknown() -> Self {
        LangInfo {
            code: "und",
            name: "unknown",
            confidence: 0.0,
            reliable: false,
            lang: None,
        }
    }

    fn from_lang(lang: Lang, confidence: f64, reliable: bool) -> Self {
        LangInfo {
            code: lang.code(),
            name: lang.eng_name(),
            confidence,
            reliable,
            lang: Some(lang),
        }
    }
}

/// Counts of function words per profiled language.
#[derive(Debug, Clone, Copy, Default)]
pub struct Profile {
    pub counts: [u32; MAX_PROFILED],
    pub words: u32,
}

impl Profile {
    /// The index of the language with most hits, and its count.
    pub fn top(&self) -> Option<(usize, u32)> {
        let (i, &n) = self
            .counts
            .iter()
            .enumerate()
            .max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))?;
        (n > 0).then_some((i, n))
    }

    /// Share of the words that are function words of language `index`.
    pub fn share(&self, index: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            f64::from(self.counts[index]) / f64::from(self.words)
        }
    }
}

/// The function words of several languages in one table.
pub struct FunctionWords {
    langs: Vec<Lang>,
    table: HashMap<Box<str>, u16>,
}

const EMBEDDED_LISTS: &[(&str, &str)] = &[
    ("eng", include_str!("../data/stopwords/eng.txt")),
    ("fra", include_str!("../data/stopwords/fra.txt")),
    ("spa", include_str!("../data/stopwords/spa.txt")),
    ("deu", include_str!("../data/stopwords/deu.txt")),
    ("por", include_str!("../data/stopwords/por.txt")),
    ("ita", include_str!("../data/stopwords/ita.txt")),
    ("nld", include_str!("../data/stopwords/nld.txt")),
    ("ind", include_str!("../data/stopwords/ind.txt")),
    ("pol", include_str!("../data/stopwords/pol.txt")),
    ("tur", include_str!("../data/stopwords/tur.txt")),
    ("swe", include_str!("../data/stopwords/swe.txt")),
    ("ron", include_str!("../data/stopwords/ron.txt")),
];

impl FunctionWords {
    pub fn embedded() -> Self {
        let mut langs = Vec::new();
        let mut table: HashMap<Box<str>, u16> = HashMap::new();
        for (code, list) in EMBEDDED_LISTS {
            let Some(lang) = Lang::from_code(*code) else {
                continue;
            };
            let bit = 1u16 << langs.len();
            langs.push(lang);
            for word in list.lines().map(str::trim).filter(|w| !w.is_empty()) {
                *table.entry(word.into()).or_insert(0) |= bit;
            }
        }
        debug_assert!(langs.len() <= MAX_PROFILED);
        FunctionWords { langs, table }
    }

    pub fn index_of(&self, lang: Lang) -> Option<usize> {
        self.langs.iter().position(|&l| l == lang)
    }

    pub fn lang(&self, index: usize) -> Lang {
        self.langs[index]
    }

    /// Profiles words given in lowercase.
    pub fn profile<'a>(&self, words: impl Iterator<Item = &'a str>) -> Profile {
        let mut profile = Profile::default();
        for word in words {
            profile.words += 1;
            if let Some(&mask) = self.table.get(word) {
                let mut bits = mask;
                while bits != 0 {
                    let i = bits.trailing_zeros() as usize;
                    profile.counts[i] += 1;
                    bits &= bits - 1;
                }
            }
        }
        profile
    }

    /// Profiles a range of the document's words.
    pub fn profile_words(&self, doc: &Document, range: std::ops::Range<usize>) -> Profile {
        self.profile(doc.words[range].iter().map(|w| doc.slice_lower(w.span)))
    }
}

/// Identifies a passage with whatlang.
pub fn identify(text: &str) -> LangInfo {
    match whatlang::detect(text) {
        Some(info) => LangInfo::from_lang(info.lang(), info.confidence(), info.is_reliable()),
        None => LangInfo::unknown(),
    }
}

/// Identifies the document's language from a bounded sample of its longest paragraphs
/// (outside the comment section), checked against the function-word profile of the whole text.
pub fn detect_document(doc: &Document, res: &Resources) -> LangInfo {
    let mut candidates: Vec<usize> = (0..doc.paragraphs.len())
        .filter(|&i| !doc.in_comments(doc.paragraphs[i].span))
        .collect();
    if candidates.is_empty() {
        candidates = (0..doc.paragraphs.len()).collect();
    }
    candidates.sort_by_key(|&i| (std::cmp::Reverse(doc.paragraphs[i].span.len()), i));
    let mut sample = String::with_capacity(SAMPLE_BYTES + 8);
    for i in candidates {
        let para = doc.slice(doc.paragraphs[i].span);
        let room = SAMPLE_BYTES.saturating_sub(sample.len());
        if room < 16 {
            break;
        }
        let cut = crate::text::floor_char_boundary(para, room);
        sample.push_str(&para[..cut]);
        sample.push('\n');
    }
    let identified = identify(&sample);

    let words = &res.function_words;
    let profile = words.profile(
        doc.words
            .iter()
            .filter(|w| !doc.in_comments(w.span))
            .map(|w| doc.slice_lower(w.span)),
    );
    let Some((top, top_count)) = profile.top() else {
        return identified;
    };
    let profiled = words.lang(top);
    if identified.lang == Some(profiled) || identified.reliable {
        return identified;
    }
    // whatlang is unsure; a clear function-word majority settles it.
    let second = profile
        .counts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != top)
        .map(|(_, &n)| n)
        .max()
        .unwrap_or(0);
    if top_count >= 5 && profile.share(top) >= 0.15 && top_count >= 2 * second.max(1) {
        let margin = f64::from(top_count - second) / f64::from(top_count);
        return LangInfo::from_lang(profiled, margin.min(identified.confidence.max(0.5)), true);
    }
    identified
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_count_function_words_per_language() {
        let words = FunctionWords::embedded();
        let fra = words.index_of(Lang::Fra).unwrap();
        let eng = words.index_of(Lang::Eng).unwrap();
        let p = words.profile("le chat est sur la table et il dort".split(' '));
        assert!(p.counts[fra] >= 5, "{:?}", p.counts);
        assert!(p.counts[eng] <= 1);
        let p = words.profile("the cat is on the table and it sleeps".split(' '));
        assert_eq!(words.lang(p.top().unwrap().0), Lang::Eng);
    }

    #[test]
    fn documents_get_their_language() {
        let doc = Document::build(
            "d",
            "Le président a déclaré jeudi que les négociations reprendraient la semaine prochaine à Genève, selon un communiqué.".into(),
            Resources::embedded(),
        );
        assert_eq!(doc.lang.code, "fra");
        assert!(doc.lang.confidence > 0.5);
    }
}
