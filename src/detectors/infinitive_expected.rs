//! MT611: a conjugated verb or a participle where French requires the infinitive: after
//! `pour`, `sans`, `par`, after `de` with an object pronoun or closing a phrase such as `afin
//! de`, and after a negation that precedes its verb (`pour donnait`, `de me donnait`, `afin de
//! trouvé`, `ne pas allé`).

use crate::document::Joiner;
use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::{Lexicon, tag};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;
use crate::view::french::{self, SentenceTokens, WordTable};
use std::sync::LazyLock;

pub struct InfinitiveExpected;

static META: RuleMeta = RuleMeta {
    id: "MT611",
    name: "infinitive-expected",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 9.0,
    fallback: false,
    summary: "A conjugated verb or participle where the infinitive goes (`pour donnait`, `de me donnait`, `ne pas allé`).",
    explanation: "\
What it flags: in a French text, a verb form that is not the infinitive in a place only the
infinitive can take:
- after `pour`, `sans` or `par`, object pronouns allowed between: a conjugated form (`pour
  donnait`, `sans te chassez`, `par se trompait`);
- after `de` followed by object pronouns: a conjugated form (`de la trouvait`, `de me le
  facturez`) or, after `me`, `te`, `se`, `lui`, `leur`, `y`, `en`, `le`, `les` (which after
  `de` are pronouns: the articles contract to `du`, `des`), a participle (`d'en parlé`, `au
  lieu de le donné`);
- after `de` closing a phrase that only an infinitive follows: after `afin de`, `en mesure
  de`, `à même de`, `hors de question de`, any verb form but the infinitive, whatever else it
  may read as (`afin de trouvé`, `afin de données`); after `en train de`, `sur le point de`,
  `avant de`, `de peur de`, `de crainte de`, which a noun may also follow in another sense
  (`en train de nuit`, `sur le point de vue`), a word with no noun reading (`en train de
  mangé`), and after `avant`, `peur` and `crainte` with no adjective reading either (`avant
  de nombreuses années` is a partitive);
- after `ne` and a negation written before the verb (`ne pas`, `ne jamais`, `ne plus`, `ne
  rien`, `ne point`, `ne guère`), which only an infinitive follows: a conjugated form or a
  participle (`ne pas allé`, `ne jamais lui donnait`).

Why it matters: `-er`, `-é`, `-ez` and `-ait` sound alike; a system that builds French from
another language's verb (English `to give`, `giving`) picks one of them. A French writer
knows that a preposition takes the infinitive.

Example: `Il a décidé de ne plus mangés avec nous.` → flagged, suggestion `manger`.

How: the lexicon's readings: the word must have no reading as an infinitive, a function word
or a present participle, and, except after the phrases that never take a noun, none as a noun
or (conjugated forms only) an adjective, so that `pour cent`, `de suite`, `par écrit`, `sans
précédent` pass. Nothing but spaces and apostrophes may
stand between the words.

Limits: a participle right after `pour` or `sans` is MT609's; a participle after `de la` or
`de l'` is not judged (`la mère de la noyée`, `le dossier de l'incarcéré`: participles made
nouns); `de` without an object pronoun
or one of those phrases is not judged (`rien de cassé`, `dix de blessés` are French), nor is a preposition followed
by `lui`, `nous` or `vous`, which may be a stressed pronoun ending the phrase (`celui qui se
servait de lui voulait`, `ce qui vient de vous y contribuera`), nor the archaic order with the
pronoun before the negation (`n'en jamais douter`).",
};

/// The negations that, written before the verb, only an infinitive follows.
fn is_preverbal_negation(lower: &str) -> bool {
    matches!(lower, "pas" | "jamais" | "plus" | "rien" | "point" | "guère")
}

/// What takes the infinitive, and what else it lets through.
#[derive(Clone, Copy, PartialEq)]
enum Head {
    /// `pour`, `sans`, `par`.
    Preposition,
    /// `de` with at least one object pronoun after it.
    De,
    /// `de` closing a phrase that only an infinitive follows (`afin de`, `en train de`).
    PhraseDe(Phrase),
    /// `ne pas`, `ne jamais plus`.
    Negation,
}

/// How sure a phrase ending in `de` is to be followed by a verb.
#[derive(Clone, Copy, PartialEq)]
enum Phrase {
    /// Never by a noun (`afin de`, `en mesure de`, `à même de`, `hors de question de`): any
    /// verb form but the infinitive is wrong, whatever else it may read as.
    VerbOnly,
    /// By a noun too, in another sense (`en train de nuit`, `sur le point de vue`): a word
    /// with a noun reading passes.
    VerbOrNoun,
    /// By a noun, or a partitive opening with an adjective (`avant de nombreux mois`): a word
    /// with a noun or an adjective reading passes, unless a pronoun comes first.
    VerbOrPartitive,
    /// `de peur de`, `de crainte de`: as `VerbOrPartitive`, and `lui`, `nous`, `vous` after it
    /// may be stressed, the end of the phrase (`tremblaient de peur de lui obéissaient`).
    AfterFear,
}

