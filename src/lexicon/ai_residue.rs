//! Openings of lines that an AI assistant writes around the text it was asked for, and of the
//! instructions it was given (`data/ai_residue.toml`), as one anchored automaton.

use super::{LexiconError, Source};
use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use serde::Deserialize;
use std::collections::BTreeMap;

pub const EMBEDDED: &str = include_str!("../../data/ai_residue.toml");

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    openings: BTreeMap<String, Vec<String>>,
}

pub struct AiResidue {
    /// Every opening, lowercase, with its language code.
    pub openings: Vec<(String, String)>,
    /// The openings as one automaton matched at the start of a line (leftmost-longest).
    automaton: AhoCorasick,
}

impl AiResidue {
    pub fn load(sources: &[Source<'_>]) -> Result<AiResidue, LexiconError> {
        let mut openings = Vec::new();
        for source in sources {
            let file: File = toml::from_str(source.text).map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            for (lang, phrases) in file.openings {
                openings.extend(phrases.iter().map(|p| (normalise(&p.to_lowercase()), lang.clone())));
            }
        }
        openings.sort();
        openings.dedup();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(openings.iter().map(|(phrase, _)| phrase))
            .map_err(|e| LexiconError::new("ai residue", e.to_string()))?;
        Ok(AiResidue { openings, automaton })
    }

    /// The opening (and its language) that `lower`, a lowercase line with `'` for its
    /// apostrophes, begins with.
    pub fn opening_of(&self, lower: &str) -> Option<&(String, String)> {
        let found = self.automaton.find(Input::new(lower).anchored(Anchored::Yes))?;
        // A phrase ends at a word's end: `voici la traduction` does not open `voici la traductionnelle`.
        let next = lower[found.end()..].chars().next();
        if next.is_some_and(char::is_alphanumeric) && lower[..found.end()].ends_with(char::is_alphanumeric) {
            return None;
        }
        self.openings.get(found.pattern().as_usize())
    }
}

/// Typographic apostrophes read as `'`.
pub fn normalise(lower: &str) -> String {
    lower.replace('’', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_openings_load_and_match_at_the_start_of_a_line_only() {
        let residue = AiResidue::load(&[Source { name: "embedded", text: EMBEDDED }]).expect("valid data");
        assert!(residue.openings.len() > 100);
        assert_eq!(residue.opening_of("voici l'article traduit :").map(|(_, l)| l.as_str()), Some("fr"));
        assert_eq!(residue.opening_of("le texte dit : voici la traduction"), None);
        assert_eq!(residue.opening_of("voici la traductionnelle"), None);
    }
}
