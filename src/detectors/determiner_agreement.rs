//! MT604: a determiner that disagrees in gender or number with its noun (`le Biélorussie`), and
//! a participle that disagrees with a feminine plural subject.

use super::noun_phrase::{
    Gender, NOT_NOMINAL, Number, complement_phrase_adjective, determiner, genders, noun_phrase_with_adjective,
    predeterminer,
};
use crate::document::Joiner;
use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::{Lexicon, tag};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;
use crate::view::french::{self, SentenceTokens, Token, capitalise_like};

pub struct DeterminerAgreement;

static META: RuleMeta = RuleMeta {
    id: "MT604",
    name: "agreement",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 10.7,
    fallback: false,
    summary: "A determiner, adjective, `tout` or `quel` whose gender or number contradicts its noun (`le Biélorussie`, `les voitures rapide`), or a participle that ignores its subject.",
    explanation: "\
What it flags: in a French text, a determiner directly followed by a noun or adjective that
the lexicon gives only the other gender (`le Biélorussie`, `la Portugal`, `au personne`) or
only the other number (`les avion`, `un avions`, `l’états`); a noun phrase whose adjective
and noun disagree (`le gigantesque explosion`, `des nombreux erreurs`, `Les voitures
rapide`); `tout` before a determiner and `quel` opening a question before être, in another
gender or number than the noun phrase (`tout les films`, `Quels sont les raisons`); a noun
phrase opening its sentence whose noun has a complement with `de`, then an adjective that
agrees with neither noun (`Le chien du voisin mourante`); a singular adjective of quantity right before a noun that is only plural (`pour diverse
raisons`, `différente versions`, `autre fichiers`; not before a compound, `un autre
sous-répertoire`, nor the pronoun `l'autre`, `un autre`, nor an attribute after être); and, after a subject made of feminine nouns
joined by `et`, a passive participle in the masculine plural (`la souveraineté et l'intégrité
... soient respectés` for respectées).

Why it matters: a French writer knows the gender of a country and of everyday nouns. A
translation from a language without gender (English, Indonesian, Turkish) guesses it, and
the guess shows.

Example: `attaquer le Biélorussie` → flagged, suggestion `la Biélorussie`.

How: both words' readings in the French lexicon (countries and regions are in it with their
gender). Only when every reading of the noun disagrees: nouns of both genders (`le/la tour`),
invariable and epicene words, and words that can be verbs (`la porte`, `le porte`) are left
alone, since `le` and `la` are also pronouns. Capitalised words are judged only as written
(`le Monde`, a title, is unknown and skipped).

An adjective before the noun must be a word that is no noun (`le vecteur vitesse` is two
nouns) and is judged on gender only, as a singular noun may follow a plural word in
apposition (`des fichiers source`); after the noun, only in a
phrase that is not coordinated (`Les gouvernements espagnol et mexicain`) and either opens its
sentence or is the object of a verb (`il voit cet outil terribles`, `je voyais de la pluie
noires`) with no pronoun, name or noun before it that the adjective could describe instead,
since elsewhere it may be the attribute of the subject (`elle a quitté le bureau épuisée`)
or belong to a noun before the phrase (`le ministre de la Défense israélien`). `tous` and `toutes` after a verb or before a singular determiner are pronouns
(`ils ont tous le même bagage`) and pass, as do `malgré tout`, `du tout`.

Limits: only adjacent words and one adjective; the participle check needs two feminine
nouns joined by `et` and a form of être within eight words.",
};

impl Detector for DeterminerAgreement {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !french::is_french(doc) {
            return;
        }
        for tokens in doc.french_sentence_tokens(res) {
            for i in 1..tokens.len() {
                if let Some(finding) = determiner_noun(&tokens, i, res) {
                    out.push(finding);
                }
            }
            for i in 0..tokens.len().saturating_sub(2) {
                // `if let … push`, not `extend`: every word comes here, and extending by an
                // empty `Option` still costs a reserve.
                if let Some(finding) = predeterminer(META.id, &tokens, i) {
                    out.push(finding);
                }
                if let Some(finding) = noun_phrase_with_adjective(META.id, &tokens, i) {
                    out.push(finding);
                }
            }
            for i in 0..tokens.len().saturating_sub(1) {
                // Every word comes here: the readings decide before the words are compared.
                if tokens.lex(i).tags.has(tag::ADJ)
                    && tokens.lex(i + 1).tags.has(tag::PLURAL)
                    && let Some(finding) = singular_quantity_before_plural(&tokens, i)
                {
                    out.push(finding);
                }
            }
            out.extend(complement_phrase_adjective(META.id, &tokens));
            feminine_subject_participle(&tokens, res.french, out);
        }
    }
}

