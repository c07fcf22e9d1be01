//! Full-form lexicons, one per language: every word form of a Hunspell dictionary with its
//! lemmas and, where the dictionary gives morphology as `po:` and `is:` fields (as the
//! Dicollecte French one does), grammatical tags; other dictionaries give forms and lemmas
//! without tags. The same API for every language: lookup, readings, the forms of a lemma, and
//! an index of spellings without diacritics.
//!
//! The embedded lexicons (registered in `data/lexicons.txt`) are expanded and packed by
//! `build.rs` and used in place: start-up is a header check, and a lookup is one walk of an
//! `fst` map plus a few table reads. A user dictionary (`lexicons.french_dictionary` in the
//! configuration) is expanded the same way at start-up instead.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
use std::sync::{LazyLock, OnceLock};

use super::LexiconError;
pub use super::hunspell::tag;
use super::hunspell::{self, FORM_BLOCK, TAGSET_BITS, entry, section};
use crate::text::{FastMap, WordMemos};

include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

/// The embedded lexicons, each unpacked on first use.
static EMBEDDED: LazyLock<Vec<(&'static str, OnceLock<Lexicon>)>> =
    LazyLock::new(|| EMBEDDED_LEXICONS.iter().map(|(code, _, _)| (*code, OnceLock::new())).collect());

/// Grammatical tags of one analysis (see [`tag`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tags(pub u64);

impl Tags {
    pub fn has(self, bits: u64) -> bool {
        self.0 & bits != 0
    }
    pub fn has_all(self, bits: u64) -> bool {
        self.0 & bits == bits
    }
    pub fn describe(self) -> String {
        tag::describe(self.0)
    }
}

/// One reading of a word form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Analysis {
    pub lemma: LemmaId,
    pub tags: Tags,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LemmaId(u32);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FormId(u32);

pub struct Lexicon {
    /// The language, as an ISO 639-3 code (`fra`).
    lang: &'static str,
    blob: Cow<'static, [u8]>,
    sections: [Range<usize>; section::COUNT],
    forms: fst::Map<Cow<'static, [u8]>>,
    bare: fst::Map<Cow<'static, [u8]>>,
    /// The tags of the most frequent words (function words make half of any text), so that
    /// most lookups are one hash probe instead of an fst walk.
    frequent: FastMap<Box<str>, Tags>,
    /// Unique per lexicon built in this process, so that a cache never mixes two lexicons.
    id: usize,
    /// Some analysis carries a tag (the dictionary gave morphology).
    tagged: bool,
}

static NEXT_LEXICON_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);

/// Entries in each per-thread cache of lexicon answers.
pub(crate) const MAX_CACHED_WORDS: usize = 1 << 16;

thread_local! {
    static LOOKUP_CACHE: std::cell::RefCell<WordMemos<Option<Tags>>> =
        const { std::cell::RefCell::new(WordMemos::new(MAX_CACHED_WORDS)) };
    /// Each form's entry in the form map, by its text: the grammar rules ask for the readings
    /// of the same auxiliaries, pronouns and participles over and over, and a walk down the
    /// map costs a few cache misses where a probe of this memo costs one.
    static FORM_ENTRIES: std::cell::RefCell<WordMemos<Option<u64>>> =
        const { std::cell::RefCell::new(WordMemos::new(MAX_CACHED_WORDS)) };
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon").field("lang", &self.lang).field("forms", &self.forms.len()).finish()
    }
}

