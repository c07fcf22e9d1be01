//! MT608: a French verb that is not in the person of its subject (`ils a`, `je peut`, `les
//! ministres a déclaré`).
//!
//! Over 500 lines (a quarter of them tests): each subject the rule reads (pronoun, inverted
//! pronoun, noun, neuter pronoun) and the verbless negation is a short function of its own
//! here, with the explanation that documents them all; the shapes MT608 shares with other
//! rules are in `subject_shapes`.

use super::chain_subject::{lemma_is, with_forms};
use super::subject_shapes::{
    close, doubled_subject, is_time_noun, que_before_passive, que_for_qui, speaker_form_after_noun,
    speaker_form_without_subject,
};
use crate::document::Joiner;
use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::{Lexicon, Tags, tag};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;
use crate::view::french::{self, PERSONS, SUBJECT_PRONOUNS, SentenceTokens, Token, WordTable};
use std::sync::LazyLock;

pub struct SubjectVerb;

static META: RuleMeta = RuleMeta {
    id: "MT608",
    name: "subject-verb",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 9.0,
    fallback: false,
    summary: "A verb not in the person of its subject (`ils a`, `je peut`, `les ministres a déclaré`, `ça fonctionnent`), a doubled subject, or no verb where the negation wants one.",
    explanation: "\
What it flags: in a French text, a finite verb that the lexicon gives no reading in the
person of its subject: after a subject pronoun (`je`, `tu`, `il`, `elle`, `on`, `ils`,
`elles`), past the negation and object pronouns between them (`ils a`, `je peut`, `on sont`,
`ils ne le fait`; after `tu`, a form that reads 2sg only as an imperative, `tu lui en
parle`); after a noun opening its sentence with its determiner, past the negation and object
pronouns, a verb in no third person of the noun's number (`Les ministres a déclaré`, `Les
infirmières ne travaille pas`, `Le personnel sont partis`); after `ça`, `cela`, `ceci`
opening a clause, or `personne` and `rien` before `ne`, a verb not in the third person
singular (`Ça ne fonctionnent pas`, `ceci sont les logiciels`, `Personne ne peux`); after a
subject pronoun, a word that is only a past participle or an infinitive, where a conjugated
verb or an auxiliary goes (`il mangé`, `ils les regarder`); between `ne` and `pas`, `plus`,
`jamais`, `rien`, `point`, `guère` or `que`, a word with no conjugated reading where the verb
goes (`ne l'oubli pas`, `n'en laissée que des miettes`); `ont` before `ne` or before an object
pronoun and a verb of the third person singular, for the subject `on` (`Ont ne sait
jamais`); `que` opening a relative whose verb has no subject but the noun before it (`des
serveurs que s'exécutent sur la machine`, for qui; or before a determiner of another number
than the verb's, which cannot be its subject: `un fichier que contient les lignes`); and, right after a noun (past the
negation and object pronouns but `nous` and `vous`), a verb that is only in the first or
second person (`Des erreurs de configuration de PAM pouvez`, `La Corée ne pourras`) where
no `je`, `tu`, `nous`, `vous`, `moi` or `toi` comes before it in the sentence; and a
subject pronoun right after the noun subject it repeats, with no comma (`Le gouvernement il
a décidé`, `dont les entrées ils sont séparées`, `si le paquet il doit`, `Par exemple, les
paquets de développement ils sont`): the noun with a definite, demonstrative or possessive
determiner, `plusieurs` or `certains`, or after a quantity (`la plupart des traducteurs ils
sont`), perhaps an adjective before it, adjectives after it and up to two complements with
`de`, opening the sentence or a clause (after a comma or a parenthesis, or after `dont`,
`si`, `que`, `quand`, `lorsque`, `puisque`, `car`, `où`, `mais`, `donc`, `alors`; with an
adjective after the noun, only where the sentence starts or after a conjunction; with `un`,
`une` or `des`, only after a conjunction: `si des termes techniques ils doivent`), then a
pronoun of the noun's number and a verb that is not an impersonal one (`faut`, `suffit`,
`s'agit`, `reste`, `paraît`, `il est vrai que`…), with no object pronoun before it or
before an infinitive after it (`Le vin il le boit`, `il adore le regarder`); a pronoun of the
other gender only before être or before a verb with more of its clause after it (`La cuisine
de ma mère il adore.` is a fronted object); not after a phrase of time or a part of one (`Le
reste du temps il travaille`), nor after an absolute phrase, a noun with a participle or an
adjective with `de` (`Le travail terminé il rentre`, `Le front couvert de sueur il`); `que`,
after a noun or an adjective and outside a cleft, before a form of être (not a subjunctive)
and a participle or adjective with nothing after them that could be an inverted subject (`un
mécanisme qu'est utilisé par la bibliothèque`, for qui; `l'homme qu'est devenu mon fils`
passes); `n'y a` opening a clause with no `il` and no participle after it (`, n'y a pas de
notes`, Spanish `no hay`; `mais n'y a rien trouvé` passes); and a verb of `nous`
or `vous` that is no imperative (a future, a conditional, an imperfect) with no subject at
all: no `je`, `tu`, `nous`, `vous`, `moi` or `toi` before it in the sentence, or none of its
own right after a conjunction or a relative pronoun with nothing but `ne` between them,
where no imperative goes either (`Vous lirez la documentation du logiciel qu'utiliserez`,
`une imprimante que ne soyez pas`; `Mais si, venez !` passes) (but the subject
of a clause of `si`, `lorsque`, `quand` or `puisque` that a comma closes right before the verb:
`Si vous utilisez le CD, pouvez utiliser apt-cdrom`), no pronoun after it (`Par exemple,
devrez ajouter ces entrées`, where Spanish and Italian leave the pronoun out); `voulez` and
`voulons` count before an infinitive although the dictionary lists them as imperatives
(`veuillez` is the imperative of request).

