//! The past participle after avoir and its direct object (MT609). After avoir the participle
//! agrees with a direct object placed before it, and with nothing else:
//! - `Les élèves m'ont écoutés`: `me`, `te` are one person, so the participle is never plural;
//! - `Ils ont perdus leur sang-froid`: the object comes after, so the participle stays as it is;
//! - `les fleurs que j'ai acheté`: `que` stands for a noun placed before, whose gender and number
//!   the participle takes.

use super::chain_subject::{agrees_in, is_chain_adverb, lemma_is, with_forms};
use super::noun_phrase::determiner;
use crate::document::Joiner;
use crate::finding::{Finding, Severity};
use crate::lexicon::words::{Lexicon, Tags, tag};
use crate::view::french::{self, SentenceTokens};

/// Verbs whose participle stays invariable after a `que` that is no direct object: verbs of
/// measure and time (`les dix euros que ça m'a coûté`, `les heures qu'il a dormi`),
/// impersonal ones (`les efforts qu'il a fallu`), and modals and verbs of perception or
/// causation whose object is an infinitive left out (`les livres qu'il a pu`, `qu'il a fait`).
const INVARIABLE_AFTER_QUE: &[&str] = &[
    "coûter",
    "valoir",
    "peser",
    "durer",
    "vivre",
    "dormir",
    "courir",
    "marcher",
    "régner",
    "falloir",
    "mesurer",
    "être",
    "pouvoir",
    "devoir",
    "vouloir",
    "savoir",
    "faire",
    "laisser",
    "croire",
    "penser",
    "dire",
    "prévoir",
    "espérer",
    "souhaiter",
    "exiger",
    "demander",
    "permettre",
    "avoir",
];

/// Nouns that a clause with `que` completes, where `que` is a conjunction and no object (`l'idée
/// que j'ai échoué`), and nouns of time, after which `que` is `où` (`la fois que j'ai chanté`).
const NOUNS_BEFORE_A_CLAUSE: &[&str] = &[
    "fait",
    "idée",
    "preuve",
    "espoir",
    "certitude",
    "impression",
    "sentiment",
    "peur",
    "crainte",
    "nouvelle",
    "annonce",
    "rumeur",
    "hypothèse",
    "possibilité",
    "chance",
    "chances",
    "risque",
    "sensation",
    "conviction",
    "assurance",
    "garantie",
    "signe",
    "raison",
    "soupçon",
    "illusion",
    "pensée",
    "opinion",
    "avis",
    "excuse",
    "fois",
    "moment",
    "jour",
    "jours",
    "temps",
    "heure",
    "année",
    "années",
    "an",
    "ans",
    "mois",
    "semaine",
    "semaines",
    "façon",
    "manière",
    "sorte",
    "mesure",
    "condition",
    "point",
    "prétexte",
    "constat",
    "conclusion",
    "principe",
    "regret",
    "honte",
    "joie",
    "plaisir",
    "fierté",
    "satisfaction",
    "surprise",
    "étonnement",
    "heures",
    "décennie",
    "minute",
    "minutes",
    "seconde",
    "secondes",
    "journée",
    "soirée",
    "nuit",
    "éternité",
    "siècle",
];

