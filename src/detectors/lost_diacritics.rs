//! MT605: words written without their accents (`defendre la Bielorussie`, `informacion`,
//! `uber`) in French, Spanish and German text.

use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::Lexicon;
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::FastSet;
use crate::view::View;
use crate::view::french::{self, WordLex};

pub struct LostDiacritics;

/// Languages with a lexicon whose words are not judged: their own words carry no diacritics.
const UNACCENTED_LANGUAGES: &[&str] = &["eng"];

static META: RuleMeta = RuleMeta {
    id: "MT605",
    name: "lost-diacritics",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 0.0,
    fallback: false,
    summary: "Words stripped of their accents (`defendre`, `Bielorussie`, `informacion`), reported per line.",
    explanation: "\
What it flags: a line of a French, Spanish or German text with words that the language's
lexicon does not know as written but knows, with accents restored, as exactly one word:
`Loukachenko demande a la Russie de defendre la Bielorussie` (défendre, Biélorussie), `la
informacion del gobierno` (información), `uber die Grenze` (über). A line with two or more
such words is a warning (a stripped title, slug or page); a single one is informational,
since it may be a typo.

Why it matters: accents are lost when a pipeline folds text to ASCII (URL slugs turned back
into titles, old encodings, some scrapers and machine-translation front ends). A stripped line
is a copy made by a machine, and the rest of the page is usually no better.

Example: `de defendre la Bielorussie comme` → flagged, suggestion `défendre, Biélorussie`.

How: the lexicon's index of forms by their spelling without accents; a word counts only when
it has no accent at all and its accented spelling is unique (`peche` could be pêche, péché or
pèche and is not counted). The document's rate of such words is reported with its lexicon
figures (`accents_lost_rate`).

Limits: words that are valid both ways (`a`/`à`, `ou`/`où`, `la`/`là`, Spanish `esta`/`está`,
`ano`/`año`) cannot be judged; all-caps words are skipped (French often drops accents on
capitals). The Spanish and German dictionaries give no parts of speech: a restored word counts
only when the lexicon knows it in lowercase, so German nouns (`Hauser` for Häuser) and names
are left alone; German written with `ae`/`oe`/`ue` for umlauts is a spelling, not a loss.
English is not judged (`cafe` and `café` are both English). Its default weight is 0 (reported,
not scored): fitted on labelled data, its findings were as frequent in human technical prose as
in machine translation; give it a weight in `[rules.weight]` where stripped accents matter.",
};

impl Detector for LostDiacritics {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        // English writes borrowed words with or without their accents (`café`, `cafe`): only the
        // languages whose own words carry diacritics are judged.
        let Some(lexicon) = doc.own_lexicon(res).filter(|l| !UNACCENTED_LANGUAGES.contains(&l.lang())) else {
            return;
        };
        let lex = doc.own_words(res);
        // The sentences of the language, and those that read as such once their accents are
        // restored: a stripped line has too many unknown words to count as the language's.
        let selected = doc.own_sentences(res);
        let stripped_sentences: Vec<usize> = (0..doc.sentences.len())
            .filter(|s| selected.binary_search(s).is_err() && reads_once_restored(doc, lex, lexicon, *s))
            .collect();
        let mut sentences = selected.to_vec();
        if !stripped_sentences.is_empty() {
            sentences.extend(stripped_sentences);
            sentences.sort_unstable();
        }
        let sentences = &sentences;
        // Capitalised words used inside sentences are names (`Bucha`), wherever they occur
        // (collected only if a capitalised first word needs the answer).
        let names: std::cell::OnceCell<FastSet<&str>> = std::cell::OnceCell::new();
        let is_name = |word: &str| {
            names
                .get_or_init(|| {
                    sentences
                        .iter()
                        .flat_map(|&s| doc.sentences[s].words.clone().skip(1))
                        .map(|index| doc.slice(doc.words[index].span))
                        .filter(|text| text.chars().next().is_some_and(char::is_uppercase))
                        .collect()
                })
                .contains(word)
        };
        // (line, span of the stripped word, restored form, restored only once lowercased), in
        // text order.
        let mut stripped: Vec<(usize, Span, String, bool)> = Vec::new();
        for &s in sentences {
            let sentence = &doc.sentences[s];
            for index in sentence.words.clone() {
                // Only words the lexicon does not know can have lost their accents.
                let word = lex.get(index).copied().unwrap_or_default();
                if word.known || word.in_known_compound {
                    continue;
                }
                let token = french::token(doc, lex, sentence, index);
                if let Some(restored) = french::stripped_accents(&token, lexicon, is_name) {
                    let lowercased = !lexicon.contains(&restored);
                    stripped.push((doc.line_index(token.span.start), token.span, restored, lowercased));
                }
            }
        }
        // A capitalised first word restored only once lowercased (`Noel`, `Representative`) may
        // be a name or a foreign word: it counts only beside another stripped word.
        stripped = stripped
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|line| line.iter().any(|entry| !entry.3))
            .flatten()
            .cloned()
            .collect();
        for line in stripped.chunk_by(|a, b| a.0 == b.0) {
            let span = Span::new(line[0].1.start, line[line.len() - 1].1.end);
            let pairs: Vec<String> =
                line.iter().map(|(_, word, restored, _)| format!("{} → {}", doc.slice(*word), restored)).collect();
            let severity = if line.len() >= 2 { Severity::Warning } else { Severity::Info };
            let message = if line.len() >= 2 {
                format!("{} words without their accents on one line: {}", line.len(), pairs.join(", "))
            } else {
                format!("a word without its accents: {}", pairs[0])
            };
            let suggestion: Vec<&str> = line.iter().map(|(_, _, restored, _)| restored.as_str()).collect();
            out.push(Finding::new(META.id, severity, span, message).with_suggestion(suggestion.join(", ")));
        }
    }
}

