//! MT613: a French verb built with `de` or `à` before an infinitive, followed by a bare
//! infinitive (`permet vérifier`, `a décidé partir`, `réussir faire`).

use super::chain_subject::lemma_is;
use crate::document::Joiner;
use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::{Lexicon, tag};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;
use crate::view::french::{self, SentenceTokens};

pub struct BareInfinitive;

static META: RuleMeta = RuleMeta {
    id: "MT613",
    name: "bare-infinitive",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 9.0,
    fallback: false,
    summary: "A verb built with `de` or `à` before an infinitive, followed by a bare infinitive (`permet vérifier`, `a décidé partir`).",
    explanation: "\
What it flags: in a French text, a verb that takes `de` or `à` before an infinitive
(`permettre de`, `essayer de`, `décider de`, `refuser de`, `éviter de`…; `réussir à`,
`parvenir à`, `hésiter à`, `commencer à`, `aider à`…) directly followed by an infinitive,
with nothing but object pronouns, a negation (`ne pas`) or an adverb in `-ment` between
them: `Cela permet vérifier les paquets`, `Il a décidé ne pas partir`, `Nous devons réussir
faire la mise à jour`. The suggestion adds the preposition (`permet de vérifier`, `réussir à
faire`).

Why it matters: English (`to allow to check`, `to try to`) and Spanish, Italian or
Portuguese (`permite verificar`, `decidió partir`) build these verbs with another preposition
or none; a system that renders the words one by one leaves the French preposition out. A
French writer does not drop it.

Example: `Ce module permet s'assurer que le paquet est signé.` → flagged, suggestion `permet
de s'assurer`.

How: the lexicon's readings: the first word must be a form of one of the verbs listed here
(a table of about fifty verbs) and the second an infinitive that is nothing else (a noun
infinitive such as `dîner` or `devoir` passes), apart from `être` and `avoir`. A form that is
also a noun or an adjective (`aide`, `tente`, `permis`, `tendre`) counts as the verb only
after a subject or object pronoun, a negation or an auxiliary (`il l'aide préparer`, `a
permis éviter`). Capitalised words (menu items such as `Accepter Refuser`) and a verb
opening its sentence are left alone.

Limits: verbs that take a bare infinitive (`aller`, `venir`, `faire`, `laisser`, `vouloir`,
`pouvoir`, `devoir`, `savoir`, `sembler`, verbs of perception, of opinion and of wish) or an
infinitive of what one states (`jurer avoir vu`, `prétendre`, `affirmer`) are not in the
table, nor those whose bare infinitive is idiomatic (`mettre sécher le linge`) or is a
subject (`à quoi sert pleurer`). A preposition copied from another language (`permet à
vérifier`) is not judged.",
};

/// Verbs that take `de` before an infinitive.
const DE_VERBS: &[&str] = &[
    "permettre",
    "essayer",
    "décider",
    "refuser",
    "tenter",
    "oublier",
    "éviter",
    "cesser",
    "accepter",
    "choisir",
    "envisager",
    "finir",
    "arrêter",
    "promettre",
    "menacer",
    "regretter",
    "craindre",
    "mériter",
    "négliger",
    "omettre",
    "efforcer",
    "dépêcher",
    "rêver",
    "empêcher",
    "proposer",
    "suggérer",
    "conseiller",
    "ordonner",
    "interdire",
    "tâcher",
    "feindre",
    "prier",
    "abstenir",
    "contenter",
];

/// Verbs that take `à` before an infinitive.
const A_VERBS: &[&str] = &[
    "réussir",
    "parvenir",
    "hésiter",
    "chercher",
    "apprendre",
    "aider",
    "consister",
    "inviter",
    "encourager",
    "commencer",
    "continuer",
    "renoncer",
    "tendre",
    "habituer",
    "obliger",
    "forcer",
    "autoriser",
    "inciter",
    "viser",
    "songer",
    "apprêter",
    "attendre",
    "engager",
    "persister",
    "obstiner",
    "contribuer",
];

impl Detector for BareInfinitive {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !french::is_french(doc) {
            return;
        }
        for tokens in doc.french_sentence_tokens(res) {
            // The head is never the sentence's first word (`Accepter`, `Essayer maintenant`).
            for i in 1..tokens.len().saturating_sub(1) {
                let tags = tokens.lex(i).tags;
                if !tags.has(tag::VERB) || !tags.has(tag::FINITE | tag::INFINITIVE | tag::PAST_PARTICIPLE) {
                    continue;
                }
                // Most verbs are followed by no infinitive: the next word's reading (or a
                // pronoun or `ne` before one) decides before any token is made.
                let next = tokens.lower(i + 1);
                let before_infinitive = tokens.lex(i + 1).tags.has(tag::INFINITIVE)
                    || matches!(next, "ne" | "n")
                    || next.ends_with("ment")
                    || (french::is_object_pronoun(next)
                        && i + 2 < tokens.len()
                        && (tokens.lex(i + 2).tags.has(tag::INFINITIVE)
                            || french::is_object_pronoun(tokens.lower(i + 2))));
                if !before_infinitive {
                    continue;
                }
                out.extend(bare_infinitive_after(&tokens, i, res));
            }
        }
    }
}

