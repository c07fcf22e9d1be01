//! Attributes outside a verb chain (MT609):
//! - after `avoir l'air`, the adjective agrees with the subject or with `air`, masculine
//!   singular (`elle a l'air fatiguée`, `elle a l'air fatigué`); one that agrees with neither
//!   (`il a l'air fatiguée`, `elles n'ont pas l'air contente`) is wrong;
//! - after `voilà` or `voici`, it agrees with the object pronoun before them (`la voilà
//!   perdue`, not `la voilà perdu`).

use super::chain_subject::{
    agrees_in, gender_and_number, is_chain_adverb, is_inverted_pronoun, subject_of, with_forms,
};
use crate::finding::{Finding, Severity};
use crate::lexicon::words::{Lexicon, Tags, tag};
use crate::view::french::SentenceTokens;

/// Adverbs of degree between `l'air` and its attribute (`l'air très fatigué`).
fn is_degree_adverb(lower: &str, tags: Tags) -> bool {
    matches!(
        lower,
        "très" | "trop" | "assez" | "tellement" | "si" | "plutôt" | "fort" | "bien" | "aussi" | "plus" | "moins"
    ) || (lower.ends_with("ment") && tags.has(tag::ADV) && !tags.has(tag::NOUN | tag::VERB | tag::ADJ))
}

/// `il a l'air fatiguée`: at `i`, a form of avoir; past the negation, an inverted subject and
/// adverbs, `l'air`, adverbs of degree, then an adjective or participle that agrees neither
/// with the subject nor with `air`.
pub fn air_attribute(rule: &'static str, tokens: &SentenceTokens<'_>, i: usize, lexicon: &Lexicon) -> Option<Finding> {
    let mut k = i + 1;
    // `Avait-elle l'air`, `A-t-il l'air`: the inverted subject.
    while is_inverted_pronoun(tokens, k) {
        k += 1;
    }
    while k < tokens.len() && k <= i + 4 && is_chain_adverb(tokens.lower(k)) {
        k += 1;
    }
    if k + 2 >= tokens.len() || tokens.lower(k) != "l" || tokens.lower(k + 1) != "air" {
        return None;
    }
    let mut a = k + 2;
    while a < tokens.len() && a <= k + 4 && is_degree_adverb(tokens.lower(a), tokens.lex(a).tags) {
        a += 1;
    }
    let attribute = tokens.get(a)?;
    let tags = attribute.tags();
    let describable = |t: Tags| t.has(tag::ADJ | tag::PAST_PARTICIPLE);
    // `l'air de rien`, `l'air du temps`: only an adjective or a participle (perhaps also a
    // noun, `contente`), attached to what comes before. `l'air conditionné` agrees with `air`.
    if !describable(tags)
        || tags.has(tag::DET | tag::PRON | tag::PREP | tag::ADV | tag::INFINITIVE)
        || !attribute.follows_closely(false)
        || attribute.is_capitalised()
        || !(k + 1..=a).all(|w| tokens.attached(w))
    {
        return None;
    }
    let subject = subject_of(tokens, i, lexicon)?;
    let (gender, number) = (subject.gender, subject.number);
    if gender == 0 && number == 0 {
        return None;
    }
    let fits = |t: Tags| agrees_in(t, gender, number) || agrees_in(t, tag::MASCULINE, tag::SINGULAR);
    let mut analyses = lexicon.analyses(attribute.lower).filter(|a| describable(a.tags)).peekable();
    analyses.peek()?;
    if analyses.any(|a| fits(a.tags)) {
        return None;
    }
    let forms = lexicon.sibling_forms(attribute.lower, describable, |t| describable(t) && agrees_in(t, gender, number));
    let message = format!(
        "`{}` ({}) agrees neither with its subject `{}` ({}) nor with `air` (masculine singular)",
        attribute.text,
        gender_and_number(tags).describe(),
        subject.text,
        Tags(gender | number).describe()
    );
    let finding =
        Finding::new(rule, Severity::Warning, attribute.span, message).with_related(subject.span, "the subject");
    Some(with_forms(finding, forms))
}

