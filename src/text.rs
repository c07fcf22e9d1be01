//! Text folding shared by the document model and the detectors.

use std::hash::BuildHasher;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A hash map for per-document work: a fast hasher with a fixed seed, so that nothing about a
/// run depends on a random state.
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
/// The set counterpart of [`FastMap`].
pub type FastSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;

/// Lowercases `text` without moving any byte offset: a character whose lowercase form has a
/// different UTF-8 length (rare: `İ`, some Greek and Georgian letters) is kept as it is.
/// Spans found in the result are therefore valid spans of `text`.
pub fn lowercase_in_place_offsets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII are copied and lowercased whole.
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        // Latin-1 (the accents of French and its neighbours) without the Unicode tables: its
        // capitals lowercase 32 code points on, everything else stays.
        if c < '\u{100}' {
            out.push(if ('À'..='Þ').contains(&c) && c != '×' {
                char::from_u32(c as u32 + 32).unwrap_or(c)
            } else {
                c
            });
            continue;
        }
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

/// The bytes of a word of up to eight bytes as an integer (words hold no NUL byte, so no two
/// words share one).
pub fn short_key(word: &str) -> Option<u64> {
    short_key_of_bytes(word.as_bytes())
}

/// `short_key` of a word given as its UTF-8 bytes.
pub fn short_key_of_bytes(bytes: &[u8]) -> Option<u64> {
    // Fixed-size loads that overlap rather than a byte loop or a copy of variable length (a
    // call to memcpy): byte i lands at bits 8i..8i+8 whatever the length.
    let len = bytes.len();
    match len {
        0 => Some(0),
        1..=3 => Some(
            u64::from(bytes[0])
                | u64::from(bytes[len / 2]) << (8 * (len / 2))
                | u64::from(bytes[len - 1]) << (8 * (len - 1)),
        ),
        4..=8 => {
            let low = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            let high = u32::from_le_bytes([bytes[len - 4], bytes[len - 3], bytes[len - 2], bytes[len - 1]]);
            Some(u64::from(low) | u64::from(high) << (8 * (len - 4)))
        }
        _ => None,
    }
}

/// A word as an integer: its bytes (up to eight, `short_key_of_bytes`) or, for a longer word,
/// its 64-bit hash with the top bit set. Equal words get equal keys; two different words get
/// the same key only by a hash collision (odds of about 2^-63 a pair).
pub fn word_key(word: &[u8]) -> u64 {
    short_key_of_bytes(word).unwrap_or_else(|| foldhash::fast::FixedState::default().hash_one(word) | 1 << 63)
}

/// A fixed set of words by `short_key` (never 0: a word has a first byte), each with a value,
/// in an open-addressing table: one multiply and a probe or two a word, cheaper than a general
/// hash map for a test that every word of a text takes.
#[derive(Debug, Clone)]
pub struct ShortKeyTable {
    keys: Vec<u64>,
    values: Vec<u32>,
    shift: u32,
}

impl ShortKeyTable {
    /// The table of `entries`; a key given twice keeps its first value.
    pub fn new(entries: &[(u64, u32)]) -> ShortKeyTable {
        // At most a quarter full: a miss (most words) ends at an empty slot at once.
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut table = ShortKeyTable { keys: vec![0; size], values: vec![0; size], shift: 64 - size.trailing_zeros() };
        for &(key, value) in entries.iter().filter(|(key, _)| *key != 0) {
            let mut slot = table.slot_of(key);
            while table.keys[slot] != 0 && table.keys[slot] != key {
                slot = (slot + 1) & (size - 1);
            }
            if table.keys[slot] == 0 {
                table.keys[slot] = key;
                table.values[slot] = value;
            }
        }
        table
    }

    #[inline]
    fn slot_of(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        let mask = self.keys.len() - 1;
        let mut slot = self.slot_of(key);
        loop {
            match self.keys[slot] {
                0 => return None,
                k if k == key => return Some(self.values[slot]),
                _ => slot = (slot + 1) & mask,
            }
        }
    }
}

/// A memo of answers by word, for a per-thread cache in front of a costly computation (word
/// frequencies are Zipfian, names recur): bounded in entries (cleared when full) and in key
/// length (longer words are rare, and are computed each time), and tied to one owner (a
/// lexicon built in this process), so that it never mixes the answers of two. Words of up to
/// eight bytes, most of them, are keyed by their bytes in an integer: no string comparison.
pub struct WordMemo<V> {
    /// The owner the answers come from (0: none yet).
    owner: usize,
    short: FastMap<u64, V>,
    long: FastMap<Box<str>, V>,
    max_entries: usize,
}

impl<V: Clone> WordMemo<V> {
    /// Words longer than this are not kept.
    pub const MAX_KEY_BYTES: usize = 40;

