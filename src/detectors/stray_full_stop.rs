//! MT206: a full stop inside a sentence that goes on in lowercase, where a translation system
//! split one sentence into two segments.

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::{clip, floor_char_boundary, is_lowercase_word};
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
around `. ` must be lowercase words the lexicon knows, the first of four letters or more, not
an abbreviation of the language (`sept.`, `approx.`, `inkl.`: a table in this rule) and not
after a number (`2 tbsp.`), and the sentence must go on after the second word with a space or
a comma or an elision (not a list of one-word items, a URL or a file name, nor a trailing
agency code such as `dpa` at the end of a line). A page whose writer opens sentences in lowercase anyway
(after `?` or `!`, or at the start of a line: reviews, chat) is not judged. Reader comments
and interface lines are not read.

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
            "admin", "approx", "boul", "chap", "coll", "comm", "corresp", "cumul", "dépt", "édit", "févr", "gouv",
            "illustr", "janv", "juil", "mens", "mlle", "prof", "publ", "réimpr", "resp", "sept", "suiv", "suppl",
            "trad", "univ",
        ],
    ),
    (
        "eng",
        &[
            "abbr", "admin", "approx", "assn", "assoc", "bldg", "bros", "cent", "cont", "contd", "corp", "dept",
            "dist", "excl", "febr", "figs", "govt", "ibid", "incl", "info", "intl", "mgmt", "mins", "misc", "mths",
            "natl", "orig", "pref", "prep", "prof", "refs", "repr", "resp", "secs", "sept", "tbsp", "tech", "temp",
            "trans", "univ", "vols",
        ],
    ),
    (
        "spa",
        &[
            "admón", "aprox", "atte", "avda", "coord", "dcha", "depto", "dept", "gral", "ilustr", "izda", "izqda",
            "págs", "pral", "prof", "pról", "prov", "sept", "srta", "telf", "tfno", "trad", "univ",
        ],
    ),
    (
        "deu",
        &[
            "abschn", "allg", "amerik", "bspw", "bzgl", "dtsch", "ehem", "engl", "evang", "evtl", "franz", "gest",
            "griech", "hrsg", "inkl", "insb", "ital", "jahrh", "kath", "mind", "nachm", "österr", "russ", "übers",
            "urspr", "vorm", "zzgl",
        ],
    ),
];

/// Whether the document shows sentences opened in lowercase where no segmenter cuts: after a
/// question or exclamation mark, or at the start of a line of text.
fn opens_sentences_in_lowercase(doc: &View) -> bool {
    let starts_lowercase = |text: &str| text.chars().next().is_some_and(char::is_lowercase);
    let after_mark = doc
        .text
        .match_indices(['?', '!'])
        .any(|(at, _)| doc.text[at + 1..].strip_prefix(' ').is_some_and(starts_lowercase));
    after_mark
        || doc.lines.iter().any(|line| {
            line.ui_pattern.is_none() && !doc.in_comments(line.content) && starts_lowercase(doc.slice(line.content))
        })
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
        let mut found = Vec::new();
        for i in 0..doc.words.len().saturating_sub(2) {
            if gap(i) != ". " {
                continue;
            }
            let (before, after) = (doc.words[i].span, doc.words[i + 1].span);
            let (first, second) = (doc.slice(before), doc.slice(after));
            // The sentence goes on after the second word, an elided one included (`l’annonce`);
            // a list of one-word items (`petit. moyen. grand.`) does not, nor a URL or a file
            // name (`https://`, `index.html`).
            let goes_on = matches!(gap(i + 1), " " | ", " | "'" | "’");
            // Not the end of a domain name, an address or a compound (`example.info. voir`),
            // nor a unit after a number (`2 tbsp. olive oil`, `300 págs. con`).
            let previous = (i > 0).then(|| (gap(i - 1), doc.slice(doc.words[i - 1].span)));
            let after_text = previous.is_some_and(|(g, _)| g.ends_with(['.', '/', '@', '-', '_']));
            let after_number = previous.is_some_and(|(_, w)| w.starts_with(|c: char| c.is_ascii_digit()));
            if !goes_on
                || after_text
                || after_number
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
            found.push((before, after, line.content));
        }
        // A writer who opens sentences in lowercase anyway (reviews, chat) leaves the same
        // pattern without any segmenter: their pages are not judged.
        if found.is_empty() || opens_sentences_in_lowercase(doc) {
            return;
        }
        for (before, after, content) in found {
            let quote_start = floor_char_boundary(&doc.text, before.start.saturating_sub(30).max(content.start));
            let quote = clip(&doc.text[quote_start..content.end], 60);
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
            "Les instituts ont donné une image juste des élections tenues depuis le vote direct pour le candidat. président en 2004. La date limite pour les élections. l’annonce du résultat suivra.",
        );
        let found = findings(&StrayFullStop, &text);
        assert_eq!(spans(&text, &found), vec!["candidat. président", "élections. l"]);
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
    fn abbreviations_units_after_numbers_and_short_words_are_left_alone() {
        let text = in_french_frame(
            "La séance est prévue le 3 sept. prochain à la mairie. Le texte a été signé. La réunion, env. deux heures, a suivi. Ajoutez 2 cuil. puis mélangez.",
        );
        assert!(findings(&StrayFullStop, &text).is_empty());
        let english = "Add 2 tbsp. olive oil to the pan and stir the onions for five minutes. The council met in the \
                       town hall, approx. two hours after the vote, and the mayor spoke to the press about it.";
        assert!(findings(&StrayFullStop, english).is_empty());
    }

    #[test]
    fn the_sentence_must_go_on_after_the_second_word() {
        // At the end of a line (an agency code, a signature), in a list of one-word items, into
        // a URL or a file name.
        let text = in_french_frame(
            "Le pilote a gagné en finale. fin\nTailles disponibles : petit. moyen. grand. Le paquet a plusieurs pages dédiées. https://exemple.org/paquets en donne la liste. Voir la page. index.html pour le détail.",
        );
        assert!(findings(&StrayFullStop, &text).is_empty());
    }

    #[test]
    fn domain_names_are_not_sentences() {
        let text = in_french_frame("Le site officiel est exemple.info. voir la page pour les horaires.");
        assert!(findings(&StrayFullStop, &text).is_empty());
    }

    #[test]
    fn a_writer_who_opens_sentences_in_lowercase_is_not_judged() {
        let review = "We stayed three nights in this hotel next to the station. staff were very friendly and helpful. \
                      would we come back? yes, without any doubt, the rooms were clean and quiet.";
        assert!(findings(&StrayFullStop, review).is_empty());
        let by_line = "We stayed three nights in this hotel next to the station. staff were very friendly and helpful.\n\
                       rooms were clean and quiet, and the breakfast was served until ten in the morning.";
        assert!(findings(&StrayFullStop, by_line).is_empty());
    }
}