Why it matters: a translation from a language whose verbs do not change with the person
(English in most tenses, Indonesian, Chinese) has to pick each ending; a system that loses
track of the subject picks the wrong one. A French writer rarely does at these distances.

Example: `Ils a annoncé une réforme.` → flagged, suggestion `ont`.

How: the verb's readings in the French lexicon; a form with a reading in the subject's person
passes (`il aime`, `ils aiment`), but not an imperative after `tu`: a subject rules it out
(`j'ai tu l'affaire`, taire's participle after an auxiliary, passes). `ça` is also an
object (`ceux qui font ça sont`): it is a subject only where a clause starts (first word,
after punctuation or a conjunction, not after `ne … que`), and `nous` or `vous` after it end
the search (`comme ça nous pourrons`). Inside a negation an infinitive (`pour ne le savoir
pas`, classical order) and a present participle (`ne sachant pas`) pass. `nous`
and `vous` are taken for subjects only where a sentence starts and before a verb of the first
or second person, as they are objects as often (`il nous a vus`, `», nous a dit le
ministre`, `nous ont donné tant` with its subject left out); `elle` and `elles` only where a clause starts (first word, after
punctuation), as they are also stressed (`Pierre et elle étaient`, `pour elle`). A first- or second-person form that is also an
imperative is judged after a noun only when its clause opens with a determiner, since an
imperative may follow a fronted complement (`Dans le menu Fichier cliquez`); forms in
`-ais` are left alone, as adjectives of origin share them (`castrais`). A doubled subject
is not one after a noun of time, singular or plural (`Le lendemain il partit`, `Les lundis
il est fermé`), before `il y a` (ago), or with
the comma of a spoken dislocation (`Le gouvernement, il a décidé`). An inverted
pronoun joined by a hyphen (`dit-il`, `a-t-elle`, `est-ce`) is judged with the verb before
it (`vient-elles`, `étais-ce` are flagged), except `nous` and `vous`, which are also objects of
an imperative (`donnez-nous`), and `tu`, also Quebec's question particle (`C'est-tu vrai ?`);
after `on` and `tu`, a verb that is also a participle passes (`on compris` is `ont compris`
misspelt). A negative imperative after a noun of time passes (`Ce soir ne sortez pas`).

Limits: only adjacent subjects, so most errors with a noun subject are not seen; collective
nouns (`la plupart ont`, `une dizaine`) are never judged, nor a singular noun of time
opening the sentence before an inverted subject (`Cette année ont eu lieu`); after a singular
noun only a verb that is only plural is judged here; a verb that is also a noun or an
adjective is judged after a noun subject only when it is `a` or `est`.",
};

impl Detector for SubjectVerb {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !french::is_french(doc) {
            return;
        }
        let first = out.len();
        let starts = &*STARTS;
        for tokens in doc.french_sentence_tokens(res) {
            for i in 0..tokens.len() {
                // The word's key names the shape that may start here; most words start none (a
                // speaker's verb needs a person in its readings).
                let lex = tokens.lex(i);
                let finding = match starts.get(&lex) {
                    Some(Start::Subject(person)) => doubled_subject(META.id, &tokens, i)
                        .or_else(|| after_pronoun(&tokens, i, person, res.french))
                        .or_else(|| inverted_subject(&tokens, i, person, res.french)),
                    Some(Start::Neuter) => neuter_subject(&tokens, i, res.french),
                    Some(Start::Ne) if is_negation_ne(&tokens, i) => {
                        verbless_negation(&tokens, i).or_else(|| existential_without_il(&tokens, i))
                    }
                    Some(Start::Ont) => ont_for_on(&tokens, i),
                    _ if i == 0 => after_noun_subject(&tokens, res.french)
                        .or_else(|| speaker_form_without_subject(META.id, &tokens, i)),
                    // `est-ce`, `sont-ce`: either third person.
                    Some(Start::Ce) => inverted_subject(&tokens, i, tag::P3SG | tag::P3PL, res.french),
                    Some(Start::Que) => {
                        que_for_qui(META.id, &tokens, i).or_else(|| que_before_passive(META.id, &tokens, i, res.french))
                    }
                    Some(Start::Qu) => que_before_passive(META.id, &tokens, i, res.french),
                    _ if lex.tags.0 & PERSONS == 0 => None,
                    _ => speaker_form_after_noun(META.id, &tokens, i)
                        .or_else(|| speaker_form_without_subject(META.id, &tokens, i)),
                };
                // Two shapes may reach the same verb (`Les ministres pouvez`): one finding.
                if let Some(finding) = finding.filter(|f| !out[first..].iter().any(|seen| seen.span == f.span)) {
                    out.push(finding);
                }
            }
        }
    }
}

/// The words a shape of MT608 starts from, besides a speaker's verb.
#[derive(Clone, Copy)]
enum Start {
    /// A subject pronoun and the person it gives its verb.
    Subject(u64),
    /// `ça`, `cela`, `ceci`, `personne`, `rien`.
    Neuter,
    /// `ne`, `n'`.
    Ne,
    /// `ont`, which may be a misspelt `on`.
    Ont,
    Ce,
    Que,
    Qu,
}