    pub fn new(max_entries: usize) -> Self {
        WordMemo { owner: 0, short: FastMap::default(), long: FastMap::default(), max_entries }
    }

    /// The owner whose answers are kept (0: none yet).
    pub fn owner(&self) -> usize {
        self.owner
    }

    /// Forgets every answer if they come from another owner than `owner`.
    pub fn belong_to(&mut self, owner: usize) {
        if self.owner != owner {
            self.owner = owner;
            self.short.clear();
            self.long.clear();
        }
    }

    /// The answer for `word`, computed by `make` the first time it is asked.
    pub fn get_or_insert_with(&mut self, word: &str, make: impl FnOnce() -> V) -> V {
        if word.len() > Self::MAX_KEY_BYTES {
            return make();
        }
        if self.short.len() + self.long.len() >= self.max_entries {
            self.short.clear();
            self.long.clear();
        }
        match short_key(word) {
            Some(key) => self.short.entry(key).or_insert_with(make).clone(),
            None => {
                if let Some(found) = self.long.get(word) {
                    return found.clone();
                }
                let found = make();
                self.long.insert(word.into(), found.clone());
                found
            }
        }
    }
}

/// One `WordMemo` per owner, for a thread that works for several (a lexicon per language of
/// the documents it reads): switching between them keeps each one's answers. At most
/// `MAX_OWNERS` are kept; the oldest goes first.
pub struct WordMemos<V> {
    memos: Vec<WordMemo<V>>,
    max_entries: usize,
}

impl<V: Clone> WordMemos<V> {
    /// Owners kept at once (one per embedded language is enough).
    pub const MAX_OWNERS: usize = 8;

    pub const fn new(max_entries: usize) -> Self {
        WordMemos { memos: Vec::new(), max_entries }
    }

    /// The memo of `owner`, a fresh one the first time.
    pub fn of(&mut self, owner: usize) -> &mut WordMemo<V> {
        let slot = match self.memos.iter().position(|memo| memo.owner() == owner) {
            Some(slot) => slot,
            None => {
                if self.memos.len() == Self::MAX_OWNERS {
                    self.memos.remove(0);
                }
                let mut memo = WordMemo::new(self.max_entries);
                memo.belong_to(owner);
                self.memos.push(memo);
                self.memos.len() - 1
            }
        };
        &mut self.memos[slot]
    }
}

/// Removes diacritics: `Biélorussie` → `Bielorussie`, `Choïgou` → `Choigou`.
pub fn strip_accents(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).nfc().collect()
}

/// Folds a line for comparison with other lines: lowercase, no diacritics, every run of
/// characters that are neither letters nor digits (quotes, apostrophes, punctuation,
/// spaces) becomes one space; trimmed. Two renderings of one title that differ only in
/// typography fold to the same key.
pub fn fold_for_comparison(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_for_comparison_into(text, usize::MAX, &mut out);
    out
}

/// Appends to `out` the first `max_words` words of `fold_for_comparison(text)`, folding no
/// further than needed.
pub fn fold_for_comparison_into(text: &str, max_words: usize, out: &mut String) {
    let base = out.len();
    let mut words = 0usize;
    let mut pending_space = false;
    // Called with each character of the folded stream; false once `max_words` are complete.
    let mut push = |c: char, out: &mut String| -> bool {
        if !c.is_ascii() && is_combining_mark(c) {
            return true;
        }
        if c.is_alphanumeric() {
            if out.len() == base || pending_space {
                if words == max_words {
                    return false;
                }
                words += 1;
                if out.len() > base {
                    out.push(' ');
                }
            }
            pending_space = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            pending_space = true;
        }
        true
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            // Most text is ASCII: no decomposition, no combining mark.
            if !push(b as char, out) {
                return;
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        // Only non-ASCII characters can carry diacritics: decompose those alone.
        let mut more = true;
        unicode_normalization::char::decompose_canonical(c, |d| more = more && push(d, out));
        if !more {
            return;
        }
    }
}

/// Folds an interface line for pattern matching: lowercase, typographic apostrophes and
/// quotes made plain, all white space (including no-break spaces) one space, trimmed.
/// Accents are kept.
pub fn fold_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_line_chars(text, |c| {
        out.push(c);
        true
    });
    out
}

/// The characters of `fold_line(text)` one by one, as they are folded, until `each` returns
/// false; returns whether `each` was given them all. A matcher that can tell early that a
/// line will not match reads and folds no further.
pub fn fold_line_chars(text: &str, mut each: impl FnMut(char) -> bool) -> bool {
    let mut pending_space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space {
            if !each(' ') {
                return false;
            }
            pending_space = false;
        }
        let go_on = match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => each('\''),
            '\u{201C}' | '\u{201D}' => each('"'),
            _ if c.is_ascii() => each(c.to_ascii_lowercase()),
            _ => c.to_lowercase().all(&mut each),
        };
        if !go_on {
            return false;
        }
    }
    true
}

