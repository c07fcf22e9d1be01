//! The sentence shapes MT608 reads a subject from without a subject pronoun before the verb:
//! `que` where the relative needs `qui`, a verb of the speaker after a noun (past the negation
//! and object pronouns), and a pronoun that repeats the noun subject. Each check returns a
//! finding of the rule that calls it.

use super::noun_phrase::determiner;
use crate::document::Joiner;
use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::{Lexicon, Tags, tag};
use crate::view::french::{self, PERSONS, SentenceTokens, Token, capitalise_like, subject_person};

/// `des serveurs que s'exécutent sur la machine`: `que` after a noun, then (past `ne` and a
/// reflexive) a verb of the third person agreeing with that noun, and no subject after the
/// verb: the relative's subject is the noun, which takes `qui`. A determiner, a name, a
/// pronoun or an infinitive after the verb may be its inverted subject or its complement
/// (`les tâches que s'assignent les équipes`, `ce que veut dire ce mot`) and is left alone.
pub fn que_for_qui(rule: &'static str, tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    if i == 0 {
        return None;
    }
    let noun = tokens.at(i - 1);
    let noun_tags = noun.tags();
    let number = if noun_tags.has(tag::PLURAL) && !noun_tags.has(tag::SINGULAR | tag::INVARIABLE) {
        tag::P3PL
    } else if noun_tags.has(tag::SINGULAR) && !noun_tags.has(tag::PLURAL | tag::INVARIABLE) {
        tag::P3SG
    } else {
        return None;
    };
    let plain_noun = noun_tags.has(tag::NOUN)
        && !noun_tags.has(tag::VERB | tag::ADJ | tag::PRON | tag::ADV | tag::PREP | tag::PROPER)
        && !noun.is_capitalised()
        && i >= 2
        && french::is_determiner(tokens.lower(i - 2));
    if !plain_noun || !tokens.at(i).follows_closely(false) {
        return None;
    }
    let mut j = i + 1;
    while j < tokens.len() && j <= i + 2 && matches!(tokens.lower(j), "ne" | "n" | "se" | "s") {
        j += 1;
    }
    let verb = tokens.get(j)?;
    let tags = verb.tags();
    let finite_only = verb.lex.known
        && tags.has(tag::FINITE)
        && tags.has(number)
        && !tags.has(tag::NOUN | tag::ADJ | tag::ADV | tag::PREP | tag::PRON | tag::DET | tag::CONJ | tag::INFINITIVE);
    if !finite_only || !close(&verb) || verb.is_capitalised() {
        return None;
    }
    // What follows: the end, punctuation or a preposition; anything else may be the subject,
    // unless a plural determiner follows a singular verb (`un fichier que contient les lignes`:
    // `les lignes` is no subject of `contient`). A singular determiner after a plural verb may
    // open a coordinated subject (`que requièrent son entretien et son exploitation`).
    let subjectless = match tokens.get(j + 1) {
        None => true,
        Some(next) => {
            next.follows_clause_break()
                || next.gap.contains(['.', '!', '?', ')'])
                || (next.tags().has(tag::PREP) && !next.tags().has(tag::DET | tag::PRON) && !next.is_capitalised())
                || (number == tag::P3SG && !tags.has(tag::P3PL) && plural_object_after(tokens, j))
        }
    };
    if !subjectless {
        return None;
    }
    let que = tokens.at(i);
    let message = format!(
        "`{} {} … {}`: the verb has no subject after `que`; a relative whose subject is `{}` opens with `qui`",
        noun.text, que.text, verb.text, noun.text
    );
    Some(
        Finding::new(rule, Severity::Warning, que.span, message)
            .with_suggestion(capitalise_like(que.text, "qui"))
            .with_related(verb.span, "the verb"),
    )
}

