//! The French reading of a document: each word looked up once in the French lexicon, the
//! sentences the grammar rules judge, and a sentence seen as tokens with their lowercase text
//! and what separates them. Read by the grammar rules (MT6xx), the name mentions and the
//! `lexicon` command.

use crate::document::{Document, Joiner, Sentence};
use crate::lang::FunctionWordIndex;
use crate::lexicon::words::{Lexicon, MAX_CACHED_WORDS, Tags, tag};
use crate::text::{ShortKeyTable, WordMemos, short_key, word_key};
use crate::view::annotated::Annotated;

/// One word's lexicon lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordLex {
    /// The union of the tags of every analysis (0 when unknown).
    pub tags: Tags,
    /// The word is a form of the lexicon, as written or with its first letter lowercased.
    pub known: bool,
    /// The word is part of a hyphen or apostrophe compound that the lexicon knows as a whole
    /// (`aujourd'hui`, `c'est-à-dire`); its parts are not judged alone.
    pub in_known_compound: bool,
    /// The word opens with a lowercase letter.
    pub first_lowercase: bool,
    /// The word is all letters.
    pub alphabetic: bool,
    /// The word opens with an uppercase letter.
    pub capitalised: bool,
    /// Some letter of the word is lowercase.
    pub has_lowercase: bool,
    /// Some character of the word is an ASCII digit.
    pub digit: bool,
    /// Characters in the word.
    pub chars: u32,
    /// The word's lowercase text as an integer (`text::word_key`): its type for lexical variety.
    pub key: u64,
    /// The word's place in the function-word list of the lexicon's language
    /// (`lang::FunctionWordIndex`), if it is one.
    pub function_word: Option<u16>,
}

impl WordLex {
    /// The word is all letters and opens with a lowercase one: the words whose share the
    /// lexicon knows tells French text from other text.
    pub fn lowercase_alphabetic(&self) -> bool {
        self.first_lowercase && self.alphabetic
    }
}

/// Short lowercase words with a value each, found by a word's key (`WordLex::key`, the bytes
/// of a word of up to eight bytes in an integer) with one multiply and a probe: a rule that
/// looks at every word of a document tells the few it acts on from the rest without slicing
/// or comparing text.
#[derive(Debug, Clone)]
pub struct WordTable<V> {
    keys: ShortKeyTable,
    values: Vec<V>,
}

impl<V: Copy> WordTable<V> {
    /// The table of `entries` (lowercase words); a word given twice keeps its first value.
    ///
    /// # Panics
    /// On a word longer than eight bytes, or of eight whose last byte is not ASCII: such a
    /// key could not be told from a longer word's hashed one.
    pub fn new(entries: &[(&str, V)]) -> Self {
        let keys: Vec<(u64, u32)> = entries
            .iter()
            .enumerate()
            .map(|(i, (word, _))| {
                assert!(
                    Self::can_hold(word),
                    "`{word}` is too long for a word table (over eight bytes, or eight with a non-ASCII last)"
                );
                (short_key(word).unwrap_or_default(), i as u32)
            })
            .collect();
        WordTable { keys: ShortKeyTable::new(&keys), values: entries.iter().map(|(_, value)| *value).collect() }
    }

    /// Whether `word` may be put in a table: up to eight bytes, the eighth ASCII.
    pub fn can_hold(word: &str) -> bool {
        short_key(word).is_some_and(|key| key >> 63 == 0)
    }

    /// Whether the key of the word read as `lex` is its text (`can_hold` of its text), not a
    /// hash: a table's answer for any other word is no.
    #[inline]
    pub fn keyed_by_text(lex: &WordLex) -> bool {
        lex.key >> 63 == 0
    }

    /// The value of the word read as `lex`, if it is one of the table's.
    #[inline]
    pub fn get(&self, lex: &WordLex) -> Option<V> {
        if !Self::keyed_by_text(lex) {
            return None; // a longer word, keyed by its hash
        }
        self.keys.get(lex.key).map(|i| self.values[i as usize])
    }
}

/// Whether the French rules apply to this document.
pub fn is_french(doc: &Annotated) -> bool {
    doc.lang.code == "fra" && doc.lang.reliable
}

