//! Name mentions of a document: runs of capitalised words read as names of people and
//! places, and their folded spellings and skeletons, derived once and shared by the name
//! rules and the corpus name statistics. Comparing spellings is `spelling`'s.

use crate::document::Document;
use crate::document::Joiner;
use crate::finding::Span;
use crate::lexicon::set::Lexicons;
use crate::lexicon::words::Lexicon;
use crate::spelling::{fold_name, skeleton};
use crate::text::{FastMap, FastSet, WordMemo};
use crate::view::annotated::Annotated;
use std::sync::Arc;

/// Words that link the parts of a name (`Charles de Gaulle`, `Ursula von der Leyen`).
const PARTICLES: &[&str] = &[
    "de", "du", "des", "del", "della", "di", "da", "dos", "das", "van", "von", "der", "den", "ter", "al", "el", "bin",
    "ibn", "ben", "abu", "bint", "le", "la", "y",
];

/// Name particles of Arabic origin, written in every language's transliteration.
pub const ARABIC_PARTICLES: &[&str] =
    &["al", "el", "ul", "bin", "ben", "ibn", "bint", "abu", "abou", "abd", "abdel", "abdul", "abdoul"];

/// Titles and forms of address that precede a name but are not part of it (lowercase).
fn is_title(lower: &str) -> bool {
    matches!(
        lower,
        "m" | "mm"
            | "mme"
            | "mmes"
            | "mlle"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "pr"
            | "prof"
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "président"
            | "présidente"
            | "president"
            | "presidente"
            | "präsident"
            | "ministre"
            | "minister"
            | "premier"
            | "général"
            | "general"
            | "colonel"
            | "capitaine"
            | "captain"
            | "sénateur"
            | "senator"
            | "maître"
            | "cheikh"
            | "sheikh"
            | "émir"
            | "emir"
            | "roi"
            | "reine"
            | "king"
            | "queen"
            | "prince"
            | "princesse"
            | "princess"
            | "pape"
            | "pope"
            | "saint"
            | "sainte"
            | "herr"
            | "frau"
            | "señor"
            | "señora"
            | "don"
            | "doña"
            | "senhor"
            | "senhora"
            | "bapak"
            | "pak"
            | "ibu"
            | "bu"
    )
}

/// One mention of a name: a run of capitalised words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The whole mention (`Alexandre Loukachenko`).
    pub span: Span,
    /// Its last word (`Loukachenko`).
    pub last: Span,
    /// Its capitalised words, the ones compared across mentions (`Alexandre`, `Loukachenko`);
    /// titles (`Mme`, `Président`) excluded.
    pub parts: Vec<Span>,
    /// Its particles, lowercase (`al`, `bin`, `de`).
    pub particles: Vec<String>,
}

impl Mention {
    /// Number of capitalised words.
    pub fn words(&self) -> usize {
        self.parts.len()
    }
}

/// A capitalised word: an uppercase letter followed by at least one lowercase letter
/// (acronyms and words in capitals are not names to compare).
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Languages that write their common nouns with a capital (ISO 639-3): there a capital says
/// nothing of a name.
const NOUN_CAPITALISING: &[&str] = &["deu"];

/// The lexicon of a document reliably identified as written in a language that capitalises
/// its nouns, if the language has one: the name rules ask it which capitalised words are
/// words of the language rather than names.
pub fn capitalised_noun_lexicon<'r>(doc: &Annotated, res: &'r Lexicons) -> Option<&'r Lexicon> {
    if !doc.lang.reliable || !NOUN_CAPITALISING.contains(&doc.lang.code) {
        return None;
    }
    res.words(doc.lang.code)
}

/// Whether a capitalised word, as written, is a word of the lexicon's language: a form it
/// knows as written or in lowercase (`Statt` opening a sentence), or a compound of words it
/// knows (`is_known_compound`).
pub fn is_language_word(lexicon: &Lexicon, written: &str) -> bool {
    knows_in_either_case(lexicon, written) || is_known_compound(lexicon, written, 1)
}

/// Whether the lexicon knows `word` as written or in lowercase.
fn knows_in_either_case(lexicon: &Lexicon, word: &str) -> bool {
    lexicon.contains(word) || lexicon.contains(&word.to_lowercase())
}

/// Whether a capitalised `word` is a compound of words the lexicon knows, as a language that
/// capitalises its nouns writes them: a known word (as written or in lowercase, with or
/// without a linking `s`), then a known noun (`Unfall|daten`, `Arbeit|s|markt`) or a known
/// lowercase word, the compound being an adjective written with a capital
/// (`Molekular|diagnostischer`), or, `depth` times over, a known word then such a compound
/// (`Molekular|diagnose|technologie`). Parts have three letters or more.
fn is_known_compound(lexicon: &Lexicon, word: &str, depth: u8) -> bool {
    const MIN_PART: usize = 3;
    // Each split lowercases its head: a word longer than any compound is not tried.
    const MAX_BYTES: usize = 64;
    if word.len() > MAX_BYTES {
        return false;
    }
    let known_head = |head: &str| {
        knows_in_either_case(lexicon, head)
            || head.strip_suffix('s').is_some_and(|h| h.chars().count() >= MIN_PART && knows_in_either_case(lexicon, h))
    };
    let boundaries: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    if boundaries.len() < 2 * MIN_PART {
        return false;
    }
    boundaries[MIN_PART..=boundaries.len() - MIN_PART].iter().any(|&split| {
        let (head, tail) = word.split_at(split);
        if !known_head(head) {
            return false;
        }
        let mut chars = tail.chars();
        let Some(first) = chars.next() else { return false };
        let noun: String = first.to_uppercase().chain(chars).collect();
        lexicon.contains(&noun) || lexicon.contains(tail) || (depth > 0 && is_known_compound(lexicon, &noun, depth - 1))
    })
}

