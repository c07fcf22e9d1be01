//! MT205: dates, numbers, times and prices written in another language's conventions.

use crate::finding::{Finding, Severity, Span};
use crate::lexicon::conventions::{Convention, LanguageConventions};
use crate::lexicon::words::tag;
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;
use crate::view::french::WordLex;

pub struct ForeignConventions;

static META: RuleMeta = RuleMeta {
    id: "MT205",
    name: "foreign-conventions",
    family: Family::Language,
    default_severity: Severity::Warning,
    default_weight: 10.4,
    fallback: false,
    summary: "Dates, numbers, times or prices in another language's conventions (`le 7 Octobre`, `4.7 milliards`).",
    explanation: "\
What it flags: conventions of another language kept in a translation: the month before the
day (`vendredi, Avril 3, 2023`, `Sept 4, 2023` in French); month and weekday names
capitalised inside a sentence where the language writes them in lowercase (`le 7 Octobre`,
`a déclaré Jeudi`); a numeric date in parentheses after the weekday (`jeudi (9/5)`, as some
newsrooms write it); English digit grouping and decimal points in a language with a decimal
comma (`2,300 habitants`, `4.7 milliards`) and the reverse in English (`2.300.000 people`,
`4,7 million`); 12-hour times where the press writes 24-hour ones (`8 am`, `3:30 pm` in
French or German); a currency sign before the amount where it follows (`$50` in French);
adjectives of nationality and language names capitalised as English writes them, where the
language writes them in lowercase (`les autorités Chinoises`, `en Anglais`; French, Spanish).

Why it matters: translation systems translate words and leave the shape of dates and numbers
as the source wrote them; a writer of the language uses its own conventions without thinking.

Example: `Le ministre a annoncé vendredi (3/11) un budget de 4.7 milliards.` → two traces.

How: per-language tables of month and weekday names and of each language's conventions
(data/conventions.toml: French, English, Spanish, German, Italian, Portuguese), compiled into
patterns once; each line outside the comment section and the interface strings is matched
against the patterns of the document's language. A document with two traces or more gets a
warning for each; a single one is informational. Capitalised names count only when the
document holds two of them (`le 14 Juillet` is a holiday's name) and never on a line in
title case. A nationality word counts after a lowercase word that is not a determiner, a
preposition, a number or another word after which it is a noun (`les Chinois`, `deux
Allemands`), or after `en`, where it names a language; its forms are listed per language.

Limits: Spanish writes decimals, times and prices both ways across its countries, so only its
dates are judged. A predicate (`il est Français`) is left alone, as many writers capitalise
it; German capitalises adjectives inside names (`die Deutsche Bahn`) and is not judged for
nationalities. A comma group followed by a measure may be a true decimal (`2,500
kilomètres`); quotations and tables copied from another language are reported like the rest.",
};

/// Traces a document needs before they are warnings.
const MIN_TRACES_FOR_WARNING: usize = 2;
/// Capitalised month or weekday names a document needs before any is reported.
const MIN_CAPITALISED_NAMES: usize = 2;

fn describe(kind: Convention, lang: &str) -> &'static str {
    match kind {
        Convention::MonthDayOrder => "the month before the day, as English dates are written",
        Convention::CapitalisedName => {
            "a month or weekday name capitalised inside a sentence, where the language writes it in lowercase"
        }
        Convention::WeekdayNumericDate => "a numeric date in parentheses after the weekday",
        Convention::CommaGrouping if lang == "fra" => {
            "digits grouped with commas, as English writes them (French groups with spaces and writes decimals with a comma)"
        }
        Convention::CommaGrouping => "digits grouped with commas, where the language's decimal mark is the comma",
        Convention::PointDecimal => "a decimal point, where the language's decimal mark is the comma",
        Convention::PointGrouping => "digits grouped with full stops, where the language's decimal mark is the point",
        Convention::CommaDecimal => "a decimal comma, where the language's decimal mark is the point",
        Convention::TwelveHourClock => "a 12-hour time, where the language's press writes 24-hour times",
        Convention::CurrencyBefore => "a currency sign before the amount, where the language writes it after",
        Convention::CapitalisedNationality => {
            "an adjective of nationality or a language's name capitalised, as English writes it, where the language writes it in lowercase"
        }
    }
}

