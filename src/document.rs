//! The document model: segmentation only. A document's text, its lowercase copy and its lines,
//! paragraphs, sentences and words, with the queries that map offsets to them. What is derived
//! from a lexicon (language, readings, names, comment zone) is the view's (`view`).
//!
//! Segmentation is deliberately simple and fast (one pass per level, no allocation per
//! token): lines, paragraphs (blank-line separated, with hard-wrapped lines joined),
//! sentences (terminal punctuation followed by a capital, with an abbreviation list) and
//! words (runs of letters and digits, split at apostrophes and hyphens, with the joiner
//! remembered so that `l’Ukraine` and `Jean-Pierre` can be put back together).

use crate::finding::Span;
use crate::text;
use std::ops::Range;

/// How a word is attached to the word before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joiner {
    /// Separated by white space or punctuation.
    Space,
    /// Joined by an apostrophe: `l’` + `Ukraine`.
    Apostrophe,
    /// Joined by a hyphen: `Assisons` + `nous`.
    Hyphen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub joiner: Joiner,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into `Document::words`.
    pub words: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Indices into `Document::sentences`.
    pub sentences: Range<usize>,
    /// Indices into `Document::words`.
    pub words: Range<usize>,
    /// 0-based index of its first line.
    pub first_line: usize,
}

/// What the line is, as far as page furniture goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineInfo {
    /// The line without its line break and surrounding white space (empty span for blank lines).
    pub content: Span,
    /// The interface-string pattern the whole line matches, if any (index into the UI lexicon):
    /// set by the line classifier the document is segmented with (`Document::with_line_classes`).
    pub ui_pattern: Option<u32>,
}

#[derive(Debug)]
pub struct Document {
    pub id: String,
    /// The site the document was published on, when the inputs name it.
    pub site: Option<String>,
    pub text: String,
    /// `text` lowercased with every byte offset kept (see `text::lowercase_in_place_offsets`).
    pub lower: String,
    line_starts: Vec<usize>,
    pub lines: Vec<LineInfo>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub words: Vec<Word>,
}

/// Abbreviations after which a period does not end a sentence (lowercase, without the period).
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "prof", "st", "ste", "mr", "mrs", "ms", "jr", "sr", "gen",
    "gén", "col", "lt", "sgt", "sen", "rep", "gov", "cf", "vs", "no", "n°", "p", "pp", "vol", "ed", "fig", "env", "av",
    "apr", "inc", "ltd", "co", "corp", "dept", "univ", "art", "al", "ex", "sr", "sra", "srta", "hr", "fr", "bd", "ca",
    "nr", "bzw", "vgl", "dll", "dsb", "sdr", "bpk", "ibu", "jl", "ir", "h", "mgr", "me", "cie", "etc",
];

impl Document {
    /// Lines, paragraphs, sentences and words, with no line classified. For passes that only
    /// need the segmentation (`mtaudit diff`). Never panics, whatever the text.
    pub fn segmented(id: impl Into<String>, text: String) -> Document {
        Document::with_line_classes(id.into(), text, |text, _, starts| {
            (0..starts.len())
                .map(|i| LineInfo {
                    content: trimmed_line(text, starts[i], starts.get(i + 1).copied().unwrap_or(text.len())),
                    ui_pattern: None,
                })
                .collect()
        })
    }

    /// Lowercases, finds the lines (described by `lines`, given the text, its lowercase copy
    /// and the line starts) and segments. Never panics, whatever the text.
    pub fn with_line_classes(
        id: String,
        text: String,
        lines: impl FnOnce(&str, &str, &[usize]) -> Vec<LineInfo>,
    ) -> Document {
        let lower = text::lowercase_in_place_offsets(&text);
        let line_starts = line_starts(&text);
        let lines = lines(&text, &lower, &line_starts);
        let mut doc = Document {
            id,
            site: None,
            text,
            lower,
            line_starts,
            lines,
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            words: Vec::new(),
        };
        doc.segment();
        doc
    }