/// The name mentions of a document, in text order, outside the comment section.
pub fn mentions(doc: &Annotated, res: &Lexicons) -> Vec<Mention> {
    let function_words = &res.function_words;
    let is_function_word = |index: usize| match doc.function_word_masks.get(index) {
        Some(&mask) => mask != 0,
        None => function_words.is_function_word(doc.slice_lower(doc.words[index].span)),
    };
    // Words written in lowercase somewhere are common words when capitalised at a sentence start.
    let mut presence = WordPresence { doc, sets: None, scans: 0 };
    // In French, the lexicon also knows which capitalised first words are common words
    // (`Assisons`, `Defendre` aside, a sentence-initial `Selon` or `Hier` is no name).
    let french = crate::view::french::is_french(doc).then_some(res.french);
    let common_french_word = |lone: &str, lower: &str| {
        french.is_some_and(|lexicon| {
            lexicon.lookup(lone).is_none()
                && lexicon
                    .lookup(lower)
                    .is_some_and(|tags| tags.0 != 0 && !tags.has(crate::lexicon::words::tag::PROPER))
        })
    };
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        if doc.in_comments(sentence.span) {
            continue;
        }
        let range = sentence.words.clone();
        let mut i = range.start;
        while i < range.end {
            let text = doc.slice(doc.words[i].span);
            if !is_capitalised(text) {
                i += 1;
                continue;
            }
            // Extend over capitalised words and particles between them.
            let start = i;
            let mut end = i + 1;
            let mut last = i;
            while end < range.end {
                let word = &doc.words[end];
                let w = doc.slice(word.span);
                // A name runs on across spaces and hyphens only (`Lukashnikov : « Nous` is two).
                let gap = &doc.text[doc.words[end - 1].span.end..word.span.start];
                if word.joiner == Joiner::Apostrophe
                    || !(word.joiner == Joiner::Hyphen || gap.chars().all(char::is_whitespace))
                {
                    break;
                }
                if is_capitalised(w) {
                    last = end;
                    end += 1;
                } else if PARTICLES.contains(&doc.slice_lower(word.span))
                    && end + 1 < range.end
                    && is_capitalised(doc.slice(doc.words[end + 1].span))
                {
                    end += 1;
                } else {
                    break;
                }
            }
            i = last + 1;
            // At a sentence start, drop leading function words (`La Russie` → `Russie`), and
            // take a lone word only if it is never written in lowercase and not a function word.
            let mut first = start;
            if start == range.start {
                while first <= last && is_function_word(first) {
                    first += 1;
                }
                if first > last {
                    continue;
                }
                let lone = doc.slice(doc.words[first].span);
                let lower = doc.slice_lower(doc.words[first].span);
                if first == last
                    && first == range.start
                    && (presence.written_lowercase(lower) || common_french_word(lone, lower))
                    && !presence.capitalised_inside(lone)
                {
                    continue;
                }
            }
            while last > first && is_function_word(last) {
                last -= 1;
            }
            if is_function_word(last) {
                continue;
            }
            if !(first..=last).any(|k| {
                let w = doc.slice(doc.words[k].span);
                is_capitalised(w) && !is_title(doc.slice_lower(doc.words[k].span))
            }) {
                continue; // a title alone (`Président`)
            }
            out.push(Mention {
                span: Span::new(doc.words[first].span.start, doc.words[last].span.end),
                last: doc.words[last].span,
                parts: (first..=last)
                    .filter(|&k| is_capitalised(doc.slice(doc.words[k].span)))
                    .filter(|&k| !is_function_word(k) && !is_title(doc.slice_lower(doc.words[k].span)))
                    .map(|k| doc.words[k].span)
                    .collect(),
                particles: (first..=last)
                    .map(|k| doc.slice_lower(doc.words[k].span))
                    .filter(|w| PARTICLES.contains(w) || ARABIC_PARTICLES.contains(w))
                    .map(str::to_string)
                    .collect(),
            });
        }
    }
    out
}

/// The spellings of the capitalised words of a document's name mentions, each distinct
/// spelling folded once and given its skeleton: shared by the name rules.
#[derive(Debug, Default)]
pub struct NameForms {
    /// Distinct folded spellings, in order of first occurrence.
    pub folded: Vec<Arc<str>>,
    /// The skeleton of each folded spelling.
    pub skeletons: Vec<Arc<str>>,
    /// For each capitalised word of the mentions (their `parts`, mention after mention), the
    /// index of its folded spelling.
    pub of_part: Vec<usize>,
}

