//! How each language writes dates, weekdays, numbers, times and prices
//! (`data/conventions.toml`), compiled once into the patterns that find another language's
//! conventions kept in a text (MT205).

use super::{LexiconError, Source};
use crate::text::FastSet;
use aho_corasick::AhoCorasick;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;

pub const EMBEDDED: &str = include_str!("../../data/conventions.toml");

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    languages: BTreeMap<String, Entry>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(default)]
    months: Vec<String>,
    #[serde(default)]
    weekdays: Vec<String>,
    #[serde(default)]
    lowercase_names: bool,
    #[serde(default)]
    day_first: bool,
    #[serde(default)]
    decimal_comma: bool,
    #[serde(default)]
    magnitudes: Vec<String>,
    #[serde(default)]
    clock_24h: bool,
    #[serde(default)]
    currency_after: bool,
    #[serde(default)]
    nationalities: Vec<String>,
    #[serde(default)]
    noun_markers: Vec<String>,
    #[serde(default)]
    language_markers: Vec<String>,
}

/// What a pattern of a language's conventions found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Convention {
    /// The month before the day (`April 3, 2023`) where the day comes first.
    MonthDayOrder,
    /// A month or weekday name capitalised inside a sentence where the language writes it in
    /// lowercase.
    CapitalisedName,
    /// A numeric date in parentheses after the weekday (`jeudi (9/5)`).
    WeekdayNumericDate,
    /// Digits grouped with commas where the comma is the decimal mark (`2,300,000`).
    CommaGrouping,
    /// A decimal point before a magnitude where the comma is the decimal mark (`4.7 milliards`).
    PointDecimal,
    /// Digits grouped with full stops where the full stop is the decimal mark (`2.300.000`).
    PointGrouping,
    /// A decimal comma before a magnitude where the full stop is the decimal mark (`4,7 million`).
    CommaDecimal,
    /// A 12-hour time (`8 am`, `3:30 pm`) where the press writes 24-hour times.
    TwelveHourClock,
    /// A currency sign before the amount (`$50`) where it follows the amount.
    CurrencyBefore,
    /// An adjective of nationality or a language name capitalised where the language writes
    /// it in lowercase (`les autorités Chinoises`, `en Anglais`).
    CapitalisedNationality,
}

impl Convention {
    /// Whether the convention's pattern is matched on the lowercase text (names, magnitudes,
    /// `am`/`pm` in any case), or on the text as written (capitals, digits, signs).
    fn reads_lowercase(self) -> bool {
        matches!(
            self,
            Convention::MonthDayOrder
                | Convention::WeekdayNumericDate
                | Convention::PointDecimal
                | Convention::CommaDecimal
                | Convention::TwelveHourClock
        )
    }
}

/// The compiled patterns of one language; each captures the trace in group 1.
pub struct LanguageConventions {
    pub lang: String,
    pub patterns: Vec<(Convention, Regex)>,
    /// The language's month and weekday names capitalised (`Octobre`), for the
    /// capitalised-name pattern's screening.
    pub capitalised_names: Vec<String>,
    /// The words after an amount (`millions`): a comma group before one is a decimal.
    magnitudes: Vec<String>,
    /// The capitalised names, and the lowercase month names (the language's and English),
    /// found in one pass: most lines hold none, and their patterns are not run.
    capitalised_automaton: AhoCorasick,
    months_automaton: AhoCorasick,
    /// Adjectives of nationality (every form, lowercase) and the words after which one is a
    /// noun, or a language's name.
    nationalities: FastSet<String>,
    noun_markers: FastSet<String>,
    language_markers: FastSet<String>,
}

impl LanguageConventions {
    /// Whether the language writes adjectives of nationality in lowercase (its table lists them).
    pub fn judges_nationalities(&self) -> bool {
        !self.nationalities.is_empty()
    }

    /// Whether `word` (as written; `lower`, its lowercase) is an adjective of nationality or a
    /// language's name written with a capital after the lowercase word `previous` (lowercase):
    /// `autorités Chinoises`, `en Anglais`, but not `les Chinois` or `deux Allemands`, nouns.
    pub fn is_capitalised_nationality(&self, previous: &str, word: &str, lower: &str) -> bool {
        self.is_capitalised_nationality_word(word, lower)
            && (self.names_language_after(previous) || !self.noun_markers.contains(previous))
    }

    /// Whether a nationality word after `previous` (lowercase) names a language (`en`).
    pub fn names_language_after(&self, previous: &str) -> bool {
        self.language_markers.contains(previous)
    }

