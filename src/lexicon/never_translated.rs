//! What a translation must leave as it is, rendered in a language all the same
//! (`data/never_translated.toml`): CSS property names, product and brand names.

use super::{LexiconError, Source};
use crate::text::FastSet;
use aho_corasick::{AhoCorasick, MatchKind};
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
}

impl Renderings {
    pub fn is_css_name(&self, lower: &str) -> bool {
        self.css.contains(lower)
    }

    /// The rendered names in `lower` (lowercase text), whole words only: byte ranges.
    pub fn names_in<'a>(&'a self, lower: &'a str) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
        self.names_automaton.find_iter(lower).map(|found| found.range()).filter(move |range| {
            let before = lower[..range.start].chars().next_back();
            let after = lower[range.end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
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
                if lang.len() != 3 || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
                    return Err(LexiconError::new(
                        source.name,
                        format!("`{lang}` is not an ISO 639-3 code (three lowercase letters)"),
                    ));
                }
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
                .build(&names)
                .map_err(|e| LexiconError::new("never-translated", e.to_string()))?;
            let css = entry.css.iter().map(|n| n.trim().to_lowercase()).collect();
            languages.push(Renderings { lang, css, names, names_automaton });
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
        let text = "installez fenêtres 11 ou fenêtres 110";
        let found: Vec<&str> = french.names_in(text).map(|r| &text[r]).collect();
        assert_eq!(found, ["fenêtres 11"]);
        assert!(table.of("xyz").is_none());
    }
}
