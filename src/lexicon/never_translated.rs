//! What a translation must leave as it is, rendered in a language all the same
//! (`data/never_translated.toml`): CSS property names, product and brand names.

use super::{LexiconError, Source};
use crate::text::FastSet;
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use serde::Deserialize;
use std::collections::BTreeMap;

pub const EMBEDDED: &str = include_str!("../../data/never_translated.toml");

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(default)]
    css: Vec<String>,
    #[serde(default)]
    names: Vec<String>,
}

/// One language's renderings.
pub struct Renderings {
    pub lang: String,
    /// CSS property names as rendered, lowercase.
    css: FastSet<String>,
    /// Product and brand names as rendered, lowercase, and their automaton.
    pub names: Vec<String>,
    names_automaton: AhoCorasick,
    /// The first word of every name (letters and digits up to another character): text is
    /// matched only where one starts, a hash probe per word.
    first_words: FastSet<String>,
    /// The byte lengths (up to 63) and first bytes of those words: most words are ruled out
    /// by two table reads, without hashing.
    first_lengths: u64,
    first_bytes: [bool; 256],
}

impl Renderings {
    pub fn is_css_name(&self, lower: &str) -> bool {
        self.css.contains(lower)
    }

    /// Whether a name starts with this lowercase word.
    pub fn may_start(&self, word: &str) -> bool {
        let (len, first) = (word.len(), word.as_bytes().first().copied().unwrap_or(0));
        self.first_lengths >> len.min(63) & 1 == 1
            && self.first_bytes[usize::from(first)]
            && self.first_words.contains(word)
    }

    /// The length of the rendered name `lower` (lowercase text) starts with, ending at a
    /// word's end, if any.
    pub fn name_at(&self, lower: &str) -> Option<usize> {
        let found = self.names_automaton.find(Input::new(lower).anchored(Anchored::Yes))?;
        let after = lower[found.end()..].chars().next();
        (!after.is_some_and(char::is_alphanumeric)).then_some(found.end())
    }
}

#[derive(Default)]
pub struct NeverTranslated {
    languages: Vec<Renderings>,
}

impl NeverTranslated {
    pub fn load(sources: &[Source<'_>]) -> Result<NeverTranslated, LexiconError> {
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        for source in sources {
            let file: BTreeMap<String, Entry> =
                toml::from_str(source.text).map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            for (lang, entry) in file {
                super::check_lang_code(source.name, &lang)?;
                let merged = entries.entry(lang).or_default();
                merged.css.extend(entry.css);
                merged.names.extend(entry.names);
            }
        }
        let mut languages = Vec::new();
        for (lang, entry) in entries {
            let mut names: Vec<String> =
                entry.names.iter().map(|n| n.trim().to_lowercase()).filter(|n| !n.is_empty()).collect();
            names.sort();
            names.dedup();
            let names_automaton = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .build(&names)
                .map_err(|e| LexiconError::new("never-translated", e.to_string()))?;
            let css = entry.css.iter().map(|n| n.trim().to_lowercase()).collect();
            let first_words: FastSet<String> = names
                .iter()
                .map(|n| n[..n.find(|c: char| !c.is_alphanumeric()).unwrap_or(n.len())].to_string())
                .collect();
            let mut first_lengths = 0u64;
            let mut first_bytes = [false; 256];
            for word in &first_words {
                // A first word of 64 bytes or more is still found: its length bit is bit 63.
                first_lengths |= 1 << word.len().min(63);
                first_bytes[usize::from(word.as_bytes().first().copied().unwrap_or(0))] = true;
            }
            languages.push(Renderings { lang, css, names, names_automaton, first_words, first_lengths, first_bytes });
        }
        Ok(NeverTranslated { languages })
    }

    /// The renderings of a language (ISO 639-3), if the table lists any.
    pub fn of(&self, lang: &str) -> Option<&Renderings> {
        self.languages.iter().find(|r| r.lang == lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_loads_and_finds_whole_names() {
        let table = NeverTranslated::load(&[Source { name: "embedded", text: EMBEDDED }]).expect("valid data");
        let french = table.of("fra").expect("French is listed");
        assert!(french.is_css_name("arrière-plan") && !french.is_css_name("background"));
        assert!(french.may_start("fenêtres") && !french.may_start("installez"));
        assert_eq!(french.name_at("fenêtres 11 ou"), Some("fenêtres 11".len()));
        assert_eq!(french.name_at("fenêtres 110"), None);
        assert!(table.of("xyz").is_none());
    }
}
