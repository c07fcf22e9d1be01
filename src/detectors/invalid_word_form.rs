//! MT601: a lowercase French word that is no form of the lexicon but sits one accent or one
//! ending away from forms of a known lemma (`négocierent`, `assisons`).

use crate::finding::{Finding, Severity};
use crate::lexicon::words::{LemmaId, Lexicon, tag};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;
use crate::view::french::{self, Token};

pub struct InvalidWordForm;

static META: RuleMeta = RuleMeta {
    id: "MT601",
    name: "invalid-word-form",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 4.8,
    fallback: false,
    summary: "A French word form that does not exist, next to real forms of a known lemma (`négocierent`, `Assisons`).",
    explanation: "\
What it flags: in a French text, a word the lexicon does not know, written in lowercase (or
capitalised only because it opens the sentence), when real forms of a known lemma are one
accent or one ending away: `négocierent` (négocièrent, passé simple; négocient, présent),
`Assisons-nous` (asseyons). The suggestion lists the candidates with their tags.

Why it matters: French conjugation is irregular, and machine translation builds forms by
analogy that no French writer would produce. A non-word is a strong, cheap signal.

Example: `souhaite que la Russie et l'Ukraine négocierent` → flagged, candidates
`négocièrent` (passé simple 3pl) and `négocient`.

How: the full-form lexicon expanded from the Dicollecte Hunspell dictionary (about 650,000
forms). Candidates come from two bounded lookups, never from a free spelling search: the
lexicon's index of forms by their spelling without accents, and the forms of a verb whose
form is a prefix of the word and which end like it, kept within two edits.

Limits: words the dictionary lacks (neologisms, rare technical words) are flagged only when
such candidates exist. Words without any accent whose accented spelling is a single valid word
are left to MT605. Capitalised words inside a sentence (names) and reader comments are not
checked.",
};

impl Detector for InvalidWordForm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !french::is_french(doc) {
            return;
        }
        let lexicon = res.french;
        let lex = doc.french_words(res);
        for &s in doc.french_sentences(res) {
            let sentence = &doc.sentences[s];
            for index in sentence.words.clone() {
                // Known words are never judged: most words stop here, before any token is made.
                let known = lex.get(index).is_some_and(|word| word.known || word.in_known_compound);
                if known {
                    continue;
                }
                let token = &french::token(doc, lex, sentence, index);
                let Some(word) = judged_word(token) else { continue };
                if lexicon.contains(&word) || french::restored_accents(lexicon, &word).is_some() {
                    continue;
                }
                let candidates = candidates(lexicon, &word);
                if candidates.is_empty() {
                    continue;
                }
                let listed: Vec<String> =
                    candidates.iter().map(|c| format!("{} ({}, {})", c.form, c.lemma, c.description)).collect();
                out.push(
                    Finding::new(
                        META.id,
                        Severity::Warning,
                        token.span,
                        format!("`{}` is not a French word form; near forms: {}", token.text, listed.join("; ")),
                    )
                    .with_suggestion(
                        candidates
                            .iter()
                            .map(|c| french::capitalise_like(token.text, &c.form))
                            .collect::<Vec<_>>()
                            .join(" / "),
                    ),
                );
            }
        }
    }
}

/// The lowercase word to judge, if the token is one this rule looks at.
fn judged_word(token: &Token<'_>) -> Option<String> {
    if token.lex.known || token.lex.in_known_compound || !token.is_alphabetic() || token.is_all_caps() {
        return None;
    }
    if token.text.chars().count() < 4 || (token.is_capitalised() && !token.sentence_initial) {
        return None;
    }
    // Only French letters: a word in another script or with foreign letters is not a French form.
    let french_letters = token.lower.chars().all(|c| c.is_ascii_lowercase() || "àâäéèêëîïôöùûüÿçœæ".contains(c));
    french_letters.then(|| token.lower.to_string())
}

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub form: String,
    pub lemma: String,
    pub description: String,
    distance: usize,
    present: bool,
}

const MAX_CANDIDATES: usize = 3;
const MAX_DISTANCE: usize = 2;

