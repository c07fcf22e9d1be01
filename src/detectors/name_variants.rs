//! MT301: one name spelled several ways in one document.

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::spelling;
use crate::text::FastMap;
use crate::view::View;
use crate::view::names;

pub struct NameVariants;

static META: RuleMeta = RuleMeta {
    id: "MT301",
    name: "name-spelled-several-ways",
    family: Family::Names,
    default_severity: Severity::Error,
    default_weight: 32.8,
    fallback: false,
    summary: "One person or place is spelled several ways in one document.",
    explanation: "\
What it flags: a name written with several spellings in one document: `Loukachenko`,
`Lukachenko`, `Luukachenko`, `Lukashanko` and `Lukashnikov` for one man. One finding per
name, on the canonical spelling (the one of the first full mention, else the most frequent),
with every deviating mention as a related span.

Why it matters: writers and editors keep one spelling. Machine translation, above all
through a pivot language, renders a name anew in each sentence, mixing transliteration
conventions and mangling it.

Example: `le président Alexandre Loukachenko` (line 3), then `le président Lukachenko`
(line 7) and `M. Lukashnikov` (line 33) → one error-level finding with the five spellings.

How: mentions are runs of capitalised words (with particles such as de, von, al, bin; a
lone capitalised word at a sentence start counts only if the document never writes it in
lowercase). Their words are compared on a transliteration skeleton that maps ou/u,
ch/sh/tch/sch/zh, kh/h, y/i/j, w/v, doubled letters and diacritics to one form, and by an
edit distance in which a vowel for a vowel costs half. Derived names (Paris/Parisi,
Kolesnikov/Kolesnikova, Martin/Martinez), names differing in their last vowel
(Alexandre/Alexandra) and short names that are not equal (Biden/Bidet) are kept apart. A
spelling seen once or twice that shares only its beginning and most letter pairs with a name
already spelled several ways joins it as a mangled form.

Severity: two established transliterations of one name (Podoliak/Podolyak) is
informational; three spellings or more, or a spelling that is no transliteration at all, is
an error.

In a text reliably identified as German, which capitalises its nouns, a group is reported
only if two of its spellings are neither words the lexicon knows nor compounds of such words
(`Selenskyj`, `Selensky`), or if a spelling that is not a known word shares its skeleton with
a known word that the text writes in a name of several words (`Michail Gorbatschow`, then
`Gorbatchow`): `Unfallraten`, `Unfalldaten` and `Unfällen` are nouns, `Shetlands` is not a
misspelling of `Schottlands`, and `Komission` is a typo of the noun `Kommission`.

Limits: a German surname made of German words (`Steinmeier`, `Steinmeyer`) is not compared;
German `Ch` for `Kh` (Charkiw/Kharkiv) is not related; names under seven letters must match
their skeleton exactly; two different people whose long surnames differ by one
letter would be merged.",
};

/// A loosely related spelling joins a group only if it is this rare...
const LOOSE_MAX_MENTIONS: usize = 2;
/// ...long...
const LOOSE_MIN_LEN: usize = 7;
/// ...and shares this much of its letter pairs with a member.
const LOOSE_MIN_SIMILARITY: f64 = 0.55;

struct Form<'a> {
    folded: &'a str,
    skeleton: &'a str,
    /// Indices into the compared words.
    occurrences: Vec<usize>,
}