fn determiner_noun(tokens: &SentenceTokens<'_>, i: usize, res: &Resources) -> Option<Finding> {
    let lexicon = res.french;
    let (gender, number, masculine_form, feminine_form) = determiner(tokens.lower(i - 1))?;
    // The agreement is judged first, from the lexicon reading alone: most pairs agree, and the
    // tests after it only spare pairs that disagree but are no determiner and noun.
    let reading = tokens.lex(i);
    // The noun is never the first word of its sentence (`i` ≥ 1): a capital marks a name.
    let proper = reading.capitalised;
    let tags = if proper { lexicon.tags(tokens.text(i)) } else { reading.tags };
    let nominal = tags.has(tag::NOUN | tag::ADJ);
    // `le`, `la`, `les` are pronouns before a verb; anything else makes the pair uncertain.
    if !nominal || tags.has(NOT_NOMINAL) {
        return None;
    }
    let noun_gender = genders(tags);
    let wrong_gender = matches!(
        (gender, noun_gender),
        (Gender::Masculine, Some(Gender::Feminine)) | (Gender::Feminine, Some(Gender::Masculine))
    );
    let singular_only = tags.has(tag::SINGULAR) && !tags.has(tag::PLURAL | tag::INVARIABLE);
    let plural_only = tags.has(tag::PLURAL) && !tags.has(tag::SINGULAR | tag::INVARIABLE);
    // Number is judged on common nouns only: `les Pays-Bas`, `les Kennedy`.
    let wrong_number = !proper
        && match number {
            Number::Plural => singular_only,
            Number::Singular => plural_only,
        };
    if !wrong_gender && !wrong_number {
        return None;
    }
    let (det, noun) = (tokens.at(i - 1), tokens.at(i));
    // `prends-la`, `fais-le`: pronouns after an imperative.
    let attached = noun.follows_closely(false) || (det.lower == "l" && noun.joiner == Joiner::Apostrophe);
    if !attached || det.joiner == Joiner::Hyphen || noun.is_all_caps() {
        return None;
    }
    if let Some(next) = tokens.get(i + 1) {
        // `la grand-rue`, `les artificier·e·s`, `la numéro 1`, `ce putain de train`,
        // `vos nom et prénom`, `les bac +2`: compounds, inclusive writing, numbers, idioms and
        // shared determiners.
        let glued = next.joiner != crate::document::Joiner::Space || next.gap.contains(['·', '(', '/', '+', '-']);
        let shared_or_idiom = matches!(next.lower, "et" | "ou" | "de" | "d")
            || next.text.starts_with(|c: char| c.is_ascii_digit())
            || (next.is_capitalised() && number == Number::Plural);
        if glued || shared_or_idiom {
            return None;
        }
    }
    // `vingt et un jours`, `mille et une nuits`.
    if matches!(det.lower, "un" | "une") && i >= 2 && tokens.lower(i - 2) == "et" {
        return None;
    }
    if noun.text.chars().count() < 2 || !noun.is_alphabetic() {
        return None;
    }
    // `le Ukraine`, `la avion`: the article should have been elided, whatever the gender; MT602
    // reports it once.
    let elides = res.french_grammar.elides_before(noun.lower);
    if elides && matches!(det.lower, "le" | "la") {
        return None;
    }
    let span = Span::new(det.span.start, noun.span.end);
    let description = match (noun_gender, singular_only, plural_only) {
        (Some(Gender::Feminine), ..) if wrong_gender => "feminine",
        (Some(Gender::Masculine), ..) if wrong_gender => "masculine",
        (_, true, _) => "singular",
        (_, _, true) => "plural",
        _ => "of another form",
    };
    let mut finding = if wrong_gender {
        let right = if gender == Gender::Masculine { feminine_form } else { masculine_form };
        // Before a vowel or silent h: `l’`, `de l’`, `à l’`, `cet`.
        let right = match right {
            "le" | "la" if elides => "l’",
            "de la" if elides => "de l’",
            "à la" if elides => "à l’",
            "ce" if elides => "cet",
            other => other,
        };
        let right = capitalise_like(det.text, right);
        let suggestion =
            if right.ends_with('’') { format!("{right}{}", noun.text) } else { format!("{right} {}", noun.text) };
        Finding::new(
            META.id,
            Severity::Warning,
            span,
            format!("`{}`: `{}` is {} and takes `{}`", tokens.phrase(i - 1, i), noun.text, description, right),
        )
        .with_suggestion(suggestion)
    } else {
        Finding::new(
            META.id,
            Severity::Warning,
            span,
            format!("`{}`: the noun is {} only, the determiner is not", tokens.phrase(i - 1, i), description),
        )
    };
    if proper {
        finding.message.push_str(" (country or region as the lexicon knows it)");
    }
    Some(finding)
}

