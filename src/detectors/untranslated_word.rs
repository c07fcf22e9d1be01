//! MT204: a single word of another language left inside a sentence of the document's language.

use crate::document::Joiner;
use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::Lexicon;
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::{FastSet, is_lowercase_word};
use crate::view::View;

pub struct UntranslatedWord;

static META: RuleMeta = RuleMeta {
    id: "MT204",
    name: "untranslated-word",
    family: Family::Language,
    default_severity: Severity::Warning,
    default_weight: 0.0,
    fallback: false,
    summary: "A lowercase word of another language inside a sentence of the document's language.",
    explanation: "\
What it flags: a lowercase word, inside a sentence written in the document's language, that
the language's lexicon does not know and another language's lexicon or function-word list
does: `espérons que la situation restera conducive`, `le président (above) a salué`, `la
région del nord`. Three or more distinct such words in a document are a warning each; fewer
are informational (each may be a loanword the table lacks).

Why it matters: a translation system passes through the words it cannot map (rare words,
words split by markup, words in parentheses) and leaves them in the source language, or in
the pivot language it translated through. Writers borrow words too, but the borrowed ones
are few and listed.

Example: `Nous espérons que la situation restera conducive à l'avenir.` in a French text →
`conducive` flagged as English.

How: the document's language must have a full-form lexicon (see data/lexicons.txt) and a
list of its loanwords (data/loanwords.toml): French today. Each sentence of at least five
lowercase words, most of them known to that lexicon, outside the comment section and the
interface strings, is read word by word: a lowercase word of three letters or more that the
lexicon lacks, also with accents added, is looked up in the other embedded lexicons, then in
the other languages' function-word lists.

Limits: words in quotation marks, in URLs, addresses, hashtags and code, hyphen or
apostrophe compounds, and lowercase words between two capitalised ones (`Bank of America`)
are left alone, as is a word beside a loanword (`open space`) and a last word the text was
cut in. Loanwords the language writes as its own are listed per borrowing language in
data/loanwords.toml (extend with `lexicons.loanwords`). Technical writing keeps English
terms (`bucket`, `providers`) in human translations too. Languages without an embedded
lexicon are not judged, and a source language is recognised only through its lexicon or its
function words.",
};

/// Fewest lowercase words a sentence needs to be judged.
const MIN_SENTENCE_WORDS: usize = 5;
/// Least share of a judged sentence's lowercase words that the document's lexicon knows: the
/// sentence is in the document's language (a foreign sentence is MT201's).
const MIN_KNOWN_SHARE: f64 = 0.7;
/// Fewest letters of a candidate word.
const MIN_LETTERS: usize = 3;
/// Distinct foreign words a document needs before they are warnings.
const MIN_DISTINCT_FOR_WARNING: usize = 3;
/// Words a capitalised word may be away and still make a lowercase word part of a name.
const NAME_REACH: usize = 3;

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the word sits inside a URL, an address, a handle, a hashtag, a file name or code:
/// glued to `/ @ # _ . : = \` or to a digit on either side.
fn in_technical_token(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let mut after = text[span.end..].chars();
    let next = after.next();
    let glue = |c: char| {
        matches!(c, '/' | '@' | '#' | '_' | '.' | ':' | '=' | '\\' | '<' | '>' | '{' | '}') || c.is_ascii_digit()
    };
    if before.is_some_and(glue) {
        return true;
    }
    match next {
        // A full stop or a colon ends a sentence or a clause unless a word goes on at once.
        Some('.' | ':') => after.next().is_some_and(|c| !c.is_whitespace() && c != '"' && c != '»' && c != '”'),
        Some(c) => glue(c),
        None => false,
    }
}

/// Whether `offset` of `sentence` (relative) lies inside quotation marks opened in the sentence:
/// `« »`, `“ ”`, `„ “` (German), `" "`, `‘ ’` (a `’` between two letters is an apostrophe).
fn in_quotation(sentence: &str, offset: usize) -> bool {
    let (mut guillemets, mut curly, mut low, mut straight, mut single) = (0i32, 0i32, 0i32, false, 0i32);
    let mut previous: Option<char> = None;
    let mut chars = sentence[..offset].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '«' => guillemets += 1,
            '»' => guillemets -= 1,
            '„' => low += 1,
            // `“` closes a German `„` and opens an English quotation.
            '“' if low > 0 => low -= 1,
            '“' => curly += 1,
            '”' => curly -= 1,
            '"' => straight = !straight,
            '‘' => single += 1,
            '’' if !(previous.is_some_and(char::is_alphabetic) && chars.peek().is_some_and(|n| n.is_alphabetic())) => {
                single -= 1
            }
            _ => {}
        }
        previous = Some(c);
    }
    guillemets > 0 || curly > 0 || low > 0 || straight || single > 0
}