    fn is_capitalised_nationality_word(&self, word: &str, lower: &str) -> bool {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.any(char::is_lowercase)
            && self.nationalities.contains(lower)
    }

    /// The traces in a line (`text`, and `lower`, its lowercase copy; `has_digit`: whether
    /// it holds a digit): each convention's span in `text`, for the conventions `kinds`
    /// accepts, in the order of the patterns. A cheap screen skips the patterns a line cannot
    /// match.
    pub fn traces<'t>(
        &'t self,
        text: &'t str,
        lower: &'t str,
        has_digit: bool,
        kinds: impl Fn(Convention) -> bool + 't,
    ) -> impl Iterator<Item = (Convention, std::ops::Range<usize>)> + 't {
        // A line without a digit (the caller knows from its words) is not read byte by byte.
        let screen = if has_digit { Screen::of(text) } else { Screen::default() };
        let may_match = move |kind: Convention| match kind {
            Convention::CapitalisedName => self.capitalised_automaton.is_match(text),
            // Found word by word by the rule, not by a pattern.
            Convention::CapitalisedNationality => false,
            _ if !screen.digit => false,
            Convention::MonthDayOrder => {
                (screen.digit_comma || screen.digit_space_year) && self.months_automaton.is_match(lower)
            }
            Convention::WeekdayNumericDate => screen.digit_slash_digit,
            Convention::CommaGrouping | Convention::CommaDecimal => screen.digit_comma_digit,
            Convention::PointDecimal | Convention::PointGrouping => screen.digit_point_digit,
            Convention::TwelveHourClock => screen.clock_suffix,
            Convention::CurrencyBefore => screen.currency,
        };
        self.patterns.iter().filter(move |(kind, _)| kinds(*kind) && may_match(*kind)).flat_map(
            move |(kind, pattern)| {
                // Case-insensitive patterns are written in lowercase and run on the lowercase
                // copy (same offsets): cheaper to build and to run than `(?i)`.
                let haystack = if kind.reads_lowercase() { lower } else { text };
                pattern.captures_iter(haystack).filter_map(move |found| {
                    // `1,039 millions` is a French decimal, not an English digit group.
                    let word_after = found.get(2).map(|w| w.as_str());
                    if word_after.is_some_and(|w| self.magnitudes.iter().any(|m| m == w)) {
                        return None;
                    }
                    let trace = found.get(1)?;
                    // `am` is also a word (German `2 am Ende`): a 12-hour time is not followed by a
                    // capitalised word.
                    if *kind == Convention::TwelveHourClock
                        && text[trace.end()..]
                            .strip_prefix(' ')
                            .is_some_and(|after| after.starts_with(char::is_uppercase))
                    {
                        return None;
                    }
                    Some((*kind, trace.range()))
                })
            },
        )
    }
}

/// The table, each language's patterns compiled on first use: compiling every language's
/// case-insensitive Unicode patterns costs more than a small run's whole analysis.
#[derive(Default)]
pub struct Conventions {
    languages: Vec<(String, Entry, std::sync::OnceLock<LanguageConventions>)>,
    english_months: Vec<String>,
}