/// Adjectives of quantity and difference that stand before their noun, in the singular:
/// before a plural noun they lost their plural (`pour diverse raisons`, Spanish `diversas`).
const SINGULAR_QUANTITY_ADJECTIVES: &[&str] =
    &["autre", "certaine", "différente", "diverse", "maint", "mainte", "multiple", "nombreuse", "quelque"];

/// `pour diverse raisons`, `envoyé diverse fois`: a singular adjective of quantity right before
/// a noun that is only plural.
fn singular_quantity_before_plural(tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    let lower = tokens.lower(i);
    if !SINGULAR_QUANTITY_ADJECTIVES.contains(&lower) {
        return None;
    }
    let (adjective, noun) = (tokens.at(i), tokens.at(i + 1));
    let tags = noun.tags();
    let plural_only = tags.has(tag::NOUN)
        && tags.has(tag::PLURAL)
        && !tags.has(tag::SINGULAR | tag::INVARIABLE | tag::PREP | tag::ADV | tag::PRON | tag::DET | tag::CONJ);
    // `un autre sous-répertoire`: the first part of a compound.
    let compound = tokens.get(i + 2).is_some_and(|next| next.joiner == Joiner::Hyphen);
    // `ils sont l'un à l'autre fidèles`, `d'une manière ou d'une autre choses et gens`: the
    // pronoun `l'autre`, `un autre`. After être or a verb of state the adjective is the
    // attribute (`Sa méthode est différente preuves à l'appui`).
    let pronoun = lower == "autre" && i > 0 && matches!(tokens.lower(i - 1), "l" | "un" | "une");
    let attribute = i > 0
        && matches!(
            tokens.lower(i - 1),
            "est"
                | "sont"
                | "était"
                | "étaient"
                | "sera"
                | "seront"
                | "serait"
                | "seraient"
                | "fut"
                | "furent"
                | "semble"
                | "semblent"
                | "paraît"
                | "devient"
                | "reste"
                | "restent"
                | "demeure"
        );
    if !plural_only
        || compound
        || pronoun
        || attribute
        || !noun.follows_closely(false)
        || noun.is_capitalised()
        || noun.is_all_caps()
    {
        return None;
    }
    let plural = format!("{}s", adjective.text);
    let message = format!("`{}`: `{}` is singular, its noun plural", tokens.phrase(i, i + 1), adjective.text);
    Some(
        Finding::new(META.id, Severity::Warning, Span::new(adjective.span.start, noun.span.end), message)
            .with_suggestion(format!("{plural} {}", noun.text)),
    )
}

