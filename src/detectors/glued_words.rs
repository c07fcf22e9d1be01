//! MT409: two words glued together where markup or a space was dropped (`ontannoncé`).

use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::Lexicon;
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;

pub struct GluedWords;

static META: RuleMeta = RuleMeta {
    id: "MT409",
    name: "glued-words",
    family: Family::Boilerplate,
    default_severity: Severity::Warning,
    default_weight: 0.0,
    fallback: false,
    summary: "Two words run together where a space was lost (`ontannoncé`, `lesautorités`).",
    explanation: "\
What it flags: a lowercase word that the lexicon of the document's language does not know
and that splits in exactly one way into two words it knows: `les ministres ontannoncé un
plan` (ont annoncé), `lesautorités` (les autorités). Two or more distinct such words in a
document are a warning each; one is informational.

Why it matters: when a page's markup (a link, a bold word, a line break inside a sentence)
is stripped by a scraper, or the page is translated with its markup and put back together,
the space at the edge of the markup is often lost. Writers and their spell-checkers do not
leave such words. It counts against the page's quality (the boilerplate score), not as
translation evidence: on labelled pages it was as frequent on human pages scraped without
their spaces as on machine translations.

Example: `Les ministres ontannoncé un plan de relance pour la région.` → `ontannoncé`, with
`ont annoncé` suggested.

How: each lowercase word of seven letters or more that the lexicon lacks, as written and with
accents added, is cut at every letter; a cut is kept when both halves are words of the
lexicon, the second of four letters or more and not a suffix (`ment`), the first not a
prefix that the language writes glued (`anti`, `auto`, `micro`, …). The word is reported
when exactly one cut is kept, the word is not a listed loanword (data/loanwords.toml) and no
other embedded lexicon knows it (`discourse` is English: MT204's).

Limits: French only (the English lexicon lacks British spellings and closed compounds);
capitalised words are not judged (names split into words: `Beaulieu`); compounds and
slang the lexicon lacks (`vélotaf`) can be reported. Pages scraped without the spaces around
their markup carry the same trace whether or not they were translated.",
};

/// Fewest letters of a judged word.
const MIN_LETTERS: usize = 7;
/// Fewest letters of each half: a one-letter first half (`a`, `y`) and a short second half
/// (`ion`, `née`) split too many words, and typos, by chance.
const MIN_FIRST: usize = 2;
const MIN_SECOND: usize = 4;
/// Glued words a document needs before they are warnings.
const MIN_FOR_WARNING: usize = 2;

/// First halves that the languages write glued to a word (prefixes, and words used as
/// prefixes), and second halves that are suffixes as well as words (`ment` in `tonalement`),
/// per ISO 639-3 code: a word made with one is a derivation or a compound, not two words.
/// Only the languages listed are judged: English is not, as its embedded lexicon lacks
/// British spellings and many closed compounds (`lockdown`, `hotline`).
const GLUED_PREFIXES: &[(&str, &[&str], &[&str])] = &[(
    "fra",
    &[
        "anti", "archi", "auto", "bi", "bio", "ciné", "co", "contre", "cyber", "demi", "déca", "di", "dé", "éco",
        "électro", "en", "entre", "euro", "ex", "extra", "géo", "hydro", "hyper", "hypo", "in", "inter", "intra",
        "kilo", "macro", "maxi", "méga", "mi", "micro", "mini", "mono", "multi", "néo", "non", "omni", "para", "photo",
        "poly", "post", "pré", "pro", "pseudo", "psycho", "quasi", "radio", "re", "ré", "rétro", "semi", "socio",
        "sous", "sur", "super", "supra", "télé", "thermo", "trans", "tri", "ultra", "uni", "vidéo", "franco", "anglo",
        "germano", "hispano", "italo", "russo", "sino", "afro", "indo", "nord", "sud", "porte", "garde", "passe",
        "tire", "chauffe", "couvre", "lave", "pare", "abat", "dés", "mé", "vélo", "moto", "aéro", "agro", "astro",
        "audio", "baby", "cardio", "chrono", "crypto", "info", "narco", "nano", "pétro", "techno", "web",
    ],
    &["ment", "ments", "able", "ables", "ible", "ibles", "isme", "ismes", "iste", "istes"],
)];

/// The one cut of `word` into two words of the lexicon, if there is exactly one.
fn single_cut<'w>(
    word: &'w str,
    lexicon: &Lexicon,
    prefixes: &[&str],
    suffixes: &[&str],
) -> Option<(&'w str, &'w str)> {
    let mut found = None;
    for (cut, _) in word.char_indices().skip(MIN_FIRST) {
        let (first, second) = word.split_at(cut);
        if second.chars().count() < MIN_SECOND || prefixes.contains(&first) || suffixes.contains(&second) {
            continue;
        }
        if lexicon.contains(first) && lexicon.contains(second) {
            if found.is_some() {
                return None;
            }
            found = Some((first, second));
        }
    }
    found
}