static STARTS: LazyLock<WordTable<Start>> = LazyLock::new(|| {
    let mut entries: Vec<(&str, Start)> =
        SUBJECT_PRONOUNS.iter().map(|&(pronoun, person)| (pronoun, Start::Subject(person))).collect();
    entries.extend(["ça", "cela", "ceci", "personne", "rien"].map(|word| (word, Start::Neuter)));
    entries.extend([
        ("ne", Start::Ne),
        ("n", Start::Ne),
        ("ont", Start::Ont),
        ("ce", Start::Ce),
        ("que", Start::Que),
        ("qu", Start::Qu),
    ]);
    WordTable::new(&entries)
});

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
    // `tu donne`: after the subject `tu`, a form that reads 2sg only as an imperative.
    // `j'ai délibérément tu l'affaire`: `tu` is taire's participle after an auxiliary.
    let auxiliary = |j: usize| {
        tokens.lex(j).tags.has(tag::FINITE)
            && lemma_is(lexicon, tokens.lower(j), |t| t.has(tag::FINITE), &["avoir", "être"])
    };
    let after_auxiliary =
        i >= 1 && (auxiliary(i - 1) || (i >= 2 && tokens.lex(i - 1).tags.has(tag::ADV) && auxiliary(i - 2)));
    let imperative_only = pronoun.lower == "tu" && !after_auxiliary && only_imperative_in(&verb, tag::P2SG, lexicon);
    if wrong_person(&verb, person).is_none() && !imperative_only {
        return None;
    }
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
    let mut finding = finding(&pronoun, &verb, person, lexicon);
    if imperative_only && wrong_person(&verb, person).is_none() {
        finding.message =
            format!("`{}` reads 2sg only as an imperative, after the subject `{}`", verb.text, pronoun.text);
    }
    Some(finding)
}

/// `ne` or its elision `n'`: a bare `n` is a variable (`n éléments`, `n fois`).
fn is_negation_ne(tokens: &SentenceTokens<'_>, i: usize) -> bool {
    match tokens.lower(i) {
        "ne" => true,
        "n" => tokens.get(i + 1).is_some_and(|next| next.joiner == Joiner::Apostrophe),
        _ => false,
    }
}

/// `Lorsque vous changez de version, n'y a pas de notes`: `n'y a` opening its clause with no
/// `il`, as Spanish `no hay` and Italian `non c'è` are rendered word for word. French always
/// writes `il n'y a` (or spoken `y a`, without `ne`).
fn existential_without_il(tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    let (y, verb) = (tokens.get(i + 1)?, tokens.get(i + 2)?);
    if y.lower != "y"
        || !matches!(verb.lower, "a" | "avait" | "aura" | "aurait" | "eut" | "ait" | "eût")
        || !close(&y)
        || !close(&verb)
        // `n'y a-t-il`: the subject comes after.
        || tokens.get(i + 3).is_some_and(|next| next.joiner == Joiner::Hyphen)
    {
        return None;
    }
    // `mais n'y a rien trouvé`, `Paul, lui, n'y a jamais cru`: `a` is the auxiliary of a verb
    // whose subject came before.
    let mut after = i + 3;
    while after < tokens.len()
        && matches!(tokens.lower(after), "pas" | "plus" | "jamais" | "guère" | "point" | "rien" | "pu")
    {
        after += 1;
    }
    if tokens.get(after).is_some_and(|next| next.tags().has(tag::PAST_PARTICIPLE)) {
        return None;
    }
    let ne = tokens.at(i);
    let opens = i == 0
        || ne.gap.contains([',', ';', ':', '(', '—', '–'])
        || matches!(
            tokens.lower(i - 1),
            "que" | "qu" | "si" | "quand" | "lorsque" | "lorsqu" | "puisque" | "puisqu" | "mais" | "et" | "car" | "où"
        );
    if !opens {
        return None;
    }
    let message = format!("`{}` with no `il`: French writes `il {}`", tokens.phrase(i, i + 2), tokens.phrase(i, i + 2));
    Some(Finding::new(META.id, Severity::Warning, Span::new(ne.span.start, verb.span.end), message))
}