impl Detector for UntranslatedWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !doc.lang.reliable {
            return;
        }
        let target = doc.lang.code;
        let Some(target_lexicon) = res.words(target).filter(|_| res.loanwords.lists(target)) else {
            return;
        };
        // The French readings are shared with the grammar rules; other languages are looked up here.
        let french_readings = if target == "fra" { doc.french_words(res) } else { &[] };
        let known = |index: usize| -> bool {
            if let Some(reading) = french_readings.get(index) {
                return reading.known || reading.in_known_compound;
            }
            let text = doc.slice(doc.words[index].span);
            target_lexicon.contains(text) || target_lexicon.contains(doc.slice_lower(doc.words[index].span))
        };
        let sources: Vec<&Lexicon> =
            Lexicon::embedded_languages().filter(|&code| code != target).filter_map(|code| res.words(code)).collect();
        let target_bit = doc.lang.lang.and_then(|l| res.function_words.index_of(l)).map_or(0, |i| 1u16 << i);

        // (span, source language name)
        let mut found: Vec<(Span, &'static str)> = Vec::new();
        for sentence in &doc.sentences {
            if doc.in_comments(sentence.span) || doc.lines[doc.line_index(sentence.span.start)].ui_pattern.is_some() {
                continue;
            }
            let words = sentence.words.clone();
            // Most sentences have every lowercase word known: count, and look no further.
            let (mut lowercase, mut known_count) = (0usize, 0usize);
            for i in words.clone() {
                // The kept French reading answers without reading the letters again.
                let is_lowercase = match french_readings.get(i) {
                    Some(reading) => reading.lowercase_alphabetic(),
                    None => is_lowercase_word(doc.slice(doc.words[i].span)),
                };
                if is_lowercase {
                    lowercase += 1;
                    known_count += usize::from(known(i));
                }
            }
            if lowercase < MIN_SENTENCE_WORDS
                || known_count == lowercase
                || (known_count as f64) < MIN_KNOWN_SHARE * lowercase as f64
            {
                continue;
            }
            let sentence_text = doc.slice(sentence.span);
            for index in words.clone() {
                if known(index) || !is_lowercase_word(doc.slice(doc.words[index].span)) {
                    continue;
                }
                let word = doc.words[index];
                let text = doc.slice(word.span);
                if text.chars().count() < MIN_LETTERS
                    || word.joiner != Joiner::Space
                    || doc.words.get(index + 1).is_some_and(|next| next.joiner != Joiner::Space)
                    || in_technical_token(&doc.text, word.span)
                    || in_quotation(sentence_text, word.span.start - sentence.span.start)
                    || res.loanwords.is_loanword(target, text)
                    || beside_loanword(doc, target, res, index)
                    || ends_cut(&doc.text, word.span)
                    || within_name(doc, words.clone(), index)
                {
                    continue;
                }
                let source = sources.iter().find(|lexicon| lexicon.contains(text)).map(|l| lang_name(l.lang()));
                let source = source.or_else(|| {
                    let mask = doc.function_word_masks.get(index).copied().unwrap_or(0) & !target_bit;
                    (mask != 0).then(|| res.function_words.lang(mask.trailing_zeros() as usize).eng_name())
                });
                // Last, as the costliest: a word the language knows with accents is not foreign.
                if let Some(source) = source.filter(|_| target_lexicon.accented_forms(text).is_empty()) {
                    found.push((word.span, source));
                }
            }
        }
        let distinct: FastSet<&str> = found.iter().map(|(span, _)| doc.slice(*span)).collect();
        let severity = if distinct.len() >= MIN_DISTINCT_FOR_WARNING { Severity::Warning } else { Severity::Info };
        let target_name = doc.lang.name;
        for (span, source) in found {
            let message = format!(
                "`{}` is a word of {source}, which the {target_name} lexicon does not know, inside a {target_name} sentence",
                doc.slice(span)
            );
            out.push(Finding::new(META.id, severity, span, message));
        }
    }
}