impl Detector for GluedWords {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !doc.lang.reliable {
            return;
        }
        let lang = doc.lang.code;
        let Some(lexicon) = res.words(lang) else {
            return;
        };
        let Some(&(_, prefixes, suffixes)) = GLUED_PREFIXES.iter().find(|(code, _, _)| *code == lang) else {
            return;
        };
        // A word another embedded lexicon knows (`discourse`) is left untranslated, not glued.
        let others: Vec<&Lexicon> =
            Lexicon::embedded_languages().filter(|&code| code != lang).filter_map(|code| res.words(code)).collect();
        let french_readings = if lang == "fra" { doc.french_words(res) } else { &[] };
        let mut found: Vec<(Span, String)> = Vec::new();
        for sentence in &doc.sentences {
            if doc.in_comments(sentence.span) || doc.lines[doc.line_index(sentence.span.start)].ui_pattern.is_some() {
                continue;
            }
            for index in sentence.words.clone() {
                let word = doc.words[index];
                // Cheapest first: the byte length (a word has at least as many bytes as
                // letters), then the kept reading.
                if word.span.len() < MIN_LETTERS
                    || french_readings.get(index).is_some_and(|reading| reading.known || reading.in_known_compound)
                {
                    continue;
                }
                let text = doc.slice(word.span);
                if text.chars().count() < MIN_LETTERS || !text.chars().all(|c| c.is_alphabetic() && c.is_lowercase()) {
                    continue;
                }
                let known = french_readings.get(index).is_none() && lexicon.contains(text);
                // A word glued by a hyphen or an apostrophe to its neighbours is a compound's part.
                let in_compound = word.joiner != crate::document::Joiner::Space
                    || doc.words.get(index + 1).is_some_and(|next| next.joiner != crate::document::Joiner::Space);
                if known || in_compound || !lexicon.accented_forms(text).is_empty() {
                    continue;
                }
                if let Some((first, second)) = single_cut(text, lexicon, prefixes, suffixes)
                    && !others.iter().any(|other| other.contains(text))
                    && !res.loanwords.is_loanword(lang, text)
                {
                    found.push((word.span, format!("{first} {second}")));
                }
            }
        }
        let distinct: crate::text::FastSet<&str> = found.iter().map(|(span, _)| doc.slice(*span)).collect();
        let severity = if distinct.len() >= MIN_FOR_WARNING { Severity::Warning } else { Severity::Info };
        for (span, split) in found {
            let message = format!("`{}` is two words run together: {split}", doc.slice(span));
            out.push(Finding::new(META.id, severity, span, message).with_suggestion(split));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, in_french_frame};

    #[test]
    fn two_glued_words_are_warnings_with_the_split_suggested() {
        let text = in_french_frame("Les ministres ontannoncé un plan de relance après la réunion avec lesautorités.");
        let found = findings(&GluedWords, &text);
        let words: Vec<&str> = found.iter().map(|f| f.span.text(&text)).collect();
        assert_eq!(words, ["ontannoncé", "lesautorités"]);
        assert!(found.iter().all(|f| f.severity == Severity::Warning));
        assert_eq!(found[0].suggestion.as_deref(), Some("ont annoncé"));
    }

    #[test]
    fn known_words_compounds_prefixes_and_names_are_left_alone() {
        for sentence in [
            "Le gouvernement a présenté un plan de vidéosurveillance pour la ville.",
            "Les électeurs ont reçu un message antipollution de la mairie centrale.",
            "Le maire de Beaulieu a inauguré la nouvelle salle des fêtes hier soir.",
            "Ils ont visité le porte-avions amarré dans le port de commerce.",
        ] {
            let text = in_french_frame(sentence);
            assert!(findings(&GluedWords, &text).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn english_is_not_judged() {
        let text = "The council met on Monday and the ministerssaid that the plan would be published next week after the review.";
        assert!(findings(&GluedWords, text).is_empty());
    }

    #[test]
    fn a_word_with_two_cuts_or_a_suffix_half_is_not_reported() {
        // `tonalement` is tonale + ment (a verb, and the adverb suffix); `discourse` is English.
        let text = in_french_frame("Le morceau est tonalement réussi selon le discourse des critiques.");
        assert!(findings(&GluedWords, &text).is_empty());
    }
}