/// `un mécanisme qu'est utilisé par la bibliothèque`: `que`, a form of être, and a participle or
/// adjective (past adverbs in `-ment`), then the end of the clause, an adverb or a preposition:
/// no subject follows to be inverted (`ce qu'est devenu le projet` has one), so the relative's
/// subject is the word before `que`, which takes `qui`.
pub fn que_before_passive(
    rule: &'static str,
    tokens: &SentenceTokens<'_>,
    i: usize,
    lexicon: &Lexicon,
) -> Option<Finding> {
    // A relative: a noun or an adjective right before `que` (not `tel`, nor a verb that takes
    // a clause, `il demande que soit rétabli`), and no cleft before it (`C'est dans cette ville
    // qu'est enterré depuis 1821 l'empereur`).
    let before = tokens.at(i.checked_sub(1)?);
    let before_tags = before.tags();
    let relative = before_tags.has(tag::NOUN | tag::ADJ)
        && !before_tags.has(tag::FINITE | tag::ADV | tag::PREP | tag::CONJ | tag::PRON | tag::DET | tag::NUMERAL)
        && !before.is_capitalised()
        && !matches!(before.lower, "tel" | "telle" | "tels" | "telles");
    let cleft =
        (1..i).any(|k| matches!(tokens.lower(k - 1), "c" | "ce") && french::is_etre_finite(&tokens.at(k), lexicon));
    if !relative || cleft {
        return None;
    }
    let verb = tokens.get(i + 1)?;
    // Indicative or conditional: a subjunctive is as often a clause after a noun of will, with
    // its subject after it (`l'exigence que soient libérés tous les otages`).
    if !close(&verb)
        || verb.is_capitalised()
        || !french::is_etre_finite(&verb, lexicon)
        || !verb.tags().has(tag::P3SG | tag::P3PL)
        || verb.tags().has(tag::SUBJUNCTIVE)
    {
        return None;
    }
    let mut k = i + 2;
    while k < tokens.len() && tokens.lower(k).ends_with("ment") && tokens.at(k).tags().has(tag::ADV) {
        k += 1;
    }
    let attribute = tokens.get(k)?;
    let tags = attribute.tags();
    // After a form of être, a participle that is also a conjugated form is the participle
    // (`est décrit`).
    let describes = tags.has(tag::PAST_PARTICIPLE | tag::ADJ)
        && !tags.has(tag::NOUN | tag::DET | tag::PRON | tag::PREP | tag::ADV | tag::INFINITIVE)
        && (tags.has(tag::PAST_PARTICIPLE) || !tags.has(tag::FINITE));
    // `l'homme qu'est devenu mon fils`: `que` is the attribute of a verb of state.
    let copula = lexicon
        .analyses(attribute.lower)
        .any(|a| a.tags.has(tag::PAST_PARTICIPLE) && COPULA_PARTICIPLES.contains(&lexicon.lemma(a.lemma)));
    if !describes || copula || !attribute.follows_closely(false) || attribute.is_capitalised() {
        return None;
    }
    let subjectless = match tokens.get(k + 1) {
        None => true,
        // `que fut conçue « la Bourbonnaise »`: a quoted subject.
        Some(next) if next.gap.contains(['«', '“', '"', '„']) => false,
        Some(next) => {
            next.follows_clause_break()
                || next.gap.contains(['.', '!', '?', ')', ',', ';', ':'])
                || (next.tags().has(tag::PREP | tag::ADV)
                    && !next.tags().has(tag::DET | tag::PRON | tag::NOUN)
                    && !next.is_capitalised())
        }
    };
    if !subjectless {
        return None;
    }
    let que = tokens.at(i);
    let message = format!(
        "`{} {} {}`: nothing after the verb can be its subject; a relative whose subject comes before it opens with `qui`",
        que.text, verb.text, attribute.text
    );
    Some(
        Finding::new(rule, Severity::Warning, que.span, message)
            .with_suggestion(capitalise_like(que.text, "qui"))
            .with_related(verb.span, "the verb"),
    )
}

/// Verbs of state whose participle after être takes `que` as its attribute (`l'homme qu'est
/// devenu mon fils`).
const COPULA_PARTICIPLES: &[&str] = &["devenir", "redevenir", "rester", "demeurer"];

/// Whether `lower` is a determiner only of the plural (`les`, `ces`, `plusieurs`); not `des`,
/// which is also `de` + `les` (`le soutien que reçoit des ONG le gouvernement`).
fn plural_determiner(lower: &str) -> bool {
    matches!(lower, "les" | "ces" | "ses" | "leurs" | "mes" | "tes" | "nos" | "vos" | "plusieurs")
}