/// Whether word `index` lies between two capitalised words of its sentence, with only
/// lowercase words between (`Bank of America`, `Lord of the Rings`): part of a name.
fn within_name(doc: &View, sentence: std::ops::Range<usize>, index: usize) -> bool {
    // A capitalised first word may open a name (`Lord of the Rings`) when another closes it.
    let opens = |i: usize| is_capitalised(doc.slice(doc.words[i].span));
    let capitalised_at = |i: usize| i != sentence.start && opens(i);
    let lowercase_at = |i: usize| is_lowercase_word(doc.slice(doc.words[i].span));
    let before = (sentence.start..index).rev().take(NAME_REACH).take_while(|&i| opens(i) || lowercase_at(i)).any(opens);
    let after = (index + 1..sentence.end)
        .take(NAME_REACH)
        .take_while(|&i| capitalised_at(i) || lowercase_at(i))
        .any(capitalised_at);
    before && after
}

/// Whether a neighbour of word `index` is a loanword: the pair is a borrowed compound
/// (`open space`, `happy hour`).
fn beside_loanword(doc: &View, target: &str, res: &Resources, index: usize) -> bool {
    let is_loan =
        |i: usize| doc.words.get(i).is_some_and(|w| res.loanwords.is_loanword(target, doc.slice_lower(w.span)));
    (index > 0 && is_loan(index - 1)) || is_loan(index + 1)
}

/// Whether the word ends the text with no punctuation after it: a page cut mid-word (`int`
/// for intérêt) is not a foreign word.
fn ends_cut(text: &str, span: Span) -> bool {
    text[span.end..].trim_end().is_empty()
}

/// The English name of a language from its ISO 639-3 code.
fn lang_name(code: &str) -> &'static str {
    whatlang::Lang::from_code(code).map_or("another language", |lang| lang.eng_name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, in_french_frame};

    #[test]
    fn an_english_word_in_a_french_sentence_is_found() {
        let text = in_french_frame("Nous espérons que la situation restera conducive dans les mois à venir.");
        let found = findings(&UntranslatedWord, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&text), "conducive");
        assert_eq!(found[0].severity, Severity::Info);
        assert!(found[0].message.contains("English"), "{}", found[0].message);
    }

    #[test]
    fn three_distinct_words_are_warnings() {
        let text = in_french_frame(
            "Le président (above) a salué les résultats de la réunion. Les ministres ont jugé la situation conducive pour les investissements. Les habitants de la région del nord ont reçu une aide.",
        );
        let found = findings(&UntranslatedWord, &text);
        let words: Vec<&str> = found.iter().map(|f| f.span.text(&text)).collect();
        assert_eq!(words, ["above", "conducive", "del"]);
        assert!(found.iter().all(|f| f.severity == Severity::Warning));
    }

    #[test]
    fn a_function_word_of_another_language_is_found() {
        let text = in_french_frame("Les habitants de la région del nord ont reçu une aide importante.");
        let found = findings(&UntranslatedWord, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&text), "del");
    }

    #[test]
    fn loanwords_quotations_names_links_and_compounds_are_left_alone() {
        for sentence in [
            "Les ministres ont participé à un briefing avec les journalistes de la presse.",
            "Il a déclaré que la situation était « conducive » selon ses propres mots.",
            "Il a lu le roman Lord of the Rings pendant les vacances avec sa famille.",
            "Lord of the Rings a été adapté au cinéma par un réalisateur de talent.",
            "L’État a jugé la situation ‘conducive’ pour les investisseurs de la région.",
            "Les documents sont disponibles sur le site example.com/conducive pour les lecteurs.",
            "Les électeurs ont suivi le débat sur le non-conducive de la campagne électorale.",
            "Les habitants ont partagé le mot-clé #conducive sur les réseaux sociaux.",
            "Les salariés travaillent dans un open space au centre de la ville de Lyon.",
        ] {
            let text = in_french_frame(sentence);
            assert!(findings(&UntranslatedWord, &text).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn a_word_stripped_of_its_accents_is_not_foreign() {
        // `reserve` is English, and French `réserve` without its accent: MT605's.
        let text = in_french_frame("Le ministère a annoncé une reserve de nourriture pour les familles.");
        assert!(findings(&UntranslatedWord, &text).is_empty());
    }

    #[test]
    fn a_foreign_sentence_is_left_to_mt201() {
        let text = in_french_frame("The president said that the situation remains conducive for investors.");
        assert!(findings(&UntranslatedWord, &text).is_empty());
    }
}