impl Detector for NameVariants {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        let mentions = doc.mentions(res);
        let spellings = doc.name_forms(res);
        // Every capitalised word of every mention is compared: surnames, first names and the
        // parts of compound places (`Afrique du Sud`).
        let words: Vec<(Span, bool)> =
            mentions.iter().flat_map(|m| m.parts.iter().map(move |&p| (p, m.words() >= 2))).collect();
        let mut forms: Vec<Form> = Vec::new();
        let mut form_of: Vec<Option<usize>> = vec![None; spellings.folded.len()];
        for (w, &spelling) in spellings.of_part.iter().enumerate() {
            let folded: &str = &spellings.folded[spelling];
            if folded.chars().count() < 3 {
                continue;
            }
            let index = *form_of[spelling].get_or_insert_with(|| {
                forms.push(Form { folded, skeleton: &spellings.skeletons[spelling], occurrences: Vec::new() });
                forms.len() - 1
            });
            forms[index].occurrences.push(w);
        }
        if forms.len() < 2 {
            return;
        }
        let folded: Vec<&str> = forms.iter().map(|f| f.folded).collect();
        let skeletons: Vec<&str> = forms.iter().map(|f| f.skeleton).collect();
        let mut group = spelling::group_spellings_with(&folded, &skeletons);
        // Mangled one-offs join a name that is already spelled several ways. Group sizes are
        // taken before any joins: only groups formed by `kinship` attract.
        let mut sizes = vec![0usize; forms.len()];
        for &g in &group {
            sizes[g] += 1;
        }
        // No name spelled several ways: nothing attracts a one-off, and nothing is reported.
        if sizes.iter().all(|&size| size < 2) {
            return;
        }
        let mut buckets: FastMap<u64, Vec<usize>> = FastMap::default();
        for (i, form) in forms.iter().enumerate() {
            buckets.entry(spelling::bucket_key(form.skeleton)).or_default().push(i);
        }
        let fixed = group.clone();
        // Only a one-off can join, and only a name already spelled several ways attracts.
        let chars = |f: usize| -> Vec<char> { forms[f].skeleton.chars().collect() };
        for members in buckets.values() {
            if !members.iter().any(|&j| sizes[fixed[j]] >= 2) {
                continue;
            }
            for &i in members {
                let form = &forms[i];
                if sizes[fixed[i]] > 1 || form.occurrences.len() > LOOSE_MAX_MENTIONS {
                    continue;
                }
                let own = chars(i);
                if own.len() < LOOSE_MIN_LEN {
                    continue;
                }
                let target = members.iter().copied().find(|&j| {
                    if j == i || sizes[fixed[j]] < 2 {
                        return false;
                    }
                    let other = chars(j);
                    other.len() >= LOOSE_MIN_LEN
                        && other[..4] == own[..4]
                        && !forms[j].folded.starts_with(form.folded)
                        && !form.folded.starts_with(forms[j].folded)
                        && spelling::bigram_similarity(&own, &other) >= LOOSE_MIN_SIMILARITY
                });
                if let Some(j) = target {
                    group[i] = fixed[j];
                }
            }
        }
        let mut groups: FastMap<usize, Vec<usize>> = FastMap::default();
        for (i, &root) in group.iter().enumerate() {
            groups.entry(root).or_default().push(i);
        }
        let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() >= 2).collect();
        groups.sort_by_key(|g| g.iter().map(|&f| forms[f].occurrences[0]).min());
        let noun_lexicon = names::capitalised_noun_lexicon(doc, res);
        for group in groups {
            if let Some(lexicon) = noun_lexicon {
                // Only the few spellings of a group are looked up (a German text capitalises
                // every noun).
                let is_german_word =
                    |f: usize| names::is_language_word(lexicon, doc.slice(words[forms[f].occurrences[0]].0));
                // A known word counts as a name's spelling only where the text writes it in a
                // name of several words (`Michail Gorbatschow`): a noun's typo (`Komission`
                // by `Kommission`) is no name spelled two ways.
                let in_full_name = |f: usize| forms[f].occurrences.iter().any(|&m| words[m].1);
                if !spelled_as_a_name(&forms, &group, is_german_word, in_full_name) {
                    continue;
                }
            }
            out.push(report(doc, &words, &forms, &group));
        }
    }
}