/// `un fichier que contient les lignes`: a plural determiner after the singular verb at `j`,
/// whose noun is no noun of time (`le film que propose ces jours-ci la chaîne`), with no
/// singular determiner after it in the clause that could open the inverted subject.
fn plural_object_after(tokens: &SentenceTokens<'_>, j: usize) -> bool {
    if j + 2 >= tokens.len() || !plural_determiner(tokens.lower(j + 1)) || is_time_noun_form(tokens.lower(j + 2)) {
        return false;
    }
    let singular = |lower: &str| {
        matches!(
            lower,
            "le" | "la" | "l" | "un" | "une" | "ce" | "cet" | "cette" | "son" | "sa" | "mon" | "ma" | "leur"
        )
    };
    !(j + 2..tokens.len())
        .take_while(|&k| k == j + 2 || !tokens.at(k).gap.contains([',', ';', ':']))
        .any(|k| singular(tokens.lower(k)))
}

/// The readings that make a word more than a finite verb: a form with any of them is not
/// judged as one.
const NOT_ONLY_A_FINITE_VERB: u64 = tag::NOUN
    | tag::PROPER
    | tag::ADJ
    | tag::ADV
    | tag::PREP
    | tag::CONJ
    | tag::PRON
    | tag::DET
    | tag::NUMERAL
    | tag::INTERJ
    | tag::PAST_PARTICIPLE
    | tag::INFINITIVE;

/// The persons of the speaker and the addressed: a verb only in these needs `je`, `tu`, `nous`
/// or `vous` (or `moi`, `toi` in a coordinated subject) as its subject.
const SPEAKER_PERSONS: u64 = tag::P1SG | tag::P2SG | tag::P1PL | tag::P2PL;

/// `Des erreurs de configuration pouvez bloquer`, `La Corée ne pourras`: after a noun (past
/// the negation and object pronouns), a verb whose every reading is in the first or second
/// person, in a sentence with no pronoun that could be its
/// subject before it. A noun is a third person; a system that lost the subject copied the
/// ending of another clause.
pub fn speaker_form_after_noun(rule: &'static str, tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    if i == 0 || i + 1 >= tokens.len() {
        return None;
    }
    // Every word comes here: its reading decides before its token is made.
    let tags = tokens.lex(i).tags;
    let persons = tags.0 & PERSONS;
    if persons == 0 || persons & !SPEAKER_PERSONS != 0 {
        return None;
    }
    let verb = tokens.at(i);
    let other_class = NOT_ONLY_A_FINITE_VERB;
    if persons == 0
        || persons & !SPEAKER_PERSONS != 0
        || !verb.lex.known
        || !tags.has(tag::FINITE)
        || tags.has(other_class)
        || verb.is_capitalised()
        || !verb.follows_closely(false)
        // `-ais` is also the ending of adjectives of origin the lexicon may lack (`l'entraîneur
        // castrais`), which read as an imperfect of the speaker.
        || verb.lower.ends_with("ais")
    {
        return None;
    }
    // The negation and object pronouns may stand between the noun and its verb (`La Corée ne
    // pourras`, `Le chien y viens`); `nous` and `vous` never, being subjects as often.
    let mut n = i - 1;
    while n > 0
        && french::is_preverbal_clitic(tokens.lower(n))
        && !matches!(tokens.lower(n), "nous" | "vous")
        && tokens.at(n).follows_closely(false)
    {
        n -= 1;
    }
    let noun = tokens.at(n);
    let noun_tags = noun.tags();
    // A capitalised word the lexicon lacks is a name or an acronym (`de PAM pouvez`).
    let is_noun = (noun_tags.has(tag::NOUN | tag::PROPER) || (!noun.lex.known && noun.is_capitalised()))
        && !noun_tags.has(tag::VERB | tag::PRON | tag::ADV | tag::PREP | tag::CONJ | tag::DET);
    if !is_noun || noun.sentence_initial {
        return None;
    }
    // A form that is also an imperative may open its clause after a fronted complement (`Dans
    // le menu Fichier cliquez`, `Et dans la galerie allons`): judged only when the clause
    // opens with a determiner, as a noun subject does, and never after `ne`, which a negative
    // imperative opens with (`Ce soir ne sortez pas`).
    if tags.has(tag::IMPERATIVE) && (n + 1..i).any(|k| matches!(tokens.lower(k), "ne" | "n")) {
        return None;
    }
    if tags.has(tag::IMPERATIVE) {
        let start = (1..i).rev().find(|&k| tokens.at(k).follows_clause_break()).unwrap_or(0);
        if !french::is_determiner(tokens.lower(start)) {
            return None;
        }
    }
    // `pouvez-vous`, `pouvez vous`: an inverted subject follows.
    let next = tokens.at(i + 1);
    if next.joiner == Joiner::Hyphen || subject_person(next.lower).is_some() {
        return None;
    }
    // Any pronoun of the speaker or the addressed before it may be its subject, however far
    // (`vous, les membres du comité, pouvez`; `Pierre et moi sommes`).
    if (0..i).any(|k| matches!(tokens.lower(k), "je" | "j" | "tu" | "toi" | "moi" | "nous" | "vous")) {
        return None;
    }
    // No suggestion: the noun before may be a complement of the subject (`Des erreurs de
    // configuration de PAM`), so which third person is meant is not sure.
    let message = format!(
        "`{}` ({}) right after the noun `{}`, with no `je`, `tu`, `nous` or `vous` before it to be its subject",
        verb.text,
        Tags(tags.0 & (tag::FINITE | PERSONS)).describe(),
        noun.text
    );
    Some(Finding::new(rule, Severity::Warning, verb.span, message).with_related(noun.span, "a noun, third person"))
}

