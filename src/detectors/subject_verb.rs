//! MT608: a French verb that is not in the person of its subject (`ils a`, `je peut`, `les
//! ministres a déclaré`).

use super::subject_shapes::{close, doubled_subject, que_for_qui, speaker_form_after_noun};
use crate::document::Joiner;
use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::{Lexicon, Tags, tag};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;
use crate::view::french::{self, PERSONS, SentenceTokens, Token};

pub struct SubjectVerb;

static META: RuleMeta = RuleMeta {
    id: "MT608",
    name: "subject-verb",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 9.0,
    fallback: false,
    summary: "A verb not in the person of its subject (`ils a`, `je peut`, `les ministres a déclaré`), or a doubled subject.",
    explanation: "\
What it flags: in a French text, a finite verb that the lexicon gives no reading in the
person of its subject: after a subject pronoun (`je`, `tu`, `il`, `elle`, `on`, `ils`,
`elles`), past the negation and object pronouns between them (`ils a`, `je peut`, `on sont`,
`ils ne le fait`); after a plural noun opening its sentence with its determiner (`Les
ministres a déclaré`); after a subject pronoun, a word that is only a past participle or an
infinitive, where a conjugated verb or an auxiliary goes (`il mangé`, `ils les regarder`);
`que` opening a relative whose verb has no subject but the noun before it (`des
serveurs que s'exécutent sur la machine`, for qui); and, right after a noun (past the
negation and object pronouns but `nous` and `vous`), a verb that is only in the first or
second person (`Des erreurs de configuration de PAM pouvez`, `La Corée ne pourras`) where
no `je`, `tu`, `nous`, `vous`, `moi` or `toi` comes before it in the sentence; and a
subject pronoun right after the noun subject it repeats, with no comma (`Le gouvernement il
a décidé`, `dont les entrées ils sont séparées`): the noun with a definite, demonstrative
or possessive determiner opening the sentence or following `dont`, then the pronoun and a
verb.

Why it matters: a translation from a language whose verbs do not change with the person
(English in most tenses, Indonesian, Chinese) has to pick each ending; a system that loses
track of the subject picks the wrong one. A French writer rarely does at these distances.

Example: `Ils a annoncé une réforme.` → flagged, suggestion `ont`.

How: the verb's readings in the French lexicon; a form with a reading in the subject's person
passes (`il aime`, `ils aiment`; `tu porte` passes, as an imperative also reads 2sg). `nous`
and `vous` are taken for subjects only where a sentence starts and before a verb of the first
or second person, as they are objects as often (`il nous a vus`, `», nous a dit le
ministre`, `nous ont donné tant` with its subject left out); `elle` and `elles` only where a clause starts (first word, after
punctuation), as they are also stressed (`Pierre et elle étaient`, `pour elle`). A first- or second-person form that is also an
imperative is judged after a noun only when its clause opens with a determiner, since an
imperative may follow a fronted complement (`Dans le menu Fichier cliquez`); forms in
`-ais` are left alone, as adjectives of origin share them (`castrais`). A doubled subject
is not one after a noun of time (`Le lendemain il partit`), before `il y a` (ago), or with
the comma of a spoken dislocation (`Le gouvernement, il a décidé`). An inverted
pronoun joined by a hyphen (`dit-il`, `a-t-elle`, `est-ce`) is judged with the verb before
it (`vient-elles`, `étais-ce` are flagged), except `nous` and `vous`, which are also objects of
an imperative (`donnez-nous`), and `tu`, also Quebec's question particle (`C'est-tu vrai ?`);
after `on` and `tu`, a verb that is also a participle passes (`on compris` is `ont compris`
misspelt). A negative imperative after a noun of time passes (`Ce soir ne sortez pas`).

Limits: only adjacent subjects, so most errors with a noun subject are not seen; collective
nouns (`la plupart ont`) are never judged; a verb that is also a noun or an adjective is
judged after a noun subject only when it is `a` or `est`.",
};

impl Detector for SubjectVerb {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !french::is_french(doc) {
            return;
        }
        for tokens in doc.french_sentence_tokens(res) {
            for i in 0..tokens.len() {
                let finding = match french::subject_person(tokens.lower(i)) {
                    Some(person) => doubled_subject(META.id, &tokens, i)
                        .or_else(|| after_pronoun(&tokens, i, person, res.french))
                        .or_else(|| inverted_subject(&tokens, i, person, res.french)),
                    None if i == 0 => after_plural_noun(&tokens, res.french),
                    // `est-ce`, `sont-ce`: either third person.
                    None if tokens.lower(i) == "ce" => inverted_subject(&tokens, i, tag::P3SG | tag::P3PL, res.french),
                    None if tokens.lower(i) == "que" => que_for_qui(META.id, &tokens, i),
                    None => speaker_form_after_noun(META.id, &tokens, i),
                };
                out.extend(finding);
            }
        }
    }
}

/// Where a clause starts: the pronoun there is its subject.
fn opens_clause(tokens: &SentenceTokens<'_>, i: usize) -> bool {
    i == 0 || tokens.at(i).follows_clause_break()
}

fn after_pronoun(tokens: &SentenceTokens<'_>, i: usize, person: u64, lexicon: &Lexicon) -> Option<Finding> {
    let pronoun = tokens.at(i);
    // `dit-il`, `a-t-elle`: inverted; `j'` is a subject only when elided.
    if pronoun.joiner == Joiner::Hyphen
        || (pronoun.lower == "j") != tokens.get(i + 1).is_some_and(|t| t.joiner == Joiner::Apostrophe)
    {
        return None;
    }
    // `nous` and `vous` are as often objects as subjects (`il nous a vus`, `et vous dit`):
    // they are taken for subjects only where a sentence starts, since after a comma they may
    // be objects before an inverted subject (`», nous a dit le ministre`) or of a verb whose
    // subject was said once for several (`je vous donnais votre dû, vous payais mieux`);
    // `elle` is also stressed (`Pierre et elle étaient`).
    let first_or_second_plural = matches!(pronoun.lower, "nous" | "vous");
    if (first_or_second_plural && i > 0) || (matches!(pronoun.lower, "elle" | "elles") && !opens_clause(tokens, i)) {
        return None;
    }
    // `Que dois je faire`, `Faut il porter`: inverted without its hyphen, after a verb in the
    // pronoun's person (`peuvent il aider` is no inversion).
    if i > 0 && tokens.lex(i - 1).tags.has(tag::FINITE) && tokens.lex(i - 1).tags.has(person) {
        return None;
    }
    // `tu` is also the participle of taire (`il s'est tu`).
    if pronoun.lower == "tu" && i > 0 && tokens.lex(i - 1).tags.has(tag::VERB) {
        return None;
    }
    let mut j = i + 1;
    while j < tokens.len() && j <= i + 4 && french::is_preverbal_clitic(tokens.lower(j)) {
        j += 1;
    }
    let verb = tokens.get(j)?;
    if !close(&verb) {
        return None;
    }
    if first_or_second_plural {
        // `Nous a-t-il vus ?`: inverted; `Nous rejoindre est facile`: an infinitive clause.
        // A verb of the third person makes them objects of a subject said before or left out
        // (`Vous tourne en ridicule` in verse, `nous ont donné tant` in speech).
        let persons = wrong_person(&verb, person)?;
        let inverted = tokens.get(j + 1).is_some_and(|next| next.joiner == Joiner::Hyphen);
        if inverted || persons & (tag::P3SG | tag::P3PL) != 0 {
            return None;
        }
    } else if let Some(finding) = non_finite_after_subject(&pronoun, &verb, person, lexicon) {
        return Some(finding);
    }
    wrong_person(&verb, person)?;
    let tags = verb.tags();
    // `on` is also `ont` misspelt and `tu` a participle: after them a participle reading
    // (`on compris`) may be the one meant.
    if matches!(pronoun.lower, "on" | "tu") && lexicon.analyses(verb.lower).any(|a| a.tags.has(tag::PAST_PARTICIPLE)) {
        return None;
    }
    // A pronoun may stand before a word of another class that is also a rare verb form
    // (`il y a plus`, `ils en vente`); those readings pass.
    if tags.has(tag::ADV | tag::PREP | tag::CONJ | tag::PRON | tag::DET | tag::NUMERAL) {
        return None;
    }
    Some(finding(&pronoun, &verb, person, lexicon))
}