/// `ne l'oubli pas`, `ne pensée rien`: between `ne` (past its object pronouns) and the
/// second word of the negation, a word with no conjugated reading, where only the
/// conjugated verb stands. An infinitive (`pour ne le savoir pas`, classical order) and a
/// present participle (`ne sachant pas`) pass, and so does any word that may be an adverb
/// or a function word.
fn verbless_negation(tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    let mut j = i + 1;
    while j < tokens.len() && j <= i + 3 && french::is_object_pronoun(tokens.lower(j)) {
        j += 1;
    }
    let word = tokens.get(j)?;
    let negation = tokens.get(j + 1)?;
    if !matches!(negation.lower, "pas" | "plus" | "jamais" | "rien" | "point" | "guère" | "que" | "qu")
        || !close(&word)
        || !negation.follows_closely(false)
        || (i + 1..j).any(|k| !close(&tokens.at(k)))
    {
        return None;
    }
    let tags = word.tags();
    let passes = tag::FINITE
        | tag::INFINITIVE
        | tag::PRESENT_PARTICIPLE
        | tag::ADV
        | tag::PREP
        | tag::CONJ
        | tag::PRON
        | tag::DET
        | tag::NUMERAL
        | tag::INTERJ
        | tag::PROPER
        | tag::OTHER;
    if !word.lex.known || word.is_capitalised() || word.joiner == Joiner::Hyphen || tags.has(passes) {
        return None;
    }
    let message = format!(
        "`{}` between `{}` and `{}`, where the conjugated verb goes: it has no conjugated reading",
        word.text,
        tokens.text(i),
        negation.text
    );
    Some(Finding::new(META.id, Severity::Warning, word.span, message).with_related(tokens.at(i).span, "the negation"))
}

/// `Ont ne sait jamais`, `ont m'assure que`: `ont` where the subject `on` goes, before the
/// negation or before an object pronoun and a verb of the third person singular (avoir is
/// followed by a participle, a noun or an adverb, never by `ne`).
fn ont_for_on(tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    let ont = tokens.at(i);
    let next = tokens.get(i + 1)?;
    // `s'ils n'ont`: negated, it is the verb.
    let negated = i > 0 && is_negation_ne(tokens, i - 1);
    if ont.joiner == Joiner::Hyphen || negated || !close(&next) {
        return None;
    }
    let sure = match next.lower {
        // `ils ont ne serait-ce qu'un peu`: the idiom; `ont n éléments`: a variable.
        "ne" | "n" if is_negation_ne(tokens, i + 1) => {
            !tokens.get(i + 2).is_some_and(|t| matches!(t.lower, "serait" | "fût" | "fut"))
        }
        // `Ils ont te semble-t-il raison`: an incise.
        "me" | "m" | "te" | "t" | "se" | "s" | "y" | "en" => tokens.get(i + 2).is_some_and(|verb| {
            let tags = verb.tags();
            let incise = tokens.get(i + 3).is_some_and(|t| t.joiner == Joiner::Hyphen);
            !incise
                && close(&verb)
                && verb.lex.known
                && tags.has(tag::FINITE)
                && tags.has(tag::P3SG)
                && !tags.has(tag::PAST_PARTICIPLE | tag::NOUN | tag::ADJ | tag::ADV | tag::PREP | tag::DET)
        }),
        _ => false,
    };
    if !sure {
        return None;
    }
    let message = format!("`{} {}`: `ont` (avoir) where the subject pronoun `on` goes", ont.text, next.text);
    Some(
        Finding::new(META.id, Severity::Warning, ont.span, message)
            .with_suggestion(french::capitalise_like(ont.text, "on")),
    )
}

/// Conjunctions after which a clause, and its subject, starts.
fn is_clause_opener(lower: &str) -> bool {
    matches!(
        lower,
        "et" | "mais"
            | "ou"
            | "donc"
            | "car"
            | "que"
            | "qu"
            | "si"
            | "quand"
            | "comme"
            | "puis"
            | "alors"
            | "lorsque"
            | "lorsqu"
            | "puisque"
            | "puisqu"
            | "quoique"
            | "parce"
    )
}