/// `la voilà perdu`, `les voilà pauvrement équipé`: at `i`, `voilà` or `voici` after an object
/// pronoun of the third person or `me`, `te`, and an attribute that does not agree with it.
pub fn voila_attribute(
    rule: &'static str,
    tokens: &SentenceTokens<'_>,
    i: usize,
    lexicon: &Lexicon,
) -> Option<Finding> {
    let pronoun = tokens.get(i.checked_sub(1)?)?;
    let (gender, number) = match pronoun.lower {
        "le" => (tag::MASCULINE, tag::SINGULAR),
        "la" => (tag::FEMININE, tag::SINGULAR),
        "l" | "me" | "m" | "te" | "t" => (0, tag::SINGULAR),
        "les" => (0, tag::PLURAL),
        _ => return None,
    };
    let mut a = i + 1;
    while a < tokens.len()
        && a <= i + 3
        && (is_degree_adverb(tokens.lower(a), tokens.lex(a).tags) || tokens.lower(a) == "mal")
    {
        a += 1;
    }
    let attribute = tokens.get(a)?;
    let tags = attribute.tags();
    let describable = |t: Tags| t.has(tag::ADJ | tag::PAST_PARTICIPLE);
    let participle = lexicon.analyses(attribute.lower).any(|a| a.tags.has(tag::PAST_PARTICIPLE));
    // `les voilà partie prenante`: a participle that is also a noun, before an adjective, may
    // be that noun with its adjective.
    let noun_with_adjective = tags.has(tag::NOUN)
        && tokens
            .get(a + 1)
            .is_some_and(|n| n.follows_closely(false) && n.tags().has(tag::ADJ) && !n.tags().has(tag::VERB));
    if noun_with_adjective {
        return None;
    }
    // `les voilà souriant`: a present participle, invariable.
    if !describable(tags)
        || tags.has(tag::DET | tag::PRON | tag::PREP | tag::ADV | tag::INFINITIVE | tag::PRESENT_PARTICIPLE)
        || (tags.has(tag::NOUN) && !participle)
        || attribute.is_capitalised()
        || !(i..=a).all(|w| tokens.attached(w))
    {
        return None;
    }
    let agrees = |t: Tags| agrees_in(t, gender, number);
    let mut analyses = lexicon.analyses(attribute.lower).filter(|a| describable(a.tags)).peekable();
    analyses.peek()?;
    if analyses.any(|a| agrees(a.tags)) {
        return None;
    }
    let forms = lexicon.sibling_forms(attribute.lower, describable, |t| describable(t) && agrees(t));
    let message = format!(
        "`{}` ({}) does not agree with `{}` ({}) before `{}`",
        attribute.text,
        gender_and_number(tags).describe(),
        pronoun.text,
        Tags(gender | number).describe(),
        tokens.text(i)
    );
    let finding =
        Finding::new(rule, Severity::Warning, attribute.span, message).with_related(pronoun.span, "the pronoun");
    Some(with_forms(finding, forms))
}

#[cfg(test)]
mod tests {
    use super::super::verb_chain::VerbChain;
    use crate::detectors::test_support::flagged_in_french;

    fn flagged(sentence: &str) -> Vec<(String, String)> {
        flagged_in_french(&VerbChain, sentence)
    }

    #[test]
    fn an_attribute_of_avoir_l_air_that_agrees_with_nothing_is_flagged() {
        assert_eq!(flagged("Il a l'air fatiguée."), [("fatiguée".into(), "fatigué".into())]);
        assert_eq!(flagged("Elles n'ont pas l'air très contente."), [("contente".into(), "contentes".into())]);
        assert_eq!(flagged("Avait-il l'air fatiguée ?"), [("fatiguée".into(), "fatigué".into())]);
        assert_eq!(flagged("Le ciel n'avait pas l'air dégagée."), [("dégagée".into(), "dégagé".into())]);
    }

    #[test]
    fn an_attribute_that_agrees_with_the_subject_or_with_air_passes() {
        for sentence in [
            "Elle a l'air fatiguée.",
            "Elle a l'air fatigué.",
            "Ils ont l'air contents.",
            "Elle a l'air d'une reine.",
            "Il a l'air du temps.",
            "Elles ont l'air malades.",
            "On a l'air fatigués.",
            "Ils respirent l'air marin.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn an_attribute_after_voila_that_ignores_its_pronoun_is_flagged() {
        assert_eq!(flagged("Et la voilà perdu dans la forêt."), [("perdu".into(), "perdue".into())]);
        assert_eq!(flagged("Les voilà pauvrement équipé."), [("équipé".into(), "équipées / équipés".into())]);
        for sentence in [
            "La voilà perdue.",
            "Nous voilà partis.",
            "Le voilà médecin.",
            "Voilà fini.",
            "Me voilà bien avancé.",
            "Les voilà souriant.",
            "Les voilà partie prenante du projet.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }
}
