//! Imperial units, metric units and each language's own words for imperial units.

use super::{LexiconError, Source};
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;

pub const EMBEDDED: &str = include_str!("../../data/units.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImperialUnit {
    pub forms: Vec<String>,
    pub metric: String,
    pub factor: f64,
    #[serde(default)]
    pub offset: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    #[serde(default)]
    imperial_languages: Vec<String>,
    #[serde(default)]
    imperial: Vec<ImperialUnit>,
    #[serde(default)]
    metric_units: Vec<String>,
    #[serde(default)]
    native: BTreeMap<String, Vec<String>>,
}

pub struct Units {
    /// ISO 639-3 codes of languages that measure in imperial units.
    pub imperial_languages: Vec<String>,
    pub imperial: Vec<ImperialUnit>,
    // The patterns carry no `\b`: a Unicode word boundary makes the lazy DFA give up on
    // non-ASCII text. Callers check boundaries with `is_measure`.
    /// A number followed by an English imperial unit; groups `num` and `unit`.
    pub imperial_measure: Regex,
    /// A metric measure at the end of the haystack (for the part before `(`).
    pub metric_before: Regex,
    /// A metric measure at the start of the haystack (for the part after `(`).
    pub metric_after: Regex,
    /// Per language: a number followed by one of its own imperial words.
    pub native_measure: BTreeMap<String, Regex>,
    /// The first word of every unit form above, lowercase: a text in which none follows a
    /// number needs no regex search (most texts; the regexes have no literal to skip ahead to).
    unit_openings: Vec<String>,
    /// The first bytes of `unit_openings`.
    opening_bytes: [bool; 256],
}

/// A number as news text writes it: `22`, `1,5`, `3.5`, `30 000`, `1,000`.
const NUMBER: &str = r"\d(?:[\d\u{a0}\u{202f}]|[.,'\x20]\d)*";

fn alternation(forms: impl Iterator<Item = String>) -> String {
    let mut forms: Vec<String> = forms.map(|f| f.to_lowercase()).collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms.dedup();
    forms.iter().map(|f| regex::escape(f).replace(' ', r"\s+")).collect::<Vec<_>>().join("|")
}

