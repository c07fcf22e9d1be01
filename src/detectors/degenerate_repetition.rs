//! MT606: a word doubled or a phrase looping, the way neural translation degenerates.

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;

pub struct DegenerateRepetition;

static META: RuleMeta = RuleMeta {
    id: "MT606",
    name: "degenerate-repetition",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 11.8,
    fallback: false,
    summary: "A word doubled (`le le`) or a phrase looping (`du district du district du district`).",
    explanation: "\
What it flags: a phrase of two to six words repeated two and a half times or more in a row
(`dans le district du district du district`), a word three times (`the the the`), and a
function word of the document's language written twice in a row (`le le`, `of of`). A loop
is a warning; doubled words are informational unless the document has two or more.

Why it matters: neural translation systems degenerate on inputs they cannot handle (long
lists, broken segmentation, rare names): the decoder falls into a loop and emits a phrase again
and again, or stutters a word. A writer's doubled word is a typo, rare in edited text; a loop
is never written by hand.

Example: `Il habite dans le district du district du district de Bantul.` → the loop flagged.

How: the words of each sentence outside the comment section and the interface strings are
compared with the words before them, with nothing but spaces between; case is ignored, except
that the second of a doubled word must be lowercase (`Le le` is a stutter, `La La` a name),
and one-letter words are not doubles. A repeat that ends the text is not judged: the text
may be cut inside its last word.

Limits: doubles that the language's grammar allows are left alone (French `nous nous`, `vous
vous`; English `had had`, `that that`; German articles and relative pronouns, `die die`),
as are doubles for emphasis (`très très`, `very very`, `muy muy`). Doubled content words
and names (`Suède Suède` beside a flag, `bon bon`) are not counted: layouts and emphasis make
them. Only languages with a function-word list (data/stopwords) have their doubles judged.
Words separated by punctuation (`non, non, non`) are not repeated in this sense.",
};

/// Longest phrase, in words, whose loop is looked for.
const MAX_PHRASE: usize = 6;
/// Times a single word must come in a row to be a loop.
const MIN_LOOP: usize = 3;
/// Doubled words a document needs before they are warnings.
const MIN_DOUBLES_FOR_WARNING: usize = 2;

/// Doubles a language's grammar allows, by ISO 639-3 code.
/// and the function words doubled for emphasis (`très très`, `very very`).
const ALLOWED_DOUBLES: &[(&str, &[&str])] = &[
    ("fra", &["nous", "vous", "très", "si", "là", "bon", "tant", "tout"]),
    ("eng", &["had", "that", "is", "do", "very", "so", "really", "too", "far"]),
    ("deu", &["der", "die", "das", "den", "dem", "des", "sie", "ich", "es", "sehr", "so", "ganz"]),
    ("nld", &["die", "dat", "heel", "zo"]),
    ("spa", &["que", "muy", "más", "tan", "etc"]),
];

impl Detector for DegenerateRepetition {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        let allowed: &[&str] =
            ALLOWED_DOUBLES.iter().find(|(code, _)| *code == doc.lang.code).map_or(&[], |(_, words)| words);
        // A stutter is on a function word of the document's language (`du du`, `of of`): a
        // doubled content word is as often a layout's (`Suède Suède` beside a flag) or emphasis.
        let lang_bit = doc.lang.lang.and_then(|l| res.function_words.index_of(l)).map_or(0, |i| 1u16 << i);
        let is_function_word = |i: usize| doc.function_word_masks.get(i).is_some_and(|m| m & lang_bit != 0);
        let keys: Vec<u64> = doc
            .words
            .iter()
            .map(|w| {
                // The length and the first seven bytes: cheap, and two different words rarely share it.
                let lower = doc.slice_lower(w.span).as_bytes();
                let prefix = lower.iter().take(7).enumerate().fold(0u64, |k, (i, &b)| k | u64::from(b) << (8 * i));
                prefix | (lower.len() as u64) << 56
            })
            .collect();
        let mut loops: Vec<(Span, usize, usize)> = Vec::new();
        let mut doubles: Vec<Span> = Vec::new();
        for sentence in &doc.sentences {
            if doc.in_comments(sentence.span) || doc.lines[doc.line_index(sentence.span.start)].ui_pattern.is_some() {
                continue;
            }
            let words = sentence.words.clone();
            let lower = |i: usize| doc.slice_lower(doc.words[i].span);
            // Words compared by a key first (exact for words of up to eight bytes), by their text
            // only when the keys agree.
            let same = |a: usize, b: usize| keys[a] == keys[b] && lower(a) == lower(b);
            // Word `i` follows word `i - 1` with only spaces between.
            let spaced = |i: usize| {
                let gap = &doc.text[doc.words[i - 1].span.end..doc.words[i].span.start];
                !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
            };
            let sentence_keys = &keys[words.clone()];
            let mut i = words.start;
            while i < words.end {
                // Most words equal none of the few after them: no loop or double starts there.
                let k = i - words.start;
                let horizon = (k + 1 + MAX_PHRASE).min(sentence_keys.len());
                if !sentence_keys[k + 1..horizon].contains(&sentence_keys[k]) {
                    i += 1;
                    continue;
                }
                // The longest loop starting at word i: a run of `len` words, each (after the
                // first `n`) equal to the word `n` before it.
                let mut best: Option<(usize, usize)> = None;
                for n in 1..=MAX_PHRASE {
                    // The first phrase's own words are separated by spaces only, too.
                    if !(i + 1..(i + n).min(words.end)).all(spaced) {
                        continue;
                    }
                    let mut len = n;
                    while i + len < words.end && {
                        same(i + len - n, i + len) && spaced(i + len) && lower(i + len).chars().all(char::is_alphabetic)
                    } {
                        len += 1;
                    }
                    // Three times a word, or two and a half times a phrase (`district du
                    // district du district`).
                    let is_loop = if n == 1 { len >= MIN_LOOP } else { 2 * len >= 5 * n };
                    if is_loop && best.is_none_or(|(_, best_len)| len > best_len) {
                        best = Some((n, len));
                    }
                }
                // A repeat that ends the text may be a word cut short (`le le` of `le leader`).
                let ends_text = |last: usize| doc.text[doc.words[last].span.end..].trim_end().is_empty();
                if let Some((n, len)) = best {
                    // Skipped whole even when not reported, so that a long run is read once.
                    if !ends_text(i + len - 1) {
                        let span = Span::new(doc.words[i].span.start, doc.words[i + len - 1].span.end);
                        loops.push((span, n, len));
                    }
                    i += len;
                    continue;
                }
                if i + 1 < words.end {
                    let (a, b) = (lower(i), lower(i + 1));
                    // The second word as written is lowercase: `Le le` is a stutter, `La La`
                    // a name.
                    let second = doc.slice(doc.words[i + 1].span);
                    if a == b
                        && spaced(i + 1)
                        && !ends_text(i + 1)
                        && a.chars().nth(1).is_some()
                        && a.chars().all(char::is_alphabetic)
                        && second.chars().all(char::is_lowercase)
                        && is_function_word(i)
                        && !allowed.contains(&a)
                        && doc.words[i + 1].joiner == crate::document::Joiner::Space
                    {
                        doubles.push(Span::new(doc.words[i].span.start, doc.words[i + 1].span.end));
                        i += 2;
                        continue;
                    }
                }
                i += 1;
            }
        }
        for (span, n, len) in loops {
            let message = if n == 1 {
                format!("a word repeated {len} times in a row: “{}”", crate::text::clip(doc.slice(span), 80))
            } else {
                format!("a phrase of {n} words looping over {len} words: “{}”", crate::text::clip(doc.slice(span), 80))
            };
            out.push(Finding::new(META.id, Severity::Warning, span, message));
        }
        let severity = if doubles.len() >= MIN_DOUBLES_FOR_WARNING { Severity::Warning } else { Severity::Info };
        for span in doubles {
            let message = format!("a word written twice: “{}”", doc.slice(span));
            out.push(Finding::new(META.id, severity, span, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, in_french_frame};

    #[test]
    fn a_looping_phrase_is_a_warning() {
        let text = in_french_frame("Il habite dans le district du district du district de Bantul depuis dix ans.");
        let found = findings(&DegenerateRepetition, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&text), "district du district du district");
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].message.starts_with("a phrase of 2 words looping over 5 words"), "{}", found[0].message);
        let word = in_french_frame("Le prix a augmenté de de de dix pour cent cette année dans la région.");
        let found = findings(&DegenerateRepetition, &word);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&word), "de de de");
    }

    #[test]
    fn one_doubled_word_is_informational_two_are_warnings() {
        let one = in_french_frame("La constitution du du royaume a été adoptée en 1808 par le roi.");
        let found = findings(&DegenerateRepetition, &one);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&one), "du du");
        assert_eq!(found[0].severity, Severity::Info);
        let capitalised = in_french_frame("Le le roi a signé la constitution du royaume en 1808 à Munich.");
        assert_eq!(findings(&DegenerateRepetition, &capitalised).len(), 1, "case is ignored");
        let name = in_french_frame("Le film La La Land a reçu six récompenses lors de la cérémonie.");
        assert!(findings(&DegenerateRepetition, &name).is_empty(), "a name");
        let cut = "Le gouvernement a publié un communiqué dans la soirée. Le texte a été salué par le le";
        assert!(findings(&DegenerateRepetition, cut).is_empty(), "a text cut short");
        let two = in_french_frame("La constitution du du royaume a été adoptée par le le roi en 1808.");
        let found = findings(&DegenerateRepetition, &two);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|f| f.severity == Severity::Warning));
    }

    #[test]
    fn a_long_run_that_ends_the_text_is_not_reported_and_read_once() {
        // Read word by word from every start, this run would take hours.
        let text = format!("Le gouvernement a publié un communiqué dans la soirée. {}", "la ".repeat(50_000));
        assert!(findings(&DegenerateRepetition, &text).is_empty());
    }

    #[test]
    fn doubles_the_grammar_allows_and_punctuated_repeats_are_left_alone() {
        for sentence in [
            "Nous nous sommes contentés de peu pendant toute la durée du voyage.",
            "Vous vous mettez à l'allemand avec beaucoup de courage cette année.",
            "Il a répondu non, non, non à toutes les questions des journalistes.",
            "Il a répondu oui, non oui non oui à toutes les questions des journalistes.",
            "Les numéros 12 12 figurent sur la liste publiée par la mairie hier.",
        ] {
            let text = in_french_frame(sentence);
            assert!(findings(&DegenerateRepetition, &text).is_empty(), "{sentence}");
        }
        let english = "The committee said that that decision had had no effect on the budget of the city this year. The mayor agreed with the report and thanked the staff for their work.";
        assert!(findings(&DegenerateRepetition, english).is_empty());
    }
}
