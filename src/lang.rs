//! Language identification: whatlang for the verdict, function-word profiles to decide
//! cheaply where whatlang needs to look (whatlang reads about 2 MB/s per core; a profile is
//! one hash lookup per word).

use crate::text::{FastMap, ShortKeyTable, short_key_of_bytes};
use serde::Serialize;
use std::sync::LazyLock;
use whatlang::Lang;

/// Most languages a profile tracks (one bit each).
const MAX_PROFILED: usize = 16;

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
    /// How it was identified: `function-words` (a decisive profile) or `whatlang`.
    pub method: &'static str,
    #[serde(skip)]
    pub lang: Option<Lang>,
}

impl LangInfo {
    pub const fn unknown() -> Self {
        LangInfo { code: "und", name: "unknown", confidence: 0.0, reliable: false, method: "none", lang: None }
    }

    /// The language the user stated.
    pub fn forced(lang: Lang) -> Self {
        LangInfo::from_lang(lang, 1.0, true, "forced")
    }

    pub(crate) fn from_lang(lang: Lang, confidence: f64, reliable: bool, method: &'static str) -> Self {
        let confidence = (confidence * 1000.0).round() / 1000.0;
        LangInfo { code: lang.code(), name: lang.eng_name(), confidence, reliable, method, lang: Some(lang) }
    }
}

/// Counts of function words per profiled language.
#[derive(Debug, Clone, Copy, Default)]
pub struct Profile {
    pub counts: [u32; MAX_PROFILED],
    /// Hits on words that are function words of that language only.
    pub exclusive: [u32; MAX_PROFILED],
    pub words: u32,
}

impl Profile {
    /// The index of the language with most hits, and its count.
    pub fn top(&self) -> Option<(usize, u32)> {
        let (i, &n) = self.counts.iter().enumerate().max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))?;
        (n > 0).then_some((i, n))
    }

    /// Share of the words that are function words of language `index`.
    pub fn share(&self, index: usize) -> f64 {
        if self.words == 0 { 0.0 } else { f64::from(self.counts[index]) / f64::from(self.words) }
    }

    /// The language whose function words settle the question without whatlang: the most
    /// frequent list (a fifth of the words or more) whose exclusive words (in no other list)
    /// are frequent and at least four times those of any other language. Close languages
    /// without a list (Catalan, Galician) have few exclusive hits and go to whatlang. Returns
    /// the index and the share of exclusive hits that are this language's.
    pub fn decisive(&self) -> Option<(usize, f64)> {
        let (top, count) = self.top()?;
        let exclusive = self.exclusive[top];
        let others = self.exclusive.iter().enumerate().filter(|&(i, _)| i != top).map(|(_, &n)| n);
        let (second, rest): (u32, u32) = others.fold((0, 0), |(max, sum), n| (max.max(n), sum + n));
        let clear = count >= 12
            && self.share(top) >= 0.2
            && exclusive >= 5
            && f64::from(exclusive) >= 0.04 * f64::from(self.words)
            && exclusive >= 4 * second;
        clear.then(|| (top, f64::from(exclusive) / f64::from(exclusive + rest)))
    }
}

/// The function words of several languages in one table.
pub struct FunctionWords {
    langs: Vec<Lang>,
    /// Words of up to eight bytes, keyed by their bytes in an integer (most function words:
    /// one integer probe per word of a document, no string comparison).
    short: FastMap<u64, u16>,
    /// Longer words.
    long: FastMap<Box<str>, u16>,
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

/// The languages (ISO 639-3) with an embedded function-word list.
pub fn function_word_languages() -> impl Iterator<Item = &'static str> {
    EMBEDDED_LISTS.iter().map(|(code, _)| *code)
}

/// The embedded function words of a language (ISO 639-3), in the list's order, without
/// repeats; `None` for a language without a list.
pub fn function_word_list(code: &str) -> Option<Vec<&'static str>> {
    let (_, list) = EMBEDDED_LISTS.iter().find(|(c, _)| *c == code)?;
    let mut words: Vec<&'static str> = Vec::new();
    for word in list.lines().map(str::trim).filter(|w| !w.is_empty()) {
        if !words.contains(&word) {
            words.push(word);
        }
    }
    Some(words)
}

/// One language's function words, each by its place in `function_word_list`: the function-word
/// rates of the style profile are counted by these numbers.
pub struct FunctionWordIndex {
    pub lang: &'static str,
    /// Words of up to eight bytes, by `short_key`.
    short: ShortKeyTable,
    long: FastMap<&'static str, u16>,
}

static FUNCTION_WORD_INDEXES: LazyLock<Vec<FunctionWordIndex>> = LazyLock::new(|| {
    function_word_languages()
        .filter_map(|code| {
            let words = function_word_list(code)?;
            let (mut short, mut long) = (Vec::new(), FastMap::default());
            for (i, word) in words.into_iter().enumerate() {
                match crate::text::short_key(word) {
                    Some(key) => short.push((key, i as u32)),
                    None => {
                        long.insert(word, i as u16);
                    }
                }
            }
            Some(FunctionWordIndex { lang: code, short: ShortKeyTable::new(&short), long })
        })
        .collect()
});