/// `Par exemple, devrez ajouter ces entrées`, `parce que pourriez vouloir`: a verb whose every
/// reading is in the first or second person plural and none an imperative (a future, a conditional,
/// a past), with no pronoun of the speaker or the addressed before it in the sentence (or right
/// after a conjunction or a relative pronoun, whatever comes before) nor an inverted one after
/// it. Spanish, Italian and Portuguese leave the subject pronoun out; French
/// never does but in the imperative.
pub fn speaker_form_without_subject(rule: &'static str, tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    let tags = tokens.lex(i).tags;
    let persons = tags.0 & PERSONS;
    // Only `nous` and `vous` forms: a form of `je` or `tu` in `-es`, `-is`, `-s` is also a word
    // of another language (`patches`, `states`) or a misspelt third person.
    if persons == 0 || persons & !(tag::P1PL | tag::P2PL) != 0 || !tags.has(tag::FINITE) {
        return None;
    }
    // `voulez` and `voulons` are imperatives only in old set phrases (`veuillez` is the
    // imperative of request): before an infinitive they need their subject (`voulez consulter`).
    let old_imperative = matches!(tokens.lower(i), "voulez" | "voulons")
        && tokens.get(i + 1).is_some_and(|next| next.tags().has(tag::INFINITIVE));
    // Right after a conjunction or a relative pronoun (past `ne`), the clause opens with no
    // subject of its own: one earlier in the sentence is another clause's (`Vous lirez la
    // documentation du logiciel qu'utiliserez`), and no imperative follows them (`une
    // imprimante que ne soyez pas`).
    let mut opener = i;
    while opener > 0 && matches!(tokens.lower(opener - 1), "ne" | "n") {
        opener -= 1;
    }
    // Nothing but `ne` between them, with no punctuation (`Mais si, venez !`, `le problème que,
    // soyons clairs, nous avons`).
    let attached = (opener..=i).all(|k| close(&tokens.at(k)));
    let after_conjunction = opener > 0
        && attached
        && matches!(
            tokens.lower(opener - 1),
            "que" | "qu" | "lorsque" | "lorsqu" | "quand" | "puisque" | "puisqu" | "si" | "dont" | "où"
        );
    if tags.has(tag::IMPERATIVE) && !old_imperative && !after_conjunction {
        return None;
    }
    let other_class = NOT_ONLY_A_FINITE_VERB | tag::PRESENT_PARTICIPLE;
    let verb = tokens.at(i);
    // `-ais` is also the ending of adjectives of origin the lexicon may lack (`castrais`). A
    // capital counts only where the sentence starts (`Voulez consulter la page`).
    // At the start of a sentence only `voulez` (`Voulez consulter`): telegraphic mail drops
    // its `nous` (`Avons bien reçu votre message`).
    let capitalised = verb.is_capitalised() && !(verb.sentence_initial && old_imperative);
    if !verb.lex.known || tags.has(other_class) || capitalised || verb.lower.ends_with("ais") {
        return None;
    }
    // `pourriez vous`, `devrez-vous`: an inverted subject, with or without its hyphen.
    if tokens.get(i + 1).is_some_and(|next| next.joiner == Joiner::Hyphen || subject_person(next.lower).is_some()) {
        return None;
    }
    // Any pronoun of the speaker or the addressed before it may be its subject, however far,
    // unless it is the subject of a clause of condition or time that a comma closes before the
    // verb (`Si vous le souhaitez, pouvez utiliser`): the main clause needs its own.
    let speaker =
        (0..i).rev().find(|&k| matches!(tokens.lower(k), "je" | "j" | "tu" | "toi" | "moi" | "nous" | "vous"));
    if let Some(k) = speaker.filter(|_| !after_conjunction) {
        let subordinate =
            k > 0 && matches!(tokens.lower(k - 1), "si" | "s" | "lorsque" | "lorsqu" | "quand" | "puisque" | "puisqu");
        // The verb's clause runs to the end of the sentence: a later clause may have the
        // subject, the verb being one more of the subordinate clause (`Si vous êtes salarié,
        // avez cinquante ans et êtes malade, contactez-nous`).
        let closed = verb.gap.contains(',')
            && (k + 1..i).all(|m| !tokens.at(m).gap.contains([',', ';', ':']))
            && (i + 1..tokens.len()).all(|m| !tokens.at(m).gap.contains([',', ';', ':']));
        if !(subordinate && closed)
            || (0..k).any(|m| matches!(tokens.lower(m), "je" | "j" | "tu" | "toi" | "moi" | "nous" | "vous"))
        {
            return None;
        }
    }
    let message = format!(
        "`{}` ({}) with no subject: no `je`, `tu`, `nous` or `vous` before it, and it is no imperative",
        verb.text,
        Tags(tags.0 & (tag::FINITE | PERSONS)).describe(),
    );
    Some(Finding::new(rule, Severity::Warning, verb.span, message))
}

