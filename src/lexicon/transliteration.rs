//! Transliteration conventions per language: the marks another convention leaves.

use super::{LexiconError, Source};
use serde::Deserialize;
use std::collections::BTreeMap;

pub const EMBEDDED: &str = include_str!("../../data/transliteration.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Mark {
    /// The letter group of the foreign convention (lowercase).
    pub letters: String,
    /// Whose convention it is (`English`).
    pub convention: String,
    /// How the document's language writes it.
    pub native: String,
    /// Letters after which the group belongs to the native spelling.
    #[serde(default)]
    pub not_after: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Convention {
    /// The language's English name.
    pub name: String,
    pub marks: Vec<Mark>,
    /// Foreign spellings the language's press has adopted (folded words).
    #[serde(default)]
    pub established: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    #[serde(default)]
    source_countries: Vec<String>,
    #[serde(default)]
    name_endings: Vec<String>,
    #[serde(default)]
    languages: BTreeMap<String, Convention>,
}

pub struct Transliteration {
    /// ISO 3166 codes of the countries whose place names are transliterated.
    pub source_countries: Vec<String>,
    /// Endings of transliterated names (lowercase, longest first).
    pub name_endings: Vec<String>,
    /// Per ISO 639-3 language code.
    pub conventions: BTreeMap<String, Convention>,
}

impl Transliteration {
    pub fn load(sources: &[Source<'_>]) -> Result<Transliteration, LexiconError> {
        let mut t =
            Transliteration { source_countries: Vec::new(), name_endings: Vec::new(), conventions: BTreeMap::new() };
        for source in sources {
            let file: File = toml::from_str(source.text).map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            t.source_countries.extend(file.source_countries.into_iter().map(|c| c.to_uppercase()));
            t.name_endings.extend(file.name_endings.into_iter().map(|e| e.to_lowercase()));
            for (lang, convention) in file.languages {
                t.conventions.insert(lang, convention);
            }
        }
        t.name_endings.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        t.name_endings.dedup();
        Ok(t)
    }

    /// The foreign marks in a folded name, and the name rewritten in the native convention.
    pub fn foreign_marks<'a>(&'a self, lang: &str, folded: &str) -> Option<(Vec<&'a Mark>, String)> {
        let convention = self.conventions.get(lang)?;
        if convention.established.iter().any(|e| e == folded) {
            return None;
        }
        let mut found: Vec<&Mark> = Vec::new();
        let mut rewritten = String::with_capacity(folded.len() + 4);
        let mut i = 0;
        'outer: while i < folded.len() {
            // Longest marks first, so that `tsch` wins over `sch`.
            let mut marks: Vec<&Mark> = convention.marks.iter().collect();
            marks.sort_by_key(|m| std::cmp::Reverse(m.letters.len()));
            for mark in marks {
                if !folded[i..].starts_with(&mark.letters) {
                    continue;
                }
                let before = folded[..i].chars().next_back();
                if before.is_some_and(|b| mark.not_after.iter().any(|n| n.starts_with(b))) {
                    continue;
                }
                if !found.iter().any(|m| std::ptr::eq(*m, mark)) {
                    found.push(mark);
                }
                rewritten.push_str(&mark.native);
                i += mark.letters.len();
                continue 'outer;
            }
            let c = folded[i..].chars().next().unwrap_or(' ');
            rewritten.push(c);
            i += c.len_utf8();
        }
        (!found.is_empty()).then_some((found, rewritten))
    }
}