/// `la souveraineté et l'intégrité ... soient respectés`: two feminine nouns joined by `et`, a
/// form of être, then a masculine plural participle.
fn feminine_subject_participle(tokens: &SentenceTokens<'_>, lexicon: &Lexicon, out: &mut Vec<Finding>) {
    let feminine_noun = |t: &Token<'_>| {
        let tags = t.tags();
        tags.has(tag::NOUN)
            && tags.has(tag::FEMININE)
            && !tags.has(tag::MASCULINE | tag::EPICENE | tag::FINITE | tag::PRON | tag::PROPER)
    };
    for and in 2..tokens.len().saturating_sub(2) {
        if tokens.lower(and) != "et" || !feminine_noun(&tokens.at(and - 1)) {
            continue;
        }
        // The second noun comes right after its determiner (`l'`, `la`, `sa` …).
        let Some(second) = (and + 1..(and + 4).min(tokens.len())).find(|&j| feminine_noun(&tokens.at(j))) else {
            continue;
        };
        // Within the clause: a form of être, adverbs, then the participle.
        let mut j = second + 1;
        let limit = (second + 9).min(tokens.len());
        while j < limit {
            let token = tokens.at(j);
            if french::is_etre_finite(&token, lexicon) {
                break;
            }
            if token.gap.contains([',', ';', ':', '(', '—']) || token.tags().has(tag::FINITE) {
                j = limit;
                break;
            }
            j += 1;
        }
        if j >= limit || !tokens.at(j).tags().has(tag::P3PL) {
            continue;
        }
        let mut k = j + 1;
        while k < tokens.len() && tokens.at(k).tags().has(tag::ADV) && !tokens.at(k).tags().has(tag::PAST_PARTICIPLE) {
            k += 1;
        }
        let Some(participle) = tokens.get(k) else { continue };
        let tags = participle.tags();
        let masculine_plural_only = tags.has(tag::PAST_PARTICIPLE)
            && tags.has_all(tag::MASCULINE | tag::PLURAL)
            && !tags.has(tag::FEMININE | tag::EPICENE | tag::NOUN);
        if !masculine_plural_only {
            continue;
        }
        let (first_noun, second_noun) = (tokens.at(and - 1), tokens.at(second));
        let subject = Span::new(first_noun.span.start, second_noun.span.end);
        let mut finding = Finding::new(
            META.id,
            Severity::Warning,
            participle.span,
            format!(
                "`{}`: masculine plural, but its subject `{} … {}` is feminine plural",
                participle.text, first_noun.text, second_noun.text
            ),
        )
        .with_related(subject, "the feminine subject");
        if let Some(feminine) = feminine_plural(participle.text, lexicon) {
            finding = finding.with_suggestion(feminine);
        }
        out.push(finding);
    }
}