/// Whether most of a line's longer words are capitalised: a title, where capitals say nothing.
fn is_title_case(line: &str) -> bool {
    let (mut words, mut capitalised) = (0usize, 0usize);
    for word in line.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().nth(3).is_some()) {
        words += 1;
        capitalised += usize::from(word.chars().next().is_some_and(char::is_uppercase));
    }
    words > 0 && capitalised * 2 >= words
}

/// Adjectives of nationality and language names written with a capital after a lowercase word
/// of the same line, a space apart (`autorités Chinoises`, `en Anglais`), outside titles, the
/// comment section and the interface strings.
///
/// Where the lexicon tags words (French), the word before must be a noun and not an adjective:
/// adjectives stand before nouns (`le premier Américain`, `un excellent Norvégien`).
fn capitalised_nationalities(
    doc: &View,
    conventions: &LanguageConventions,
    readings: &[WordLex],
    traces: &mut Vec<(Span, Convention)>,
) {
    for (index, pair) in doc.words.windows(2).enumerate() {
        let (previous, word) = (pair[0].span, pair[1].span);
        let written = doc.slice(word);
        // Most words are ruled out by their first byte: lowercase ASCII, a digit, punctuation.
        if written.as_bytes().first().is_none_or(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            || !doc.text[previous.end..word.start].bytes().all(|b| b == b' ')
            || previous.end == word.start
            || !doc.slice(previous).chars().next().is_some_and(char::is_lowercase)
            || !conventions.is_capitalised_nationality(doc.slice_lower(previous), written, doc.slice_lower(word))
        {
            continue;
        }
        let names_language = conventions.names_language_after(doc.slice_lower(previous));
        if let Some(reading) = readings.get(index)
            && reading.known
            && !names_language
            && (!reading.tags.has(tag::NOUN) || reading.tags.has(tag::ADJ))
        {
            continue;
        }
        // `RT en Español`, `Euronews en Français`: a channel's or an edition's name.
        if names_language
            && index > 0
            && doc.text[doc.words[index - 1].span.end..previous.start].bytes().all(|b| b == b' ')
            && doc.slice(doc.words[index - 1].span).chars().next().is_some_and(char::is_uppercase)
        {
            continue;
        }
        let line = &doc.lines[doc.line_index(word.start)];
        if line.ui_pattern.is_some() || doc.in_comments(line.content) || is_title_case(doc.slice(line.content)) {
            continue;
        }
        traces.push((word, Convention::CapitalisedNationality));
    }
}

impl Detector for ForeignConventions {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !doc.lang.reliable {
            return;
        }
        let Some(conventions) = res.conventions.of(doc.lang.code) else {
            return;
        };
        // Whether any word is a capitalised month or weekday name: most documents hold none, and
        // their lines are not screened for one.
        let holds_names = !conventions.capitalised_names.is_empty()
            && doc.words.iter().any(|w| {
                let word = doc.slice(w.span);
                word.chars().next().is_some_and(char::is_uppercase)
                    && conventions.capitalised_names.iter().any(|name| name == word)
            });
        let mut traces: Vec<(Span, Convention)> = Vec::new();
        // The lines and the words are walked together: a line holds a digit when one of its
        // words starts with one (numbers are words), which costs a byte per word, not per letter.
        let mut next_word = 0;
        for line in &doc.lines {
            let mut has_digit = false;
            while next_word < doc.words.len() && doc.words[next_word].span.start < line.content.end {
                let start = doc.words[next_word].span.start;
                has_digit |= start >= line.content.start && doc.text.as_bytes()[start].is_ascii_digit();
                next_word += 1;
            }
            if line.content.is_empty()
                || (!has_digit && !holds_names)
                || line.ui_pattern.is_some()
                || doc.in_comments(line.content)
            {
                continue;
            }
            let text = doc.slice(line.content);
            // Whether the line is a title, decided once and only when a name pattern asks.
            let title = std::cell::OnceCell::new();
            let judged = |kind: Convention| {
                kind != Convention::CapitalisedName || (holds_names && !*title.get_or_init(|| is_title_case(text)))
            };
            let base = line.content.start;
            for (kind, range) in conventions.traces(text, doc.slice_lower(line.content), has_digit, judged) {
                traces.push((Span::new(base + range.start, base + range.end), kind));
            }
        }
        if conventions.judges_nationalities() {
            capitalised_nationalities(doc, conventions, doc.french_words(res), &mut traces);
        }
        // One trace per span (`1er Janvier` matches after the day and after a lowercase letter).
        traces.sort_by_key(|(span, kind)| (span.start, span.end, *kind));
        traces.dedup_by_key(|(span, _)| *span);
        // A capitalised month inside a month-before-day date (`Avril 3, 2023`) is that date's.
        let dates: Vec<Span> =
            traces.iter().filter(|(_, kind)| *kind == Convention::MonthDayOrder).map(|(span, _)| *span).collect();
        traces.retain(|(span, kind)| {
            *kind != Convention::CapitalisedName
                || !dates.iter().any(|date| date.start <= span.start && span.end <= date.end)
        });
        let names = traces.iter().filter(|(_, kind)| *kind == Convention::CapitalisedName).count();
        if names < MIN_CAPITALISED_NAMES {
            traces.retain(|(_, kind)| *kind != Convention::CapitalisedName);
        }
        let severity = if traces.len() >= MIN_TRACES_FOR_WARNING { Severity::Warning } else { Severity::Info };
        for (span, kind) in traces {
            let message = format!("`{}`: {}", doc.slice(span), describe(kind, doc.lang.code));
            out.push(Finding::new(META.id, severity, span, message));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, in_french_frame};

    #[test]
    fn english_dates_and_numbers_in_french_are_warnings() {
        let text = in_french_frame("Le ministre a annoncé vendredi (3/11) un budget de 4.7 milliards pour la région.");
        let found = findings(&ForeignConventions, &text);
        let traces: Vec<&str> = found.iter().map(|f| f.span.text(&text)).collect();
        assert_eq!(traces, ["vendredi (3/11)", "4.7 milliards"]);
        assert!(found.iter().all(|f| f.severity == Severity::Warning));
        assert!(found[1].message.contains("decimal point"), "{}", found[1].message);
    }

    #[test]
    fn a_single_trace_is_informational() {
        let text = in_french_frame("La réunion commencera à 8 am dans la salle du conseil municipal.");
        let found = findings(&ForeignConventions, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&text), "8 am");
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn capitalised_months_count_from_two_and_not_in_titles() {
        let one = in_french_frame("La fête du 14 Juillet a réuni des milliers de personnes dans la capitale.");
        assert!(findings(&ForeignConventions, &one).is_empty());
        let one_matched_twice =
            in_french_frame("Les soldes commencent le 1er Janvier dans tous les magasins de la ville.");
        assert!(findings(&ForeignConventions, &one_matched_twice).is_empty());
        let two = in_french_frame("Les travaux ont commencé le 7 Octobre et se termineront le 3 Décembre prochain.");
        let found = findings(&ForeignConventions, &two);
        let traces: Vec<&str> = found.iter().map(|f| f.span.text(&two)).collect();
        assert_eq!(traces, ["Octobre", "Décembre"]);
        let title = format!("{}\nLes Élections Du 7 Octobre Et Du 3 Décembre Approchent\n", in_french_frame(""));
        assert!(findings(&ForeignConventions, &title).is_empty());
    }

    #[test]
    fn capitalised_nationality_adjectives_and_languages_are_traces() {
        let text =
            in_french_frame("Les autorités Chinoises ont publié le texte en Anglais, puis les Chinois ont réagi.");
        let found = findings(&ForeignConventions, &text);
        let traces: Vec<&str> = found.iter().map(|f| f.span.text(&text)).collect();
        assert_eq!(traces, ["Chinoises", "Anglais"]);
        assert!(found[0].message.contains("nationality"), "{}", found[0].message);
        for line in [
            "Deux Allemands et de jeunes Français ont visité l'Union Européenne et la Polynésie française.",
            "Le premier Américain à marcher sur la Lune était un excellent Norvégien.",
            "Le voyage en Suisse a plu aux Américains.",
            "Il regarde la chaîne Euronews en Français chaque soir.",
            "Il veut devenir Français et traverser l'océan Indien avec le commissaire Breton.",
        ] {
            let text = in_french_frame(line);
            assert!(findings(&ForeignConventions, &text).is_empty(), "{line}");
        }
    }

    #[test]
    fn french_conventions_are_not_traces() {
        let text = in_french_frame(
            "Le 3 avril 2023, la ville de 2 300 habitants a voté un budget de 4,7 milliards à 15 h 30 pour 50 $ par mois.",
        );
        assert!(findings(&ForeignConventions, &text).is_empty());
    }
}