    fn segment(&mut self) {
        let text = &self.text;
        let mut para_start: Option<(usize, usize)> = None; // (byte offset, line index)
        let mut para_end = 0usize;
        let mut prev_line_open = false; // the previous line did not end a sentence
        let mut ranges: Vec<(Span, usize)> = Vec::new();
        for (i, line) in self.lines.iter().enumerate() {
            let content = line.content;
            if content.is_empty() {
                if let Some((start, first)) = para_start.take() {
                    ranges.push((Span::new(start, para_end), first));
                }
                prev_line_open = false;
                continue;
            }
            let line_text = content.text(text);
            let starts_lower = line_text.chars().next().is_some_and(char::is_lowercase);
            let continues = para_start.is_some() && prev_line_open && starts_lower;
            if !continues {
                if let Some((start, first)) = para_start.take() {
                    ranges.push((Span::new(start, para_end), first));
                }
                para_start = Some((content.start, i));
            }
            para_end = content.end;
            let last = line_text.chars().next_back().unwrap_or(' ');
            prev_line_open = !(text::is_sentence_terminal(last) || text::is_closing(last) || last == ':');
        }
        if let Some((start, first)) = para_start.take() {
            ranges.push((Span::new(start, para_end), first));
        }

        for (span, first_line) in ranges {
            let sentence_start = self.sentences.len();
            let word_start = self.words.len();
            split_sentences(text, span, |sentence_span| {
                let first_word = self.words.len();
                split_words(text, sentence_span, &mut self.words);
                self.sentences.push(Sentence { span: sentence_span, words: first_word..self.words.len() });
            });
            self.paragraphs.push(Paragraph {
                span,
                sentences: sentence_start..self.sentences.len(),
                words: word_start..self.words.len(),
                first_line,
            });
        }
    }

    /// Gives the text back, dropping the segmentation.
    pub fn into_text(self) -> String {
        self.text
    }

    /// Number of lines (a final line without a line break counts).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// 1-based line and 1-based column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_index(offset);
        let start = self.line_starts[line];
        let offset = text::floor_char_boundary(&self.text, offset.max(start));
        let col = self.text[start..offset].chars().count() + 1;
        (line + 1, col)
    }

    /// The whole line (without its line break) that holds 0-based line `index`.
    pub fn line_span(&self, index: usize) -> Span {
        let start = self.line_starts[index];
        let mut end = self.line_starts.get(index + 1).copied().unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        while end > start && (bytes[end - 1] == b'\n' || bytes[end - 1] == b'\r') {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The lowercase text of a span (same offsets as `slice`).
    pub fn slice_lower(&self, span: Span) -> &str {
        &self.lower[span.start..span.end]
    }

    /// Number of words, the length that scores are normalised by.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Index of the word that starts at or after `offset`.
    pub fn word_at_or_after(&self, offset: usize) -> usize {
        self.words.partition_point(|w| w.span.start < offset)
    }

    /// Index of the sentence containing `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Index of the paragraph containing `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= offset).then_some(i)
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
    if starts.len() > 1 && *starts.last().unwrap_or(&0) == text.len() {
        starts.pop();
    }
    starts
}

/// The line between `start` and `end` without surrounding white space (empty at `start` if
/// blank).
pub fn trimmed_line(text: &str, start: usize, end: usize) -> Span {
    let raw = &text[start..end];
    let trimmed_start = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        Span::new(start, start)
    } else {
        Span::new(start + trimmed_start, start + trimmed_start + trimmed.len())
    }
}

/// Splits a paragraph into sentences, calling `emit` with each trimmed sentence span.
fn split_sentences(text: &str, para: Span, mut emit: impl FnMut(Span)) {
    let slice = &text[para.start..para.end];
    let bytes = slice.as_bytes();
    let mut start = 0usize;
    let mut i = 0usize;
    // Skip to the next byte that can begin a terminal character (`.`, `!`, `?`, or the lead
    // byte of `…`, `。`, `！`, `？`, `؟`) without decoding what lies between.
    while let Some(skip) = bytes[i..].iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF | 0xD8))
    {
        i += skip;
        let c = slice[i..].chars().next().unwrap_or(' ');
        if !text::is_sentence_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        let mut end = i + c.len_utf8();
        let offset = end;
        let mut chars = slice[offset..].char_indices().map(|(j, c)| (j + offset, c)).peekable();
        while let Some(&(j, next)) = chars.peek() {
            if text::is_sentence_terminal(next) || text::is_closing(next) {
                end = j + next.len_utf8();
                chars.next();
            } else if next.is_whitespace() && closes_after_space(&slice[j..]) {
                // French spacing: `Non. »` closes the quotation after a space.
                chars.next();
            } else {
                break;
            }
        }
        // Scanning resumes after the punctuation just read (as a boundary or not).
        let scanned = chars.peek().map_or(slice.len(), |&(j, _)| j);
        let boundary_at = i;
        i = scanned;
        // A boundary needs white space, then a capital, a digit or an opening mark.
        let rest = &slice[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() && !rest.is_empty() {
            continue;
        }
        let next = after_space.chars().next();
        let opens_sentence = match next {
            None => true,
            Some(n) => {
                n.is_uppercase()
                    || n.is_numeric()
                    || matches!(n, '«' | '“' | '"' | '\'' | '(' | '¿' | '¡' | '—' | '–' | '-' | '‘' | '[' | '#')
            }
        };
        if !opens_sentence {
            continue;
        }
        if c == '.' && is_abbreviation(&slice[start..boundary_at]) {
            continue;
        }
        push_trimmed(para.start, slice, start, end, &mut emit);
        start = end;
    }
    push_trimmed(para.start, slice, start, slice.len(), &mut emit);
}