/// Whether a noun is one of time, which with its determiner opens a sentence as an adverbial
/// before the real subject (`Le lendemain il partit`, `Cette année ont eu lieu`).
pub fn is_time_noun(lower: &str) -> bool {
    TIME_NOUNS.contains(&lower)
}

/// Nouns of time: with their determiner they open a sentence as an adverbial, before the
/// real subject (`Le lendemain il partit`, `Cette année elle a gagné`).
const TIME_NOUNS: &[&str] = &[
    "an",
    "ans",
    "année",
    "années",
    "après-midi",
    "automne",
    "décennie",
    "fois",
    "hiver",
    "heure",
    "jeudi",
    "lundi",
    "mardi",
    "mercredi",
    "samedi",
    "semestre",
    "trimestre",
    "vendredi",
    "dimanche",
    "heures",
    "instant",
    "jour",
    "jours",
    "lendemain",
    "matin",
    "matinée",
    "midi",
    "minute",
    "minutes",
    "mois",
    "moment",
    "nuit",
    "printemps",
    "saison",
    "semaine",
    "semaines",
    "siècle",
    "soir",
    "soirée",
    "temps",
    "veille",
    "week-end",
    "été",
];

/// `Le gouvernement il a décidé`, `dont les entrées ils sont séparées`: a noun subject with
/// its determiner, opening the sentence (or after `dont`), then at once a subject pronoun
/// that repeats it, with no comma of a spoken dislocation between them.
pub fn doubled_subject(rule: &'static str, tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    if !matches!(tokens.lower(i), "il" | "elle" | "ils" | "elles") || i < 2 || i + 1 >= tokens.len() {
        return None;
    }
    let pronoun = tokens.at(i);
    // `il y a` is also `ago` (`Ce prédateur réintroduit il y a 30 ans`).
    if !pronoun.follows_closely(false) || tokens.lower(i + 1) == "y" {
        return None;
    }
    // Most pronouns follow no noun phrase: the word before ends one or the search stops.
    let before = tokens.at(i - 1);
    if !(before.tags().has(tag::NOUN | tag::ADJ | tag::PAST_PARTICIPLE) || before.is_capitalised()) {
        return None;
    }
    let phrase = (0..i).rev().take(MAX_PHRASE_WORDS).find_map(|start| subject_phrase(tokens, start, i))?;
    let (phrase_at, noun_at) = (phrase.start, phrase.head);
    let noun = tokens.at(noun_at);
    // The pronoun takes the noun's number (`La plupart des gens il a signé`: `il` is another
    // subject), and the determiner's (`Les bras croisés il attendait`); and its gender, as a
    // fronted object of another gender may stand without a pronoun (`La cuisine de ma mère il
    // adore`).
    let plural = matches!(pronoun.lower, "ils" | "elles");
    let number = if plural { tag::PLURAL } else { tag::SINGULAR };
    let gender = if matches!(pronoun.lower, "il" | "ils") { tag::MASCULINE } else { tag::FEMININE };
    let noun_tags = noun.tags();
    let other_gender = tag::MASCULINE ^ tag::FEMININE ^ gender;
    let noun_of_other_gender = noun_tags.has(other_gender) && !noun_tags.has(gender | tag::EPICENE);
    let other_gender_phrase = phrase.gender.is_some_and(|g| g != gender) || noun_of_other_gender;
    if !noun_tags.has(number | tag::INVARIABLE) || phrase.number.is_some_and(|n| n != number) {
        return None;
    }
    // A verb follows, possibly after the negation or object pronouns.
    let mut j = i + 1;
    while j < tokens.len() && j <= i + 4 && french::is_preverbal_clitic(tokens.lower(j)) {
        j += 1;
    }
    let verb = tokens.get(j)?;
    if !verb.tags().has(tag::FINITE) || verb.joiner == Joiner::Hyphen || !close(&verb) {
        return None;
    }
    // `Des traducteurs ils en connaissent`, `Le vin il le boit`: a phrase before an object
    // pronoun may be the object, set before the subject.
    // A pronoun of the other gender may have a fronted object before it, with no pronoun
    // left for it (`La cuisine de ma mère il adore.`, `Le chocolat noir elle a adoré.`): it
    // repeats the phrase only before être, which takes no object, or when something follows
    // the verb (and its participle) in the clause.
    let etre = matches!(verb.lower, "est" | "sont" | "était" | "étaient" | "sera" | "seront" | "serait" | "seraient");
    if other_gender_phrase && !etre {
        let mut after = j + 1;
        if tokens.get(after).is_some_and(|t| t.tags().has(tag::PAST_PARTICIPLE)) {
            after += 1;
        }
        if tokens
            .get(after)
            .is_none_or(|t| t.follows_clause_break() || t.gap.contains(['.', '!', '?', ',', ';', ':', ')']))
        {
            return None;
        }
    }
    // `Le clair de lune il adore le regarder`: the object pronoun of an infinitive after it.
    let later_object = (j + 1..(j + 4).min(tokens.len().saturating_sub(1)))
        .any(|k| is_object_clitic(tokens.lower(k)) && tokens.at(k + 1).tags().has(tag::INFINITIVE));
    if (i + 1..j).any(|k| is_object_clitic(tokens.lower(k))) || later_object {
        return None;
    }
    // `Le fils du maire il est vrai qu'il exagère`: `il est` + adjective + `que` or `de` is
    // impersonal.
    if pronoun.lower == "il"
        && matches!(verb.lower, "est" | "était" | "sera" | "serait" | "fut")
        && tokens.get(j + 1).is_some_and(|t| t.tags().has(tag::ADJ))
        && tokens.get(j + 2).is_some_and(|t| matches!(t.lower, "que" | "qu" | "de" | "d"))
    {
        return None;
    }
    // `Le cas échéant il faudra`, `le problème il s'agit de`: an impersonal `il` after a topic.
    if pronoun.lower == "il" && IMPERSONAL_FORMS.contains(&verb.lower) {
        return None;
    }
    let subject = Span::new(tokens.at(phrase_at).span.start, tokens.at(i - 1).span.end);
    let message = format!(
        "`{}` repeats the subject `{}` right after it, with no comma: a doubled subject",
        pronoun.text,
        tokens.phrase(phrase_at, i - 1)
    );
    Some(Finding::new(rule, Severity::Warning, pronoun.span, message).with_related(subject, "the subject"))
}