/// Characters that end a sentence.
pub fn is_sentence_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟')
}

/// Characters that may close a sentence after its terminal punctuation.
pub fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '»' | '”' | '’' | ')' | ']' | '›' | '*')
}

/// Apostrophes that join an elided word to the next (`l’Ukraine`, `d'arrêter`).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Hyphens that join word parts (`Assisons-nous`, `Jean-Pierre`).
pub fn is_word_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// A word all of lowercase letters (the shape of a common word, not a name, an acronym or a
/// number).
pub fn is_lowercase_word(word: &str) -> bool {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return !word.is_empty();
    }
    word.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
}

/// Whether a character belongs to a word: letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    // Most characters are ASCII, and no combining mark is below U+0300.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Latin-1 and Latin Extended-A (the accented letters of French and its neighbours)
    // without the Unicode table search.
    if c < '\u{180}' {
        return is_latin_alphanumeric(c);
    }
    c.is_alphanumeric() || (c >= '\u{300}' && is_combining_mark(c))
}

/// `char::is_alphanumeric` for U+0080 to U+017F.
fn is_latin_alphanumeric(c: char) -> bool {
    match c {
        '\u{100}'..='\u{17F}' => true,
        'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼' | '½' | '¾' => true,
        'À'..='ÿ' => c != '×' && c != '÷',
        _ => false,
    }
}