/// Valid forms one accent or one ending away from `word`, closest first.
pub fn candidates(lexicon: &Lexicon, word: &str) -> Vec<Candidate> {
    let mut found: Vec<Candidate> = Vec::new();
    let add = |form: String, found: &mut Vec<Candidate>| {
        // Forms ending in `è` exist only before an inverted `je` (`dégainè-je`).
        if form == word || form.ends_with('è') || found.iter().any(|c| c.form == form) {
            return;
        }
        let distance = edit_distance(word, &form);
        if distance > MAX_DISTANCE {
            return;
        }
        // The verb reading when there is one (these are near forms of verbs, mostly), with the
        // lemma and tags of that reading only.
        let mut analyses = lexicon.analyses(&form);
        let Some(first) = analyses.next() else { return };
        let analysis = std::iter::once(first).chain(analyses).find(|a| a.tags.has(tag::VERB)).unwrap_or(first);
        let tags = analysis.tags;
        found.push(Candidate {
            lemma: lexicon.lemma(analysis.lemma).to_string(),
            description: tags.describe(),
            present: tags.has(tag::IND_PRESENT | tag::IMPERATIVE),
            form,
            distance,
        });
    };
    // Accents: the forms spelled the same once accents are removed.
    for id in lexicon.accented_forms(word) {
        add(lexicon.form_text(id), &mut found);
    }
    // Endings: a verb form that is a prefix of the word, and that verb's forms ending alike.
    for (lemma, ending) in verb_prefixes(lexicon, word) {
        for id in lexicon.forms_of(lemma) {
            let form = lexicon.form_text(id);
            if form.ends_with(ending) && lexicon.tags(&form).has(tag::VERB) {
                add(form, &mut found);
            }
        }
    }
    found.sort_by(|a, b| (a.distance, !a.present, &a.form).cmp(&(b.distance, !b.present, &b.form)));
    found.truncate(MAX_CANDIDATES);
    found
}

/// Verb lemmas one of whose forms is a prefix of `word` covering at least half of it, with the
/// rest of the word (at least two letters).
fn verb_prefixes<'w>(lexicon: &Lexicon, word: &'w str) -> Vec<(LemmaId, &'w str)> {
    let total = word.chars().count();
    let mut out: Vec<(LemmaId, &str)> = Vec::new();
    for (chars, (split, _)) in word.char_indices().enumerate().skip(3) {
        let rest = total - chars;
        if rest < 2 || chars * 2 < total {
            continue;
        }
        let (prefix, ending) = word.split_at(split);
        for analysis in lexicon.analyses(prefix).filter(|a| a.tags.has(tag::VERB)) {
            if !out.iter().any(|(lemma, e)| *lemma == analysis.lemma && *e == ending) {
                out.push((analysis.lemma, ending));
            }
        }
    }
    out
}

/// Levenshtein distance over characters (words are short; two rows suffice).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::flagged_in_french;

    fn flagged(sentence: &str) -> Vec<(String, String)> {
        flagged_in_french(&InvalidWordForm, sentence)
    }

    #[test]
    fn a_wrongly_accented_verb_form_is_flagged_with_its_candidates() {
        let found = flagged("Il souhaite que la Russie et l’Ukraine négocierent.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "négocierent");
        assert!(found[0].1.starts_with("négocièrent / négocient"), "{}", found[0].1);
    }

    #[test]
    fn a_verb_built_on_the_wrong_stem_is_flagged() {
        let found = flagged("Assisons-nous et parlons.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "Assisons");
        assert!(found[0].1.starts_with("Asseyons"), "{}", found[0].1);
    }

    #[test]
    fn the_candidates_carry_lemma_and_tags() {
        let c = candidates(Lexicon::embedded("fra").unwrap(), "négocierent");
        assert_eq!(c[0].form, "négocièrent");
        assert_eq!(c[0].lemma, "négocier");
        assert_eq!(c[0].description, "passé simple 3pl");
    }

    #[test]
    fn real_words_names_and_foreign_words_are_left_alone() {
        for sentence in [
            "Ils négocièrent longtemps.",
            "Le ministre Kolesnikov est arrivé.",
            "Le mot anglais cluster revient souvent.",
            "Il a parlé au Bundestag.",
            "Aujourd’hui, ils négocient.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("négocierent", "négocièrent"), 1);
        assert_eq!(edit_distance("assisons", "asseyons"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