/// In a language that capitalises its nouns, whether a group of spellings is one name spelled
/// several ways rather than nouns of the language that look alike (`Unfallraten`,
/// `Unfalldaten`, `Unfällen`; `Schottlands`, `Shetlands`). `is_german_word` tells whether a
/// form is a word of the language (`names::is_language_word`), and `in_full_name`
/// whether a form is written in a name of several words. The group counts when two of its
/// spellings are not known words (`Selenskyj`, `Selensky`), or when a spelling that is not a
/// known word shares its skeleton with a known word written in a full name (`Michail
/// Gorbatschow`, then `Gorbatchow`): a spelling that only resembles a word of the language is
/// another word, or a typo of one. A surname made of words of the language is not compared
/// (`Steinmeier`, `Stein|meyer`).
fn spelled_as_a_name(
    forms: &[Form],
    group: &[usize],
    is_german_word: impl Fn(usize) -> bool,
    in_full_name: impl Fn(usize) -> bool,
) -> bool {
    let (known, unknown): (Vec<usize>, Vec<usize>) = group.iter().partition(|&&f| is_german_word(f));
    unknown.len() >= 2
        || unknown.iter().any(|&u| known.iter().any(|&k| forms[k].skeleton == forms[u].skeleton && in_full_name(k)))
}

