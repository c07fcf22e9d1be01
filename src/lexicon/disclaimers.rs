//! Phrase families of machine-translation disclaimers, as one automaton over every language.

use super::{LexiconError, Source};
use aho_corasick::AhoCorasick;
use serde::Deserialize;
use std::collections::BTreeMap;

pub const EMBEDDED: &str = include_str!("../../data/disclaimers.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TermKind {
    /// The act: translated, generated, written.
    Act,
    /// The agent: automatically, machine, AI, a named system.
    Agent,
    /// The text speaking of itself: this article, these versions.
    Referent,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageTerms {
    #[serde(default)]
    act: Vec<String>,
    #[serde(default)]
    agent: Vec<String>,
    #[serde(default)]
    referent: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    window: Option<usize>,
    #[serde(default)]
    languages: BTreeMap<String, LanguageTerms>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    lang: u8,
    kind: TermKind,
    prefix: bool,
}

/// A term found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermHit {
    pub start: usize,
    pub end: usize,
    /// Index into `Disclaimers::languages`.
    pub lang: u8,
    pub kind: TermKind,
}

pub struct Disclaimers {
    /// Language codes as written in the data (`fr`, `en`).
    pub languages: Vec<String>,
    /// Most words between an act and an agent term.
    pub window: usize,
    automaton: AhoCorasick,
    entries: Vec<Vec<Entry>>,
}

impl Disclaimers {
    pub fn load(sources: &[Source<'_>]) -> Result<Disclaimers, LexiconError> {
        let mut languages: Vec<String> = Vec::new();
        let mut window = 12;
        let mut terms: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
        for source in sources {
            let file: File = toml::from_str(source.text)
                .map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            if let Some(w) = file.window {
                window = w;
            }
            for (code, lists) in file.languages {
                let lang = match languages.iter().position(|l| *l == code) {
                    Some(i) => i,
                    None => {
                        languages.push(code.clone());
                        languages.len() - 1
                    }
                };
                let lang = u8::try_from(lang)
                    .map_err(|_| LexiconError::new(source.name, "too many languages"))?;
                for (kind, list) in [
                    (TermKind::Act, lists.act),
                    (TermKind::Agent, lists.agent),
                    (TermKind::Referent, lists.referent),
                ] {
                    for term in list {
                        let term = term.trim().to_lowercase();
                        let (text, prefix) = match term.strip_suffix('*') {
                            Some(stem) => (stem.to_string(), true),
                            None => (term, false),
                        };
                        if text.is_empty() {
                            return Err(LexiconError::new(source.name, "empty term"));
                        }
                        terms
                            .entry(text)
                            .or_default()
                            .push(Entry { lang, kind, prefix });
                    }
                }
            }
        }
        let automaton = AhoCorasick::new(terms.keys())
            .map_err(|e| LexiconError::new("disclaimers", e.to_string()))?;
        Ok(Disclaimers {
            languages,
            window,
            automaton,
            entries: terms.into_values().collect(),
        })
    }

    /// Every term occurrence in `lower` (a lowercase text), whole words only, in order.
    pub fn find(&self, lower: &str) -> Vec<TermHit> {
        let mut hits = Vec::new();
        for m in self.automaton.find_overlapping_iter(lower) {
            let (start, end) = (m.start(), m.end());
            let starts_word = lower[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !crate::text::is_word_char(c));
            if !starts_word {
                continue;
            }
            let ends_word = lower[end..]
                .chars()
                .next()
                .is_none_or(|c| !crate::text::is_word_char(c));
            for entry in &self.entries[m.pattern().as_usize()] {
                if ends_word || entry.prefix {
                    hits.push(TermHit {
                        start,
                        end,
                        lang: entry.lang,
                        kind: entry.kind,
                    });
                }
            }
        }
        hits.sort_by_key(|h| (h.start, h.end, h.lang, h.kind));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_and_prefixes() {
        let d = Disclaimers::load(&[Source {
            name: "embedded",
            text: EMBEDDED,
        }])
        .unwrap();
        let en = d.languages.iter().position(|l| l == "en").unwrap() as u8;
        let hits = d.find("the texts were machine-translated; aid was generated by chatgpt");
        let en_hits: Vec<(&str, TermKind)> = hits
            .iter()
            .filter(|h| h.lang == en)
            .map(|h| {
                (
                    &"the texts were machine-translated; aid was generated by chatgpt"
                        [h.start..h.end],
                    h.kind,
                )
            })
            .collect();
        assert!(en_hits.contains(&("machine", TermKind::Agent)));
        assert!(en_hits.contains(&("translat", TermKind::Act)));
        assert!(en_hits.contains(&("chatgpt", TermKind::Agent)));
        // `ai` inside `aid` and `gpt` inside `chatgpt` are not words.
        assert!(!en_hits.iter().any(|(t, _)| *t == "ai" || *t == "gpt"));
    }
}