/// `vient-elles`, `prendrons-elles`, `étais-ce`: a verb joined by a hyphen (with or without
/// the euphonic `-t-`) to the subject pronoun after it, in none of the pronoun's persons
/// (`persons`). An inverted pronoun is the subject, so the reading is sure; `nous` and `vous`
/// are left alone, as they are also objects of an imperative (`donnez-nous`), and so is `-tu`,
/// also Quebec's question particle (`C'est-tu vrai ?`, `Il vient-tu ?`).
fn inverted_subject(tokens: &SentenceTokens<'_>, i: usize, persons: u64, lexicon: &Lexicon) -> Option<Finding> {
    let pronoun = tokens.at(i);
    if pronoun.joiner != Joiner::Hyphen || i == 0 || matches!(pronoun.lower, "nous" | "vous" | "tu") {
        return None;
    }
    // `-il-même` or a longer compound is no inversion.
    if tokens.get(i + 1).is_some_and(|next| next.joiner == Joiner::Hyphen) {
        return None;
    }
    let mut v = i - 1;
    if tokens.lower(v) == "t" && tokens.at(v).joiner == Joiner::Hyphen {
        v = v.checked_sub(1)?;
    }
    let verb = tokens.at(v);
    let tags = verb.tags();
    // The verb must stand alone before the pronoun (not the end of a compound), be a known
    // finite form and no name (a capital only where the sentence starts).
    let named = (verb.is_capitalised() && !verb.sentence_initial) || verb.is_all_caps();
    if verb.joiner == Joiner::Hyphen || !verb.lex.known || !tags.has(tag::FINITE) || named {
        return None;
    }
    let verb_persons = tags.0 & PERSONS;
    if verb_persons == 0 || verb_persons & persons != 0 {
        return None;
    }
    if tags.has(tag::ADV | tag::PREP | tag::CONJ | tag::PRON | tag::DET | tag::NUMERAL) {
        return None;
    }
    // For `ce`, the singular is the person named and suggested.
    let person = if persons & tag::P3SG != 0 { tag::P3SG } else { persons };
    Some(finding(&pronoun, &verb, person, lexicon))
}