/// The languages whose documents get word readings from their own lexicon (besides French):
/// those with an embedded lexicon, when identification is reliable.
pub fn has_own_lexicon(doc: &Annotated) -> bool {
    doc.lang.reliable && crate::lexicon::words::Lexicon::embedded_languages().any(|code| code == doc.lang.code)
}

/// Looks every word up in the lexicon of the document's language; called once per document
/// through `View::french_words` or `View::own_words`. The readings are the same for every
/// language; only French has elided clitics.
pub fn look_up_words(doc: &Document, lexicon: &Lexicon) -> Vec<WordLex> {
    let elides = lexicon.lang() == "fra";
    let function_words = FunctionWordIndex::of(lexicon.lang());
    let mut out: Vec<WordLex> = WORD_READINGS.with(|caches| {
        let mut caches = caches.borrow_mut();
        let cache = caches.of(lexicon.id());
        doc.words
            .iter()
            .map(|w| {
                let text = doc.slice(w.span);
                // Elided clitics (`l'`, `qu'`) are separate tokens; the lexicon has no entry for them.
                if elides
                    && w.span.len() <= 6
                    && doc.text[w.span.end..].starts_with(['\'', '’'])
                    && is_elided_clitic(doc.slice_lower(w.span))
                {
                    return WordLex {
                        tags: Tags(tag::OTHER),
                        known: true,
                        ..word_shape(text, doc.slice_lower(w.span), function_words)
                    };
                }
                cache.get_or_insert_with(text, || read_word(text, doc.slice_lower(w.span), lexicon, function_words))
            })
            .collect()
    });
    // Compounds: try the joined text of two or three words glued by a hyphen or an apostrophe.
    let mut buffer = String::new();
    for start in 0..doc.words.len() {
        for len in [3usize, 2] {
            let end = start + len;
            if end > doc.words.len() || !(start + 1..end).all(|i| doc.words[i].joiner != Joiner::Space) {
                continue;
            }
            if (start..end).all(|i| out[i].known) {
                continue;
            }
            buffer.clear();
            buffer.extend(
                doc.lower[doc.words[start].span.start..doc.words[end - 1].span.end]
                    .chars()
                    .map(|c| if c == '’' { '\'' } else { c }),
            );
            if lexicon.contains(&buffer) {
                for item in &mut out[start..end] {
                    item.in_known_compound = true;
                }
            }
        }
    }
    out
}

/// Each word's shape, type key and place among the function words of `lang`, without lexicon
/// readings: for the style profile of a language without a lexicon.
pub fn shape_words(doc: &Document, lang: &str) -> Vec<WordLex> {
    let function_words = FunctionWordIndex::of(lang);
    doc.words.iter().map(|w| word_shape(doc.slice(w.span), doc.slice_lower(w.span), function_words)).collect()
}

/// A word's letter shape, its type key and its place among the language's function words, in
/// one pass over its characters (`lower` is its lowercase text).
fn word_shape(text: &str, lower: &str, function_words: Option<&FunctionWordIndex>) -> WordLex {
    let first = text.chars().next();
    let (mut chars, mut alphabetic, mut has_lowercase, mut digit) = (0u32, true, false, false);
    for c in text.chars() {
        chars += 1;
        alphabetic &= c.is_alphabetic();
        has_lowercase |= c.is_lowercase();
        digit |= c.is_ascii_digit();
    }
    WordLex {
        first_lowercase: first.is_some_and(char::is_lowercase),
        capitalised: first.is_some_and(char::is_uppercase),
        alphabetic,
        has_lowercase,
        digit,
        chars,
        key: word_key(lower.as_bytes()),
        function_word: function_words.and_then(|index| index.position(lower.as_bytes())),
        ..WordLex::default()
    }
}

/// The lexicon's reading of a word as written (`lower` is its lowercase text), apart from what
/// its neighbours decide (elision, compounds).
fn read_word(text: &str, lower: &str, lexicon: &Lexicon, function_words: Option<&FunctionWordIndex>) -> WordLex {
    let shape = word_shape(text, lower, function_words);
    let exact = lexicon.lookup(text);
    let mut known = exact.is_some();
    let mut tags = exact.unwrap_or_default();
    // A capital may only mark the start of a sentence or a title: `A` is also `a`.
    if shape.capitalised
        && let Some(lower) = lexicon.lookup(lower)
    {
        known = true;
        tags = Tags(tags.0 | lower.0);
    }
    WordLex { tags, known, ..shape }
}