/// The largest char boundary of `text` at or below `index`.
pub fn floor_char_boundary(text: &str, index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    let mut i = index;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` at or above `index`.
pub fn ceil_char_boundary(text: &str, index: usize) -> usize {
    if index >= text.len() {
        return text.len();
    }
    let mut i = index;
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Shortens `text` to at most `max_chars` characters, marking the cut with `…`.
pub fn clip(text: &str, max_chars: usize) -> String {
    let mut chars = text.char_indices();
    match chars.nth(max_chars) {
        None => text.to_string(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}

/// A hash of a lowercase word with its Latin diacritics removed (`Fédération` and `federation`
/// hash alike), without allocating.
pub fn fold_hash(lower: &str) -> u64 {
    // A multiply-rotate step per character (as in FxHash), finalised once.
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
    for c in lower.chars() {
        let folded = if c.is_ascii() { c } else { fold_char(c) };
        if folded == '\0' {
            continue;
        }
        h = (h.rotate_left(5) ^ folded as u64).wrapping_mul(0x517C_C1B7_2722_0A95);
    }
    mix(h)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_memos_keep_each_owners_answers_apart() {
        let mut memos: WordMemos<u32> = WordMemos::new(16);
        assert_eq!(memos.of(1).get_or_insert_with("mot", || 1), 1);
        assert_eq!(memos.of(2).get_or_insert_with("mot", || 2), 2);
        // Asked again, each owner answers from its own memo.
        assert_eq!(memos.of(1).get_or_insert_with("mot", || 99), 1);
        assert_eq!(memos.of(2).get_or_insert_with("mot", || 99), 2);
        // Past the most owners kept, the oldest is forgotten.
        for owner in 3..3 + WordMemos::<u32>::MAX_OWNERS {
            memos.of(owner).get_or_insert_with("mot", || 0);
        }
        assert_eq!(memos.of(1).get_or_insert_with("mot", || 7), 7);
    }

    #[test]
    fn a_short_key_table_finds_its_words_and_nothing_else() {
        let words = ["de", "la", "que", "les", "dans", "pour", "avec", "aujourd"];
        let entries: Vec<(u64, u32)> =
            words.iter().enumerate().map(|(i, w)| (short_key(w).unwrap(), i as u32)).collect();
        let table = ShortKeyTable::new(&entries);
        for (i, word) in words.iter().enumerate() {
            assert_eq!(table.get(short_key(word).unwrap()), Some(i as u32), "{word}");
        }
        for other in ["d", "le", "qu", "dan", "pourr", "x"] {
            assert_eq!(table.get(short_key(other).unwrap()), None, "{other}");
        }
    }

    #[test]
    fn long_words_get_distinct_keys_with_the_top_bit_set() {
        let words = ["gouvernement", "gouvernements", "gouvernementale", "internationales", "constitutionnellement"];
        let keys: Vec<u64> = words.iter().map(|w| word_key(w.as_bytes())).collect();
        for (i, key) in keys.iter().enumerate() {
            assert!(key >> 63 == 1, "{}", words[i]);
            assert!(!keys[..i].contains(key), "{}", words[i]);
        }
        assert_eq!(word_key(b"gouvernement"), word_key(b"gouvernement"));
        assert_eq!(word_key(b"de"), short_key("de").unwrap());
    }

    #[test]
    fn every_bit_of_a_long_word_changes_its_key() {
        // Words that differ in one letter (`consideramos`, `consideremos`) are other types.
        for word in ["consideramos", "zurückgeben", "constituents", "gouvernementale", "a9b8c7d6e"] {
            let bytes = word.as_bytes();
            let key = word_key(bytes);
            for i in 0..bytes.len() {
                for bit in 0..8 {
                    let mut other = bytes.to_vec();
                    other[i] ^= 1 << bit;
                    assert_ne!(word_key(&other), key, "{word}: byte {i}, bit {bit}");
                }
            }
        }
    }

    #[test]
    fn lowercase_words_are_letters_only_all_lowercase() {
        assert!(is_lowercase_word("président") && is_lowercase_word("annonce"));
        assert!(!is_lowercase_word("") && !is_lowercase_word("Paris") && !is_lowercase_word("mp3"));
        assert!(!is_lowercase_word("iPhone") && !is_lowercase_word("l'État"));
    }

    #[test]
    fn short_key_puts_byte_i_at_bits_8i_for_every_length() {
        let word = b"abcdefghi";
        for len in 0..=8 {
            let expected = word[..len].iter().enumerate().fold(0u64, |key, (i, &b)| key | u64::from(b) << (8 * i));
            assert_eq!(short_key_of_bytes(&word[..len]), Some(expected), "length {len}");
        }
        assert_eq!(short_key_of_bytes(word), None);
        assert_ne!(short_key("de"), short_key("dé"));
    }

    #[test]
    fn lowercase_keeps_offsets() {
        let text = "İstanbul À PARIS";
        let lower = lowercase_in_place_offsets(text);
        assert_eq!(lower.len(), text.len());
        assert_eq!(lower, "İstanbul à paris");
    }

    #[test]
    fn comparison_fold_ignores_typography_and_accents() {
        assert_eq!(
            fold_for_comparison("Loukachenko appelle à une « trêve », d’arrêter"),
            fold_for_comparison("Loukachenko appelle a une \"treve\", d'arrêter")
        );
        assert_eq!(fold_for_comparison("  « Défendre »  la Biélorussie! "), "defendre la bielorussie");
        let mut first_two = String::new();
        fold_for_comparison_into("  « Défendre »  la Biélorussie! ", 2, &mut first_two);
        assert_eq!(first_two, "defendre la");
    }

    #[test]
    fn line_fold_keeps_accents_and_plain_apostrophes() {
        assert_eq!(
            fold_line("  Votre adresse e-mail ne sera pas publiée.\u{a0}Les champs"),
            "votre adresse e-mail ne sera pas publiée. les champs"
        );
        assert_eq!(fold_line("Aujourd’hui"), "aujourd'hui");
        // Character by character, stopping where the consumer says.
        let mut seen = String::new();
        let whole = fold_line_chars("  L’Œuvre  «x»", |c| {
            seen.push(c);
            seen.chars().count() < 4
        });
        assert!(!whole);
        assert_eq!(seen, "l'œu");
    }

    #[test]
    fn a_word_memo_computes_each_answer_once_per_owner_within_its_bounds() {
        // Each answer is a word's length; `computed` counts the computations.
        fn ask(memo: &mut WordMemo<usize>, word: &str, computed: &mut usize) -> usize {
            memo.get_or_insert_with(word, || {
                *computed += 1;
                word.len()
            })
        }
        let mut memo = WordMemo::new(3);
        let mut computed = 0;
        memo.belong_to(1);
        let long = "x".repeat(WordMemo::<usize>::MAX_KEY_BYTES + 1);
        for word in ["le", "gouvernement", "le", &long, &long] {
            assert_eq!(ask(&mut memo, word, &mut computed), word.len());
        }
        assert_eq!(computed, 4, "short and long words kept, the over-long one computed each time");
        computed = 0;
        memo.belong_to(2);
        for word in ["le", "la", "les", "des", "le"] {
            ask(&mut memo, word, &mut computed);
        }
        assert_eq!(computed, 5, "another owner's answers are forgotten, and a full memo starts again");
    }

    #[test]
    fn latin_1_lowercases_as_unicode_does() {
        let latin: String = ('\u{80}'..'\u{100}').collect();
        let expected: String = latin.chars().flat_map(char::to_lowercase).collect();
        assert_eq!(lowercase_in_place_offsets(&latin), expected);
    }

    #[test]
    fn latin_letters_take_the_short_path_with_the_same_answer() {
        for c in ('\u{80}'..'\u{180}').chain('a'..='z') {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn clip_marks_the_cut() {
        assert_eq!(clip("abcdef", 3), "abc…");
        assert_eq!(clip("abc", 3), "abc");
    }
}