/// `il mangé`, `ils les regarder`: a subject pronoun followed by a verb form that is
/// only a participle or an infinitive, where a conjugated verb (or an auxiliary) goes.
fn non_finite_after_subject(pronoun: &Token<'_>, verb: &Token<'_>, person: u64, lexicon: &Lexicon) -> Option<Finding> {
    let tags = verb.tags();
    let non_finite = tags.has(tag::PAST_PARTICIPLE | tag::INFINITIVE);
    // Any finite reading, or a reading as a noun, adverb or other word class, may be the one
    // meant (`il dîner` is odd, `le dîner` is not; `elle seule`).
    let other = tag::FINITE
        | tag::NOUN
        | tag::PROPER
        | tag::ADV
        | tag::PREP
        | tag::CONJ
        | tag::PRON
        | tag::DET
        | tag::NUMERAL
        | tag::INTERJ
        | tag::OTHER;
    // `tu` is also the participle of taire; `j'` is followed by an apostrophe-joined word.
    if !verb.lex.known || !non_finite || tags.has(other) || pronoun.lower == "tu" || verb.is_capitalised() {
        return None;
    }
    let infinitive = tags.has(tag::INFINITIVE);
    // `eux attaqués, elles attaquées par d'autres`: a stressed pronoun and its participle make
    // a clause of their own.
    if !infinitive && matches!(pronoun.lower, "elle" | "elles") {
        return None;
    }
    let form = if infinitive { "infinitif" } else { "participe passé" };
    let message = format!(
        "`{}` ({form}) right after the subject `{}` ({}), where a conjugated verb goes",
        verb.text,
        pronoun.text,
        person_label(person)
    );
    let forms = lexicon.sibling_forms(
        verb.lower,
        |t| t.has(tag::INFINITIVE | tag::PAST_PARTICIPLE),
        |t| t.has(person) && t.has(tag::IND_PRESENT),
    );
    let mut finding =
        Finding::new(META.id, Severity::Warning, verb.span, message).with_related(pronoun.span, "the subject");
    if !forms.is_empty() && forms.len() <= 2 {
        finding = finding.with_suggestion(forms.join(" / "));
    }
    Some(finding)
}