/// The words that take an infinitive, by the head they are (`de` before a phrase is found
/// from the words before it).
static HEADS: LazyLock<WordTable<Head>> = LazyLock::new(|| {
    WordTable::new(&[
        ("pour", Head::Preposition),
        ("sans", Head::Preposition),
        ("par", Head::Preposition),
        ("de", Head::De),
        ("d", Head::De),
        ("ne", Head::Negation),
        ("n", Head::Negation),
    ])
});

/// The phrase that the `de` at `i` closes, if it is one that takes the infinitive.
fn phrase_before_de(tokens: &SentenceTokens<'_>, i: usize) -> Option<Phrase> {
    let before = |k: usize| (k <= i).then(|| tokens.lower(i - k));
    Some(match (before(3), before(2), before(1)?) {
        (_, _, "afin") | (_, Some("en"), "mesure") | (_, Some("à"), "même") => Phrase::VerbOnly,
        (Some("hors"), Some("de"), "question") => Phrase::VerbOnly,
        (_, Some("en"), "train") | (Some("sur"), Some("le"), "point") => Phrase::VerbOrNoun,
        (_, _, "avant") => Phrase::VerbOrPartitive,
        (_, Some("de"), "peur" | "crainte") => Phrase::AfterFear,
        _ => return None,
    })
}

impl Detector for InfinitiveExpected {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !french::is_french(doc) {
            return;
        }
        let heads = &*HEADS;
        for tokens in doc.french_sentence_tokens(res) {
            for i in 0..tokens.len() {
                // Every word comes here: its key tells the few that take an infinitive.
                let head = match heads.get(&tokens.lex(i)) {
                    None => continue,
                    Some(Head::De) => phrase_before_de(&tokens, i).map_or(Head::De, Head::PhraseDe),
                    Some(head) => head,
                };
                out.extend(judge(&tokens, i, head, res.french));
            }
        }
    }
}