impl NameForms {
    /// The first four characters of spelling `index`'s skeleton.
    pub fn skeleton_start(&self, index: usize) -> &str {
        let skeleton = &self.skeletons[index];
        let cut = skeleton.char_indices().nth(4).map_or(skeleton.len(), |(i, _)| i);
        &skeleton[..cut]
    }
}

/// Folds the spellings of `mentions` (computed once per document, through
/// `View::name_forms`).
pub fn name_forms(doc: &Document, mentions: &[Mention]) -> NameForms {
    let parts = mentions.iter().map(|m| m.parts.len()).sum();
    let mut forms = NameForms { of_part: Vec::with_capacity(parts), ..NameForms::default() };
    let mut by_surface: FastMap<&str, usize> = FastMap::with_capacity_and_hasher(parts, Default::default());
    let mut by_folded: FastMap<Arc<str>, usize> = FastMap::with_capacity_and_hasher(parts, Default::default());
    SPELLINGS.with(|cache| {
        let mut cache = cache.borrow_mut();
        for part in mentions.iter().flat_map(|m| &m.parts) {
            let surface = doc.slice(*part);
            let index = *by_surface.entry(surface).or_insert_with(|| {
                let (folded, skeleton) = cache.get_or_insert_with(surface, || {
                    let folded = fold_name(surface);
                    let skeleton: Arc<str> = skeleton(&folded).into();
                    (Arc::<str>::from(folded), skeleton)
                });
                *by_folded.entry(folded.clone()).or_insert_with(|| {
                    forms.folded.push(folded);
                    forms.skeletons.push(skeleton);
                    forms.folded.len() - 1
                })
            });
            forms.of_part.push(index);
        }
    });
    forms
}

thread_local! {
    /// Each capitalised word's folded spelling and skeleton, by its text: names recur from one
    /// document to the next, and most are folded once per thread.
    static SPELLINGS: std::cell::RefCell<WordMemo<(Arc<str>, Arc<str>)>> =
        std::cell::RefCell::new(WordMemo::new(1 << 15));
}

/// Whether a word is written in lowercase somewhere in a document, or capitalised inside a
/// sentence. A document asks a few times: the first questions are answered by scanning the
/// words (comparing lengths first), and only a document that asks many times gets hash sets.
struct WordPresence<'a> {
    doc: &'a Document,
    /// The lowercase words, and the capitalised words that do not open their sentence.
    sets: Option<(FastSet<&'a str>, FastSet<&'a str>)>,
    scans: usize,
}

impl<'a> WordPresence<'a> {
    const MAX_SCANS: usize = 16;

    fn sets(&mut self) -> Option<&(FastSet<&'a str>, FastSet<&'a str>)> {
        if self.sets.is_none() && self.scans >= Self::MAX_SCANS {
            let doc = self.doc;
            let lowercase = doc
                .words
                .iter()
                .map(|w| doc.slice(w.span))
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
                .collect();
            let capitalised = doc
                .sentences
                .iter()
                .flat_map(|s| s.words.clone().skip(1))
                .map(|i| doc.slice(doc.words[i].span))
                .filter(|w| is_capitalised(w))
                .collect();
            self.sets = Some((lowercase, capitalised));
        }
        self.scans += 1;
        self.sets.as_ref()
    }

    /// Whether `lower` (a lowercase word) is a word of the document.
    fn written_lowercase(&mut self, lower: &str) -> bool {
        if !lower.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        if let Some((lowercase, _)) = self.sets() {
            return lowercase.contains(lower);
        }
        let doc = self.doc;
        doc.words.iter().any(|w| w.span.len() == lower.len() && doc.slice(w.span) == lower)
    }

    /// Whether `word` is written capitalised somewhere other than at a sentence start.
    fn capitalised_inside(&mut self, word: &str) -> bool {
        if !is_capitalised(word) {
            return false;
        }
        if let Some((_, capitalised)) = self.sets() {
            return capitalised.contains(word);
        }
        let doc = self.doc;
        doc.sentences.iter().any(|s| {
            doc.words[s.words.clone()].iter().skip(1).any(|w| w.span.len() == word.len() && doc.slice(w.span) == word)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compound_of_known_german_words_is_known_and_a_foreign_name_is_not() {
        let german = Lexicon::embedded("deu").expect("a German lexicon is registered");
        for compound in ["Unfalldaten", "Unfallraten", "Molekulardiagnosetechnologie", "Molekulardiagnostischer"] {
            assert!(!german.contains(compound), "{compound} is in the lexicon itself");
            assert!(is_known_compound(german, compound, 1), "{compound}");
        }
        for name in ["Selenskyj", "Molekulardiagosetechnologie", "Lukaschenko", "Abc", ""] {
            assert!(!is_known_compound(german, name, 1), "{name}");
        }
    }
}