/// `Les ministres a déclaré`: a plural noun with its plural determiner opening the sentence,
/// then a verb that is only singular.
fn after_plural_noun(tokens: &SentenceTokens<'_>, lexicon: &Lexicon) -> Option<Finding> {
    if tokens.len() < 3
        // Not `des`, which also means `from the` (`Des collines descend un vent froid`).
        || !matches!(tokens.lower(0), "les" | "ces" | "mes" | "tes" | "ses" | "nos" | "vos" | "leurs")
    {
        return None;
    }
    let noun = tokens.at(1);
    let noun_tags = noun.tags();
    let plural_noun = noun_tags.has(tag::NOUN)
        && noun_tags.has(tag::PLURAL)
        && !noun_tags.has(tag::SINGULAR | tag::INVARIABLE | tag::VERB | tag::PROPER | tag::ADJ)
        && !noun.is_capitalised();
    if !plural_noun || !noun.follows_closely(false) {
        return None;
    }
    let verb = tokens.at(2);
    let tags = verb.tags();
    // `a` and `est` are verbs here unless they name a letter or a compass point (`les
    // paramètres a et b`, `les quartiers est de la ville`).
    let letter_or_point = tokens.get(3).is_none_or(|next| {
        matches!(next.lower, "et" | "ou" | "de" | "du" | "des")
            || next.gap.contains([',', '-'])
            || next.text.chars().count() == 1
    });
    let plain_verb = !tags.has(tag::NOUN | tag::ADJ | tag::ADV | tag::PREP | tag::CONJ | tag::PRON | tag::DET)
        || (matches!(verb.lower, "a" | "est") && !letter_or_point);
    if !plain_verb || !close(&verb) || wrong_person(&verb, tag::P3PL).is_none() {
        return None;
    }
    let subject = Token { span: Span::new(tokens.at(0).span.start, noun.span.end), ..noun };
    Some(finding(&subject, &verb, tag::P3PL, lexicon))
}

/// The verb's persons, when it is a known finite form with persons and none is `person`.
fn wrong_person(verb: &Token<'_>, person: u64) -> Option<u64> {
    let tags = verb.tags();
    let persons = tags.0 & PERSONS;
    let finite = verb.lex.known && tags.has(tag::FINITE) && !verb.is_capitalised();
    (finite && persons != 0 && persons & person == 0).then_some(persons)
}

fn person_label(person: u64) -> &'static str {
    match person {
        tag::P1SG => "1sg",
        tag::P2SG => "2sg",
        tag::P3SG => "3sg",
        tag::P1PL => "1pl",
        tag::P2PL => "2pl",
        _ => "3pl",
    }
}