fn push_trimmed(base: usize, slice: &str, start: usize, end: usize, emit: &mut impl FnMut(Span)) {
    let piece = &slice[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        emit(Span::new(base + start + lead, base + start + lead + trimmed.len()));
    }
}

/// Whether a closing quotation mark follows after at most two white-space characters
/// (bounded, so that a long run of spaces costs nothing).
fn closes_after_space(rest: &str) -> bool {
    rest.chars().take(3).find(|c| !c.is_whitespace()).is_some_and(|c| matches!(c, '»' | '”'))
}

/// Whether the text before a period ends with an abbreviation or an initial (`M`, `J`).
fn is_abbreviation(before: &str) -> bool {
    let word_start = before
        .rfind(|c: char| !text::is_word_char(c) && c != '°')
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.next().is_none() && first.is_uppercase() {
        return true; // an initial: "J. Clinton", "M. Lukashnikov"
    }
    if word.chars().count() > 5 {
        return false;
    }
    // Most words before a period are ASCII: compared without a lowercase copy.
    if word.is_ascii() {
        return !word.eq_ignore_ascii_case("etc") && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str()) && lower != "etc"
}

/// Appends the words of `span` to `words`.
///
/// Every byte of every document passes here, so the common case is read a byte at a time: a
/// run of ASCII letters and digits is skipped in one tight loop, and a character is decoded
/// only where a byte is not ASCII.
fn split_words(text: &str, span: Span, words: &mut Vec<Word>) {
    let slice = &text[span.start..span.end];
    let bytes = slice.as_bytes();
    let mut current: Option<usize> = None;
    let mut joiner = Joiner::Space;
    let mut prev_was_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let (c, len, is_word) = char_at(slice, i);
        if is_word {
            if current.is_none() {
                current = Some(i);
            }
            prev_was_word = true;
            i += len;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            continue;
        }
        if let Some(start) = current.take() {
            words.push(Word { span: Span::new(span.start + start, span.start + i), joiner });
        }
        let next_is_word = i + len < bytes.len() && char_at(slice, i + len).2;
        joiner = joiner_of(c, prev_was_word && next_is_word);
        prev_was_word = false;
        i += len;
    }
    if let Some(start) = current {
        words.push(Word { span: Span::new(span.start + start, span.end), joiner });
    }
}

/// How the character `c` joins the word after it to the word before, `between_words` if one
/// word ends right before it and another starts right after.
fn joiner_of(c: char, between_words: bool) -> Joiner {
    if between_words && text::is_apostrophe(c) {
        Joiner::Apostrophe
    } else if between_words && text::is_word_hyphen(c) {
        Joiner::Hyphen
    } else {
        Joiner::Space
    }
}