thread_local! {
    /// Each word's reading as written, by its text: most words of a document are read with one
    /// probe instead of up to two lexicon lookups and three passes over their letters.
    static WORD_READINGS: std::cell::RefCell<WordMemos<WordLex>> =
        const { std::cell::RefCell::new(WordMemos::new(MAX_CACHED_WORDS)) };
}

fn is_elided_clitic(lower: &str) -> bool {
    matches!(
        lower,
        "l" | "d" | "j" | "m" | "n" | "s" | "t" | "c" | "qu" | "jusqu" | "lorsqu" | "puisqu" | "quoiqu" | "presqu"
    )
}

/// A word of a sentence as the grammar rules see it.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    /// Index into `Document::words`.
    pub index: usize,
    pub span: crate::finding::Span,
    pub text: &'a str,
    pub lower: &'a str,
    pub joiner: Joiner,
    /// The text between the previous word of the sentence and this one.
    pub gap: &'a str,
    pub lex: WordLex,
    /// First word of its sentence (its capital says nothing about it being a name).
    pub sentence_initial: bool,
}

impl Token<'_> {
    pub fn tags(&self) -> Tags {
        self.lex.tags
    }
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is_all_caps(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() > 1 && !self.text.chars().any(char::is_lowercase)
    }
    pub fn is_alphabetic(&self) -> bool {
        self.text.chars().all(char::is_alphabetic)
    }
    /// A clause may start here: punctuation (a comma, a colon, a dash, an opening quotation
    /// mark or parenthesis) separates it from the previous word.
    pub fn follows_clause_break(&self) -> bool {
        self.gap.contains([',', ';', ':', '(', '«', '"', '“', '—', '–'])
    }

    /// Nothing but spaces (and, if `quotes`, opening quotation marks) separates it from the
    /// previous word.
    pub fn follows_closely(&self, quotes: bool) -> bool {
        follows_closely(self.joiner, self.gap, quotes)
    }
}

/// Nothing but spaces (and, if `quotes`, opening quotation marks) in `gap`, the text before a
/// word joined by `joiner` to the previous one.
fn follows_closely(joiner: Joiner, gap: &str, quotes: bool) -> bool {
    joiner == Joiner::Space
        && !gap.is_empty()
        && gap.chars().all(|c| c.is_whitespace() || (quotes && matches!(c, '«' | '“' | '"' | '„')))
}

/// The token of word `index` of `sentence`, with `lex` from `View::french_words`.
pub fn token<'a>(doc: &'a Document, lex: &[WordLex], sentence: &Sentence, index: usize) -> Token<'a> {
    let word = doc.words[index];
    let sentence_initial = index == sentence.words.start;
    let previous_end = if sentence_initial { sentence.span.start } else { doc.words[index - 1].span.end };
    Token {
        index,
        span: word.span,
        text: doc.slice(word.span),
        lower: doc.slice_lower(word.span),
        joiner: word.joiner,
        gap: &doc.text[previous_end.min(word.span.start)..word.span.start],
        lex: lex.get(index).copied().unwrap_or_default(),
        sentence_initial,
    }
}

/// A sentence's tokens, each made when it is asked for: for rules that look at a few words
/// around a trigger, without laying out the whole sentence.
pub struct SentenceTokens<'a> {
    doc: &'a Document,
    lex: &'a [WordLex],
    sentence: &'a Sentence,
}

impl<'a> SentenceTokens<'a> {
    /// The tokens of `sentence`, with `lex` from `View::french_words`.
    pub fn new(doc: &'a Document, lex: &'a [WordLex], sentence: &'a Sentence) -> Self {
        SentenceTokens { doc, lex, sentence }
    }

    pub fn len(&self) -> usize {
        self.sentence.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sentence.words.is_empty()
    }