impl Units {
    pub fn load(sources: &[Source<'_>]) -> Result<Units, LexiconError> {
        let mut imperial_languages = Vec::new();
        let mut imperial = Vec::new();
        let mut metric = Vec::new();
        let mut native: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for source in sources {
            let file: File = toml::from_str(source.text).map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            imperial_languages.extend(file.imperial_languages);
            imperial.extend(file.imperial);
            metric.extend(file.metric_units);
            for (lang, words) in file.native {
                native.entry(lang).or_default().extend(words);
            }
        }
        let bad = |e: regex::Error| LexiconError::new("units", e.to_string());
        let mut unit_openings: Vec<String> = imperial
            .iter()
            .flat_map(|u| u.forms.iter())
            .chain(native.values().flatten())
            .filter_map(|form| form.split_whitespace().next().map(str::to_lowercase))
            .collect();
        unit_openings.sort();
        unit_openings.dedup();
        let mut opening_bytes = [false; 256];
        for opening in &unit_openings {
            if let Some(&b) = opening.as_bytes().first() {
                opening_bytes[b as usize] = true;
            }
        }
        let imperial_alt = alternation(imperial.iter().flat_map(|u| u.forms.iter().cloned()));
        let imperial_measure =
            Regex::new(&format!(r"(?i)(?P<num>{NUMBER})\s?(?P<unit>{imperial_alt})")).map_err(bad)?;
        let metric_alt = alternation(metric.into_iter());
        let metric_before = Regex::new(&format!(r"(?i){NUMBER}\s?(?:{metric_alt})\s*\(\s*$")).map_err(bad)?;
        let metric_after = Regex::new(&format!(r"(?i)^\s*\(\s*{NUMBER}\s?(?:{metric_alt})")).map_err(bad)?;
        let mut native_measure = BTreeMap::new();
        for (lang, words) in native {
            let alt = alternation(words.into_iter());
            native_measure.insert(lang, Regex::new(&format!(r"(?i)(?P<num>{NUMBER})\s?(?P<unit>{alt})")).map_err(bad)?);
        }
        Ok(Units {
            imperial_languages,
            imperial,
            imperial_measure,
            metric_before,
            metric_after,
            native_measure,
            unit_openings,
            opening_bytes,
        })
    }

    /// Whether `lower` (a lowercased text, see `text::lowercase_in_place_offsets`) may hold a
    /// measure: the first word of a unit form right after a number (and at most one white-space
    /// character). False means neither `imperial_measure` nor `native_measure` can match,
    /// except on the rare capitals whose lowercase is of another length (`ẞ`), which the
    /// lowercase text keeps as they are.
    pub fn may_hold_measure(&self, lower: &str) -> bool {
        // Numbers are few: look after each digit (any Unicode digit) for a unit's first word.
        let bytes = lower.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let numeric = if bytes[i].is_ascii() {
                i += 1;
                bytes[i - 1].is_ascii_digit()
            } else {
                let c = lower[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                c.is_numeric()
            };
            if numeric && self.unit_opens(&lower[i..]) {
                return true;
            }
        }
        false
    }

    /// Whether `rest` opens, after at most one white-space character, with a unit's first word.
    fn unit_opens(&self, rest: &str) -> bool {
        // The last digit of a number comes before the unit: skip the others at once.
        if rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return false;
        }
        let after_space = match rest.chars().next() {
            Some(c) if c.is_whitespace() => &rest[c.len_utf8()..],
            _ => rest,
        };
        let opens = |text: &str| {
            text.as_bytes().first().is_some_and(|&b| self.opening_bytes[b as usize])
                && self.unit_openings.iter().any(|opening| text.starts_with(opening.as_str()))
        };
        opens(rest) || opens(after_space)
    }

    /// Whether a measure ending at `end` ends a word, and the number starting at `start`
    /// begins one (`22 miles` but not `22 milestones` or `A22 mi`).
    pub fn is_measure(text: &str, start: usize, end: usize) -> bool {
        let word_char = |c: char| c.is_alphanumeric();
        !text[..start].chars().next_back().is_some_and(word_char) && !text[end..].chars().next().is_some_and(word_char)
    }

    /// The unit a written form belongs to.
    pub fn unit_of(&self, form: &str) -> Option<&ImperialUnit> {
        let form = form.to_lowercase();
        let normal: String = form.split_whitespace().collect::<Vec<_>>().join(" ");
        self.imperial.iter().find(|u| u.forms.contains(&normal))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lowercase_in_place_offsets;

    fn units() -> Units {
        Units::load(&[Source { name: "embedded", text: EMBEDDED }]).unwrap()
    }

    #[test]
    fn a_measure_needs_a_unit_right_after_a_number() {
        let units = units();
        for text in ["à 22 miles de la ville", "un colis de 3\u{a0}livres", "il fait 90°F", "5 Pieds", "2,5km et 3 MPH"]
        {
            assert!(units.may_hold_measure(&lowercase_in_place_offsets(text)), "{text}");
        }
        for text in ["des miles et des miles", "le 22 mai, les milles", "22  miles", "l'album 2024"] {
            assert!(!units.may_hold_measure(&lowercase_in_place_offsets(text)), "{text}");
        }
    }

    #[test]
    fn the_screen_never_hides_a_measure_the_regex_finds() {
        let units = units();
        for text in ["22 miles", "1,5 mile", "30 000 pieds", "12 mph", "4 ft 2", "7 sq mi"] {
            let lower = lowercase_in_place_offsets(text);
            assert!(units.imperial_measure.is_match(text) || units.native_measure["fra"].is_match(text), "{text}");
            assert!(units.may_hold_measure(&lower), "{text}");
        }
    }
}
