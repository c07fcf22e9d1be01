//! Words another language lent that edited text of a language writes as its own
//! (`data/loanwords.toml`): an English word in a French sentence is not left untranslated when
//! French writers use it too (`briefing`, `lobbying`). Keyed by the borrowing language.

use super::{LexiconError, Source};
use crate::text::FastSet;
use serde::Deserialize;
use std::collections::BTreeMap;

pub const EMBEDDED: &str = include_str!("../../data/loanwords.toml");

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct File {
    /// Borrowing language (ISO 639-3) → its loanwords.
    #[serde(default)]
    languages: BTreeMap<String, Vec<String>>,
}

#[derive(Default)]
pub struct Loanwords {
    /// Per borrowing language, its lowercase loanwords.
    langs: Vec<(String, FastSet<Box<str>>)>,
}

impl Loanwords {
    pub fn load(sources: &[Source<'_>]) -> Result<Loanwords, LexiconError> {
        let mut langs: Vec<(String, FastSet<Box<str>>)> = Vec::new();
        for source in sources {
            let file: File = toml::from_str(source.text).map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            for (lang, list) in file.languages {
                super::check_lang_code(source.name, &lang)?;
                let index = match langs.iter().position(|(l, _)| *l == lang) {
                    Some(index) => index,
                    None => {
                        langs.push((lang, FastSet::default()));
                        langs.len() - 1
                    }
                };
                langs[index].1.extend(list.iter().map(|w| w.trim().to_lowercase().into_boxed_str()));
            }
        }
        Ok(Loanwords { langs })
    }

    /// Whether `lang` (ISO 639-3) writes the lowercase `word` as one of its own.
    pub fn is_loanword(&self, lang: &str, word: &str) -> bool {
        self.langs.iter().any(|(l, words)| l == lang && words.contains(word))
    }

    /// Whether the table lists loanwords of `lang`: only such languages can be judged.
    pub fn lists(&self, lang: &str) -> bool {
        self.langs.iter().any(|(l, _)| l == lang)
    }

    /// The number of loanwords, over every borrowing language.
    pub fn len(&self) -> usize {
        self.langs.iter().map(|(_, words)| words.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_table_loads_and_is_keyed_by_the_borrowing_language() {
        let loans = Loanwords::load(&[Source { name: "embedded", text: EMBEDDED }]).expect("valid data");
        assert!(loans.len() > 100);
        assert!(loans.is_loanword("fra", "lobbying"));
        assert!(!loans.is_loanword("eng", "lobbying"));
        assert!(loans.lists("fra") && !loans.lists("eng"));
        assert!(!loans.is_loanword("fra", "conducive"));
    }

    #[test]
    fn a_bad_language_code_is_an_error_naming_the_file() {
        let error = Loanwords::load(&[Source { name: "mine.toml", text: "[languages]\nfr = [\"x\"]" }])
            .err()
            .expect("an error");
        assert!(error.to_string().starts_with("mine.toml: `fr`"));
    }
}