/// Whether sentence `s` (outside the comments) is in the document's language once its
/// stripped words count as known: at least four lowercase words, under 30% of them unknown
/// with accents restored, and at least one restored.
fn reads_once_restored(doc: &View, lex: &[WordLex], lexicon: &Lexicon, s: usize) -> bool {
    let sentence = &doc.sentences[s];
    if doc.in_comments(sentence.span) {
        return false;
    }
    let (mut checked, mut unknown, mut restored) = (0usize, 0usize, 0usize);
    for index in sentence.words.clone() {
        let Some(word) = lex.get(index).filter(|w| w.lowercase_alphabetic()) else { continue };
        checked += 1;
        if word.known || word.in_known_compound {
            continue;
        }
        if french::restored_accents(lexicon, doc.slice_lower(doc.words[index].span)).is_some() {
            restored += 1;
        } else {
            unknown += 1;
        }
    }
    checked >= 4 && restored > 0 && unknown * 10 < checked * 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::findings;
    use crate::finding::Severity;

    fn french(body: &str) -> String {
        format!(
            "Le gouvernement a publié un communiqué dans la soirée.\n{body}\nLes discussions reprendront la semaine prochaine à Paris."
        )
    }

    #[test]
    fn a_stripped_title_is_one_warning() {
        let text = french("Loukachenko demande a la Russie de defendre la Bielorussie comme");
        let found = findings(&LostDiacritics, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].span.text(&text), "defendre la Bielorussie");
        assert_eq!(found[0].suggestion.as_deref(), Some("défendre, Biélorussie"));
    }

    #[test]
    fn a_single_stripped_word_is_informational() {
        let text = french("Il veut defendre son pays contre toute menace extérieure.");
        let found = findings(&LostDiacritics, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn a_sentence_initial_word_is_restored_unless_the_text_uses_it_as_a_name() {
        let text = french("Defendre la Bielorussie est leur but.");
        let found = findings(&LostDiacritics, &text);
        assert_eq!(found[0].suggestion.as_deref(), Some("Défendre, Biélorussie"));
        let text = french("Representative de la ville, il parle.");
        assert!(findings(&LostDiacritics, &text).is_empty(), "alone, a restored first word is not counted");
        let text = french("Bucha est une ville. Les habitants de Bucha sont revenus.");
        assert!(findings(&LostDiacritics, &text).is_empty());
    }

    #[test]
    fn ambiguous_and_accented_words_are_left_alone() {
        for body in
            ["Il va a la peche demain matin.", "Il veut défendre la Biélorussie.", "LA FRANCE A DECIDE DE PARTIR."]
        {
            assert!(findings(&LostDiacritics, &french(body)).is_empty(), "{body}");
        }
    }
    #[test]
    fn spanish_and_german_words_get_their_accents_back() {
        let spanish = "El gobierno publicó un comunicado por la tarde sobre la situación del país.\n\
                       Segun la informacion del ministerio, la reunion empezara manana.\n\
                       Los ministros hablarán con la prensa la semana próxima en Madrid.";
        let found = findings(&LostDiacritics, spanish);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].span.text(spanish), "Segun la informacion del ministerio, la reunion empezara manana");
        assert_eq!(found[0].suggestion.as_deref(), Some("Según, información, reunión, mañana"));

        let german = "Die Regierung hat am Abend eine Mitteilung veröffentlicht.\n\
                      Die Minister sprechen uber die Lage und konnen noch nichts sagen.\n\
                      Die Gespräche werden in der nächsten Woche in Berlin fortgesetzt.";
        let found = findings(&LostDiacritics, german);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].suggestion.as_deref(), Some("über, können"));
    }

    #[test]
    fn english_and_words_valid_both_ways_are_left_alone() {
        let english = "The new cafe opened on the main street last week, and the owners said the naive \
                       customers loved its coffee and its cakes more than anything else.";
        assert!(findings(&LostDiacritics, english).is_empty());
        let spanish = "El gobierno dijo que esta semana el ano fiscal termina para todas las empresas del país.";
        assert!(findings(&LostDiacritics, spanish).is_empty());
    }
}