/// The finding for the head at `i`, if the verb form after it is not an infinitive.
fn judge(tokens: &SentenceTokens<'_>, i: usize, head: Head, lexicon: &Lexicon) -> Option<Finding> {
    // Only spaces and apostrophes between the words: punctuation may end the head's phrase.
    let close = |j: usize| tokens.get(j).is_some_and(|t| t.follows_closely(false) || t.joiner == Joiner::Apostrophe);
    let mut j = i + 1;
    // Most `de` open a noun phrase: with no object pronoun after it, a verb form there is the
    // noun's or its own, not the infinitive's (decided before any token is made).
    if head == Head::De && !(j < tokens.len() && french::is_object_pronoun(tokens.lower(j))) {
        return None;
    }
    if head == Head::Negation {
        if j >= tokens.len() || !is_preverbal_negation(tokens.lower(j)) || !close(j) {
            return None;
        }
        j += 1;
        // `ne jamais plus`, `ne plus jamais`.
        if tokens.get(j).is_some_and(|t| matches!(t.lower, "plus" | "jamais")) && close(j) {
            j += 1;
        }
    }
    let first_clitic = j;
    while tokens.get(j).is_some_and(|t| french::is_object_pronoun(t.lower)) && close(j) {
        j += 1;
    }
    let clitics = first_clitic..j;
    if !close(j) {
        return None;
    }
    let verb = tokens.at(j);
    if !verb.lex.known || verb.is_capitalised() || verb.text.chars().count() < 3 {
        return None;
    }
    let tags = verb.tags();
    let function_word =
        tag::PREP | tag::DET | tag::PRON | tag::CONJ | tag::NUMERAL | tag::ADV | tag::INTERJ | tag::OTHER;
    let never = tag::INFINITIVE | tag::PRESENT_PARTICIPLE | tag::PROPER | function_word;
    if tags.has(never) {
        return None;
    }
    let (finite, participle) = if head == Head::PhraseDe(Phrase::VerbOnly) {
        (tags.has(tag::FINITE) && !tags.has(tag::PAST_PARTICIPLE), tags.has(tag::PAST_PARTICIPLE))
    } else {
        (
            tags.has(tag::FINITE) && !tags.has(tag::NOUN | tag::ADJ | tag::PAST_PARTICIPLE),
            tags.has(tag::PAST_PARTICIPLE) && !tags.has(tag::NOUN | tag::FINITE),
        )
    };
    // A participle that is also an adjective may open a partitive after `avant de` or `de
    // peur de` (`avant de prétendues réformes`); after a pronoun it is a verb.
    let partitive_adjective = matches!(head, Head::PhraseDe(Phrase::VerbOrPartitive | Phrase::AfterFear))
        && clitics.is_empty()
        && tags.has(tag::ADJ);
    let participle_allowed = match head {
        // Right after `pour` and `sans`, MT609 reports it.
        Head::Preposition => !clitics.is_empty() || tokens.lower(i) == "par",
        // `de le` and `de les` are pronouns (the articles contract to `du`, `des`); `de la`
        // and `de l'` are articles as often, before participles made nouns (`la mère de la
        // noyée`, `le dossier de l'incarcéré`); `de nous` is a partitive.
        Head::De => clitics.clone().any(|k| {
            matches!(tokens.lower(k), "me" | "m" | "te" | "t" | "se" | "s" | "lui" | "leur" | "y" | "en" | "le" | "les")
        }),
        Head::Negation | Head::PhraseDe(_) => true,
    };
    // After a preposition, `lui`, `nous` or `vous` may be a stressed pronoun, the end of the
    // phrase (`qui se servait de lui voulait`, `a pour nous cessé`, `ce qui vient de vous y
    // contribuera`).
    let stressed_pronoun = matches!(head, Head::Preposition | Head::De | Head::PhraseDe(Phrase::AfterFear))
        && !clitics.is_empty()
        && matches!(tokens.lower(clitics.start), "lui" | "nous" | "vous");
    if stressed_pronoun || partitive_adjective || !(finite || (participle && participle_allowed)) {
        return None;
    }
    let what = if finite { "a conjugated form" } else { "a past participle" };
    let head_text = tokens.phrase(i, if head == Head::Negation { first_clitic - 1 } else { i });
    let message = format!("`{}`: {what} after `{head_text}`, where the infinitive goes", tokens.phrase(i, j));
    let forms = lexicon.sibling_forms(verb.lower, |t| t.has(tag::VERB), |t| t.has(tag::INFINITIVE));
    let start = tokens.at(i).span.start;
    let mut finding = Finding::new(META.id, Severity::Warning, Span::new(start, verb.span.end), message);
    if forms.len() == 1 {
        finding = finding.with_suggestion(forms[0].clone());
    }
    Some(finding)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::flagged_in_french;

    fn flagged(sentence: &str) -> Vec<(String, String)> {
        flagged_in_french(&InfinitiveExpected, sentence)
    }

    #[test]
    fn a_conjugated_form_after_a_preposition_is_flagged() {
        assert_eq!(flagged("Il est venu pour donnait son avis."), [("pour donnait".into(), "donner".into())]);
        assert_eq!(
            flagged("Il est parti sans te chassez de chez lui."),
            [("sans te chassez".into(), "chasser".into())]
        );
        assert_eq!(
            flagged("Elle était capable de la trouvait partout."),
            [("de la trouvait".into(), "trouver".into())]
        );
        assert_eq!(flagged("Il s'agit de me donnait tout ça."), [("de me donnait".into(), "donner".into())]);
    }

    #[test]
    fn a_participle_after_de_and_a_pronoun_that_cannot_be_an_article_is_flagged() {
        assert_eq!(flagged("Au lieu de le donné, il le garde."), [("de le donné".into(), "donner".into())]);
        for sentence in [
            "La mère de la noyée pleure.",
            "Le prix de la regrettée chanteuse.",
            "Il parle de la poussée des prix.",
            "Le dossier de l'incarcéré est clos.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_verb_after_a_preverbal_negation_is_flagged() {
        assert_eq!(flagged("Il a décidé de ne plus mangés avec nous."), [("ne plus mangés".into(), "manger".into())]);
        assert_eq!(flagged("Il vaut mieux ne pas allé au bureau."), [("ne pas allé".into(), "aller".into())]);
        assert_eq!(
            flagged("Il préfère ne jamais lui donnait sa chance."),
            [("ne jamais lui donnait".into(), "donner".into())]
        );
    }

    #[test]
    fn infinitives_nouns_adjectives_and_their_idioms_pass() {
        for sentence in [
            "Il est venu pour donner son avis.",
            "Le taux est de dix pour cent cette année.",
            "Il a envoyé la lettre par écrit hier.",
            "Rien de cassé, dix de blessés dans l'accident.",
            "Il ne mange pas de viande le vendredi.",
            "Elle a décidé de ne pas partir.",
            "Il est parti sans précédent connu.",
            "La plupart de nous sont venus hier.",
            "L'homme qui se servait de lui voulait le surprendre.",
            "La ville a pour nous cessé d'exister.",
            "Il parle de la fête de demain.",
            "Le film réalisé par Marie a gagné.",
            "Il ne le fait pas, pour autant que je sache.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_participle_after_a_phrase_that_takes_the_infinitive_is_flagged() {
        assert_eq!(flagged("Il est venu afin de trouvé une solution."), [("de trouvé".into(), "trouver".into())]);
        assert_eq!(flagged("Elle est en train de mangé."), [("de mangé".into(), "manger".into())]);
        assert_eq!(flagged("Nous sommes à même de données un avis."), [("de données".into(), "donner".into())]);
        assert_eq!(flagged("Il était sur le point de nous quitté."), [("de nous quitté".into(), "quitter".into())]);
        for sentence in [
            "Il voyage en train de nuit afin de gagner du temps.",
            "Sur le point de vue économique, rien ne change.",
            "Il faudra attendre avant de nombreuses années.",
            "Il se tait de peur de représailles.",
            "Elle est en train de la pensée unique.",
            "Ceux qui tremblaient de peur de lui obéissaient sans un mot.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_participle_right_after_pour_or_sans_is_left_to_mt609() {
        assert_eq!(flagged("Il est venu pour mangé avec nous."), []);
    }
}