/// Whether the verb is a known finite form that reads in `person` only as an imperative
/// (`donne`, `va`): a subject pronoun before it rules the imperative out.
fn only_imperative_in(verb: &Token<'_>, person: u64, lexicon: &Lexicon) -> bool {
    if !verb.lex.known || verb.is_capitalised() || !verb.tags().has(tag::IMPERATIVE) {
        return false;
    }
    let mut imperative = false;
    for analysis in lexicon.analyses(verb.lower) {
        if analysis.tags.has(person) {
            if !analysis.tags.has(tag::IMPERATIVE) {
                return false;
            }
            imperative = true;
        }
    }
    imperative
}

/// `Ça fonctionnent`, `Cela ne t'aideras pas`, `Personne ne peux`: a neuter pronoun (`ça`,
/// `cela`, `ceci`) opening a clause, or `personne` and `rien` before `ne`, then a verb that is
/// not in the third person singular. `ça` is also an object (`ceux qui font ça sont`): it is
/// taken for the subject only where a clause starts (first word, after punctuation or a
/// conjunction). `nous` and `vous` between them end the search (`comme ça nous pourrons`:
/// they are the subject).
fn neuter_subject(tokens: &SentenceTokens<'_>, i: usize, lexicon: &Lexicon) -> Option<Finding> {
    let subject = tokens.at(i);
    if subject.joiner != Joiner::Space || subject.is_all_caps() {
        return None;
    }
    let negative = matches!(subject.lower, "personne" | "rien");
    // `ni vous ni personne ne le retrouverez`: one subject of several.
    if (0..i).any(|j| tokens.lower(j) == "ni") {
        return None;
    }
    if negative {
        if !(i + 1 < tokens.len() && is_negation_ne(tokens, i + 1)) {
            return None;
        }
        // `ceux qui ne savent rien ne comprennent pas`, `pour rien`: the object of a verb or a
        // preposition before another clause's `ne`.
        let verb_or_preposition = tag::FINITE | tag::INFINITIVE | tag::PAST_PARTICIPLE | tag::PREP;
        if i > 0 && tokens.lex(i - 1).tags.has(verb_or_preposition) {
            return None;
        }
    } else {
        let opens = opens_clause(tokens, i) || i.checked_sub(1).is_some_and(|p| is_clause_opener(tokens.lower(p)));
        // `qui n'auront que cela seront`: `ne … que` makes it an object.
        let restriction = i > 0
            && matches!(tokens.lower(i - 1), "que" | "qu")
            && (i.saturating_sub(6)..i).any(|j| matches!(tokens.lower(j), "ne" | "n"));
        if !opens || restriction {
            return None;
        }
    }
    let mut j = i + 1;
    while j < tokens.len() && j <= i + 4 && french::is_preverbal_clitic(tokens.lower(j)) {
        if matches!(tokens.lower(j), "nous" | "vous") {
            return None;
        }
        j += 1;
    }
    let verb = tokens.get(j)?;
    let other = tag::NOUN | tag::ADJ | tag::ADV | tag::PREP | tag::CONJ | tag::PRON | tag::DET | tag::NUMERAL;
    if !close(&verb) || verb.tags().has(other) || wrong_person(&verb, tag::P3SG).is_none() {
        return None;
    }
    // `Ça va-t-il`, `cela vient-il`: an inverted pronoun makes it a question about `ça`.
    if tokens.get(j + 1).is_some_and(|next| next.joiner == Joiner::Hyphen) {
        return None;
    }
    Some(finding(&subject, &verb, tag::P3SG, lexicon))
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
    let finding =
        Finding::new(META.id, Severity::Warning, verb.span, message).with_related(pronoun.span, "the subject");
    Some(with_forms(finding, forms))
}