    /// The `i`th token of the sentence (`i < len()`).
    #[inline]
    pub fn at(&self, i: usize) -> Token<'a> {
        token(self.doc, self.lex, self.sentence, self.sentence.words.start + i)
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<Token<'a>> {
        (i < self.len()).then(|| self.at(i))
    }

    /// The lowercase text of the `i`th word (`i < len()`), without making its token.
    #[inline]
    pub fn lower(&self, i: usize) -> &'a str {
        self.doc.slice_lower(self.doc.words[self.sentence.words.start + i].span)
    }

    /// How the `i`th word (`i < len()`) is joined to the previous one, without making its token.
    #[inline]
    pub fn joiner(&self, i: usize) -> Joiner {
        self.doc.words[self.sentence.words.start + i].joiner
    }

    /// `Token::follows_closely(false)` of the `i`th word (`i < len()`), without making its token.
    pub fn follows_closely(&self, i: usize) -> bool {
        let index = self.sentence.words.start + i;
        let start = self.doc.words[index].span.start;
        let previous_end = if i == 0 { self.sentence.span.start } else { self.doc.words[index - 1].span.end };
        follows_closely(self.doc.words[index].joiner, &self.doc.text[previous_end.min(start)..start], false)
    }

    /// Whether the `i`th word (`i < len()`) is attached to the previous one: nothing but spaces
    /// between them, or an apostrophe (`l'air`).
    pub fn attached(&self, i: usize) -> bool {
        self.joiner(i) == Joiner::Apostrophe || self.follows_closely(i)
    }

    /// The text of the `i`th word (`i < len()`), without making its token.
    pub fn text(&self, i: usize) -> &'a str {
        self.doc.slice(self.doc.words[self.sentence.words.start + i].span)
    }

    /// The words `from..=to` as a message quotes them: one space between words, whatever
    /// whitespace the text has there, and an apostrophe or hyphen kept as written (`l’états`).
    pub fn phrase(&self, from: usize, to: usize) -> String {
        let mut phrase = String::new();
        for k in from..=to.min(self.len().saturating_sub(1)) {
            if k > from {
                let gap = self.at(k).gap;
                phrase.push_str(if gap.trim().is_empty() { " " } else { gap.trim() });
            }
            phrase.push_str(self.text(k));
        }
        phrase
    }

    /// The lexicon reading of the `i`th word, without making its token.
    #[inline]
    pub fn lex(&self, i: usize) -> WordLex {
        self.lex.get(self.sentence.words.start + i).copied().unwrap_or_default()
    }
}

/// The indices of the sentences the grammar rules judge: French sentences outside the comment
/// section. A sentence where the lexicon knows too few of the lowercase words (an English
/// disclaimer, a quotation in another language) is left out. Computed once per document,
/// through `View::french_sentences`.
pub fn select_sentences(doc: &Annotated, lex: &[WordLex]) -> Vec<usize> {
    if lex.len() != doc.words.len() {
        return Vec::new(); // no readings (a language without a lexicon): the grammar rules do not run
    }
    let french_sentence = |sentence: &Sentence| {
        let (mut checked, mut unknown) = (0usize, 0usize);
        for word in &lex[sentence.words.clone()] {
            if word.lowercase_alphabetic() {
                checked += 1;
                unknown += usize::from(!word.known && !word.in_known_compound);
            }
        }
        checked < 4 || unknown * 10 < checked * 3
    };
    (0..doc.sentences.len())
        .filter(|&s| !doc.in_comments(doc.sentences[s].span) && french_sentence(&doc.sentences[s]))
        .collect()
}

/// A finite form of être (`est`, `soient`), the auxiliary several rules look for.
pub fn is_etre_finite(token: &Token<'_>, lexicon: &Lexicon) -> bool {
    token.tags().has(tag::FINITE) && lexicon.analyses(token.lower).any(|a| lexicon.lemma(a.lemma) == "être")
}

/// The person a subject pronoun gives the verb after it (`ils` → 3pl).
pub fn subject_person(pronoun: &str) -> Option<u64> {
    SUBJECT_PRONOUNS.iter().find(|(word, _)| *word == pronoun).map(|&(_, person)| person)
}

/// The subject pronouns and the person each gives its verb.
pub const SUBJECT_PRONOUNS: [(&str, u64); 12] = [
    ("je", tag::P1SG),
    ("j", tag::P1SG),
    ("tu", tag::P2SG),
    ("il", tag::P3SG),
    ("elle", tag::P3SG),
    ("on", tag::P3SG),
    ("iel", tag::P3SG),
    ("nous", tag::P1PL),
    ("vous", tag::P2PL),
    ("ils", tag::P3PL),
    ("elles", tag::P3PL),
    ("iels", tag::P3PL),
];