impl Lexicon {
    /// The embedded lexicon of a language (ISO 639-3 code), if one is registered.
    pub fn embedded(lang: &str) -> Option<&'static Lexicon> {
        let index = EMBEDDED_LEXICONS.iter().position(|(code, _, _)| *code == lang)?;
        let (code, blob, frequent) = EMBEDDED_LEXICONS[index];
        Some(EMBEDDED[index].1.get_or_init(|| {
            Lexicon::from_blob(code, Cow::Borrowed(blob), frequent).expect("the build script packs a valid blob")
        }))
    }

    /// The languages (ISO 639-3 codes) that have an embedded lexicon, in registration order.
    pub fn embedded_languages() -> impl Iterator<Item = &'static str> {
        EMBEDDED_LEXICONS.iter().map(|(code, _, _)| *code)
    }

    /// Expands a Hunspell `.dic` and its `.aff` (same path, `.aff` extension) into the lexicon
    /// of `lang` (ISO 639-3 code); the embedded function words of that language, if any, are
    /// kept ready.
    pub fn from_dictionary(lang: &'static str, dic_path: &Path) -> Result<Lexicon, LexiconError> {
        let name = dic_path.display().to_string();
        let aff_path = dic_path.with_extension("aff");
        let read = |path: &Path| {
            std::fs::read_to_string(path).map_err(|e| LexiconError::new(&path.display().to_string(), e.to_string()))
        };
        let affixes = hunspell::AffixFile::parse(&read(&aff_path)?)
            .map_err(|e| LexiconError::new(&aff_path.display().to_string(), e))?;
        let mut entries = Vec::new();
        hunspell::expand(&affixes, &read(dic_path)?, |entry| entries.push(entry))
            .map_err(|e| LexiconError::new(&name, e))?;
        let blob = hunspell::pack(lang, entries).map_err(|e| LexiconError::new(&name, e))?;
        let frequent = EMBEDDED_LEXICONS.iter().find(|(code, _, _)| *code == lang).map_or("", |(_, _, f)| f);
        Lexicon::from_blob(lang, Cow::Owned(blob), frequent).map_err(|e| LexiconError::new(&name, e))
    }

    /// `frequent`: the language's most frequent words, one per line, whose readings are kept in
    /// a hash map (function words make half of any text).
    fn from_blob(lang: &'static str, blob: Cow<'static, [u8]>, frequent: &str) -> Result<Lexicon, String> {
        let sections = hunspell::section_ranges(&blob)?;
        // An embedded lexicon's fst maps are read in place, from the binary's pages (only those a
        // lookup touches are loaded); a user's are copied out of its blob once, which keeps this
        // type free of self-references.
        let part = |range: Range<usize>| -> Cow<'static, [u8]> {
            match &blob {
                Cow::Borrowed(bytes) => {
                    let bytes: &'static [u8] = bytes;
                    Cow::Borrowed(&bytes[range])
                }
                Cow::Owned(bytes) => Cow::Owned(bytes[range].to_vec()),
            }
        };
        let forms = fst::Map::new(part(sections[section::FORMS_FST].clone())).map_err(|e| e.to_string())?;
        let bare = fst::Map::new(part(sections[section::BARE_FST].clone())).map_err(|e| e.to_string())?;
        let id = NEXT_LEXICON_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tagged = blob[sections[section::TAGSETS].clone()].iter().any(|&b| b != 0);
        let mut lexicon = Lexicon { lang, blob, sections, forms, bare, frequent: FastMap::default(), id, tagged };
        let frequent = frequent
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty() && !w.starts_with('#'))
            .flat_map(|w| {
                let mut capitalised: String = w.chars().next().into_iter().flat_map(char::to_uppercase).collect();
                capitalised.push_str(&w[w.chars().next().map_or(0, char::len_utf8)..]);
                [w.to_string(), capitalised]
            })
            .filter_map(|w| lexicon.lookup_uncached(&w).map(|tags| (w.into_boxed_str(), tags)))
            .collect();
        lexicon.frequent = frequent;
        Ok(lexicon)
    }

    fn section(&self, index: usize) -> &[u8] {
        &self.blob[self.sections[index].clone()]
    }

    fn u32_at(&self, index: usize, position: usize) -> u32 {
        let bytes = &self.section(index)[position * 4..position * 4 + 4];
        u32::from_le_bytes(bytes.try_into().expect("four bytes"))
    }

    fn u32_range(&self, starts: usize, position: usize) -> Range<usize> {
        self.u32_at(starts, position) as usize..self.u32_at(starts, position + 1) as usize
    }

    /// The language, as an ISO 639-3 code.
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// Unique per lexicon built in this process: the key under which caches of its answers
    /// are kept.
    pub fn id(&self) -> usize {
        self.id
    }

    /// Whether the dictionary gave morphology (some analysis carries a tag): French does;
    /// dictionaries with forms and lemmas only (English, Spanish, German) do not.
    pub fn has_tags(&self) -> bool {
        self.tagged
    }

    /// Number of distinct word forms.
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    /// Number of distinct lemmas.
    pub fn lemma_count(&self) -> usize {
        self.section(section::LEMMA_STARTS).len() / 4 - 1
    }

    pub fn contains(&self, form: &str) -> bool {
        self.forms.contains_key(form)
    }

    /// The analyses of an exact form (case-sensitive); empty when unknown.
    pub fn analyses(&self, form: &str) -> Analyses<'_> {
        let value =
            FORM_ENTRIES.with(|memos| memos.borrow_mut().of(self.id).get_or_insert_with(form, || self.forms.get(form)));
        let packed = match value.map(entry::decode) {
            None => Packed::List(0..0),
            Some(Ok(single)) => Packed::Single(Some(single)),
            Some(Err(range)) => Packed::List(range),
        };
        Analyses { lexicon: self, packed }
    }

    fn analysis(&self, packed: u32) -> Analysis {
        let tagset = (packed & ((1 << TAGSET_BITS) - 1)) as usize;
        let tags = u64::from_le_bytes(
            self.section(section::TAGSETS)[tagset * 8..tagset * 8 + 8].try_into().expect("eight bytes"),
        );
        Analysis { lemma: LemmaId(packed >> TAGSET_BITS), tags: Tags(tags) }
    }

    /// The union of the tags of every analysis of `form` (0 when unknown).
    pub fn tags(&self, form: &str) -> Tags {
        self.lookup(form).unwrap_or_default()
    }

    /// The union of the tags of `form`'s analyses, or None when the form is unknown.
    ///
    /// Word frequencies are Zipfian: a small per-thread cache in front of the fst answers most
    /// lookups with one hash probe. It is bounded (cleared when full) and tied to this lexicon.
    pub fn lookup(&self, form: &str) -> Option<Tags> {
        if let Some(tags) = self.frequent.get(form) {
            return Some(*tags);
        }
        LOOKUP_CACHE
            .with(|memos| memos.borrow_mut().of(self.id).get_or_insert_with(form, || self.lookup_uncached(form)))
    }

    fn lookup_uncached(&self, form: &str) -> Option<Tags> {
        let value = self.forms.get(form)?;
        let packed = match entry::decode(value) {
            Ok(single) => Packed::Single(Some(single)),
            Err(range) => Packed::List(range),
        };
        Some(Tags(Analyses { lexicon: self, packed }.fold(0, |acc, a| acc | a.tags.0)))
    }

    pub fn lemma(&self, id: LemmaId) -> &str {
        let range = self.u32_range(section::LEMMA_STARTS, id.0 as usize);
        std::str::from_utf8(&self.section(section::LEMMA_TEXT)[range]).unwrap_or("")
    }

    /// Every form of a lemma.
    pub fn forms_of(&self, lemma: LemmaId) -> impl Iterator<Item = FormId> + '_ {
        self.u32_range(section::LEMMA_FORM_STARTS, lemma.0 as usize)
            .map(move |position| FormId(self.u32_at(section::LEMMA_FORMS, position)))
    }

    /// The other forms of the same words: for each analysis of `form` that `of` accepts, the
    /// forms of its lemma with an analysis of that lemma that `want` accepts (`donner` as an
    /// infinitive → `donné` as a masculine singular participle), spelt like `form` (no elided
    /// or capitalised variant of a lowercase form). Sorted, without repeats.
    pub fn sibling_forms(&self, form: &str, of: impl Fn(Tags) -> bool, want: impl Fn(Tags) -> bool) -> Vec<String> {
        let mut lemmas: Vec<LemmaId> = self.analyses(form).filter(|a| of(a.tags)).map(|a| a.lemma).collect();
        lemmas.sort();
        lemmas.dedup();
        let mut forms: Vec<String> = Vec::new();
        for lemma in lemmas {
            for id in self.forms_of(lemma) {
                let text = self.form_text(id);
                // The dictionary also lists elided and capitalised spellings (`l'Arrêtée`).
                let same_shape = !text.contains(['\'', '’'])
                    && text.chars().next().is_some_and(char::is_uppercase)
                        == form.chars().next().is_some_and(char::is_uppercase);
                if text != form && same_shape && self.analyses(&text).any(|a| a.lemma == lemma && want(a.tags)) {
                    forms.push(text);
                }
            }
        }
        forms.sort();
        forms.dedup();
        forms
    }

    /// The text of a form, decoded from its front-coded block.
    pub fn form_text(&self, id: FormId) -> String {
        let block = id.0 as usize / FORM_BLOCK;
        let text = self.section(section::FORM_TEXT);
        let mut at = self.u32_at(section::FORM_BLOCK_STARTS, block) as usize;
        let length = text[at] as usize;
        let mut current = text[at + 1..at + 1 + length].to_vec();
        at += 1 + length;
        for _ in 0..id.0 as usize % FORM_BLOCK {
            let (shared, rest) = (text[at] as usize, text[at + 1] as usize);
            current.truncate(shared);
            current.extend_from_slice(&text[at + 2..at + 2 + rest]);
            at += 2 + rest;
        }
        String::from_utf8(current).unwrap_or_default()
    }

    /// The forms that a spelling without diacritics stands for (`defendre` → `défendre`;
    /// `peche` → `pêche`, `péché`, `pèche` …). Empty when the diacritic-free spelling of `word`
    /// matches no accented form.
    pub fn accented_forms(&self, word: &str) -> Vec<FormId> {
        let key = hunspell::strip_diacritics(self.lang, word);
        match self.bare.get(&key).map(entry::decode) {
            None => Vec::new(),
            Some(Ok(single)) => vec![FormId(single)],
            Some(Err(range)) => range.map(|position| FormId(self.u32_at(section::BARE_FORMS, position))).collect(),
        }
    }
}

