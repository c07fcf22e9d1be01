//! Phrases built word for word on another language's idiom (`data/calques.toml`), per
//! language, as one automaton over lowercase text.

use super::{LexiconError, Source};
use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;
use std::collections::BTreeMap;

pub const EMBEDDED: &str = include_str!("../../data/calques.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    phrases: Vec<String>,
    copies: String,
    instead: String,
}

/// One calque: the phrase as written, the idiom it copies, the language's own expression.
#[derive(Debug, Clone)]
pub struct Calque {
    pub lang: String,
    pub phrase: String,
    pub copies: String,
    pub instead: String,
}

pub struct Calques {
    /// Every phrase, lowercase, in the automaton's order (those with an apostrophe twice: with
    /// `'` and with `’`).
    pub calques: Vec<Calque>,
    automaton: AhoCorasick,
}

impl Calques {
    pub fn load(sources: &[Source<'_>]) -> Result<Calques, LexiconError> {
        let mut calques = Vec::new();
        for source in sources {
            let file: BTreeMap<String, Vec<Entry>> =
                toml::from_str(source.text).map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            for (lang, entries) in file {
                if lang.len() != 3 || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
                    return Err(LexiconError::new(
                        source.name,
                        format!("`{lang}` is not an ISO 639-3 code (three lowercase letters)"),
                    ));
                }
                for entry in entries {
                    calques.extend(entry.phrases.iter().map(|phrase| Calque {
                        lang: lang.clone(),
                        phrase: phrase.trim().to_lowercase().replace('’', "'"),
                        copies: entry.copies.clone(),
                        instead: entry.instead.clone(),
                    }));
                }
            }
        }
        calques.retain(|c| !c.phrase.is_empty());
        // Text is matched as written: a phrase with an apostrophe is also looked for with the
        // typographic one.
        let typographic: Vec<Calque> = calques
            .iter()
            .filter(|c| c.phrase.contains('\''))
            .map(|c| Calque { phrase: c.phrase.replace('\'', "’"), ..c.clone() })
            .collect();
        calques.extend(typographic);
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(calques.iter().map(|c| &c.phrase))
            .map_err(|e| LexiconError::new("calques", e.to_string()))?;
        Ok(Calques { calques, automaton })
    }

    /// The calques of `lang` in `lower` (lowercase text), whole words only: each match's byte
    /// range and its calque.
    pub fn find<'a>(
        &'a self,
        lang: &'a str,
        lower: &'a str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, &'a Calque)> + 'a {
        self.automaton.find_iter(lower).filter_map(move |found| {
            let calque = &self.calques[found.pattern().as_usize()];
            let before = lower[..found.start()].chars().next_back();
            let after = lower[found.end()..].chars().next();
            let glued_before = before.is_some_and(char::is_alphanumeric);
            let glued_after =
                after.is_some_and(char::is_alphanumeric) && calque.phrase.ends_with(char::is_alphanumeric);
            let bounded = !glued_before && !glued_after;
            (calque.lang == lang && bounded).then(|| (found.range(), calque))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_loads_and_matches_whole_words_of_the_language() {
        let calques = Calques::load(&[Source { name: "embedded", text: EMBEDDED }]).expect("valid data");
        assert!(calques.calques.len() > 100);
        let text = "cela fait du sens pour nous";
        let found: Vec<&str> = calques.find("fra", text).map(|(range, _)| &text[range]).collect();
        assert_eq!(found, ["fait du sens"]);
        assert_eq!(calques.find("eng", text).count(), 0, "only the document's language");
        assert_eq!(calques.find("fra", "il refait du sens").count(), 0, "whole words only");
        assert_eq!(calques.find("fra", "mettre l’emphase sur").count(), 1, "typographic apostrophe");
    }
}