/// `Les ministres a déclaré`, `Les infirmières ne travaille pas`, `Le personnel sont`: a noun
/// with its determiner opening the sentence, then (past the negation and object pronouns,
/// but `nous` and `vous`, which may be the subject) a verb in no third person of the noun's
/// number. After a singular noun, only a verb that is only plural is judged here (one of the
/// speaker or the addressed is `speaker_form_after_noun`'s); collective nouns (`La plupart
/// sont`), which take either number, and nouns of time, which open a sentence as an
/// adverbial before an inverted subject (`Cette année ont eu lieu`), pass.
fn after_noun_subject(tokens: &SentenceTokens<'_>, lexicon: &Lexicon) -> Option<Finding> {
    if tokens.len() < 3 {
        return None;
    }
    // Not `des`, which also means `from the` (`Des collines descend un vent froid`), nor
    // `mon`, `ton`, `son`, `leur`, which are also nouns or pronouns.
    let number = match tokens.lower(0) {
        "les" | "ces" | "mes" | "tes" | "ses" | "nos" | "vos" | "leurs" | "certains" | "certaines" | "plusieurs" => {
            tag::PLURAL
        }
        "le" | "la" | "l" | "un" | "une" | "ce" | "cet" | "cette" | "ma" | "ta" | "sa" | "notre" | "votre"
        | "chaque" => tag::SINGULAR,
        _ => return None,
    };
    let noun = tokens.at(1);
    let noun_tags = noun.tags();
    let other_number = if number == tag::PLURAL { tag::SINGULAR } else { tag::PLURAL };
    let plain_noun = noun_tags.has(tag::NOUN)
        && noun_tags.has(number)
        && !noun_tags.has(other_number | tag::INVARIABLE | tag::PROPER)
        && !noun.is_capitalised()
        && (noun.follows_closely(false) || (noun.joiner == Joiner::Apostrophe && tokens.lower(0) == "l"));
    if !plain_noun || (number == tag::SINGULAR && (COLLECTIVE_NOUNS.contains(&noun.lower) || is_time_noun(noun.lower)))
    {
        return None;
    }
    let mut k = 2;
    while k < tokens.len() && k <= 5 && french::is_preverbal_clitic(tokens.lower(k)) {
        if matches!(tokens.lower(k), "nous" | "vous") || !close(&tokens.at(k)) {
            return None;
        }
        k += 1;
    }
    let verb = tokens.get(k)?;
    let tags = verb.tags();
    // `a` and `est` are verbs here unless they name a letter or a compass point (`les
    // paramètres a et b`, `les quartiers est de la ville`).
    let letter_or_point = tokens.get(k + 1).is_none_or(|next| {
        matches!(next.lower, "et" | "ou" | "de" | "du" | "des")
            || next.gap.contains([',', '-'])
            || next.text.chars().count() == 1
    });
    let plain_verb = !tags.has(tag::NOUN | tag::ADJ | tag::ADV | tag::PREP | tag::CONJ | tag::PRON | tag::DET)
        || (matches!(verb.lower, "a" | "est") && !letter_or_point);
    let person = if number == tag::PLURAL { tag::P3PL } else { tag::P3SG };
    let persons = wrong_person(&verb, person);
    // `Le problème sont les retards`, `Ce dimanche ont lieu les élections`: a plural after the
    // verb is its attribute or its inverted subject.
    let plural_after = (k + 1..(k + 4).min(tokens.len())).any(|j| {
        matches!(
            tokens.lower(j),
            "les" | "des" | "ces" | "mes" | "tes" | "ses" | "nos" | "vos" | "leurs" | "deux" | "trois"
        ) || tokens.lex(j).tags.has(tag::NUMERAL)
    });
    let judged = match persons {
        Some(persons) if number == tag::SINGULAR => persons == tag::P3PL && !plural_after,
        Some(_) => true,
        None => false,
    };
    if !plain_verb || !close(&verb) || !judged {
        return None;
    }
    let subject = Token { span: Span::new(tokens.at(0).span.start, noun.span.end), ..noun };
    Some(finding(&subject, &verb, person, lexicon))
}