/// `les élèves m'ont écoutés`, `ils ont perdus leur sang-froid`, `les fleurs que j'ai acheté`:
/// at `i`, a finite form of avoir (the caller's table of heads says which words are).
pub fn participle_object(
    rule: &'static str,
    tokens: &SentenceTokens<'_>,
    i: usize,
    lexicon: &Lexicon,
) -> Option<Finding> {
    // The caller found a form of avoir in its table of heads.
    if !tokens.lex(i).tags.has(tag::FINITE) {
        return None;
    }
    // The participle, past adverbs (`ont à plusieurs reprises perdus` is not read).
    let mut k = i + 1;
    while k < tokens.len() && k <= i + 3 && is_chain_adverb(tokens.lower(k)) {
        k += 1;
    }
    if k >= tokens.len() {
        return None;
    }
    // Right after avoir, a word with a participle reading is the participle (`écrit`, `prise`).
    let tags = tokens.lex(k).tags;
    let only_participle =
        tags.has(tag::PAST_PARTICIPLE) && !tags.has(tag::ADV | tag::PREP | tag::DET | tag::PRON | tag::INFINITIVE);
    if !only_participle {
        return None;
    }
    if !(i + 1..=k).all(|w| tokens.follows_closely(w)) {
        return None;
    }
    let (avoir, participle) = (tokens.at(i), tokens.at(k));
    if participle.is_capitalised() {
        return None;
    }
    // An infinitive or a clause after it may be its object (`je les ai vu partir`, `qu'il a
    // fallu faire`, `que j'ai oublié de lui envoyer`, `que j'ai pris soin de relire`, `que le
    // ministre a annoncé qu'il prendrait`).
    let next = tokens.get(k + 1).filter(|n| n.follows_closely(false));
    let infinitive_after = (k + 1..(k + 5).min(tokens.len())).any(|w| tokens.lex(w).tags.has(tag::INFINITIVE))
        || next.is_some_and(|n| matches!(n.lower, "que" | "qu"));
    if infinitive_after {
        return None;
    }
    // `Combien de fautes il a faites`, `Quelle décision a prise le gouvernement`: the object
    // opens the sentence.
    if matches!(
        tokens.lower(0),
        "combien" | "quel" | "quels" | "quelle" | "quelles" | "lequel" | "laquelle" | "lesquels" | "lesquelles"
    ) {
        return None;
    }
    // The clitics right before avoir (`m'ont`, `les lui a`), past `ne`.
    let mut c = i;
    while c > 0 && (french::is_object_pronoun(tokens.lower(c - 1)) || matches!(tokens.lower(c - 1), "ne" | "n")) {
        c -= 1;
    }
    // The object pronouns among them, without `ne`.
    let clitics = || (c..i).filter(|&w| !matches!(tokens.lower(w), "ne" | "n"));
    // Any `que` before avoir in the sentence may be its object (`Les roses que, hier, mon mari
    // m'a offertes`).
    let que_before = (0..c).any(|w| matches!(tokens.lower(w), "que" | "qu"));
    let describable = |t: Tags| t.has(tag::PAST_PARTICIPLE);
    let reads = |gender: u64, number: u64| {
        lexicon.analyses(participle.lower).filter(|a| describable(a.tags)).any(|a| agrees_in(a.tags, gender, number))
    };
    let forms = |gender: u64, number: u64| {
        lexicon.sibling_forms(participle.lower, describable, |t| {
            describable(t)
                && agrees_in(t, gender, number)
                && (gender == 0 || !t.has(tag::MASCULINE ^ tag::FEMININE ^ gender) || t.has(tag::EPICENE))
        })
    };
    let finding = |message: String, gender: u64, number: u64| {
        let found =
            Finding::new(rule, Severity::Warning, participle.span, message).with_related(avoir.span, "the auxiliary");
        let forms = forms(gender, number);
        with_forms(found, forms)
    };
    // `m'ont écoutés`: `me` and `te` are one person, object or not.
    let first_clitic = clitics().next();
    if let Some(me) =
        first_clitic.filter(|_| !que_before && clitics().all(|w| matches!(tokens.lower(w), "m" | "me" | "t" | "te")))
    {
        if reads(0, tag::SINGULAR) {
            return None;
        }
        let message = format!(
            "`{} {}`: after `{}`, one person, the participle is not plural",
            avoir.text,
            participle.text,
            // `m`, `t`: the elided pronoun, written with its apostrophe.
            if tokens.at(me + 1).joiner == Joiner::Apostrophe {
                format!("{}'", tokens.text(me))
            } else {
                tokens.text(me).to_string()
            }
        );
        return Some(finding(message, 0, tag::SINGULAR));
    }
    // `ils ont perdus leur sang-froid`: with no object before avoir, the participle keeps its
    // masculine singular; a determiner after it opens the object.
    if !que_before
        && first_clitic.is_none()
        && next.is_some_and(|n| french::is_determiner(n.lower) && !matches!(n.lower, "des" | "du" | "de" | "d"))
    {
        if reads(tag::MASCULINE, tag::SINGULAR) {
            return None;
        }
        let message = format!(
            "`{} {} {}`: the object comes after the participle, which stays masculine singular",
            avoir.text, participle.text, next?.text
        );
        return Some(finding(message, tag::MASCULINE, tag::SINGULAR));
    }
    // Only indirect objects between the subject and avoir (`que tu m'as donnée`).
    let indirect_only =
        clitics().all(|w| matches!(tokens.lower(w), "m" | "me" | "t" | "te" | "lui" | "leur" | "nous" | "vous"));
    if !indirect_only {
        return None;
    }
    cod_que(tokens, c, participle.lower, lexicon, &reads).map(|(gender, number, noun)| {
        let message = format!(
            "`{}`: its object `que` stands for `{}` ({}), placed before it",
            participle.text,
            noun,
            Tags(gender | number).describe()
        );
        finding(message, gender, number)
    })
}