/// The character at byte `i` of `slice` (a char boundary, `i < slice.len()`), its length, and
/// whether it is a word's.
#[inline(always)]
fn char_at(slice: &str, i: usize) -> (char, usize, bool) {
    let byte = slice.as_bytes()[i];
    if byte.is_ascii() {
        return (char::from(byte), 1, byte.is_ascii_alphanumeric());
    }
    let c = slice[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8(), text::is_word_char(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::segmented("test", text.to_string())
    }

    /// The word splitter as first written, a character at a time: the byte-level one must
    /// split every text as it does.
    fn split_words_by_chars(text: &str, span: Span, words: &mut Vec<Word>) {
        let slice = &text[span.start..span.end];
        let mut current: Option<usize> = None;
        let mut joiner = Joiner::Space;
        let mut prev_was_word = false;
        let mut iter = slice.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if text::is_word_char(c) {
                if current.is_none() {
                    current = Some(i);
                }
                prev_was_word = true;
                continue;
            }
            if let Some(start) = current.take() {
                words.push(Word { span: Span::new(span.start + start, span.start + i), joiner });
            }
            let next_is_word = iter.peek().is_some_and(|&(_, n)| text::is_word_char(n));
            // Written out, not `joiner_of`: the reference must not share the code it checks.
            joiner = match (prev_was_word && next_is_word, c) {
                (true, '\'' | '’' | 'ʼ') => Joiner::Apostrophe,
                (true, '-' | '‐' | '‑') => Joiner::Hyphen,
                _ => Joiner::Space,
            };
            prev_was_word = false;
        }
        if let Some(start) = current {
            words.push(Word { span: Span::new(span.start + start, span.end), joiner });
        }
    }

    #[test]
    fn the_byte_level_word_splitter_splits_random_texts_as_the_character_one() {
        // Characters of every class the splitter tells apart: ASCII letters, digits and
        // punctuation, apostrophes and hyphens of both kinds, accented and non-Latin letters,
        // combining marks, symbols, white space.
        let alphabet: Vec<char> = "aZ9 .,'’ʼ-‐‑—(«é\u{300}\u{301}ßЖ東٣½\u{1F600}\t\n".chars().collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2_000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
            let (mut by_bytes, mut by_chars) = (Vec::new(), Vec::new());
            split_words(&text, Span::new(0, text.len()), &mut by_bytes);
            split_words_by_chars(&text, Span::new(0, text.len()), &mut by_chars);
            assert_eq!(by_bytes, by_chars, "{text:?}");
        }
    }

    #[test]
    fn the_byte_level_word_splitter_splits_as_the_character_one() {
        let texts = [
            "Le président , qui d ' autres l’État aujourd'hui Jean-Pierre ‑ x‐y ʼn",
            "ÉTAT über straße 2,300 habitants 4.7 milliards 8 am — «Non.» (tengah) e\u{301}cole",
            "Loukachenko, Lukachenko; Luukachenko! Lukashnikov? 22 miles … 東京 Москва-Сити x'",
            "'leading apostrophe -leading hyphen trailing- trailing' ' - ’’ --",
            "a\u{300}b c\u{0301}d \u{1F600}word\u{1F600} tab\tsep\nline ½ ² ٣ Ⅻ",
            "",
            "x",
            "é",
        ];
        for text in texts {
            for start in 0..=text.len() {
                if !text.is_char_boundary(start) {
                    continue;
                }
                for end in [text.len(), (start + 7).min(text.len())] {
                    if end < start || !text.is_char_boundary(end) {
                        continue;
                    }
                    let span = Span::new(start, end);
                    let (mut by_bytes, mut by_chars) = (Vec::new(), Vec::new());
                    split_words(text, span, &mut by_bytes);
                    split_words_by_chars(text, span, &mut by_chars);
                    assert_eq!(by_bytes, by_chars, "{:?}", &text[start..end]);
                }
            }
        }
    }

    fn sentence_texts(d: &Document) -> Vec<&str> {
        d.sentences.iter().map(|s| d.slice(s.span)).collect()
    }

    #[test]
    fn paragraphs_split_on_blank_lines_and_titles() {
        let d = doc("Un titre\nLe premier paragraphe. Il a deux phrases.\n\nLe second,\ncoupé à la ligne.\n");
        let paras: Vec<&str> = d.paragraphs.iter().map(|p| d.slice(p.span)).collect();
        assert_eq!(
            paras,
            vec!["Un titre", "Le premier paragraphe. Il a deux phrases.", "Le second,\ncoupé à la ligne."]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_initials() {
        let d = doc("Mais si l’Ukraine attaque, a averti M. Lukashnikov : « Non. » Puis J. Clinton est parti. Fin");
        assert_eq!(
            sentence_texts(&d),
            vec!["Mais si l’Ukraine attaque, a averti M. Lukashnikov : « Non. »", "Puis J. Clinton est parti.", "Fin"]
        );
    }

    #[test]
    fn sentences_need_a_capital_after_the_period() {
        let d = doc("Il coûte 3.5 euros. ok ceci continue. Et ceci non !");
        assert_eq!(sentence_texts(&d), vec!["Il coûte 3.5 euros. ok ceci continue.", "Et ceci non !"]);
    }

    #[test]
    fn words_split_at_apostrophes_and_hyphens_with_joiners() {
        let d = doc("« Assisons-nous », dit-il à l’Ukraine.");
        let words: Vec<(&str, Joiner)> = d.words.iter().map(|w| (d.slice(w.span), w.joiner)).collect();
        assert_eq!(
            words,
            vec![
                ("Assisons", Joiner::Space),
                ("nous", Joiner::Hyphen),
                ("dit", Joiner::Space),
                ("il", Joiner::Hyphen),
                ("à", Joiner::Space),
                ("l", Joiner::Space),
                ("Ukraine", Joiner::Apostrophe),
            ]
        );
    }

    #[test]
    fn line_and_column_count_characters() {
        let d = doc("é\nàbc\r\nxyz");
        assert_eq!(d.line_col(0), (1, 1));
        let b = d.text.find('b').unwrap();
        assert_eq!(d.line_col(b), (2, 2));
        assert_eq!(d.slice(d.line_span(1)), "àbc");
        assert_eq!(d.line_count(), 3);
    }

    #[test]
    fn degenerate_texts_do_not_panic() {
        for t in ["", "\n\n\n", ".", "...!!!???", "'-'-'", "\u{300}\u{301}", "a.B", "«»", "M.", "\r\n\r"] {
            let d = doc(t);
            for w in &d.words {
                assert!(d.text.is_char_boundary(w.span.start) && d.text.is_char_boundary(w.span.end));
            }
        }
    }
}
