//! The French grammar data that a dictionary does not hold: aspirated h, words that refuse
//! elision, and what triggers the subjunctive.

use super::{LexiconError, Source};
use crate::text::FastSet;
use serde::Deserialize;

pub const EMBEDDED: &str = include_str!("../../data/grammar-fr.toml");

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    #[serde(default)]
    h_aspire: Vec<String>,
    #[serde(default)]
    h_muet: Vec<String>,
    #[serde(default)]
    no_elision: Vec<String>,
    #[serde(default)]
    subjunctive_verbs: Vec<String>,
    #[serde(default)]
    negation_lifts: Vec<String>,
    #[serde(default)]
    subjunctive_predicates: Vec<String>,
    #[serde(default)]
    subjunctive_conjunctions: Vec<String>,
    #[serde(default)]
    clause_breakers: Vec<String>,
}

#[derive(Debug, Default)]
pub struct FrenchGrammar {
    /// Lowercase prefixes of words with an aspirated h.
    h_aspire: Vec<String>,
    /// The first bytes of those prefixes, as a bit set: most words open with none of them.
    h_aspire_first_bytes: [u64; 4],
    /// Lowercase prefixes of words with a silent h.
    h_muet: Vec<String>,
    no_elision: FastSet<String>,
    pub subjunctive_verbs: FastSet<String>,
    pub negation_lifts: FastSet<String>,
    pub subjunctive_predicates: FastSet<String>,
    /// Each conjunction as its lowercase words (`jusqu'à ce que` → jusqu, à, ce, que).
    pub subjunctive_conjunctions: Vec<Vec<String>>,
    pub clause_breakers: FastSet<String>,
}

impl FrenchGrammar {
    pub fn load(sources: &[Source<'_>]) -> Result<FrenchGrammar, LexiconError> {
        let mut grammar = FrenchGrammar::default();
        for source in sources {
            let file: File = toml::from_str(source.text).map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            // An empty prefix would match every word.
            if file.h_aspire.iter().chain(&file.h_muet).any(|w| w.trim().is_empty()) {
                return Err(LexiconError::new(source.name, "an empty entry in h-aspire or h-muet"));
            }
            grammar.h_aspire.extend(file.h_aspire.iter().map(|w| w.to_lowercase()));
            grammar.h_muet.extend(file.h_muet.iter().map(|w| w.to_lowercase()));
            grammar.no_elision.extend(file.no_elision.iter().map(|w| w.to_lowercase()));
            grammar.subjunctive_verbs.extend(file.subjunctive_verbs);
            grammar.negation_lifts.extend(file.negation_lifts);
            grammar.subjunctive_predicates.extend(file.subjunctive_predicates);
            grammar.clause_breakers.extend(file.clause_breakers);
            for conjunction in file.subjunctive_conjunctions {
                let words: Vec<String> = conjunction
                    .to_lowercase()
                    .split([' ', '\'', '’'])
                    .filter(|w| !w.is_empty())
                    .map(String::from)
                    .collect();
                if words.is_empty() {
                    return Err(LexiconError::new(source.name, "an empty subjunctive conjunction"));
                }
                grammar.subjunctive_conjunctions.push(words);
            }
        }
        for prefix in &grammar.h_aspire {
            if let Some(&b) = prefix.as_bytes().first() {
                grammar.h_aspire_first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        // Longest first, so that `à condition que` wins over a shorter match.
        grammar.subjunctive_conjunctions.sort_by_key(|words| std::cmp::Reverse(words.len()));
        Ok(grammar)
    }

    /// Whether French elides before `word` (lowercase): it starts with a vowel or a listed
    /// silent h, and is not one of the exceptions. Words starting with `y`, and with an h in
    /// neither list, are left undecided (`false`): `le yaourt` but `l'ypérite`.
    pub fn elides_before(&self, word: &str) -> bool {
        let Some(first) = word.chars().next() else { return false };
        if self.no_elision.contains(word) {
            return false;
        }
        match first {
            'a' | 'à' | 'â' | 'e' | 'é' | 'è' | 'ê' | 'i' | 'î' | 'o' | 'ô' | 'u' | 'û' | 'œ' | 'æ' => true,
            'h' => self.h_muet.iter().any(|prefix| word.starts_with(prefix.as_str())),
            _ => false,
        }
    }

    /// Whether `word` (lowercase) is a vowel-initial word that refuses elision (`onze`, `oui`).
    pub fn refuses_elision(&self, word: &str) -> bool {
        self.no_elision.contains(word)
    }

    /// Whether `word` (lowercase) starts with an aspirated h: eliding before it is a mistake.
    pub fn has_aspirated_h(&self, word: &str) -> bool {
        let Some(&b) = word.as_bytes().first() else { return false };
        if self.h_aspire_first_bytes[usize::from(b >> 6)] & (1 << (b & 63)) == 0 {
            return false;
        }
        self.h_aspire.iter().any(|prefix| word.starts_with(prefix.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> FrenchGrammar {
        FrenchGrammar::load(&[Source { name: "embedded", text: EMBEDDED }]).expect("valid")
    }

    #[test]
    fn elision_follows_vowels_silent_h_and_the_exceptions() {
        let g = embedded();
        for word in ["avion", "homme", "histoire", "ukraine", "été", "œuvre"] {
            assert!(g.elides_before(word), "{word}");
        }
        for word in ["héros", "haut", "hasard", "onze", "oui", "yaourt", "guerre", "hongrie", "hijab"] {
            assert!(!g.elides_before(word), "{word}");
        }
        assert!(g.has_aspirated_h("haricot") && g.has_aspirated_h("hâtai"));
        assert!(!g.has_aspirated_h("homme") && !g.has_aspirated_h("hijab"), "unlisted words are not judged");
    }

    #[test]
    fn conjunctions_are_split_into_words_longest_first() {
        let g = embedded();
        assert!(g.subjunctive_conjunctions.contains(&vec!["jusqu".into(), "à".into(), "ce".into(), "que".into()]));
        assert!(g.subjunctive_conjunctions.windows(2).all(|w| w[0].len() >= w[1].len()));
    }
}
