//! Phrases built word for word on another language's idiom (`data/calques.toml`), per
//! language, as one automaton over lowercase text.

use super::{LexiconError, Source};
use crate::text::FastSet;
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
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
    /// Per language, its phrases as one anchored automaton and their indices in `calques`:
    /// a longer phrase of another language never hides one of the document's.
    automata: Vec<(String, AhoCorasick, Vec<usize>)>,
    /// The first word of every phrase (its letters and digits up to the first other
    /// character): a text is matched only where one of them starts, so that most words cost
    /// one hash probe.
    first_words: FastSet<Box<str>>,
}

impl Calques {
    pub fn load(sources: &[Source<'_>]) -> Result<Calques, LexiconError> {
        let mut calques = Vec::new();
        for source in sources {
            let file: BTreeMap<String, Vec<Entry>> =
                toml::from_str(source.text).map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            for (lang, entries) in file {
                super::check_lang_code(source.name, &lang)?;
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
        let mut langs: Vec<&str> = calques.iter().map(|c| c.lang.as_str()).collect();
        langs.sort_unstable();
        langs.dedup();
        let mut automata = Vec::new();
        for lang in langs {
            let indices: Vec<usize> = (0..calques.len()).filter(|&i| calques[i].lang == lang).collect();
            let automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(indices.iter().map(|&i| &calques[i].phrase))
                .map_err(|e| LexiconError::new("calques", e.to_string()))?;
            automata.push((lang.to_string(), automaton, indices));
        }
        let first_words = calques.iter().map(|c| first_word(&c.phrase).into()).collect();
        Ok(Calques { calques, automata, first_words })
    }

    /// Whether a phrase starts with this lowercase word.
    pub fn may_start(&self, word: &str) -> bool {
        self.first_words.contains(word)
    }

    /// The calque of `lang` that `lower` (lowercase text) starts with, if any, ending at a
    /// word's end: its length in bytes and the calque.
    pub fn starting(&self, lang: &str, lower: &str) -> Option<(usize, &Calque)> {
        let (_, automaton, indices) = self.automata.iter().find(|(l, _, _)| l == lang)?;
        let found = automaton.find(Input::new(lower).anchored(Anchored::Yes))?;
        let calque = &self.calques[indices[found.pattern().as_usize()]];
        let after = lower[found.end()..].chars().next();
        let glued_after = after.is_some_and(char::is_alphanumeric) && calque.phrase.ends_with(char::is_alphanumeric);
        (!glued_after).then_some((found.end(), calque))
    }
}

/// A phrase's first word: its letters and digits up to the first other character.
fn first_word(phrase: &str) -> &str {
    let end = phrase.find(|c: char| !c.is_alphanumeric()).unwrap_or(phrase.len());
    &phrase[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_loads_and_matches_whole_words_of_the_language() {
        let calques = Calques::load(&[Source { name: "embedded", text: EMBEDDED }]).expect("valid data");
        assert!(calques.calques.len() > 100);
        assert_eq!(calques.starting("eng", "fait du sens").map(|(len, _)| len), None, "only the document's language");
        assert!(calques.starting("fra", "mettre l’emphase sur").is_some(), "typographic apostrophe");
        assert!(calques.may_start("fait") && !calques.may_start("cela"));
        assert_eq!(calques.starting("fra", "fait du sens pour").map(|(len, _)| len), Some(12));
        assert_eq!(calques.starting("fra", "fait du sensible").map(|(len, _)| len), None);
    }
}