/// Nouns of a quantity or a group, whose verb may agree with the complement after them (`la
/// plupart sont`, `une dizaine de blessés ont`).
const COLLECTIVE_NOUNS: &[&str] = &[
    "centaine",
    "cinquantaine",
    "milliard",
    "million",
    "couple",
    "dizaine",
    "douzaine",
    "ensemble",
    "foule",
    "infinité",
    "majorité",
    "masse",
    "millier",
    "minorité",
    "moitié",
    "multitude",
    "nombre",
    "partie",
    "plupart",
    "poignée",
    "quantité",
    "quarantaine",
    "quart",
    "quinzaine",
    "reste",
    "série",
    "tiers",
    "totalité",
    "trentaine",
    "vingtaine",
];

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
    let finding =
        Finding::new(META.id, Severity::Warning, verb.span, message).with_related(subject.span, "the subject");
    // The same lemma and tense in the subject's person.
    let verb_tags = verb.tags().0;
    let tenses = verb_tags & tag::FINITE & !tag::IMPERATIVE;
    let forms = lexicon.sibling_forms(
        verb.lower,
        |t| t.has(tag::FINITE),
        |t| t.has(person) && t.0 & tenses != 0 && !t.has(tag::IMPERATIVE),
    );
    with_forms(finding, forms)
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
        assert_eq!(flagged("Créez un fichier que contient les lignes suivantes."), [("que".into(), "qui".into())]);
        for sentence in [
            "Voici les tâches que s’assignent les équipes.",
            "Voici la tâche que s’assignent les équipes.",
            "Voici les règles que respecte la direction.",
            "Le film que propose ces jours-ci la chaîne est beau.",
            "Le soutien que reçoit des ONG le gouvernement est faible.",
            "L'exposition que consacre ses salles le musée est belle.",
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
        assert_eq!(flagged("Il vérifie si le paquet il doit être installé."), [("il".into(), "".into())]);
        assert_eq!(flagged("Dans cette série, les serveurs ils sont à jour."), [("ils".into(), "".into())]);
        assert_eq!(flagged("La plupart des traducteurs ils sont réactifs."), [("ils".into(), "".into())]);
        for sentence in [
            "Le gouvernement, il a décidé de baisser les impôts.",
            "Il sait que le lendemain il partira.",
            "Des traducteurs ils en connaissent.",
            "Il dit que les enfants, ils sont partis.",
            "Comme son père il est devenu médecin.",
            "Comme la plupart des gens il a signé.",
            "La plupart des cas il suffit de redémarrer.",
            "Certains hivers il neige beaucoup.",
            "Le cas échéant il faudra redémarrer.",
            "Mais le cœur léger elle est repartie.",
            "Certaines nuits elle ne dort pas.",
            "Les lundis il est fermé.",
            "Il a dit : « les enfants ils sont partis ».",
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
    fn a_verb_of_nous_or_vous_with_no_subject_is_flagged() {
        let text = in_french_frame("Par exemple, pour suivre la version, devrez ajouter ces entrées.");
        let found = findings(&SubjectVerb, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&text), "devrez");
        assert_eq!(
            found[0].message,
            "`devrez` (futur 2pl) with no subject: no `je`, `tu`, `nous` or `vous` before it, and it is no imperative"
        );
        assert_eq!(flagged("Il est lent parce que pourrions mieux faire."), [("pourrions".into(), String::new())]);
        assert_eq!(flagged("Voulez consulter la page du projet."), [("Voulez".into(), String::new())]);
        assert_eq!(flagged("En cas de doute, voulez utiliser apt."), [("voulez".into(), String::new())]);
        assert_eq!(flagged("Si vous utilisez le CD, pouvez utiliser apt-cdrom."), [("pouvez".into(), String::new())]);
        for sentence in [
            "Pourriez vous m'aider ?",
            "Devrez-vous partir ?",
            "Vous qui partez demain, devrez revenir.",
            "Cliquez sur Ouvrir et choisissez un fichier.",
            "Merci pour les renseignements que nous avez donnés.",
            "Pourriez vous m'aider ?",
            "Si vous le voulez, voulez-vous venir ?",
            "Veuillez consulter la page.",
            "Si vous lisez, écrivez et comptez, pouvez-vous partir ?",
            "Vous lisez, écriviez et comptiez.",
            "Quand vous arriverez, vous pourrez entrer.",
            "Si vous êtes salarié, avez cinquante ans et êtes malade, contactez-nous.",
            "Avons bien reçu votre message.",
            "Serions ravis de vous accueillir.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_verb_of_nous_or_vous_right_after_a_conjunction_needs_its_own_subject() {
        assert_eq!(
            flagged("Vous lirez la documentation du logiciel qu'utiliserez demain."),
            [("utiliserez".into(), String::new())]
        );
        assert_eq!(
            flagged("Configurer une imprimante que ne soyez pas capable de régler."),
            [("soyez".into(), String::new())]
        );
        for sentence in [
            "Que voulez-vous ?",
            "Que pensez vous de ce film ?",
            "Mais si, venez !",
            "Le problème que, soyons clairs, nous avons tous.",
            "Vous lirez la documentation que vous utiliserez.",
            "Dites ce que nous ferons.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_doubled_subject_after_a_longer_noun_phrase_is_flagged() {
        assert_eq!(
            flagged("Par exemple, les paquets de développement ils sont destinés aux développeurs."),
            [("ils".into(), String::new())]
        );
        assert_eq!(
            flagged("Si des termes techniques ils doivent servir, expliquez-les."),
            [("ils".into(), String::new())]
        );
        assert_eq!(
            flagged("La plupart des autres documents intéressants ils sont dans le coin."),
            [("ils".into(), String::new())]
        );
        assert_eq!(
            flagged("Dans ce cas, certaines séquences de touches ils ont un sens."),
            [("ils".into(), String::new())]
        );
        for sentence in [
            "Le vin il le boit.",
            "Dans la maison de mon père il fait froid.",
            "De temps en temps le nombre de visiteurs il augmente.",
            "Le soir de Noël il neige.",
            "Les enfants de Marie ils en veulent.",
            "Le reste du temps il travaille à la maison.",
            "Le front couvert de sueur il a fini la course.",
            "Les bras croisés il attendait.",
            "Le travail terminé il rentre chez lui.",
            "La cuisine de ma mère il adore.",
            "Le chocolat noir elle a adoré.",
            "Le clair de lune il adore le regarder.",
            "Le fils du maire il est vrai qu'il exagère.",
            "La femme du boulanger il paraît qu'elle est partie.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn que_before_a_passive_with_no_subject_after_it_is_flagged() {
        let text = in_french_frame("Il fournit un mécanisme qu'est utilisé fréquemment par la bibliothèque.");
        let found = findings(&SubjectVerb, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&text), "qu");
        assert_eq!(
            found[0].message,
            "`qu est utilisé`: nothing after the verb can be its subject; a relative whose subject comes before it opens with `qui`"
        );
        assert_eq!(found[0].suggestion.as_deref(), Some("qui"));
        for sentence in [
            "C'est ce qu'est devenu le projet.",
            "C'est à Montluçon que fut conçue « la Bourbonnaise ».",
            "Voilà ce qu'est la vie.",
            "C'est dans cette ville qu'est enterré depuis 1821 le célèbre empereur.",
            "Il demande que soit rétabli sans délai le service public.",
            "L'homme qu'est devenu mon fils me surprend.",
            "Tel qu'est rédigé actuellement le texte, il est inapplicable.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn n_y_a_opening_its_clause_without_il_is_flagged() {
        assert_eq!(
            flagged("Lorsque vous changez de version, n'y a pas de notes de diffusion."),
            [("n'y a".into(), String::new())]
        );
        for sentence in
            ["Elle n'y a pas attaché d'importance.", "N'y a-t-il rien ?", "Il n'y a rien.", "On n'y a rien vu."]
        {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn tu_before_a_form_that_reads_2sg_only_as_an_imperative_is_flagged() {
        assert_eq!(flagged("Tu lui en parle demain."), [("parle".into(), "parles".into())]);
        assert_eq!(flagged("Tu n'y va pas."), [("va".into(), "vas".into())]);
        for sentence in ["Tu parles trop et tu vas bien.", "J'ai délibérément tu l'affaire.", "Parle-lui, va !"] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_neuter_or_negative_pronoun_before_a_verb_not_in_3sg_is_flagged() {
        assert_eq!(flagged("Ça ne fonctionnent pas."), [("fonctionnent".into(), "fonctionne".into())]);
        assert_eq!(flagged("Et cela ne t'aideras pas."), [("aideras".into(), "aidera".into())]);
        assert_eq!(flagged("Personne ne peux le dire."), [("peux".into(), "peut".into())]);
        assert_eq!(flagged("Rien n'arrives sans raison."), [("arrives".into(), "arrive".into())]);
        for sentence in [
            "Ceux qui font ça sont fous.",
            "Comme ça nous pourrons partir.",
            "Ni vous ni personne ne le retrouverez.",
            "Ceux qui n'auront que cela seront appauvris.",
            "Ceux qui ne savent rien ne comprennent pas la question.",
            "Ceux qui ne pensent à rien ne comprennent pas.",
            "Ça va, cela suffit et personne ne sait.",
            "Il faut que ça marche.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_word_with_no_conjugated_reading_inside_a_negation_is_flagged() {
        assert_eq!(flagged("Il ne l'oubli pas."), [("oubli".into(), String::new())]);
        assert_eq!(flagged("Il ne travail pas le lundi."), [("travail".into(), String::new())]);
        for sentence in
            ["Ne sachant pas quoi faire, il partit.", "Pour ne le savoir pas, il se tut.", "Il n'y a que lui."]
        {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn ont_where_the_subject_on_goes_is_flagged() {
        assert_eq!(flagged("Ont ne sait jamais quoi faire."), [("Ont".into(), "On".into())]);
        assert_eq!(flagged("Il dit qu'ont m'assure le contraire."), [("ont".into(), "on".into())]);
        for sentence in ["Ils ont en effet raison.", "S'ils n'ont ne serait-ce qu'un peu de jugeotte."] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_noun_subject_past_the_negation_and_object_pronouns_is_judged() {
        assert_eq!(flagged("Les infirmières ne travaille pas ici."), [("travaille".into(), "travaillent".into())]);
        assert_eq!(flagged("Les enfants en manges."), [("manges".into(), "mangent".into())]);
        assert_eq!(flagged("Le personnel sont partis."), [("sont".into(), "est".into())]);
        assert_eq!(flagged("L'équipe ont gagné."), [("ont".into(), "a".into())]);
        // One finding where two shapes reach the same verb.
        assert_eq!(flagged("Les ministres pouvez partir."), [("pouvez".into(), "peuvent".into())]);
        for sentence in [
            "La plupart sont partis.",
            "Cette année ont eu lieu les élections.",
            "Le lendemain arrivent les renforts.",
            "Les enfants nous aiment.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn review_cases_pass() {
        for sentence in [
            "Ce dimanche ont lieu les élections municipales.",
            "Un million ont manifesté dimanche.",
            "Le problème sont les retards.",
            "Un tableau de n éléments plus un en-tête.",
            "Les tableaux ont n éléments chacun.",
            "Ils ont te semble-t-il raison.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
        assert_eq!(flagged("Si tu as faim tu mange.")[0].0, "mange");
        assert_eq!(flagged("Plusieurs personnes devienne des robots.")[0].0, "devienne");
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