/// `les fleurs que j'ai acheté`: `que` right after a determiner and its noun, then the subject
/// (a pronoun, or a determiner and a noun or a name) and indirect object pronouns from `c`, then
/// avoir; the gender and number the participle should take, and the noun, when it takes neither.
fn cod_que<'a>(
    tokens: &SentenceTokens<'a>,
    c: usize,
    participle: &str,
    lexicon: &Lexicon,
    reads: &dyn Fn(u64, u64) -> bool,
) -> Option<(u64, u64, &'a str)> {
    // The subject: a pronoun, or a determiner and a noun (or a name, or `sa femme`).
    let s = c.checked_sub(1)?;
    let subject_start = if french::subject_person(tokens.lower(s)).is_some() {
        s
    } else if s >= 1 && french::is_determiner(tokens.lower(s - 1)) && tokens.at(s).tags().has(tag::NOUN) {
        s - 1
    } else if tokens.at(s).is_capitalised() && !tokens.at(s).sentence_initial {
        s
    } else {
        return None;
    };
    let que_at = subject_start.checked_sub(1)?;
    if !matches!(tokens.lower(que_at), "que" | "qu") || que_at < 2 {
        return None;
    }
    let (noun, det) = (tokens.at(que_at - 1), tokens.lower(que_at - 2));
    // `la vision et la philosophie que`: coordinated nouns, plural together. `Le livre de la
    // bibliothèque que j'ai emprunté`: `que` may stand for the noun before `de`. `C'est dans
    // cette ville que j'ai grandi`, `J'ai prévenu ma mère que j'ai raté`: after a preposition
    // or a verb, or in a cleft, `que` may open a clause.
    let before_det = que_at.checked_sub(3).map(|b| tokens.at(b));
    let coordinated =
        before_det.is_some_and(|b| matches!(b.lower, "et" | "ou" | "ni") || tokens.at(que_at - 2).gap.contains(','));
    let after_de_preposition_or_verb =
        before_det.is_some_and(|b| matches!(b.lower, "de" | "d" | "du" | "des") || b.tags().has(tag::PREP | tag::VERB));
    let cleft = (1..que_at).any(|w| {
        matches!(tokens.lower(w - 1), "c" | "ce") && matches!(tokens.lower(w), "est" | "était" | "sera" | "fut" | "n")
    });
    if coordinated || after_de_preposition_or_verb || cleft {
        return None;
    }
    let noun_tags = noun.tags();
    if !noun_tags.has(tag::NOUN)
        || noun_tags.has(tag::VERB | tag::ADJ | tag::PRON | tag::ADV | tag::PREP | tag::PROPER)
        || noun.is_capitalised()
        || NOUNS_BEFORE_A_CLAUSE.contains(&noun.lower)
        || tokens.at(que_at).gap.contains(',')
        || lemma_is(lexicon, participle, |t| t.has(tag::PAST_PARTICIPLE), INVARIABLE_AFTER_QUE)
    {
        return None;
    }
    // `mon`, `ton`, `son` also go before a feminine noun that opens with a vowel.
    let (det_gender, number) = match determiner(det) {
        Some((gender, number, ..)) => (gender.tag(), number.tag()),
        None if matches!(det, "mon" | "ton" | "son") => (0, tag::SINGULAR),
        None => return None,
    };
    let only = |a: u64, b: u64| if noun_tags.has(a) && !noun_tags.has(b) { a } else { 0 };
    let noun_gender = if noun_tags.has(tag::EPICENE) {
        0
    } else {
        only(tag::MASCULINE, tag::FEMININE) | only(tag::FEMININE, tag::MASCULINE)
    };
    let gender = match (det_gender, noun_gender) {
        (0, g) | (g, 0) => g,
        (d, g) if d == g => g,
        _ => return None,
    };
    let noun_number = only(tag::SINGULAR, tag::PLURAL) | only(tag::PLURAL, tag::SINGULAR);
    if noun_number != 0 && noun_number != number && !noun_tags.has(tag::INVARIABLE) {
        return None;
    }
    if reads(gender, number) || tokens.at(que_at).joiner == Joiner::Hyphen {
        return None;
    }
    Some((gender, number, noun.text))
}

