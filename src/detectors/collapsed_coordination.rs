//! MT610: a word coordinated with itself (`investigations and investigations`), where a
//! translation system rendered two different source words by one.

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;

pub struct CollapsedCoordination;

static META: RuleMeta = RuleMeta {
    id: "MT610",
    name: "collapsed-coordination",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 8.0,
    fallback: false,
    summary: "A word coordinated with itself (`investigations and investigations`, `outils et outils`).",
    explanation: "\
What it flags: the same lowercase word on both sides of `and`/`or` (French `et`/`ou`, Spanish
`y`/`o`, German `und`/`oder`, and the other languages of the table), with nothing but spaces
between: `the investigations and investigations`, `fried or fried`, `des outils et outils`,
`einfach und einfach hergestellt`.

Why it matters: the source had two words of close meaning (`investigations and inquiries`,
Chinese and Indonesian pairs of near-synonyms, a word and its reduplicated plural) that the
target language renders by one word; a translation system writes that word twice. A writer
does not coordinate a word with itself, except in a few idioms.

Example: `Police continue investigations and investigations into the case.` → flagged.

How: the words of each sentence outside the comment section and the interface strings; both
copies lowercase, of four letters or more, not a function word, joined by the language's
coordinator alone.

Limits: the language's idioms of repetition are left alone (`more and more`, `again and
again`, `years and years`, `thousands and thousands`, `encore et encore`, `tel ou tel`, `nach und nach`, `más y más`) and a
contrast of kinds after the language's `there are` (`il y a épidémie et épidémie`), as are English
and German words ending in `-er` (`bigger and bigger`, comparatives of progression), a copy
followed by a hyphen or by a word that opens a modifier of its own (`aged patients and
patients with diabetes`: two groups), and hyphen compounds. Measured on human text (web pages,
news, translations in four languages), it fired on none but two human translations.",
};

/// A language's coordinators, the words whose repetition is an idiom, and the words that open a
/// modifier of their own after the second copy (`patients and patients with`: two groups).
struct Coordination {
    lang: &'static str,
    coordinators: &'static [&'static str],
    idioms: &'static [&'static str],
    modifier_openers: &'static [&'static str],
    /// The two words before `X and X` that make it a contrast of kinds (`il y a épidémie et
    /// épidémie`, `there are friends and friends`); an empty first word stands for any.
    existentials: &'static [(&'static str, &'static str)],
}

const LANGUAGES: &[Coordination] = &[
    Coordination {
        lang: "eng",
        coordinators: &["and", "or"],
        idioms: &[
            "more",
            "less",
            "again",
            "over",
            "through",
            "round",
            "around",
            "such",
            "further",
            "better",
            "worse",
            "time",
            "years",
            "days",
            "hours",
            "weeks",
            "months",
            "miles",
            "back",
            "forth",
            "ever",
            "very",
            "wait",
            "dozens",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "tons",
            "tonnes",
            "pages",
            "rows",
        ],
        modifier_openers: &["with", "of", "that", "who", "which", "whose", "in"],
        existentials: &[("there", "are"), ("there", "is"), ("there", "were"), ("there", "was")],
    },
    Coordination {
        lang: "fra",
        coordinators: &["et", "ou"],
        idioms: &[
            "encore",
            "toujours",
            "plus",
            "moins",
            "jamais",
            "jours",
            "heures",
            "années",
            "mois",
            "tel",
            "telle",
            "tels",
            "telles",
            "dizaines",
            "centaines",
            "milliers",
            "millions",
            "milliards",
            "tonnes",
            "pages",
        ],
        modifier_openers: &["avec", "qui", "dont"],
        existentials: &[("y", "a"), ("c", "est")],
    },
    Coordination {
        lang: "spa",
        coordinators: &["y", "e", "o", "u"],
        idioms: &[
            "más",
            "menos",
            "vez",
            "poco",
            "días",
            "horas",
            "años",
            "siempre",
            "meses",
            "decenas",
            "cientos",
            "centenares",
            "miles",
            "millones",
            "toneladas",
            "páginas",
        ],
        modifier_openers: &["con", "que", "cuyo", "cuya", "cuyos", "cuyas"],
        existentials: &[("", "hay")],
    },
    Coordination {
        lang: "deu",
        coordinators: &["und", "oder"],
        idioms: &["mehr", "immer", "weniger", "wieder", "nach", "stunden", "tage", "jahre", "durch", "abertausende"],
        modifier_openers: &["mit", "die", "der", "das", "deren", "dessen"],
        existentials: &[("es", "gibt"), ("gibt", "es")],
    },
    Coordination {
        lang: "ita",
        coordinators: &["e", "o"],
        idioms: &[
            "più",
            "meno",
            "ancora",
            "sempre",
            "giorni",
            "ore",
            "anni",
            "poco",
            "decine",
            "centinaia",
            "migliaia",
            "milioni",
        ],
        modifier_openers: &["con", "che", "cui"],
        existentials: &[("c", "è"), ("ci", "sono")],
    },
    Coordination {
        lang: "por",
        coordinators: &["e", "ou"],
        idioms: &[
            "mais", "menos", "sempre", "dias", "horas", "anos", "pouco", "dezenas", "centenas", "milhares", "milhões",
        ],
        modifier_openers: &["com", "que", "cujo", "cuja"],
        existentials: &[("", "há")],
    },
    Coordination {
        lang: "nld",
        coordinators: &["en", "of"],
        idioms: &["meer", "minder", "weer", "steeds", "dagen", "uren", "jaren", "tientallen", "honderden", "duizenden"],
        modifier_openers: &["met", "die", "dat"],
        existentials: &[("er", "zijn"), ("er", "is")],
    },
];