/// Every person bit.
pub const PERSONS: u64 = tag::P1SG | tag::P2SG | tag::P3SG | tag::P1PL | tag::P2PL | tag::P3PL;

/// Object pronouns and the negation that stand between a subject and its verb (`ils ne le
/// lui ont`).
pub fn is_preverbal_clitic(lower: &str) -> bool {
    matches!(lower, "ne" | "n") || is_object_pronoun(lower)
}

/// The object pronouns that stand before a verb, elided or not (`me`, `l`, `lui`, `y`, `en`).
pub fn is_object_pronoun(lower: &str) -> bool {
    matches!(
        lower,
        "me" | "m"
            | "te"
            | "t"
            | "se"
            | "s"
            | "le"
            | "la"
            | "les"
            | "l"
            | "lui"
            | "leur"
            | "y"
            | "en"
            | "nous"
            | "vous"
    )
}

/// `word` with the case of its first letter taken from `model` (`Le` → `La`, `le` → `la`).
pub fn capitalise_like(model: &str, word: &str) -> String {
    if model.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = word.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    } else {
        word.to_string()
    }
}

/// Words that are only ever determiners (or are read as such before a noun).
pub fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "le" | "la"
            | "les"
            | "l"
            | "un"
            | "une"
            | "des"
            | "du"
            | "de"
            | "d"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "mon"
            | "ma"
            | "mes"
            | "ton"
            | "ta"
            | "tes"
            | "son"
            | "sa"
            | "ses"
            | "notre"
            | "nos"
            | "votre"
            | "vos"
            | "leur"
            | "leurs"
            | "au"
            | "aux"
            | "chaque"
            | "quelques"
            | "plusieurs"
            | "tout"
            | "toute"
            | "tous"
            | "toutes"
    )
}

/// The accented word that `token` stands for if it is a common word written without its
/// accents (MT605, and the `accents_lost` figure). `mid_sentence_capitals` says whether a
/// capitalised word occurs inside sentences of the document (a name, then).
pub fn stripped_accents(token: &Token<'_>, lexicon: &Lexicon, is_name: impl Fn(&str) -> bool) -> Option<String> {
    if token.lex.known
        || token.lex.in_known_compound
        || token.text.chars().count() < 3
        || !token.text.chars().all(|c| c.is_ascii_alphabetic())
        || token.is_all_caps()
    {
        return None;
    }
    let capitalised = token.is_capitalised();
    // A capitalised word is judged as written (`Bielorussie` is the country `Biélorussie`),
    // except that a French capital often goes without its accent (`Ecosse`): a word whose only
    // missing accent is on its capital is not counted. At the start of a sentence the
    // lowercase word is tried too, unless the document uses the word as a name elsewhere
    // (`Bucha` is a town, not the verb `bûcha`).
    let as_written = restored_accents(lexicon, token.text)
        .filter(|r| r.chars().next().is_some_and(char::is_uppercase) == capitalised);
    let restored = match as_written {
        Some(r) => Some(r),
        None if capitalised && token.sentence_initial && !is_name(token.text) => {
            restored_accents(lexicon, token.lower).map(|r| capitalise_like(token.text, &r))
        }
        None => None,
    }?;
    // A common word, not a name: by its tags where the lexicon has them; else (a dictionary
    // without morphology) a word the lexicon knows in lowercase.
    let common = if lexicon.has_tags() {
        lexicon.tags(&restored.to_lowercase()).has(tag::NOUN | tag::ADJ | tag::VERB | tag::ADV)
            || lexicon.tags(&restored).has(tag::NOUN | tag::ADJ | tag::VERB | tag::ADV)
    } else {
        restored.chars().next().is_some_and(char::is_lowercase) || lexicon.contains(&restored.to_lowercase())
    };
    let only_initial = capitalised && restored.chars().skip(1).eq(token.text.chars().skip(1));
    (common && !only_initial).then_some(restored)
}

/// The single valid word that `word` (unknown, written without any diacritic) stands for once
/// its accents are restored, if there is exactly one.
pub fn restored_accents(lexicon: &Lexicon, word: &str) -> Option<String> {
    if !word.is_ascii() {
        return None;
    }
    let candidates = lexicon.accented_forms(word);
    let mut texts = candidates.iter().map(|&id| lexicon.form_text(id)).filter(|form| form != word);
    let first = texts.next()?;
    texts.next().is_none().then_some(first)
}