#[cfg(test)]
mod tests {
    use super::super::verb_chain::VerbChain;
    use crate::detectors::test_support::flagged_in_french;

    fn flagged(sentence: &str) -> Vec<(String, String)> {
        flagged_in_french(&VerbChain, sentence)
    }

    #[test]
    fn a_plural_participle_after_me_or_te_is_flagged() {
        assert_eq!(flagged("Les élèves m'ont écoutés."), [("écoutés".into(), "écouté / écoutée".into())]);
        for sentence in ["Les élèves m'ont écouté.", "Les livres qu'il m'a donnés sont là.", "Ils m'ont vus partir."]
        {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_participle_that_agrees_with_an_object_after_it_is_flagged() {
        assert_eq!(flagged("Ils ont perdus leur sang-froid."), [("perdus".into(), "perdu".into())]);
        assert_eq!(flagged("Elle a prise la décision."), [("prise".into(), "pris".into())]);
        for sentence in ["Ils ont perdu leur sang-froid.", "Elle l'a prise la veille.", "Ils ont mis la table."] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_participle_that_ignores_its_object_que_is_flagged() {
        assert_eq!(flagged("Les fleurs que j'ai acheté sont belles."), [("acheté".into(), "achetées".into())]);
        assert_eq!(flagged("La lettre que sa mère lui a écrit est perdue."), [("écrit".into(), "écrite".into())]);
        for sentence in [
            "Les fleurs que j'ai achetées sont belles.",
            "J'ai l'impression que j'ai échoué.",
            "Les dix euros que ça m'a coûté.",
            "Les heures qu'il a dormi.",
            "Les efforts qu'il a fallu.",
            "La maison qu'il a vu construire.",
            "La fois que j'ai chanté.",
            "Les livres qu'il a pu lire.",
            "Le livre de la bibliothèque que j'ai emprunté est abîmé.",
            "C'est dans cette ville que j'ai grandi.",
            "J'ai prévenu ma mère que j'ai raté mon train.",
            "Cela fait une décennie que j'ai quitté Paris.",
            "Les décisions que le ministre a annoncé qu'il prendrait.",
            "Les lettres que j'ai pris soin de relire.",
            "Combien de fautes il a faites cette année !",
            "Quelle décision a prise le gouvernement ?",
            "Les roses que, hier, mon mari m'a offertes sont fanées.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }
}