/// Fewest letters of a copy: short words repeat in idioms and names (`bye and bye`).
const MIN_LETTERS: usize = 4;

impl Detector for CollapsedCoordination {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !doc.lang.reliable {
            return;
        }
        let Some(language) = LANGUAGES.iter().find(|l| l.lang == doc.lang.code) else {
            return;
        };
        let lang_bit = doc.lang.lang.and_then(|l| res.function_words.index_of(l)).map_or(0, |i| 1u16 << i);
        let is_function_word = |i: usize| doc.function_word_masks.get(i).is_some_and(|m| m & lang_bit != 0);
        // Only spaces between word `i - 1` and word `i`.
        let spaced = |i: usize| {
            let gap = &doc.text[doc.words[i - 1].span.end..doc.words[i].span.start];
            !gap.is_empty() && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
        };
        let comparative_suffix = matches!(language.lang, "eng" | "deu");
        for sentence in &doc.sentences {
            if doc.in_comments(sentence.span) || doc.lines[doc.line_index(sentence.span.start)].ui_pattern.is_some() {
                continue;
            }
            let words = sentence.words.clone();
            for middle in words.start + 1..words.end.saturating_sub(1) {
                let (first, second) = (middle - 1, middle + 1);
                if !language.coordinators.contains(&doc.slice_lower(doc.words[middle].span)) {
                    continue;
                }
                let text = doc.slice(doc.words[first].span);
                if text != doc.slice(doc.words[second].span)
                    || text.chars().count() < MIN_LETTERS
                    || !text.chars().all(char::is_lowercase)
                    || !spaced(middle)
                    || !spaced(second)
                    || is_function_word(first)
                    || language.idioms.contains(&text)
                    || (comparative_suffix && text.ends_with("er"))
                {
                    continue;
                }
                // Hyphen compounds (`backpressure and backpressure-related`) and a second copy
                // with its own modifier (`patients and patients with`) are two different things.
                let hyphen_before = first > words.start && !spaced(first);
                let after = doc.words.get(second + 1).filter(|_| second + 1 < words.end);
                let hyphen_after = after.is_some() && !spaced(second + 1);
                let modified =
                    hyphen_after || after.is_some_and(|w| language.modifier_openers.contains(&doc.slice_lower(w.span)));
                // `il y a épidémie et épidémie`: a contrast of kinds, not a doubled rendering.
                let before = |k: usize| (first >= words.start + k).then(|| doc.slice_lower(doc.words[first - k].span));
                let existential = language
                    .existentials
                    .iter()
                    .any(|&(far, near)| before(1) == Some(near) && (far.is_empty() || before(2) == Some(far)));
                if hyphen_before || modified || existential {
                    continue;
                }
                let span = Span::new(doc.words[first].span.start, doc.words[second].span.end);
                out.push(Finding::new(
                    META.id,
                    Severity::Warning,
                    span,
                    format!(
                        "`{}` coordinated with itself: two different words of the source rendered by one",
                        doc.slice(span)
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, in_french_frame};

    fn english(sentence: &str) -> String {
        format!(
            "The government published a statement on Tuesday evening about the situation. {sentence} \
             The talks will resume next week in the capital, officials said."
        )
    }

    #[test]
    fn a_word_coordinated_with_itself_is_flagged() {
        let text = english("Police continue investigations and investigations into the case.");
        let found = findings(&CollapsedCoordination, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&text), "investigations and investigations");

        let text = in_french_frame("Il vend des outils et outils pour le jardin.");
        let found = findings(&CollapsedCoordination, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&text), "outils et outils");
    }

    #[test]
    fn idioms_comparatives_and_modified_copies_are_left_alone() {
        for sentence in [
            "Prices rose more and more over the year, again and again.",
            "The queue grew bigger and bigger as the day went on.",
            "They treated aged patients and patients with chronic diseases.",
            "They studied backpressure and backpressure-related failures.",
            "The Packaging and Packaging Waste directive was revised.",
            "Then thousands and thousands more followed the march.",
        ] {
            assert!(findings(&CollapsedCoordination, &english(sentence)).is_empty(), "{sentence}");
        }
        for sentence in [
            "Il a essayé encore et encore, sans succès.",
            "Il sait voir telle ou telle chose avec acuité.",
            "Mais il y a épidémie et épidémie, selon les médecins.",
        ] {
            assert!(findings(&CollapsedCoordination, &in_french_frame(sentence)).is_empty(), "{sentence}");
        }
        let text = english("But there are friends and friends, as everyone knows.");
        assert!(findings(&CollapsedCoordination, &text).is_empty());
    }
}
