//! MT206: a full stop inside a sentence that goes on in lowercase, where a translation system
//! split one sentence into two segments.

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::{clip, floor_char_boundary};
use crate::view::View;

pub struct StrayFullStop;

static META: RuleMeta = RuleMeta {
    id: "MT206",
    name: "stray-full-stop",
    family: Family::Language,
    default_severity: Severity::Warning,
    default_weight: 8.0,
    fallback: false,
    summary: "A full stop inside a sentence that goes on in lowercase (`pour le candidat. président en 2004`).",
    explanation: "\
What it flags: a full stop between two lowercase words of the document's language, the
sentence going on after it (`depuis l'élection directe du candidat. président en 2004 et`,
`the files are created. or moved to the archive`).

Why it matters: translation systems work sentence by sentence. When a page's segmenter cuts a
sentence in two (at a line break of the markup, an abbreviation, a list), each half is
translated alone and joined back with the full stop between them; the second half keeps its
lowercase start. Writers who end a sentence start the next one with a capital.

Example: `les résultats des élections organisées depuis le début du vote direct pour le
candidat. président en 2004.` → `candidat. président`.

How: in French, English, Spanish and German (the languages with a lexicon), the two words
around `. ` must be lowercase words the lexicon knows, the first of four letters or more and
not an abbreviation of the language (`sept.`, `approx.`, `bzw.`: a table in this rule), and
the line must go on after the second word (a trailing agency code such as `dpa` is left
alone). Reader comments and interface lines are not read.

Limits: one finding is weak evidence (a writer can forget a capital; technical prose opens a
sentence with a command written in lowercase, `aptitude`): alone it does not reject a page. Abbreviations missing from the table are read as words. Other languages are
not judged.",
};

/// Fewest letters of the word before the full stop: most abbreviations are shorter.
const MIN_LETTERS_BEFORE: usize = 4;

/// Abbreviations of four letters or more that the lexicons know as words and that a lowercase
/// word often follows, per language (ISO 639-3).
const ABBREVIATIONS: &[(&str, &[&str])] = &[
    (
        "fra",
        &[
            "admin", "approx", "boul", "chap", "coll", "comm", "corresp", "dépt", "édit", "févr", "gouv", "illustr",
            "janv", "juil", "mlle", "prof", "publ", "réimpr", "resp", "sept", "suiv", "trad", "univ",
        ],
    ),
    (
        "eng",
        &[
            "abbr", "admin", "approx", "assn", "assoc", "bros", "cont", "contd", "corp", "dept", "dist", "excl",
            "febr", "figs", "govt", "hrs", "ibid", "incl", "info", "intl", "mgmt", "mins", "misc", "mths", "natl",
            "orig", "pref", "prof", "repr", "resp", "secs", "sept", "tech", "trans", "univ", "vols", "yrs",
        ],
    ),
    (
        "spa",
        &[
            "admón", "aprox", "atte", "avda", "coord", "dcha", "depto", "dept", "gral", "ilustr", "izda", "izqda",
            "pral", "prof", "pról", "sept", "srta", "telf", "tfno", "trad",
        ],
    ),
    (
        "deu",
        &[
            "abschn", "allg", "amerik", "bspw", "bzgl", "dtsch", "ehem", "engl", "evang", "evtl", "franz", "gest",
            "griech", "hrsg", "inkl", "insb", "ital", "jahrh", "kath", "mind", "nachm", "österr", "russ", "urspr",
            "vorm", "zzgl",
        ],
    ),
];

/// Whether a word is written in lowercase letters only.
fn is_lowercase_word(word: &str) -> bool {
    !word.is_empty() && word.chars().all(char::is_lowercase)
}

impl Detector for StrayFullStop {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !doc.lang.reliable {
            return;
        }
        let Some(lexicon) = doc.own_lexicon(res) else { return };
        let Some(&(_, abbreviations)) = ABBREVIATIONS.iter().find(|(code, _)| *code == doc.lang.code) else {
            return;
        };
        let gap = |i: usize| &doc.text[doc.words[i].span.end..doc.words[i + 1].span.start];
        for i in 0..doc.words.len().saturating_sub(2) {
            if gap(i) != ". " {
                continue;
            }
            let (before, after) = (doc.words[i].span, doc.words[i + 1].span);
            let (first, second) = (doc.slice(before), doc.slice(after));
            // The sentence goes on after the second word, on the same line.
            let goes_on = !gap(i + 1).contains('\n');
            // Not the end of a domain name, an address or a compound (`example.info. voir`),
            // nor the start of one (`dédiées. https://…`, `voir. index.html`).
            let preceded_by_text = i > 0 && gap(i - 1).ends_with(['.', '/', '@', '-', '_']);
            let after_second = gap(i + 1);
            let followed_by_text = after_second.starts_with([':', '/', '@', '_'])
                || (after_second.starts_with('.') && !after_second[1..].starts_with(char::is_whitespace));
            if !goes_on
                || preceded_by_text
                || followed_by_text
                || first.chars().count() < MIN_LETTERS_BEFORE
                || !is_lowercase_word(first)
                || !is_lowercase_word(second)
                || abbreviations.contains(&first)
                || !lexicon.contains(first)
                || !lexicon.contains(second)
            {
                continue;
            }
            let line = &doc.lines[doc.line_index(before.start)];
            if line.ui_pattern.is_some() || doc.in_comments(before) {
                continue;
            }
            let quote_start = floor_char_boundary(&doc.text, before.start.saturating_sub(30).max(line.content.start));
            let quote = clip(&doc.text[quote_start..line.content.end], 60);
            out.push(Finding::new(
                META.id,
                Severity::Warning,
                Span::new(before.start, after.end),
                format!("a full stop inside a sentence that goes on in lowercase: “{quote}”"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, in_french_frame, spans};

    #[test]
    fn a_sentence_cut_in_two_is_reported() {
        let text = in_french_frame(
            "Les instituts ont donné une image juste des élections tenues depuis le vote direct pour le candidat. président en 2004.",
        );
        let found = findings(&StrayFullStop, &text);
        assert_eq!(spans(&text, &found), vec!["candidat. président"]);
        assert_eq!(
            found[0].message,
            "a full stop inside a sentence that goes on in lowercase: “depuis le vote direct pour le candidat. président en 2004. L…”"
        );
    }

    #[test]
    fn english_is_judged_with_its_own_lexicon() {
        let text = "The council said that the new files are created. or moved to the archive every night. The \
                    mayor said the plan would be ready next week, after a long debate in the council.";
        assert_eq!(spans(text, &findings(&StrayFullStop, text)), vec!["created. or"]);
    }

    #[test]
    fn abbreviations_capitals_agency_codes_and_short_words_are_left_alone() {
        let text = in_french_frame(
            "La séance est prévue le 3 sept. prochain à la mairie. Le texte a été signé. Il entre en vigueur. Le pilote a gagné en finale. dpa\nLa réunion, env. deux heures, a suivi.",
        );
        assert!(findings(&StrayFullStop, &text).is_empty());
    }

    #[test]
    fn domain_names_are_not_sentences() {
        let text = in_french_frame(
            "Le site officiel est exemple.info. voir la page pour les horaires. Le paquet a plusieurs pages dédiées. https://exemple.org/paquets en donne la liste.",
        );
        assert!(findings(&StrayFullStop, &text).is_empty());
    }
}