#[cfg(test)]
mod tests {
    use crate::lexicon::set::Lexicons;
    use crate::view::View;

    fn doc(text: &str) -> View {
        View::build("test", text.to_string(), Lexicons::embedded())
    }

    #[test]
    fn compounds_known_as_a_whole_cover_their_parts() {
        let d = doc("Aujourd’hui, le gouvernement a publié un communiqué dans la soirée, c’est-à-dire tard.");
        let words = d.french_words(Lexicons::embedded());
        let aujourd = d.words.iter().position(|w| d.slice(w.span) == "Aujourd").expect("split at the apostrophe");
        assert!(words[aujourd].in_known_compound);
    }

    #[test]
    fn each_reading_carries_the_word_shape_type_key_and_function_word_place() {
        let d = doc("Le député ÉTRANGE et Müller ont voté 2,5 fois pour l'État, constitutionnellement.");
        let words = d.french_words(Lexicons::embedded());
        let list = crate::lang::function_word_list("fra").unwrap();
        for (word, reading) in d.words.iter().zip(words) {
            let text = d.slice(word.span);
            let lower = d.slice_lower(word.span);
            assert_eq!(reading.chars as usize, text.chars().count(), "{text}");
            assert_eq!(reading.digit, text.chars().any(|c| c.is_ascii_digit()), "{text}");
            assert_eq!(reading.has_lowercase, text.chars().any(char::is_lowercase), "{text}");
            assert_eq!(reading.capitalised, text.chars().next().is_some_and(char::is_uppercase), "{text}");
            assert_eq!(reading.key, crate::text::word_key(lower.as_bytes()), "{text}");
            let place = list.iter().position(|w| *w == lower).map(|i| i as u16);
            assert_eq!(reading.function_word, place, "{text}");
        }
        let shapes = super::shape_words(&d, "fra");
        for (shape, reading) in shapes.iter().zip(words) {
            assert_eq!(
                (shape.chars, shape.digit, shape.has_lowercase, shape.capitalised, shape.key, shape.function_word),
                (
                    reading.chars,
                    reading.digit,
                    reading.has_lowercase,
                    reading.capitalised,
                    reading.key,
                    reading.function_word
                )
            );
        }
    }

    #[test]
    fn a_word_table_finds_its_words_by_their_key_and_no_other_word() {
        let table = super::WordTable::new(&[("il", 1), ("que", 2), ("ça", 3), ("personne", 4)]);
        let d = doc("Il dit que ça marche, que personne ne le sait, constitutionnellement qu'il part.");
        let words = d.french_words(Lexicons::embedded());
        for (word, reading) in d.words.iter().zip(words) {
            let expected = match d.slice_lower(word.span) {
                "il" => Some(1),
                "que" => Some(2),
                "ça" => Some(3),
                "personne" => Some(4),
                _ => None,
            };
            assert_eq!(table.get(reading), expected, "{}", d.slice(word.span));
        }
        assert!(super::WordTable::<u8>::can_hold("personne"));
        assert!(!super::WordTable::<u8>::can_hold("constitution"));
    }

    #[test]
    #[should_panic(expected = "too long for a word table")]
    fn a_word_table_refuses_a_word_it_could_not_tell_from_others() {
        super::WordTable::new(&[("constitutionnellement", 1)]);
    }

    #[test]
    fn a_sentence_reads_one_field_of_a_word_as_its_token_does() {
        let d = doc("« Il  a dit», puis: l'homme (très) bien-aimé est-il venu ?  Oui.\nNon « voilà » .");
        let words = d.french_words(Lexicons::embedded());
        for sentence in &d.sentences {
            let tokens = super::SentenceTokens::new(&d, words, sentence);
            for i in 0..tokens.len() {
                let token = tokens.at(i);
                assert_eq!(tokens.joiner(i), token.joiner, "{}", token.text);
                assert_eq!(tokens.follows_closely(i), token.follows_closely(false), "{}", token.text);
                let attached = token.follows_closely(false) || token.joiner == crate::document::Joiner::Apostrophe;
                assert_eq!(tokens.attached(i), attached, "{}", token.text);
                assert_eq!((tokens.lower(i), tokens.text(i)), (token.lower, token.text));
                assert_eq!(tokens.lex(i), token.lex, "{}", token.text);
            }
        }
    }
}