/// The finding for the verb at `i` when a bare infinitive follows it and the verb is one of
/// the tables'.
fn bare_infinitive_after(tokens: &SentenceTokens<'_>, i: usize, res: &Resources) -> Option<Finding> {
    let lexicon = res.french;
    let head = tokens.at(i);
    if head.is_capitalised() {
        return None;
    }
    let k = infinitive_after(tokens, i)?;
    let preposition = if lemma_is(lexicon, head.lower, |t| t.has(tag::VERB), DE_VERBS) {
        "de"
    } else if lemma_is(lexicon, head.lower, |t| t.has(tag::VERB), A_VERBS) {
        "à"
    } else {
        return None;
    };
    // A head that is also a noun or an adjective (`aide`, `tente`, `permis`, `tendre`) is the
    // verb only after a pronoun, a negation or an auxiliary.
    if head.tags().has(tag::NOUN | tag::ADJ) && !verbal_context(tokens, i, lexicon) {
        return None;
    }
    // `attendre` takes `à` only as `s'attendre à`; `engager`, `habituer`, `obstiner`,
    // `apprêter`, `efforcer`, `dépêcher`, `abstenir`, `contenter` are built so only with their
    // reflexive pronoun too.
    let reflexive_only = lemma_is(
        lexicon,
        head.lower,
        |t| t.has(tag::VERB),
        &["attendre", "engager", "habituer", "obstiner", "apprêter", "efforcer", "dépêcher", "abstenir", "contenter"],
    );
    if reflexive_only && !reflexive_before(tokens, i) {
        return None;
    }
    // `Allez, essaie voir !`: the spoken particle `voir`.
    if tokens.lower(k) == "voir" && lemma_is(lexicon, head.lower, |t| t.has(tag::VERB), &["essayer"]) {
        return None;
    }
    // `de` elides before a vowel or a silent h (`d'hésiter`, not `d'hurler`).
    let first_after = tokens.lower(i + 1);
    let elided = preposition == "de"
        && first_after.starts_with(['a', 'e', 'i', 'o', 'u', 'y', 'é', 'è', 'ê', 'â', 'î', 'ô', 'œ', 'h'])
        && !res.french_grammar.has_aspirated_h(first_after)
        && !res.french_grammar.refuses_elision(first_after);
    let joined = if elided { "d’".to_string() } else { format!("{preposition} ") };
    let suggestion = format!("{} {joined}{}", head.text, tokens.phrase(i + 1, k));
    let message = format!("`{}`: `{}` takes `{preposition}` before an infinitive", tokens.phrase(i, k), head.text);
    let span = Span::new(head.span.start, tokens.at(k).span.end);
    Some(Finding::new(META.id, Severity::Warning, span, message).with_suggestion(suggestion))
}

/// The position of the infinitive that follows the word at `i` closely, past object
/// pronouns, a negation and adverbs in `-ment`: an infinitive that is nothing else, or
/// `être` or `avoir`.
fn infinitive_after(tokens: &SentenceTokens<'_>, i: usize) -> Option<usize> {
    let mut k = i + 1;
    let mut negation = false;
    loop {
        let token = tokens.get(k)?;
        // `s'assurer`, `n'être`: joined to an elided pronoun or negation.
        let elided = k > i + 1 && token.joiner == Joiner::Apostrophe;
        if !(token.follows_closely(false) || elided) || token.is_capitalised() {
            return None;
        }
        match token.lower {
            "ne" | "n" if !negation => negation = true,
            "pas" | "plus" | "jamais" if negation => {}
            lower if french::is_object_pronoun(lower) && !matches!(lower, "en" | "la" | "le" | "les" | "l") => {}
            // `le`, `la`, `les` are articles as often: an infinitive must come next.
            "le" | "la" | "les" | "l" | "en"
                if tokens.get(k + 1).is_some_and(|next| next.tags().has(tag::INFINITIVE)) => {}
            lower
                if lower.ends_with("ment")
                    && lower != "comment"
                    && token.tags().has(tag::ADV)
                    && !token.tags().has(tag::NOUN | tag::VERB | tag::ADJ) => {}
            lower => {
                let tags = token.tags();
                // `l'avoir fiscal`, `l'être cher`: after an article-like pronoun, the nouns.
                let after_article = k > i + 1 && matches!(tokens.lower(k - 1), "le" | "la" | "l" | "les" | "leur");
                let infinitive = (matches!(lower, "être" | "avoir") && !after_article)
                    || (tags.has(tag::INFINITIVE)
                        && !tags
                            .has(tag::NOUN | tag::ADJ | tag::ADV | tag::PREP | tag::CONJ | tag::PRON | tag::FINITE));
                // A negation must be whole (`ne pas`), and a bare `ne` needs its verb.
                let negation_whole = !negation
                    || matches!(tokens.lower(k - 1), "pas" | "plus" | "jamais")
                    || (matches!(tokens.lower(k - 1), "ne" | "n") && matches!(lower, "être" | "avoir"));
                return (infinitive && negation_whole).then_some(k);
            }
        }
        k += 1;
        if k > i + 5 {
            return None;
        }
    }
}

