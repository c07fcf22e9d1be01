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
    /// Metadata keys, lowercase, every language.
    pub metadata_keys: Vec<String>,
}

impl Media {
    pub fn load(sources: &[Source<'_>]) -> Result<Media, LexiconError> {
        let mut media = Media {
            agencies: Vec::new(),
            credit_words: Vec::new(),
            metadata_keys: Vec::new(),
        };
        for source in sources {
            let file: File = toml::from_str(source.text)
                .map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            media
                .agencies
                .extend(file.agencies.iter().map(|a| a.to_lowercase()));
            media.credit_words.extend(
                file.credit_words
                    .into_values()
                    .flatten()
                    .map(|w| w.to_lowercase()),
            );
            media.metadata_keys.extend(
                file.metadata_keys
                    .into_values()
                    .flatten()
                    .map(|w| w.to_lowercase()),
            );
        }
        for list in [
            &mut media.agencies,
            &mut media.credit_words,
            &mut media.metadata_keys,
        ] {
            list.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
            list.dedup();
        }
        Ok(media)
    }

    pub fn is_agency(&self, lower: &str) -> bool {
        self.agencies.iter().any(|a| a == lower)
    }
}