/// The most words a subject phrase before a doubled pronoun is looked for in.
const MAX_PHRASE_WORDS: usize = 10;

/// A noun phrase that a subject pronoun right after it may repeat.
struct SubjectPhrase {
    start: usize,
    /// The head noun, whose number the pronoun takes.
    head: usize,
    /// The number and gender the determiner shows, if it shows them.
    number: Option<u64>,
    gender: Option<u64>,
}

/// The noun phrase from `start` to the word before `end`, when it is one a subject pronoun
/// can repeat and it opens its clause: a determiner, or a quantity with `de` (`la plupart des`,
/// `beaucoup de`), perhaps an adjective, the head noun, then adjectives and complements with
/// `de` (`les paquets de développement`, `le service de téléchargement de SourceForge`).
fn subject_phrase(tokens: &SentenceTokens<'_>, start: usize, end: usize) -> Option<SubjectPhrase> {
    let is_quantity = |lower: &str| matches!(lower, "plupart" | "beaucoup" | "nombre" | "majorité" | "peu" | "trop");
    let first = tokens.lower(start);
    let mut k = start;
    // `la plupart`, `la majorité`, `bon nombre`: the quantity's own determiner.
    if matches!(first, "la" | "bon" | "un") && start + 1 < end && is_quantity(tokens.lower(start + 1)) {
        k += 1;
    }
    let mut indefinite = false;
    let quantity = is_quantity(tokens.lower(k));
    if quantity {
        if k + 1 >= end || !matches!(tokens.lower(k + 1), "des" | "de" | "d") {
            return None;
        }
        k += 2;
    } else if is_subject_determiner(first) {
        k += 1;
    } else if matches!(first, "un" | "une" | "des") {
        indefinite = true;
        k += 1;
    } else {
        return None;
    }
    // Every word after the first is attached to the one before it: no punctuation inside.
    if !(start + 1..end).all(|w| tokens.attached(w)) {
        return None;
    }
    // After a determiner or `de`, a noun that is also a verb form is the noun (`la charge`,
    // `de touches`).
    let plain_noun = |w: usize| {
        let tags = tokens.lex(w).tags;
        tags.has(tag::NOUN) && !tags.has(tag::PRON | tag::ADV | tag::PREP | tag::CONJ)
    };
    let adjective = |w: usize| {
        let tags = tokens.lex(w).tags;
        tags.has(tag::ADJ | tag::PAST_PARTICIPLE)
            && !tags.has(tag::FINITE | tag::PRON | tag::ADV | tag::PREP | tag::CONJ | tag::DET)
    };
    // One adjective before the head (`les autres documents`, `certains grands projets`); one
    // that is also a noun only before a word that is no adjective (`les autres documents`, but
    // `les paquets binaires`).
    let before_head = |w: usize| {
        let (tags, next) = (tokens.lex(w).tags, tokens.lex(w + 1).tags);
        tags.has(tag::ADJ)
            && !tags.has(tag::FINITE | tag::ADV | tag::PREP | tag::CONJ)
            && !(tags.has(tag::NOUN) && next.has(tag::ADJ))
    };
    if k + 1 < end && before_head(k) && plain_noun(k + 1) {
        k += 1;
    }
    let head = k;
    if head >= end {
        return None;
    }
    let head_token = tokens.at(head);
    // `Le reste du temps il travaille`, `La moitié du temps il dort`: a part of a span of time
    // opens the sentence as an adverbial.
    let part_of_time = matches!(
        head_token.lower,
        "reste"
            | "restant"
            | "moitié"
            | "partie"
            | "espace"
            | "totalité"
            | "fin"
            | "début"
            | "milieu"
            | "bout"
            | "fil"
            | "long"
            | "courant"
    );
    if !plain_noun(head) || head_token.is_capitalised() || is_time_noun_form(head_token.lower) || part_of_time {
        return None;
    }
    k += 1;
    let (mut adjectives, mut complements) = (0, 0);
    while k < end {
        // `Le travail terminé il rentre`, `Les bras croisés il attendait`: a participle after
        // the head makes an absolute phrase.
        if adjective(k) && adjectives < 2 && complements == 0 && tokens.at(k).tags().has(tag::PAST_PARTICIPLE) {
            return None;
        }
        if adjective(k) && adjectives < 2 {
            adjectives += 1;
            k += 1;
        } else if matches!(tokens.lower(k), "de" | "d" | "du" | "des") && complements < 2 {
            // `Le front couvert de sueur`, `La voix pleine de larmes`: after an adjective, `de`
            // opens the adjective's complement, in an absolute phrase.
            if adjective(k - 1) && k - 1 != head {
                return None;
            }
            // A complement: `de` (with its determiner) and a noun or a name.
            complements += 1;
            k += 1;
            if k < end && matches!(tokens.lower(k - 1), "de" | "d") && is_complement_determiner(tokens.lower(k)) {
                k += 1;
            }
            if k + 1 < end && before_head(k) && plain_noun(k + 1) {
                k += 1;
            }
            if k >= end || !(plain_noun(k) || tokens.at(k).is_capitalised()) || is_time_noun_form(tokens.lower(k)) {
                return None;
            }
            k += 1;
        } else {
            return None;
        }
    }
    // Where the phrase opens: the sentence, or a clause after a subordinating conjunction, a
    // comma or `dont` (`si le paquet il doit`, `, les serveurs ils sont`); not after an opening
    // quotation mark, as quoted speech dislocates (`« les enfants ils sont partis »`). Inside
    // the sentence a noun and its adjective may be an absolute phrase (`Mais le cœur léger elle
    // est repartie`): a phrase with an adjective after its head opens only the sentence or a
    // clause of a subordinating conjunction, and an indefinite one only such a clause.
    let opening = tokens.at(start);
    if opening.gap.contains(['«', '“', '"', '„']) {
        return None;
    }
    let after_conjunction = start > 0
        && matches!(
            tokens.lower(start - 1),
            "dont" | "si" | "que" | "qu" | "quand" | "lorsque" | "lorsqu" | "puisque" | "puisqu"
        );
    let after_break = start > 0
        && (opening.gap.contains([',', ';', ':', '(', '—', '–'])
            || matches!(tokens.lower(start - 1), "car" | "où" | "mais" | "donc" | "alors"));
    let opens = match (indefinite, adjectives > 0) {
        (true, _) => after_conjunction,
        (false, true) => start == 0 || after_conjunction,
        (false, false) => start == 0 || after_conjunction || after_break,
    };
    // `la plupart des`, `bon nombre de`: the quantity's determiner shows nothing of the noun.
    let (number, gender) = if quantity { (None, None) } else { determiner_agreement(first) };
    opens.then_some(SubjectPhrase { start, head, number, gender })
}