/// Whether the word before `i` makes it a verb: a subject or object pronoun, a negation, or a
/// form of avoir or être (`il l'aide`, `n'aide`, `a permis`).
fn verbal_context(tokens: &SentenceTokens<'_>, i: usize, lexicon: &Lexicon) -> bool {
    let before = tokens.lower(i - 1);
    french::subject_person(before).is_some()
        || french::is_preverbal_clitic(before)
        || lemma_is(lexicon, before, |t| t.has(tag::FINITE | tag::INFINITIVE), &["avoir", "être"])
}

/// Whether a reflexive pronoun stands before the verb at `i`, past a negation and `y`/`en`.
fn reflexive_before(tokens: &SentenceTokens<'_>, i: usize) -> bool {
    let mut p = i;
    while p > 0 && matches!(tokens.lower(p - 1), "y" | "en" | "ne" | "n") {
        p -= 1;
    }
    p > 0 && matches!(tokens.lower(p - 1), "se" | "s" | "me" | "m" | "te" | "t" | "nous" | "vous")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::flagged_in_french;

    fn flagged(sentence: &str) -> Vec<(String, String)> {
        flagged_in_french(&BareInfinitive, sentence)
    }

    #[test]
    fn a_verb_built_with_de_before_a_bare_infinitive_is_flagged() {
        assert_eq!(
            flagged("Ce module permet vérifier les signatures."),
            [("permet vérifier".into(), "permet de vérifier".into())]
        );
        assert_eq!(
            flagged("Cela permet s'assurer que tout va bien."),
            [("permet s'assurer".into(), "permet de s'assurer".into())]
        );
        assert_eq!(
            flagged("Il a décidé ne pas partir."),
            [("décidé ne pas partir".into(), "décidé de ne pas partir".into())]
        );
        assert_eq!(
            flagged("Il a décidé n'être jamais en retard."),
            [("décidé n'être".into(), "décidé de n'être".into())]
        );
        assert_eq!(flagged("Elle a évité utiliser ce paquet."), [("évité utiliser".into(), "évité d’utiliser".into())]);
    }

    #[test]
    fn a_verb_built_with_a_before_a_bare_infinitive_is_flagged() {
        assert_eq!(
            flagged("Nous devons réussir faire la mise à jour."),
            [("réussir faire".into(), "réussir à faire".into())]
        );
        assert_eq!(flagged("Il l'aide préparer le dossier."), [("aide préparer".into(), "aide à préparer".into())]);
        assert_eq!(
            flagged("Il s'attend recevoir une réponse."),
            [("attend recevoir".into(), "attend à recevoir".into())]
        );
    }

    #[test]
    fn built_verbs_and_bare_infinitive_verbs_pass() {
        for sentence in [
            "Ce module permet de vérifier les signatures.",
            "Il a réussi à faire la mise à jour.",
            "Il veut partir et doit rester.",
            "Il attend venir le train.",
            "Accepter Refuser Personnaliser",
            "Il a décidé le partage des biens.",
            "Une aide financière aider les familles.",
            "Il tente sa chance et aide les autres.",
            "Il a décidé dîner tôt.",
            "Essayer maintenant.",
            "Il a choisi, pour gagner du temps, de partir.",
            "Il faut décider comment procéder.",
            "Le client a refusé l'avoir proposé par le magasin.",
            "Elle regrette l'être cher disparu.",
            "Ils ont accepté leur avoir de cinquante euros.",
            "Allez, essaie voir si ça marche.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }
}