fn finding(subject: &Token<'_>, verb: &Token<'_>, person: u64, lexicon: &Lexicon) -> Finding {
    let subject_text = subject.text;
    let message = format!(
        "`{}` ({}) after the subject `{}` ({})",
        verb.text,
        Tags(verb.tags().0 & (tag::FINITE | PERSONS)).describe(),
        subject_text,
        person_label(person)
    );
    let mut finding =
        Finding::new(META.id, Severity::Warning, verb.span, message).with_related(subject.span, "the subject");
    // The same lemma and tense in the subject's person.
    let verb_tags = verb.tags().0;
    let tenses = verb_tags & tag::FINITE & !tag::IMPERATIVE;
    let forms = lexicon.sibling_forms(
        verb.lower,
        |t| t.has(tag::FINITE),
        |t| t.has(person) && t.0 & tenses != 0 && !t.has(tag::IMPERATIVE),
    );
    if !forms.is_empty() && forms.len() <= 2 {
        finding = finding.with_suggestion(forms.join(" / "));
    }
    finding
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, flagged_in_french, in_french_frame};

    fn flagged(sentence: &str) -> Vec<(String, String)> {
        flagged_in_french(&SubjectVerb, sentence)
    }

    #[test]
    fn a_verb_in_another_person_than_its_pronoun_is_flagged() {
        assert_eq!(flagged("Ils a annoncé une réforme."), [("a".into(), "ont".into())]);
        assert_eq!(flagged("Je peut venir demain."), [("peut".into(), "peux / puis".into())]);
        assert_eq!(flagged("Ensuite on sont partis."), [("sont".into(), "est".into())]);
        assert_eq!(flagged("Ils ne le fait pas."), [("fait".into(), "font".into())]);
        assert_eq!(flagged("Nous arriverez demain."), [("arriverez".into(), "arriverons".into())]);
        assert_eq!(flagged("Vous travaillons ensemble."), [("travaillons".into(), "travaillez".into())]);
    }

    #[test]
    fn an_inverted_pronoun_in_another_person_than_its_verb_is_flagged() {
        assert_eq!(flagged("Vient-elles demain ?"), [("Vient".into(), "viennent".into())]);
        assert_eq!(flagged("Quand prendrons-elles le train ?"), [("prendrons".into(), "prendront".into())]);
        assert_eq!(flagged("Où étais-ce donc ?"), [("étais".into(), "était".into())]);
        assert_eq!(flagged("Demain viendront-t-il ?"), [("viendront".into(), "viendra".into())]);
        for sentence in [
            "Que fait-il ? Ainsi dit-elle. A-t-il fini ? Puis-je entrer ?",
            "Donnez-nous la liste et rendez-vous demain. Prends-le, va-t'en.",
            "Est-ce vrai ? Sont-ce eux ? Dussé-je en souffrir, viendra-t-on ?",
            "Peut-être viendront-ils demain, peut-être pas.",
            "C'est-tu vrai ? Il vient-tu ? On peut-tu y aller ?",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_participle_or_infinitive_right_after_a_pronoun_is_flagged() {
        assert_eq!(flagged("Hier il mangé une pomme."), [("mangé".into(), "mange".into())]);
        assert_eq!(flagged("Ensuite ils les regarder partir."), [("regarder".into(), "regardent".into())]);
    }

    #[test]
    fn que_for_the_subject_of_a_relative_is_flagged() {
        assert_eq!(
            flagged("Il faut arrêter les serveurs que s’exécutent sur la machine."),
            [("que".into(), "qui".into())]
        );
        for sentence in [
            "Voici les tâches que s’assignent les équipes.",
            "Il ignore ce que veut dire ce mot.",
            "Il relit le livre que lit Paul.",
            "Les serveurs que nous avons arrêtés redémarrent.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_singular_verb_after_a_plural_noun_subject_is_flagged() {
        assert_eq!(flagged("Les ministres a déclaré la fin de la grève."), [("a".into(), "ont".into())]);
    }

    #[test]
    fn a_pronoun_repeating_the_noun_subject_is_flagged() {
        assert_eq!(flagged("Le gouvernement il a décidé de baisser les impôts."), [("il".into(), "".into())]);
        assert_eq!(
            flagged("Voici les fichiers dont les entrées ils sont séparées par des virgules."),
            [("ils".into(), "".into())]
        );
        for sentence in [
            "Le gouvernement, il a décidé de baisser les impôts.",
            "Le lendemain il partit pour Lyon.",
            "Cette année elle a gagné.",
            "Pourquoi le gouvernement a-t-il décidé cela ?",
            "Des fois il pleut.",
            "Dans la maison il fait froid.",
            "Ce prédateur réintroduit il y a 30 ans.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_verb_of_the_speaker_or_the_addressed_right_after_a_noun_is_flagged() {
        let text = in_french_frame("Des erreurs de configuration de PAM pouvez bloquer le système.");
        let found = findings(&SubjectVerb, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&text), "pouvez");
        assert_eq!(
            found[0].message,
            "`pouvez` (indicatif présent 2pl) right after the noun `PAM`, with no `je`, `tu`, `nous` or `vous` before it to be its subject"
        );
        assert_eq!(found[0].suggestion, None);
        assert_eq!(flagged("La Corée ne pourras pas gagner."), [("pourras".into(), String::new())]);
        assert_eq!(flagged("Le chien y viens souvent."), [("viens".into(), String::new())]);
        for sentence in [
            "Le matin nous partons et le soir vous rentrez.",
            "Ce soir ne sortez pas. La prochaine fois ne manquez pas notre émission.",
            "Cette fois ne perdons pas de temps. Cette année ne les oubliez pas.",
            "Vous, les membres du comité, pouvez voter.",
            "Mon frère et moi sommes partis tôt.",
            "Dans le menu Fichier cliquez sur Ouvrir.",
            "Et dans la galerie allons faire deux tours.",
            "Que ces paramètres pouvez-vous changer ?",
            "L'entraîneur castrais a gagné.",
            "Mais sois prudent.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn objects_inversions_and_agreeing_verbs_pass() {
        for sentence in [
            "Il nous fait confiance et ils aiment la ville.",
            "Que fait-il ? Ainsi dit-elle.",
            "Pour elle est venu le temps des choix.",
            "Il s'est tu avant la fin.",
            "Les enfants jouent dehors.",
            "La plupart ont voté contre.",
            "Nous nous sommes levés et vous avez dansé.",
            "« C'est fini », nous a dit le ministre.",
            "Nous a-t-il vus ? Il nous a vus et nous a suivis.",
            "Vous tourne en ridicule auprès de bien des gens.",
            "Pierre et elle étaient fiancés, et nous ont rejoint ceux qui voulaient.",
            "Les écrivaines Marie Dupont et Anne Martin sont venues.",
            "Les paramètres a et b sont entiers.",
            "Les quartiers est de la ville ont été bombardés.",
            "Des collines descend un vent froid.",
            "Il y a plus de monde.",
            "Elle seule le sait, et il s'est tu.",
            "Lui parti, elle, blessée, resta seule.",
            "Eux attaqués par les uns, elles attaquées par les autres.",
            "Que dois je faire ? Faut il porter un masque ?",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }
}