/// Determiners of a subject phrase: definite, demonstrative, possessive, `plusieurs`,
/// `certains`.
fn is_subject_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "le" | "la"
            | "l"
            | "les"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "notre"
            | "nos"
            | "votre"
            | "vos"
            | "mon"
            | "ma"
            | "mes"
            | "plusieurs"
            | "certains"
            | "certaines"
    )
}

/// The number and gender a determiner of a subject phrase shows, as tag bits (`la plupart`
/// shows none of its noun's).
fn determiner_agreement(lower: &str) -> (Option<u64>, Option<u64>) {
    determiner(lower)
        .map_or((None, None), |(gender, number, ..)| (Some(number.tag()), Some(gender.tag()).filter(|&g| g != 0)))
}

/// Determiners after the `de` of a complement (`de la distribution`, `de ce paquet`).
fn is_complement_determiner(lower: &str) -> bool {
    is_subject_determiner(lower) && !matches!(lower, "plusieurs" | "certains" | "certaines")
        || matches!(lower, "un" | "une")
}

/// Object pronouns before a verb (`Des traducteurs ils en connaissent`).
fn is_object_clitic(lower: &str) -> bool {
    matches!(lower, "le" | "la" | "l" | "les" | "en" | "y" | "lui" | "leur")
}

/// Forms of the verbs whose `il` is impersonal, as after a topic (`Le cas échéant il faudra`).
const IMPERSONAL_FORMS: &[&str] = &[
    "arrive",
    "arrivait",
    "arrivera",
    "arriverait",
    "paraît",
    "parait",
    "paraissait",
    "faut",
    "faudra",
    "faudrait",
    "fallait",
    "fallut",
    "suffit",
    "suffira",
    "suffirait",
    "suffisait",
    "agit",
    "agissait",
    "agira",
    "reste",
    "restait",
    "restera",
    "semble",
    "semblait",
    "vaut",
    "vaudrait",
    "valait",
    "pleut",
    "pleuvait",
    "neige",
    "neigeait",
];

/// A noun of time in the singular or the plural (`Les lundis il est fermé`, `Certains matins
/// il court`).
fn is_time_noun_form(lower: &str) -> bool {
    TIME_NOUNS.contains(&lower)
        || lower
            .strip_suffix('s')
            .or_else(|| lower.strip_suffix('x'))
            .is_some_and(|singular| TIME_NOUNS.contains(&singular))
}

/// Nothing but spaces or an apostrophe between the verb and the word before it.
pub fn close(verb: &Token<'_>) -> bool {
    verb.joiner == Joiner::Apostrophe || verb.follows_closely(false)
}