enum Packed {
    Single(Option<u32>),
    List(Range<usize>),
}

/// The analyses of one form, read from the lexicon as they are iterated.
pub struct Analyses<'a> {
    lexicon: &'a Lexicon,
    packed: Packed,
}

impl Iterator for Analyses<'_> {
    type Item = Analysis;
    fn next(&mut self) -> Option<Analysis> {
        let packed = match &mut self.packed {
            Packed::Single(single) => single.take()?,
            Packed::List(range) => self.lexicon.u32_at(section::ANALYSES, range.next()?),
        };
        Some(self.lexicon.analysis(packed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> &'static Lexicon {
        Lexicon::embedded("fra").expect("French is embedded")
    }

    fn describe(form: &str) -> Vec<String> {
        let lex = lexicon();
        lex.analyses(form).map(|a| format!("{} {}", lex.lemma(a.lemma), a.tags.describe())).collect()
    }

    #[test]
    fn verb_forms_carry_mood_tense_and_person() {
        assert_eq!(describe("négocièrent"), ["négocier passé simple 3pl"]);
        assert!(describe("négocient").contains(&"négocier indicatif présent subjonctif présent 3pl".to_string()));
        assert!(describe("asseyons").iter().any(|d| d.starts_with("asseoir") && d.contains("1pl")));
        assert!(lexicon().tags("soient").has(tag::SUBJ_PRESENT));
        assert!(!lexicon().tags("sont").has(tag::SUBJUNCTIVE));
    }

    #[test]
    fn invalid_forms_are_absent() {
        for word in ["négocierent", "assisons", "defendre", "Bielorussie"] {
            assert!(!lexicon().contains(word), "{word}");
        }
    }

    #[test]
    fn nouns_carry_gender_and_number() {
        assert!(lexicon().tags("Biélorussie").has_all(tag::NOUN | tag::FEMININE));
        assert!(lexicon().tags("avions").has(tag::PLURAL));
        assert!(lexicon().tags("kilomètres").has(tag::NOUN), "prefixed unit forms are expanded");
    }

    #[test]
    fn the_lemma_lists_its_forms() {
        let lex = lexicon();
        let lemma = lex.analyses("asseyons").next().expect("known").lemma;
        let forms: Vec<String> = lex.forms_of(lemma).map(|f| lex.form_text(f)).collect();
        assert!(forms.contains(&"asseyez".to_string()));
        assert!(forms.contains(&"assis".to_string()));
        for form in &forms {
            assert!(lex.analyses(form).any(|a| a.lemma == lemma), "{form}");
        }
    }

    #[test]
    fn a_spelling_without_accents_finds_its_accented_forms() {
        let lex = lexicon();
        let forms = |w: &str| lex.accented_forms(w).into_iter().map(|f| lex.form_text(f)).collect::<Vec<_>>();
        assert_eq!(forms("defendre"), ["défendre"]);
        assert_eq!(forms("Bielorussie"), ["Biélorussie"]);
        assert_eq!(forms("negocierent"), ["négocièrent"]);
        assert!(forms("peche").len() > 1);
        assert!(forms("maison").is_empty(), "a word without accented forms has no entry");
    }

    /// The expansion agrees with an independent Hunspell implementation: every sampled form
    /// is a word `spellbook` accepts.
    #[test]
    fn spellbook_accepts_the_expanded_forms() {
        let aff = include_str!("../../data/hunspell-fr/fr.aff");
        let dic = include_str!("../../data/hunspell-fr/fr.dic");
        let checker = spellbook::Dictionary::new(aff, dic).expect("spellbook reads the dictionary");
        let lex = lexicon();
        let sampled: Vec<String> = (0..lex.form_count()).step_by(37).map(|i| lex.form_text(FormId(i as u32))).collect();
        let rejected: Vec<&String> = sampled.iter().filter(|form| !checker.check(form)).collect();
        // A handful of forms carry flags (keep-case, forbidden in compounds) that a plain
        // check treats differently; anything more is an expansion defect.
        assert!(
            rejected.len() * 1000 <= sampled.len(),
            "{} of {} sampled forms rejected, such as {:?}",
            rejected.len(),
            sampled.len(),
            &rejected[..rejected.len().min(20)]
        );
    }

    #[test]
    fn a_user_dictionary_is_expanded_at_load() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-dictionary/mini.dic");
        let lex = Lexicon::from_dictionary("fra", &path).expect("the fixture loads");
        assert_eq!(lex.form_count(), 7, "chanter, chante, chantons, chantèrent, maison, maisons, le");
        assert!(!lex.contains("chant"), "a stem that needs an affix is not a word");
        assert!(lex.tags("chantèrent").has_all(tag::VERB | tag::IND_PAST_SIMPLE | tag::P3PL));
        assert!(lex.tags("maisons").has_all(tag::NOUN | tag::FEMININE | tag::PLURAL));
        let forms = lex.accented_forms("chanterent").into_iter().map(|f| lex.form_text(f)).collect::<Vec<_>>();
        assert_eq!(forms, ["chantèrent"]);
        assert!(Lexicon::from_dictionary("fra", std::path::Path::new("/nonexistent/x.dic")).is_err());
    }

    #[test]
    fn the_expansion_has_the_expected_size() {
        // About 84,000 stems give several hundred thousand forms.
        let lex = lexicon();
        assert!(lex.form_count() > 300_000, "{}", lex.form_count());
        assert!(lex.lemma_count() > 60_000, "{}", lex.lemma_count());
    }
}