/// `words`: each compared word with whether it belongs to a mention of several words.
fn report(doc: &View, words: &[(Span, bool)], forms: &[Form], group: &[usize]) -> Finding {
    // Canonical: the spelling used in the first full mention (first and last name), else the
    // most frequent, else the first.
    let first_full = group
        .iter()
        .flat_map(|&f| forms[f].occurrences.iter().map(move |&m| (m, f)))
        .filter(|&(m, _)| words[m].1)
        .min();
    let canonical = match first_full {
        Some((_, f)) => f,
        None => *group
            .iter()
            .max_by_key(|&&f| (forms[f].occurrences.len(), std::cmp::Reverse(forms[f].occurrences[0])))
            .unwrap_or(&group[0]),
    };
    let spelled = |f: usize| doc.slice(words[forms[f].occurrences[0]].0).to_string();
    let mut ordered: Vec<usize> = group.to_vec();
    ordered.sort_by_key(|&f| (f != canonical, forms[f].occurrences[0]));
    let listing: Vec<String> =
        ordered.iter().map(|&f| format!("{} ×{}", spelled(f), forms[f].occurrences.len())).collect();
    // A spelling whose skeleton is not the canonical's is no transliteration of it.
    let mangled: Vec<String> =
        ordered.iter().filter(|&&f| forms[f].skeleton != forms[canonical].skeleton).map(|&f| spelled(f)).collect();
    let severity = if group.len() >= 3 || !mangled.is_empty() { Severity::Error } else { Severity::Info };
    let mut message = format!("one name spelled {} ways: {}", group.len(), listing.join(", "));
    if !mangled.is_empty() {
        let verb = if mangled.len() == 1 { "is no transliteration" } else { "are no transliterations" };
        message.push_str(&format!("; {} {verb} of it", mangled.join(", ")));
    }
    let anchor = words[forms[canonical].occurrences[0]].0;
    let mut finding = Finding::new(META.id, severity, anchor, message)
        .with_suggestion(format!("write `{}` throughout", spelled(canonical)));
    let mut deviating: Vec<(Span, usize)> = group
        .iter()
        .filter(|&&f| f != canonical)
        .flat_map(|&f| forms[f].occurrences.iter().map(move |&m| (words[m].0, f)))
        .collect();
    deviating.sort();
    for (span, _) in deviating {
        finding = finding.with_related(span, "deviating spelling");
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    #[test]
    fn five_spellings_of_one_president() {
        let text = "Le président Alexandre Loukachenko a appelé à des négociations.\n\nDans une interview, le président Lukachenko a déclaré que la guerre devait cesser.\n\n« Nous ne voulons pas de guerre », a déclaré le président Luukachenko.\n\nMais si le pays est attaqué, a averti M. Lukashnikov, l'armée répondra.\n\nLukashanko a qualifié le conflit de guerre commune. Luukachenko a conclu.";
        let found = findings(&NameVariants, text);
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(f.span.text(text), "Loukachenko");
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(
            f.message,
            "one name spelled 5 ways: Loukachenko ×1, Lukachenko ×1, Luukachenko ×2, Lukashnikov ×1, Lukashanko ×1; Lukashnikov, Lukashanko are no transliterations of it"
        );
        let related: Vec<&str> = f.related.iter().map(|r| r.span.text(text)).collect();
        assert_eq!(related, vec!["Lukachenko", "Luukachenko", "Lukashnikov", "Lukashanko", "Luukachenko"]);
    }

    #[test]
    fn a_name_the_german_dictionary_knows_is_still_compared_with_its_variants() {
        let text = "Der frühere Präsident Michail Gorbatschow hat am Montag die Ausstellung in Berlin eröffnet, wie die Stiftung mitteilte. \
            Dort sprach Gorbatchow mit den Künstlern über ihre Arbeit und über die Geschichte der Stadt, die er seit vielen Jahren kennt.";
        let found = findings(&NameVariants, text);
        assert_eq!(spans(text, &found), vec!["Gorbatschow"], "{found:?}");
    }

    #[test]
    fn a_german_noun_and_its_typo_are_no_name() {
        let text = "Die Kommission hat am Montag neue Regeln für den Handel vorgelegt, wie die Kommission in Brüssel mitteilte. \
            Die Komission will damit die Preise senken, und die Kommission rechnet mit der Zustimmung der Mitgliedstaaten.";
        assert!(findings(&NameVariants, text).is_empty());
    }

    #[test]
    fn german_nouns_and_their_compounds_are_no_names_but_a_foreign_name_still_is() {
        let text = "In den Vereinigten Staaten sind die Unfallraten im vergangenen Jahr gestiegen, wie die Behörde mitteilte. \
            Nach den Unfalldaten der Behörde starben bei Unfällen mehr Menschen als je zuvor, vor allem in Schottland und auf den Straßen der großen Städte. \
            Der Präsident Wolodymyr Selenskyj sprach am Abend mit den Angehörigen. Später erklärte Selensky, die Regierung werde helfen.";
        let found = findings(&NameVariants, text);
        assert_eq!(spans(text, &found), vec!["Selenskyj"], "{found:?}");
    }

    #[test]
    fn two_established_transliterations_are_mild() {
        let text = "Mykhaïlo Podoliak, conseiller du président, a réagi.\n\nPodolyak a écrit sur un ton sarcastique que la menace était réelle.";
        let found = findings(&NameVariants, text);
        assert_eq!(spans(text, &found), vec!["Podoliak"]);
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(found[0].message, "one name spelled 2 ways: Podoliak ×1, Podolyak ×1");
    }

    #[test]
    fn names_from_other_languages_and_scripts() {
        let text = "Le ministre Sergueï Choïgou est arrivé à Minsk. Le président Volodymyr Zelensky a réagi. Plus tard, Shoigu a rencontré Zelenskyy à la frontière, selon Moustafa Kamal. M. Mustafa Kamal a démenti.";
        let found = findings(&NameVariants, text);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "one name spelled 2 ways: Choïgou ×1, Shoigu ×1",
                "one name spelled 2 ways: Zelensky ×1, Zelenskyy ×1",
                "one name spelled 2 ways: Moustafa ×1, Mustafa ×1",
            ]
        );
    }

    #[test]
    fn different_people_are_not_one_name() {
        let text = "Joe Biden a reçu Hunter Biden. Le sénateur Bidet a protesté. À Paris, Paolo Parisi a rencontré Anna Kolesnikova et Ivan Kolesnikov. Carlos Martin et Luis Martinez étaient là, avec Alexandre Dupont et Alexandra Dupuis. Jan Kowalski a salué Piotr Kowalczyk.";
        assert!(findings(&NameVariants, text).is_empty(), "{:?}", findings(&NameVariants, text));
    }

    #[test]
    fn consistent_spelling_and_common_words_give_nothing() {
        let text = "Le président Alexandre Loukachenko a parlé. Loukachenko a ajouté que la Biélorussie resterait neutre. Pendant ce temps, la Russie attendait. Pendant la nuit, rien.";
        assert!(findings(&NameVariants, text).is_empty());
    }
}
