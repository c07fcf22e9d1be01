//! Photo agencies, credit words and media-page metadata keys.

use super::{LexiconError, Source};
use serde::Deserialize;
use std::collections::BTreeMap;

pub const EMBEDDED: &str = include_str!("../../data/boilerplate/media.toml");

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    agencies: Vec<String>,
    #[serde(default)]
    credit_words: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    metadata_keys: BTreeMap<String, Vec<String>>,
}

pub struct Media {
    /// Agencies, lowercase, longest first.
    pub agencies: Vec<String>,
    /// Words that open a credit, lowercase, every language.
    pub credit_words: Vec<String>,
    /// The first word (leading run of letters and digits) of each credit word: a line that
    /// opens with another word opens with no credit word.
    pub credit_openings: crate::text::FastSet<String>,
    /// Metadata keys, lowercase, every language.
    pub metadata_keys: Vec<String>,
    /// `metadata_keys` as one automaton (leftmost-longest).
    pub metadata_automaton: aho_corasick::AhoCorasick,
}

impl Media {
    pub fn load(sources: &[Source<'_>]) -> Result<Media, LexiconError> {
        let (mut agencies, mut credit_words, mut metadata_keys) = (Vec::new(), Vec::new(), Vec::new());
        for source in sources {
            let file: File = toml::from_str(source.text).map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            agencies.extend(file.agencies.iter().map(|a| a.to_lowercase()));
            credit_words.extend(file.credit_words.into_values().flatten().map(|w| w.to_lowercase()));
            metadata_keys.extend(file.metadata_keys.into_values().flatten().map(|w| w.to_lowercase()));
        }
        for list in [&mut agencies, &mut credit_words, &mut metadata_keys] {
            list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            list.dedup();
        }
        let metadata_automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&metadata_keys)
            .map_err(|e| LexiconError::new("media", e.to_string()))?;
        let credit_openings =
            credit_words.iter().map(|w| leading_word(w).to_string()).filter(|opening| !opening.is_empty()).collect();
        Ok(Media { agencies, credit_words, credit_openings, metadata_keys, metadata_automaton })
    }

    pub fn is_agency(&self, lower: &str) -> bool {
        self.agencies.iter().any(|a| a == lower)
    }
}

/// The leading run of letters and digits of `text` (empty if it opens with anything else).
pub fn leading_word(text: &str) -> &str {
    &text[..text.find(|c: char| !c.is_alphanumeric()).unwrap_or(text.len())]
}