impl FunctionWordIndex {
    /// The index of a language (ISO 639-3) with a function-word list.
    pub fn of(code: &str) -> Option<&'static FunctionWordIndex> {
        FUNCTION_WORD_INDEXES.iter().find(|index| index.lang == code)
    }

    /// The place in `function_word_list` of a lowercase word given as its bytes.
    pub fn position(&self, lower: &[u8]) -> Option<u16> {
        match short_key_of_bytes(lower) {
            Some(key) => self.short.get(key).map(|i| i as u16),
            None => self.long.get(std::str::from_utf8(lower).ok()?).copied(),
        }
    }
}

impl FunctionWords {
    pub fn embedded() -> Self {
        let mut langs = Vec::new();
        let (mut short, mut long): (FastMap<u64, u16>, FastMap<Box<str>, u16>) = Default::default();
        for (code, list) in EMBEDDED_LISTS {
            let Some(lang) = Lang::from_code(*code) else {
                continue;
            };
            let bit = 1u16 << langs.len();
            langs.push(lang);
            for word in list.lines().map(str::trim).filter(|w| !w.is_empty()) {
                match crate::text::short_key(word) {
                    Some(key) => *short.entry(key).or_insert(0) |= bit,
                    None => *long.entry(word.into()).or_insert(0) |= bit,
                }
            }
        }
        debug_assert!(langs.len() <= MAX_PROFILED);
        FunctionWords { langs, short, long }
    }

    /// Whether a lowercase word is a function word of any profiled language.
    pub fn is_function_word(&self, word: &str) -> bool {
        self.mask(word) != 0
    }

    pub fn index_of(&self, lang: Lang) -> Option<usize> {
        self.langs.iter().position(|&l| l == lang)
    }

    pub fn lang(&self, index: usize) -> Lang {
        self.langs[index]
    }

    /// The languages (one bit per profiled language) of which a lowercase word is a function
    /// word; 0 for none.
    pub fn mask(&self, word: &str) -> u16 {
        let found = match crate::text::short_key(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        };
        found.copied().unwrap_or(0)
    }

    /// Profiles words given in lowercase.
    pub fn profile<'a>(&self, words: impl Iterator<Item = &'a str>) -> Profile {
        Profile::of_masks(words.map(|word| self.mask(word)))
    }
}

impl Profile {
    /// The profile of words given by their function-word masks (`FunctionWords::mask`).
    pub fn of_masks(masks: impl Iterator<Item = u16>) -> Profile {
        let mut profile = Profile::default();
        for mask in masks {
            profile.words += 1;
            if mask == 0 {
                continue;
            }
            if mask.count_ones() == 1 {
                profile.exclusive[mask.trailing_zeros() as usize] += 1;
            }
            let mut bits = mask;
            while bits != 0 {
                let i = bits.trailing_zeros() as usize;
                profile.counts[i] += 1;
                bits &= bits - 1;
            }
        }
        profile
    }
}

/// Identifies a passage with whatlang.
pub fn identify(text: &str) -> LangInfo {
    match whatlang::detect(text) {
        Some(info) => LangInfo::from_lang(info.lang(), info.confidence(), info.is_reliable(), "whatlang"),
        None => LangInfo::unknown(),
    }
}

/// A language from its ISO 639-3 code (`fra`) or, for the common ones, ISO 639-1 (`fr`).
pub fn parse_code(code: &str) -> Option<Lang> {
    const TWO_LETTER: &[(&str, &str)] = &[
        ("fr", "fra"),
        ("en", "eng"),
        ("es", "spa"),
        ("de", "deu"),
        ("pt", "por"),
        ("it", "ita"),
        ("nl", "nld"),
        ("id", "ind"),
        ("pl", "pol"),
        ("tr", "tur"),
        ("sv", "swe"),
        ("ru", "rus"),
        ("uk", "ukr"),
        ("ar", "ara"),
        ("zh", "cmn"),
        ("ja", "jpn"),
    ];
    let code = code.trim().to_ascii_lowercase();
    let code = TWO_LETTER.iter().find(|(two, _)| *two == code).map_or(code.as_str(), |(_, three)| three);
    Lang::from_code(code)
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
    fn a_decisive_profile_spares_whatlang_and_close_languages_do_not_pass_it() {
        let words = FunctionWords::embedded();
        let french = "le gouvernement a présenté mercredi un projet de loi sur le logement qui prévoit de nouvelles aides pour les familles et une simplification des démarches pour les communes et les associations qui ont salué un texte ambitieux mais demandent des moyens pour l appliquer dans les villes";
        let (index, confidence) = words.profile(french.split(' ')).decisive().unwrap();
        assert_eq!(words.lang(index), Lang::Fra);
        assert!(confidence > 0.6, "{confidence}");
        let catalan = "el govern va presentar dimecres un projecte de llei sobre l habitatge que preveu noves ajudes per a les famílies i una simplificació dels tràmits per als ajuntaments i les associacions que han celebrat un text ambiciós però demanen més mitjans per aplicar-lo a les ciutats";
        assert_eq!(words.profile(catalan.split(' ')).decisive(), None);
    }
}