impl Conventions {
    pub fn load(sources: &[Source<'_>]) -> Result<Conventions, LexiconError> {
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        let mut from_user: Vec<String> = Vec::new();
        for (number, source) in sources.iter().enumerate() {
            let file: File = toml::from_str(source.text).map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            for (lang, entry) in file.languages {
                super::check_lang_code(source.name, &lang)?;
                if number > 0 {
                    from_user.push(lang.clone());
                }
                // Names are matched on lowercase text.
                let mut entry = entry;
                for names in [&mut entry.months, &mut entry.weekdays, &mut entry.magnitudes] {
                    names.iter_mut().for_each(|name| *name = name.to_lowercase());
                }
                entries.insert(lang, entry);
            }
        }
        let english_months = entries.get("eng").map(|e| e.months.clone()).unwrap_or_default();
        let conventions = Conventions {
            languages: entries.into_iter().map(|(lang, entry)| (lang, entry, std::sync::OnceLock::new())).collect(),
            english_months,
        };
        // A user's languages are compiled now, so that a bad entry is an error at start-up.
        for (lang, entry, compiled) in &conventions.languages {
            if from_user.contains(lang) || lang == "eng" && !from_user.is_empty() {
                let done = compile(lang, entry, &conventions.english_months)
                    .map_err(|e| LexiconError::new("conventions", format!("{lang}: {e}")))?;
                let _ = compiled.set(done);
            }
        }
        Ok(conventions)
    }

    /// The conventions of a language (ISO 639-3), if the table describes it.
    pub fn of(&self, lang: &str) -> Option<&LanguageConventions> {
        let (lang, entry, compiled) = self.languages.iter().find(|(l, _, _)| l == lang)?;
        if let Some(done) = compiled.get() {
            return Some(done);
        }
        // The embedded table compiles (its test says so); a failure leaves the language undescribed.
        let done = compile(lang, entry, &self.english_months).ok()?;
        Some(compiled.get_or_init(|| done))
    }
}

/// What a line holds, from one pass over its bytes: which patterns can match it.
#[derive(Default, Clone, Copy)]
struct Screen {
    digit: bool,
    digit_comma_digit: bool,
    digit_point_digit: bool,
    digit_slash_digit: bool,
    /// A digit followed by a comma (after an ordinal suffix or not), or by a space and four
    /// digits: how an English date's day ends (`April 3, 2023`, `May 3rd, 2023`, `Sept 4 2023`).
    digit_comma: bool,
    digit_space_year: bool,
    /// A digit followed, after at most a space, by `am`, `pm`, `a.m` or `p.m` (any case).
    clock_suffix: bool,
    currency: bool,
}

impl Screen {
    fn of(text: &str) -> Screen {
        let bytes = text.as_bytes();
        let mut screen =
            Screen { currency: text.contains('$') || text.contains('€') || text.contains('£'), ..Screen::default() };
        for (i, &b) in bytes.iter().enumerate() {
            if !b.is_ascii_digit() {
                continue;
            }
            screen.digit = true;
            let rest = &bytes[i + 1..];
            match rest {
                [b',', d, ..] if d.is_ascii_digit() => screen.digit_comma_digit = true,
                [b'.', d, ..] if d.is_ascii_digit() => screen.digit_point_digit = true,
                [b'/', d, ..] if d.is_ascii_digit() => screen.digit_slash_digit = true,
                // `3,` and `3rd,`: how an English date's day ends.
                [b',', ..] => screen.digit_comma = true,
                [a, b, b',', ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => screen.digit_comma = true,
                _ => {}
            }
            // A day then a year (`3 2023`, `3rd, 2023`) ends an English date.
            if let [b' ', a, b, c, d, ..] = rest
                && [a, b, c, d].iter().all(|x| x.is_ascii_digit())
            {
                screen.digit_space_year = true;
            }
            let rest = rest.strip_prefix(b" ").unwrap_or(rest);
            if let [a, b'.', m, ..] | [a, m, ..] = rest
                && matches!(a.to_ascii_lowercase(), b'a' | b'p')
                && m.eq_ignore_ascii_case(&b'm')
            {
                screen.clock_suffix = true;
            }
        }
        screen
    }
}

/// An alternation of names, longest first, with an optional full stop after abbreviations.
fn alternation(names: &[String]) -> String {
    let mut names: Vec<String> = names.iter().map(|n| regex::escape(n.trim())).filter(|n| !n.is_empty()).collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names.dedup();
    names.join("|")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A day of the month: 1 to 31, not followed by another digit.
const DAY: &str = r"(?:3[01]|[12][0-9]|0?[1-9])";

fn compile(lang: &str, entry: &Entry, english_months: &[String]) -> Result<LanguageConventions, regex::Error> {
    let mut patterns = Vec::new();
    if entry.day_first {
        // The language's own months and, untranslated, the English ones.
        let mut months = entry.months.clone();
        months.extend(english_months.iter().cloned());
        let months = alternation(&months);
        if !months.is_empty() {
            let pattern = format!(
                r"(?:^|[^\p{{L}}\p{{N}}])((?:{months})\.? {DAY}(?:st|nd|rd|th)?(?:, ?\d{{4}}|,| \d{{4}}))(?:[^\p{{N}}]|$)"
            );
            patterns.push((Convention::MonthDayOrder, Regex::new(&pattern)?));
        }
    }
    let mut capitalised_names: Vec<String> = Vec::new();
    if entry.lowercase_names {
        capitalised_names = entry.months.iter().chain(&entry.weekdays).map(|n| capitalise(n)).collect();
        // Short names are also words and names (`Mars`, `Mai`, `Juin`): counted only after a
        // day number (`31 Mars`); longer ones also inside a sentence (a lowercase letter or a
        // comma before).
        let longer: Vec<String> = capitalised_names.iter().filter(|n| n.chars().count() > 4).cloned().collect();
        let (all, longer) = (alternation(&capitalised_names), alternation(&longer));
        if !all.is_empty() {
            let pattern = format!(r"\b{DAY}(?:er|º)? ({all})(?:[^\p{{L}}]|$)");
            patterns.push((Convention::CapitalisedName, Regex::new(&pattern)?));
        }
        if !longer.is_empty() {
            let pattern = format!(r"[\p{{Ll}},] ({longer})(?:[^\p{{L}}]|$)");
            patterns.push((Convention::CapitalisedName, Regex::new(&pattern)?));
        }
    }
    let weekdays = alternation(&entry.weekdays);
    if !weekdays.is_empty() {
        let pattern = format!(r"(?:^|[^\p{{L}}])((?:{weekdays}),? ?\({DAY}/{DAY}(?:/\d{{2,4}})?\))");
        patterns.push((Convention::WeekdayNumericDate, Regex::new(&pattern)?));
    }
    let magnitudes = alternation(&entry.magnitudes);
    if entry.decimal_comma {
        // Two comma groups or more; one group counts when a word follows (`2,300 habitants`).
        patterns.push((
            Convention::CommaGrouping,
            Regex::new(r"(?:^|[\s(])(\d{1,3}(?:,\d{3}){2,}|[1-9]\d{0,2},\d{3} (\p{Ll}{4,}))(?:[^\p{L}\p{N},.]|$)")?,
        ));
        if !magnitudes.is_empty() {
            let pattern = format!(r"(?:^|[\s(])(\d+\.\d{{1,2}} ?(?:{magnitudes}))(?:[^\p{{L}}]|$)");
            patterns.push((Convention::PointDecimal, Regex::new(&pattern)?));
        }
    } else if !magnitudes.is_empty() {
        // A language with a decimal point (its magnitudes tell it is described).
        patterns.push((
            Convention::PointGrouping,
            Regex::new(r"(?:^|[\s(])(\d{1,3}(?:\.\d{3}){2})(?:[^\p{N}.]|\.(?:\s|$)|$)")?,
        ));
        let pattern = format!(r"(?:^|[\s(])(\d+,\d{{1,2}} ?(?:{magnitudes}))(?:[^\p{{L}}]|$)");
        patterns.push((Convention::CommaDecimal, Regex::new(&pattern)?));
    }
    if entry.clock_24h {
        patterns.push((
            Convention::TwelveHourClock,
            Regex::new(
                r"(?:^|[^\p{L}\p{N}:.])((?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)? ?(?:a\.m\.|p\.m\.|am|pm))(?:[^\p{L}]|$)",
            )?,
        ));
    }
    if entry.currency_after {
        patterns.push((Convention::CurrencyBefore, Regex::new(r"(?:^|[\s(])((?:US)?[$€£] ?\d(?:[\d.,]*\d)?)")?));
    }
    let automaton = |names: &[String]| {
        AhoCorasick::new(names.iter().filter(|n| !n.is_empty())).expect("names make a valid automaton")
    };
    let mut months: Vec<String> = entry.months.clone();
    months.extend(english_months.iter().cloned());
    Ok(LanguageConventions {
        lang: lang.to_string(),
        patterns,
        capitalised_automaton: automaton(&capitalised_names),
        months_automaton: automaton(&months),
        capitalised_names,
        magnitudes: entry.magnitudes.clone(),
        nationalities: lowercase_set(&entry.nationalities),
        noun_markers: lowercase_set(&entry.noun_markers),
        language_markers: lowercase_set(&entry.language_markers),
    })
}

fn lowercase_set(words: &[String]) -> FastSet<String> {
    words.iter().map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> Conventions {
        Conventions::load(&[Source { name: "embedded", text: EMBEDDED }]).expect("valid data")
    }

    fn traces(lang: &str, text: &str) -> Vec<(Convention, String)> {
        let conventions = embedded();
        let mut out: Vec<(Convention, String)> = conventions
            .of(lang)
            .expect("described")
            .traces(text, &text.to_lowercase(), text.contains(|c: char| c.is_ascii_digit()), |_| true)
            .map(|(kind, range)| (kind, text[range].to_string()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn french_patterns_find_english_dates_numbers_times_and_prices() {
        use Convention::*;
        assert_eq!(
            traces("fra", "Il est arrivé vendredi, Avril 3, 2023 à Paris."),
            [(MonthDayOrder, "Avril 3, 2023".to_string()), (CapitalisedName, "Avril".to_string())]
        );
        assert_eq!(traces("fra", "le 7 Octobre dernier"), [(CapitalisedName, "Octobre".to_string())]);
        assert_eq!(traces("fra", "du 3 janvier au 31 Mars"), [(CapitalisedName, "Mars".to_string())]);
        assert_eq!(traces("fra", "Sept 4, 2023"), [(MonthDayOrder, "Sept 4, 2023".to_string())]);
        assert_eq!(traces("fra", "le May 3rd, 2023"), [(MonthDayOrder, "May 3rd, 2023".to_string())]);
        assert_eq!(
            traces("fra", "La police a indiqué jeudi (9/5) que"),
            [(WeekdayNumericDate, "jeudi (9/5)".to_string())]
        );
        assert_eq!(traces("fra", "une ville de 2,300 habitants"), [(CommaGrouping, "2,300 habitants".to_string())]);
        assert_eq!(traces("fra", "soit 1,250,000 euros"), [(CommaGrouping, "1,250,000".to_string())]);
        assert_eq!(traces("fra", "un budget de 4.7 milliards"), [(PointDecimal, "4.7 milliards".to_string())]);
        assert_eq!(
            traces("fra", "à 8 am et à 3:30 pm"),
            [(TwelveHourClock, "3:30 pm".to_string()), (TwelveHourClock, "8 am".to_string())]
        );
        assert_eq!(traces("fra", "pour $50 par mois"), [(CurrencyBefore, "$50".to_string())]);
        assert_eq!(traces("fra", "pour $1,000, puis"), [(CurrencyBefore, "$1,000".to_string())]);
    }

    #[test]
    fn french_conventions_themselves_are_not_traces() {
        for text in [
            "Il est arrivé le vendredi 3 avril 2023 à Paris.",
            "une ville de 2 300 habitants et un budget de 4,7 milliards",
            "la séance reprend à 15 h 30, pour 50 $ par mois",
            "Le 3 mars, 2023 fut une année difficile.",
            "Mai 68 a changé la France.",
            "un chiffre d'affaires de 1,039 millions d'euros",
            "la version 2.10.3 du logiciel",
            "Le scrutin de Mars. Les électeurs",
        ] {
            assert_eq!(traces("fra", text), [], "{text}");
        }
    }

    #[test]
    fn capitalised_nationality_adjectives_and_languages_are_told_from_nouns() {
        let conventions = embedded();
        let french = conventions.of("fra").expect("described");
        let judge =
            |previous: &str, word: &str| french.is_capitalised_nationality(previous, word, &word.to_lowercase());
        assert!(judge("autorités", "Chinoises") && judge("en", "Anglais") && judge("gouvernement", "Américain"));
        assert!(!judge("les", "Chinois") && !judge("deux", "Allemands") && !judge("jeunes", "Français"));
        assert!(!judge("autorités", "chinoises") && !judge("autorités", "CHINOISES") && !judge("en", "Suisse"));
        let spanish = conventions.of("spa").expect("described");
        assert!(spanish.is_capitalised_nationality("autoridades", "Chinas", "chinas"));
        assert!(!spanish.is_capitalised_nationality("los", "Franceses", "franceses"));
        assert!(!spanish.is_capitalised_nationality("en", "Siria", "siria"), "a country, not an adjective");
        assert!(!conventions.of("eng").expect("described").judges_nationalities());
    }

    #[test]
    fn every_embedded_language_compiles() {
        let conventions = embedded();
        for lang in ["eng", "fra", "spa", "deu", "ita", "por"] {
            assert!(conventions.of(lang).is_some_and(|c| !c.patterns.is_empty()), "{lang}");
        }
        assert!(conventions.of("xyz").is_none());
    }

    #[test]
    fn english_finds_continental_numbers() {
        use Convention::*;
        assert_eq!(
            traces("eng", "about 2.300.000 people and 4,7 million euros"),
            [(PointGrouping, "2.300.000".to_string()), (CommaDecimal, "4,7 million".to_string())]
        );
        assert_eq!(traces("eng", "the address 192.168.100.100 and 2,300 people"), []);
        assert_eq!(traces("deu", "Er landete auf Platz 2 am Ende des Rennens."), []);
        assert_eq!(
            traces("eng", "Police said on Thursday (9/5) that"),
            [(WeekdayNumericDate, "Thursday (9/5)".to_string())]
        );
    }
}