/// `respectés` → `respectées`, when the lexicon knows it.
fn feminine_plural(participle: &str, lexicon: &Lexicon) -> Option<String> {
    let stem = participle.strip_suffix('s')?;
    let candidate = format!("{stem}es");
    lexicon.tags(&candidate).has_all(tag::FEMININE | tag::PLURAL).then_some(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::flagged_in_french;

    fn flagged(sentence: &str) -> Vec<(String, String)> {
        flagged_in_french(&DeterminerAgreement, sentence)
    }

    #[test]
    fn a_country_with_the_wrong_article_is_flagged() {
        assert_eq!(
            flagged("Ils veulent attaquer le Biélorussie."),
            [("le Biélorussie".into(), "la Biélorussie".into())]
        );
        assert_eq!(flagged("Il a visité la Portugal."), [("la Portugal".into(), "le Portugal".into())]);
        assert_eq!(flagged("Il parle de le Ukraine."), [], "an elision: MT602 reports it");
    }

    #[test]
    fn common_nouns_of_the_wrong_gender_or_number_are_flagged() {
        assert_eq!(flagged("Il téléphone au boulangère."), [("au boulangère".into(), "à la boulangère".into())]);
        assert_eq!(flagged("Il a vu cette avion."), [("cette avion".into(), "cet avion".into())]);
        assert_eq!(flagged("Il voit l’états tout entier."), [("l’états".into(), "".into())]);
        assert_eq!(flagged("Il rejoint au armée."), [("au armée".into(), "à l’armée".into())]);
        assert_eq!(flagged("Il voit les avion."), [("les avion".into(), String::new())]);
        assert_eq!(flagged("Il a vu quelques homme sur la place."), [("quelques homme".into(), String::new())]);
        assert_eq!(flagged("Elle a vu sa ami hier."), [("sa ami".into(), "son ami".into())]);
        assert_eq!(flagged("Il parle à notre enfants."), [("notre enfants".into(), String::new())]);
        assert_eq!(flagged("Il a vu son amie hier."), []);
        assert_eq!(flagged("Les systèmes de son modernes ont de nombreuses sorties."), []);
    }

    #[test]
    fn a_noun_phrase_whose_adjective_or_noun_disagrees_is_flagged() {
        let spans = |sentence: &str| -> Vec<String> { flagged(sentence).into_iter().map(|(span, _)| span).collect() };
        assert_eq!(spans("Ce fut le gigantesque explosion de la nuit."), ["le gigantesque explosion"]);
        assert_eq!(spans("Il portait l’excellente collier."), ["l’excellente collier"]);
        assert_eq!(spans("Les voitures rapide sont passées."), ["Les voitures rapide"]);
        // A determiner that disagrees with the noun is reported once, by the pair.
        assert_eq!(spans("Le voitures rapide sont passées."), ["Le voitures"]);
        // In the object of a verb, when the adjective cannot be the subject's.
        assert_eq!(spans("Il voit cet outil terribles."), ["cet outil terribles"]);
        assert_eq!(spans("Je voyais de la pluie noires."), ["la pluie noires"]);
        assert_eq!(spans("Il a vu chaque élément terrestres."), ["chaque élément terrestres"]);
        for sentence in [
            "Elle a quitté le bureau épuisée.",
            "Après le match, elle a quitté le stade épuisée.",
            "Il a rencontré le ministre de la Défense israélien.",
            "Ils cherchent les meilleurs résultats possible.",
            "Marie a quitté hier soir le bureau épuisée.",
            "La fille du voisin blessée est rentrée.",
            "Il a vu le chien et la chatte perdus.",
            "Le premier ministre est venu.",
            "Le mot clé est la question piège.",
            "La première fois, le grand nombre de visiteurs a surpris.",
        ] {
            assert_eq!(spans(sentence), Vec::<String>::new(), "{sentence}");
        }
    }

    #[test]
    fn an_adjective_that_agrees_with_neither_noun_of_an_opening_phrase_is_flagged() {
        assert_eq!(flagged("Le chien du voisin mourante.")[0].0, "Le chien du voisin mourante");
        assert_eq!(flagged("Un chien de ce voisin amicale.")[0].0, "Un chien de ce voisin amicale");
        assert_eq!(flagged("Le chien du voisin mourante a aboyé.")[0].0, "Le chien du voisin mourante");
        for sentence in [
            "La fille du voisin blessée.",
            "Le chef de la police nationale.",
            "Les couleurs du drapeau rouge et verte.",
            "Il a vu le chien du voisin mourante.",
            "Le bureau de la professeur principale.",
        ] {
            assert!(flagged(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn tout_and_quel_that_disagree_with_the_noun_phrase_are_flagged() {
        assert_eq!(flagged("Il a vu tout les films."), [("tout les films".into(), "tous".into())]);
        assert_eq!(flagged("Toutes les pays ont voté."), [("Toutes les pays".into(), "Tous".into())]);
        assert_eq!(
            flagged("Quels sont les raisons de ce choix ?"),
            [("Quels sont les raisons".into(), "Quelles".into())]
        );
        assert_eq!(flagged("Quelle est le problème ?"), [("Quelle est le problème".into(), "Quel".into())]);
        for sentence in [
            "Malgré tout ces hommes sont revenus.",
            "Ils ont tous le même bagage.",
            "Elles connaissent toutes ces problèmes.",
            "Il n'avait pas du tout l'intention de partir.",
            "Tous le savent.",
            "Il a tout le temps et toute la journée.",
            "Il est parti tout une quinzaine.",
            "Quelles sont les raisons de ce choix ?",
            "Quel est l'enjeu ?",
            "Tous les élèves et toutes les élèves sont venus.",
            "Il a tout mis dans ses poches.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn ambiguous_pairs_stay_silent() {
        for sentence in [
            "Il monte sur la tour.",
            "Il la porte sur son dos.",
            "Un article du Monde le confirme.",
            "Il a lu le Figaro.",
            "Les Pays-Bas ont voté.",
            "Elle le mange vite.",
            "Le pire est passé.",
            "Il a vu les deux.",
            "Il part le deux mars pour trois semaines.",
            "Il parle des États-Unis.",
            "Elle est la vice-présidente.",
            "Indiquez vos nom et prénom.",
            "Il a soixante et un ans.",
            "Ce putain de train.",
            "Elle est la numéro 1 mondiale.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_singular_adjective_of_quantity_before_a_plural_noun_is_flagged() {
        assert_eq!(
            flagged("Ces paquets sont difficiles pour diverse raisons."),
            [("diverse raisons".into(), "diverses raisons".into())]
        );
        assert_eq!(
            flagged("Il existe différente versions."),
            [("différente versions".into(), "différentes versions".into())]
        );
        for sentence in [
            "Il a créé un autre sous-répertoire.",
            "Ils sont l'un à l'autre fidèles.",
            "Il est resté quelque temps.",
            "Il est venu diverses fois.",
            "D'une manière ou d'une autre choses et gens changent.",
            "Sa méthode est différente preuves à l'appui.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_masculine_participle_after_feminine_subjects_is_flagged() {
        assert_eq!(
            flagged(
                "Ils exigent que la souveraineté et l’intégrité territoriale de l’Ukraine soient pleinement respectés."
            ),
            [("respectés".into(), "respectées".into())]
        );
        assert!(
            flagged(
                "Ils exigent que la souveraineté et l’intégrité territoriale de l’Ukraine soient pleinement respectées."
            )
            .is_empty()
        );
    }
}
