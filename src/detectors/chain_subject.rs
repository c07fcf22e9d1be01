//! The subject of a French verb chain, whose gender and number the attribute after être or a
//! verb of state takes (MT609): a subject pronoun, a neuter demonstrative, or a noun with its
//! determiner opening its clause; through a modal before an infinitive `être`.

use super::subject_shapes::is_time_noun;
use crate::document::Joiner;
use crate::finding::{Finding, Span};
use crate::lexicon::words::{Lexicon, Tags, tag};
use crate::view::french::{self, SentenceTokens, Token};

/// Adverbs that may stand between the two verbs of a chain.
pub fn is_chain_adverb(lower: &str) -> bool {
    matches!(
        lower,
        "pas"
            | "plus"
            | "jamais"
            | "déjà"
            | "bien"
            | "toujours"
            | "aussi"
            | "également"
            | "encore"
            | "souvent"
            | "enfin"
            | "finalement"
            | "vraiment"
            | "certainement"
            | "probablement"
            | "alors"
            | "donc"
    )
}

/// Whether one of the word's readings accepted by `accept` belongs to one of `lemmas`.
pub fn lemma_is(lexicon: &Lexicon, lower: &str, accept: impl Fn(Tags) -> bool, lemmas: &[&str]) -> bool {
    lexicon.analyses(lower).any(|a| accept(a.tags) && lemmas.contains(&lexicon.lemma(a.lemma)))
}

/// `finding` with the form or two forms of the same word that would be right as its suggestion
/// (`a / b`); more than two say too little to suggest.
pub fn with_forms(finding: Finding, forms: Vec<String>) -> Finding {
    if forms.is_empty() || forms.len() > 2 { finding } else { finding.with_suggestion(forms.join(" / ")) }
}

/// The gender and number bits of `t`, for a message (`feminine plural`).
pub fn gender_and_number(t: Tags) -> Tags {
    Tags(t.0 & (tag::MASCULINE | tag::FEMININE | tag::SINGULAR | tag::PLURAL))
}

/// Whether the word at `k` is a subject pronoun inverted after its verb, or the `-t-` before
/// one (`Avez-vous`, `A-t-il`).
pub fn is_inverted_pronoun(tokens: &SentenceTokens<'_>, k: usize) -> bool {
    k < tokens.len()
        && tokens.joiner(k) == Joiner::Hyphen
        && (tokens.lower(k) == "t" || french::subject_person(tokens.lower(k)).is_some())
}

/// Whether a reading `t` fits a gender and a number (tag bits; 0 when unknown): a reading of
/// both genders or none, invariable or of no number, fits either.
pub fn agrees_in(t: Tags, gender: u64, number: u64) -> bool {
    (gender == 0 || t.has(gender | tag::EPICENE) || !t.has(tag::MASCULINE | tag::FEMININE))
        && (number == 0 || t.has(number | tag::INVARIABLE) || !t.has(tag::SINGULAR | tag::PLURAL))
}

/// What a subject says of its attribute's gender and number (tag bits; 0 when unknown).
pub struct Subject<'a> {
    /// A subject pronoun (`elle`), not a noun.
    pub pronoun: bool,
    /// `ce`, `ça`, `cela`, `ceci`: a neuter subject.
    pub demonstrative: bool,
    pub gender: u64,
    pub number: u64,
    pub span: Span,
    pub text: &'a str,
}

impl<'a> Subject<'a> {
    /// A subject that is the one word `token`.
    fn word(token: &Token<'a>, pronoun: bool, gender: u64, number: u64) -> Subject<'a> {
        Subject { pronoun, demonstrative: false, gender, number, span: token.span, text: token.text }
    }
}

/// The gender and number a personal subject pronoun gives its attribute (tag bits; 0 when
/// the pronoun does not tell): the speaker's and the listener's gender is not in the pronoun,
/// nor that of the gender-neutral `iel`; their number is. `nous` and `vous` give nothing: an
/// author's `nous` and a polite `vous` take the singular.
fn personal_pronoun_agreement(lower: &str) -> Option<(u64, u64)> {
    Some(match lower {
        "il" => (tag::MASCULINE, tag::SINGULAR),
        "elle" => (tag::FEMININE, tag::SINGULAR),
        "ils" => (tag::MASCULINE, tag::PLURAL),
        "elles" => (tag::FEMININE, tag::PLURAL),
        "je" | "j" | "tu" | "iel" => (0, tag::SINGULAR),
        "iels" => (0, tag::PLURAL),
        _ => return None,
    })
}

/// The subject pronoun right before the head (past `ne`, `y` and `en`: `il n'en était`), with
/// its position, if any.
pub fn pronoun_subject<'a>(tokens: &SentenceTokens<'a>, i: usize) -> Option<(usize, &'a str)> {
    let j = before_clitics(tokens, i)?;
    let lower = tokens.lower(j);
    // `Pierre et elle étaient`, `d'elles`: `elle` is also stressed; a subject only where a
    // clause starts.
    if matches!(lower, "elle" | "elles") && j > 0 && !tokens.at(j).follows_clause_break() {
        return None;
    }
    french::subject_person(lower).map(|_| (j, lower))
}

/// The position before the head at `i`, past `y` or `en` and then `ne`.
fn before_clitics(tokens: &SentenceTokens<'_>, i: usize) -> Option<usize> {
    let mut j = i.checked_sub(1)?;
    if matches!(tokens.lower(j), "y" | "en") {
        j = j.checked_sub(1)?;
    }
    if matches!(tokens.lower(j), "ne" | "n") {
        j = j.checked_sub(1)?;
    }
    Some(j)
}

/// `c'est finis`, `cela paraît incroyables`: `ce`, `ça`, `cela`, `ceci` opening a clause
/// before a verb of the third person singular are a neuter subject, whose attribute is
/// masculine singular. Not after a preposition or mid-clause, where the pronoun is an object
/// (`malgré cela est arrivée une lettre`), nor before a plural verb (`ce sont`).
fn demonstrative_subject<'a>(tokens: &SentenceTokens<'a>, i: usize, verb: Tags) -> Option<Subject<'a>> {
    let j = before_clitics(tokens, i)?;
    let pronoun = tokens.at(j);
    if !matches!(pronoun.lower, "c" | "ç" | "ce" | "ça" | "cela" | "ceci") {
        return None;
    }
    if !verb.has(tag::P3SG) || verb.has(tag::P3PL) {
        return None;
    }
    let opens_clause = j == 0
        || pronoun.follows_clause_break()
        || matches!(
            tokens.lower(j - 1),
            "et" | "mais" | "ou" | "donc" | "car" | "que" | "qu" | "si" | "quand" | "puisque"
        );
    opens_clause.then_some(Subject {
        pronoun: true,
        demonstrative: true,
        gender: tag::MASCULINE,
        number: tag::SINGULAR,
        span: pronoun.span,
        text: pronoun.text,
    })
}

/// Verbs whose subject is also the subject of an infinitive after them (`il peut être`, `je
/// pense être`, `tu vas être`). Not `falloir`, whose `il` is impersonal (`il faut être
/// prudents`), nor verbs whose object is the infinitive's subject (`je lui demande d'être`).
const RAISING_VERBS: &[&str] = &[
    "pouvoir",
    "devoir",
    "vouloir",
    "sembler",
    "paraître",
    "aller",
    "penser",
    "croire",
    "imaginer",
    "espérer",
    "souhaiter",
    "prétendre",
    "affirmer",
    "estimer",
    "déclarer",
    "dire",
    "reconnaître",
    "avouer",
    "savoir",
    "aimer",
    "adorer",
    "détester",
    "préférer",
];

/// The same, with the infinitive after `de` (`je risque d'être`).
const RAISING_VERBS_DE: &[&str] = &[
    "risquer",
    "tenter",
    "essayer",
    "craindre",
    "rêver",
    "refuser",
    "cesser",
    "mériter",
    "efforcer",
    "continuer",
    "commencer",
    "venir",
    "menacer",
    "accepter",
    "décider",
    "promettre",
    "jurer",
    "éviter",
    "regretter",
    "finir",
];

/// Adjectives before `de` or `à` whose subject is the infinitive's (`il est susceptible d'être
/// convoqué`, `elle est prête à être interrogée`).
const RAISING_ADJECTIVES: &[&str] = &[
    "susceptible",
    "capable",
    "incapable",
    "censé",
    "supposé",
    "fier",
    "heureux",
    "content",
    "ravi",
    "prêt",
    "apte",
    "désireux",
    "soucieux",
    "impatient",
];

/// The same, with the infinitive after `à` (`il parvient à rester`).
const RAISING_VERBS_A: &[&str] = &[
    "commencer",
    "continuer",
    "parvenir",
    "réussir",
    "chercher",
    "hésiter",
    "renoncer",
    "apprendre",
    "tendre",
    "consentir",
    "persister",
    "obstiner",
    "habituer",
];

/// Infinitives followed by an attribute that agrees with their subject.
pub const ATTRIBUTE_INFINITIVES: &[&str] =
    &["être", "devenir", "redevenir", "rester", "demeurer", "paraître", "sembler"];

/// `il peut être observé`, `elle semble ne pas être prête`, `je risque de n'être pas reçu`:
/// the position of the verb before an infinitive `être` (or another verb of state) at `i`
/// (past the negation, chain adverbs and the `de` or `à` the verb takes), whose subject the
/// attribute after the infinitive agrees with.
pub fn raising_verb(tokens: &SentenceTokens<'_>, i: usize, lexicon: &Lexicon) -> Option<usize> {
    // `avoir` for `avoir été` (`ils semblent avoir été attaqués`); `peut-être` is the adverb.
    let lower = tokens.lower(i);
    if !(ATTRIBUTE_INFINITIVES.contains(&lower) || lower == "avoir") || tokens.at(i).joiner == Joiner::Hyphen {
        return None;
    }
    // Past the negation, adverbs and the pronouns `y` and `en` (`commence à y devenir`).
    let mut j = i.checked_sub(1)?;
    while j > 0 && (is_chain_adverb(tokens.lower(j)) || matches!(tokens.lower(j), "ne" | "n" | "y" | "en")) {
        j -= 1;
    }
    let (verbs, preposition) = match tokens.lower(j) {
        "de" | "d" => (RAISING_VERBS_DE, true),
        "à" => (RAISING_VERBS_A, true),
        _ => (RAISING_VERBS, false),
    };
    if preposition {
        // `ne s'efforcent jamais de paraître`: past the adverbs before the preposition too.
        j = j.checked_sub(1)?;
        while j > 0 && is_chain_adverb(tokens.lower(j)) {
            j -= 1;
        }
    }
    let finite = |t: Tags| t.has(tag::FINITE);
    // `il est susceptible d'être`, `elle paraît capable de rester`: an adjective whose subject
    // is the infinitive's, after être or a verb of state.
    if preposition && lemma_is(lexicon, tokens.lower(j), |t| t.has(tag::ADJ), RAISING_ADJECTIVES) {
        let mut v = j.checked_sub(1)?;
        while v > 0 && (is_chain_adverb(tokens.lower(v)) || matches!(tokens.lower(v), "très" | "si" | "trop" | "assez"))
        {
            v -= 1;
        }
        let copula = tokens.at(v);
        let copulas = ["être", "sembler", "paraître", "devenir", "rester", "demeurer"];
        return (finite(copula.tags()) && lemma_is(lexicon, copula.lower, finite, &copulas)).then_some(v);
    }
    let verb = tokens.at(j);
    if !(finite(verb.tags()) && lemma_is(lexicon, verb.lower, finite, verbs)) {
        return None;
    }
    // `ce que les journalistes estiment être normal`: after `que`, a verb of opinion raises
    // its object, with which the attribute agrees.
    let object_raised = lemma_is(lexicon, verb.lower, finite, OPINION_VERBS)
        && (j.saturating_sub(5)..j).any(|k| matches!(tokens.lower(k), "que" | "qu"));
    (!object_raised).then_some(j)
}

/// `celle-ci était perdu`, `ceux-là semblent contrarié`, `celle qui était perdu`, `laquelle
/// était perdu`: a demonstrative pronoun with `-ci` or `-là` opening its clause, or with
/// `qui`, or a relative `lequel` no preposition governs, right before the verb (past `ne`,
/// `y`, `en`), whose gender and number it shows.
fn pointing_pronoun_subject<'a>(tokens: &SentenceTokens<'a>, i: usize, verb: Tags) -> Option<Subject<'a>> {
    let j = before_clitics(tokens, i)?;
    let particle = tokens.at(j);
    // `laquelle n'était pas contrarié`: the relative pronoun is the subject, unless a
    // preposition governs it (`la ville dans laquelle est situé le musée`).
    let relative = match particle.lower {
        "lequel" => Some((tag::MASCULINE, tag::SINGULAR)),
        "laquelle" => Some((tag::FEMININE, tag::SINGULAR)),
        "lesquels" => Some((tag::MASCULINE, tag::PLURAL)),
        "lesquelles" => Some((tag::FEMININE, tag::PLURAL)),
        _ => None,
    };
    if let Some((gender, number)) = relative {
        let governed =
            j > 0 && (tokens.lex(j - 1).tags.has(tag::PREP) || matches!(tokens.lower(j - 1), "de" | "d" | "à"));
        return (!governed).then_some(Subject {
            pronoun: true,
            demonstrative: false,
            gender,
            number,
            span: particle.span,
            text: particle.text,
        });
    }
    // `celle-ci était`, `celle qui était`: `qui` stands for the pronoun before it.
    let hyphenated = matches!(particle.lower, "ci" | "là") && particle.joiner == Joiner::Hyphen;
    if !(hyphenated || particle.lower == "qui") || j == 0 {
        return None;
    }
    let pronoun = tokens.at(j - 1);
    let (gender, number) = match pronoun.lower {
        "celui" => (tag::MASCULINE, tag::SINGULAR),
        "celle" => (tag::FEMININE, tag::SINGULAR),
        "ceux" => (tag::MASCULINE, tag::PLURAL),
        "celles" => (tag::FEMININE, tag::PLURAL),
        _ if !hyphenated => return stressed_before_qui(tokens, j - 1, verb),
        _ => return None,
    };
    // `ceux et celles qui étaient présents`: coordinated, the pronouns agree together.
    if j >= 2 && matches!(tokens.lower(j - 2), "et" | "ou" | "ni") {
        return None;
    }
    let opens = !hyphenated || j == 1 || pronoun.follows_clause_break();
    opens.then_some(Subject {
        pronoun: true,
        demonstrative: false,
        gender,
        number,
        span: Span::new(pronoun.span.start, particle.span.end),
        text: pronoun.text,
    })
}

/// `lui qui était perdu`, `c'est ça qui paraît stupide`, `elle qui est partie`, `moi qui
/// suis`: a stressed pronoun at `at` before `qui`, opening its clause or after `c'est`, with a
/// verb of its person. Not after a preposition or `comme` (`des gens comme lui qui sont`), nor
/// joined to an imperative (`demande-lui qui est venue`).
fn stressed_before_qui<'a>(tokens: &SentenceTokens<'a>, at: usize, verb: Tags) -> Option<Subject<'a>> {
    let pronoun = tokens.at(at);
    let (gender, number, person) = match pronoun.lower {
        "lui" | "cela" | "ça" | "ceci" => (tag::MASCULINE, tag::SINGULAR, tag::P3SG),
        "elle" => (tag::FEMININE, tag::SINGULAR, tag::P3SG),
        "eux" => (tag::MASCULINE, tag::PLURAL, tag::P3PL),
        "elles" => (tag::FEMININE, tag::PLURAL, tag::P3PL),
        "moi" => (0, tag::SINGULAR, tag::P1SG),
        "toi" => (0, tag::SINGULAR, tag::P2SG),
        _ => return None,
    };
    let after_cest =
        at >= 2 && matches!(tokens.lower(at - 1), "est" | "était") && matches!(tokens.lower(at - 2), "c" | "ce");
    let opens = at == 0 || pronoun.follows_clause_break() || after_cest;
    (opens && pronoun.joiner != Joiner::Hyphen && verb.has(person) && verb.has(tag::FINITE))
        .then(|| Subject::word(&pronoun, true, gender, number))
}

/// `lui semble perdu`, `eux sont partis`, `tout est prêt`, `quiconque est pris`, `rien n'est
/// joué`, `personne n'est venu`: a stressed or indefinite pronoun opening its clause right
/// before a verb of the third person (past `ne`, `y`, `en`), whose attribute is masculine
/// (`eux`: plural). `rien` and `personne` only with their `ne` (`personne` is a noun too).
fn stressed_or_indefinite_subject<'a>(tokens: &SentenceTokens<'a>, i: usize, verb: Tags) -> Option<Subject<'a>> {
    let j = before_clitics(tokens, i)?;
    let pronoun = tokens.at(j);
    let (number, person) = match pronoun.lower {
        "lui" | "tout" | "quiconque" | "rien" | "personne" => (tag::SINGULAR, tag::P3SG),
        "eux" => (tag::PLURAL, tag::P3PL),
        _ => return None,
    };
    let with_ne = (j + 1..i).any(|k| matches!(tokens.lower(k), "ne" | "n"));
    if matches!(pronoun.lower, "rien" | "personne") && !with_ne {
        return None;
    }
    // `lui` and `eux` are also indirect objects before an inverted subject (`Lui est apparue
    // une silhouette`); before `ne` or a reflexive pronoun, which no object precedes, they are
    // the subject (`lui ne semble pas perdu`, `lui s'efforce`).
    let before_ne_or_reflexive = tokens.get(j + 1).is_some_and(|t| matches!(t.lower, "ne" | "n" | "se" | "s"));
    if matches!(pronoun.lower, "lui" | "eux") && !before_ne_or_reflexive {
        return None;
    }
    // `quiconque` and `personne` may take the feminine when a woman is meant (`Personne
    // n'était aussi belle qu'elle`): their number only is judged.
    let gender = if matches!(pronoun.lower, "quiconque" | "personne") { 0 } else { tag::MASCULINE };
    // Not after `-` (`donne-lui`) nor before a verb of another person. Not a subject pronoun
    // either: a determiner after the attribute opens an inverted subject (`lui sont parvenues
    // des lettres`).
    let opens_clause = j == 0 || pronoun.follows_clause_break();
    (opens_clause && pronoun.joiner != Joiner::Hyphen && verb.has(person) && verb.has(tag::FINITE))
        .then(|| Subject::word(&pronoun, false, gender, number))
}

/// `un des leurs restait introuvable`, `l'une des nôtres était perdue`, `une d'elles risquait`,
/// `un d'entre nous sera épargné`, `une des femmes était partie`: `un` or `une` of a group,
/// opening its clause right before a verb of the third person singular, is a singular subject
/// of the gender of `un` or `une`.
fn one_of_subject<'a>(tokens: &SentenceTokens<'a>, i: usize, verb: Tags) -> Option<Subject<'a>> {
    let j = before_clitics(tokens, i)?;
    let group = tokens.at(j);
    let pronoun = matches!(
        group.lower,
        "leurs"
            | "nôtres"
            | "vôtres"
            | "miens"
            | "miennes"
            | "tiens"
            | "tiennes"
            | "siens"
            | "siennes"
            | "elles"
            | "eux"
            | "nous"
            | "vous"
            | "ceux"
            | "celles"
    );
    let plural_noun = group.lex.known
        && group.tags().has(tag::NOUN)
        && group.tags().has(tag::PLURAL)
        && !group.tags().has(tag::SINGULAR | tag::VERB | tag::ADJ)
        && !group.is_capitalised();
    let mut k = j.checked_sub(1)?;
    match tokens.lower(k) {
        "entre" => {
            k = k.checked_sub(1)?;
            if !(pronoun && matches!(tokens.lower(k), "d" | "de")) {
                return None;
            }
        }
        "des" if pronoun || plural_noun => {}
        "d" if matches!(group.lower, "elles" | "eux" | "nous" | "vous" | "ceux" | "celles") => {}
        _ => return None,
    }
    let one = k.checked_sub(1)?;
    let gender = match tokens.lower(one) {
        "un" => tag::MASCULINE,
        "une" => tag::FEMININE,
        _ => return None,
    };
    let start = if one > 0 && tokens.lower(one - 1) == "l" && tokens.at(one).joiner == Joiner::Apostrophe {
        one - 1
    } else {
        one
    };
    let opens_clause = start == 0 || tokens.at(start).follows_clause_break();
    (opens_clause && verb.has(tag::FINITE) && verb.has(tag::P3SG) && !verb.has(tag::P3PL)).then_some(Subject {
        pronoun: false,
        demonstrative: false,
        gender,
        number: tag::SINGULAR,
        span: Span::new(tokens.at(start).span.start, group.span.end),
        text: tokens.at(one).text,
    })
}

/// `serais-je fâché`, `resteras-tu`, `était-elle`, `a-t-il été`: a subject pronoun joined by a
/// hyphen after the verb at `i` (through the `-t-` of euphony).
fn inverted_subject<'a>(tokens: &SentenceTokens<'a>, i: usize, lexicon: &Lexicon) -> Option<Subject<'a>> {
    let mut k = i + 1;
    if tokens.get(k).is_some_and(|t| t.lower == "t" && t.joiner == Joiner::Hyphen) {
        k += 1;
    }
    // `j` is never inverted (`suis-je`).
    let pronoun = tokens.get(k).filter(|t| t.joiner == Joiner::Hyphen && t.lower != "j")?;
    let (gender, number) = personal_pronoun_agreement(pronoun.lower)?;
    // `Ils sont, semble-t-il, partis`, `elle était paraît-il fatiguée`: an incise, whose `il`
    // is impersonal (`Semblait-elle fatiguée` is a question).
    if pronoun.lower == "il" && lemma_is(lexicon, tokens.lower(i), |t| t.has(tag::FINITE), &["sembler", "paraître"]) {
        return None;
    }
    Some(Subject::word(&pronoun, true, gender, number))
}

/// The reflexive pronouns, elided or not.
fn is_reflexive_pronoun(lower: &str) -> bool {
    matches!(lower, "se" | "s" | "me" | "m" | "te" | "t" | "nous" | "vous")
}

/// Whether the pronoun at `at` is reflexive: `se` always; `me`, `te`, `nous`, `vous` only
/// right after their own subject pronoun (past `ne`), as they are objects otherwise (`il me
/// croyait morte`).
pub fn reflexive_of_subject(tokens: &SentenceTokens<'_>, at: usize) -> bool {
    let own_subject: &[&str] = match tokens.lower(at) {
        "se" | "s" => return true,
        "me" | "m" => &["je", "j"],
        "te" | "t" => &["tu"],
        "nous" => &["nous"],
        "vous" => &["vous"],
        _ => return false,
    };
    let mut j = at;
    while j > 0 && matches!(tokens.lower(j - 1), "ne" | "n") {
        j -= 1;
    }
    j > 0 && own_subject.contains(&tokens.lower(j - 1))
}

/// Verbs of opinion, which also raise an object (`ce qu'il croit être juste`).
const OPINION_VERBS: &[&str] = &[
    "penser",
    "croire",
    "imaginer",
    "estimer",
    "affirmer",
    "prétendre",
    "espérer",
    "souhaiter",
    "savoir",
    "dire",
    "déclarer",
    "reconnaître",
    "avouer",
];

/// The subject of the verb at `i` whose gender and number an attribute takes: `il`, `elle`,
/// `ils`, `elles` right before it, a neuter `ce`, `ça`, `cela`, `ceci` opening a clause, or a noun with its determiner that opens the sentence or a
/// clause, or is followed by `qui`, then the negation (`cette carte qui n'y sera`). None for a reflexive (`elle s'est rendu
/// compte`: the participle agrees with its object) or when nothing is known. The reflexive
/// pronoun of another verb is read through (`elle se montre ravie`, `elle s'efforce d'être
/// belle`).
pub fn subject_of<'a>(tokens: &SentenceTokens<'a>, i: usize, lexicon: &Lexicon) -> Option<Subject<'a>> {
    let mut i = raising_verb(tokens, i, lexicon).unwrap_or(i);
    // The verb whose person the subject must bear, before the reflexive pronoun is passed.
    let (verb, verb_at) = (tokens.lex(i).tags, i);
    // `elle se montre`, `il s'y efforce`: the reflexive pronoun (before `y` or `en`) is read
    // through.
    let reflexive = match i.checked_sub(1).map(|r| tokens.lower(r)) {
        Some("y" | "en") => i.checked_sub(2).filter(|&r| is_reflexive_pronoun(tokens.lower(r))),
        Some(lower) if is_reflexive_pronoun(lower) => Some(i - 1),
        _ => None,
    }
    // `un d'entre nous est`: the pronoun of a group, not a reflexive.
    .filter(|&r| r == 0 || tokens.lower(r - 1) != "entre");
    if let Some(r) = reflexive {
        let etre = tokens.lex(i).tags.has(tag::FINITE)
            && lemma_is(lexicon, tokens.lower(i), |t| t.has(tag::FINITE), &["être"]);
        // `il me croyait morte`: `me` is an object, whose attribute follows.
        if etre || !reflexive_of_subject(tokens, r) {
            return None;
        }
        i = r;
    }
    if let Some(subject) = inverted_subject(tokens, verb_at, lexicon) {
        return Some(subject);
    }
    if let Some(subject) = demonstrative_subject(tokens, i, verb) {
        return Some(subject);
    }
    if let Some(subject) = pointing_pronoun_subject(tokens, i, verb) {
        return Some(subject);
    }
    if let Some(subject) = stressed_or_indefinite_subject(tokens, i, verb) {
        return Some(subject);
    }
    if let Some(subject) = one_of_subject(tokens, i, verb) {
        return Some(subject);
    }
    if let Some((at, pronoun)) = pronoun_subject(tokens, i) {
        let (gender, number) = personal_pronoun_agreement(pronoun)?;
        let span = tokens.at(at).span;
        return Some(Subject { pronoun: true, demonstrative: false, gender, number, span, text: pronoun });
    }
    // Back over the negation, `y`, `en` and one `qui`, to the noun.
    let mut j = i.checked_sub(1)?;
    while j > 0 && matches!(tokens.lower(j), "ne" | "n" | "y" | "en") {
        j -= 1;
    }
    let relative = tokens.lower(j) == "qui";
    if relative {
        j = j.checked_sub(1)?;
    }
    let noun = tokens.at(j);
    // `Cette année sont parus trois romans`: a noun of time opens the sentence as an
    // adverbial before an inverted subject.
    if is_time_noun(noun.lower) {
        return None;
    }
    let determiner = tokens.lower(j.checked_sub(1)?);
    // Without `qui`, the noun phrase must open its clause: a noun right before a verb is as
    // often an object or a complement (`méprisant le danger, furent blessées`).
    let opens_clause = j == 1
        || (j >= 2
            && matches!(
                tokens.lower(j - 2),
                "que" | "qu" | "quand" | "lorsque" | "lorsqu" | "si" | "car" | "mais" | "puisque" | "puisqu"
            ));
    if !relative && !opens_clause {
        return None;
    }
    // `des bogues dans la distribution qui sont ouverts`: after a preposition, `qui` may go
    // back to an earlier noun; after `et`, to two (`la mère et la fille qui sont arrivées`).
    if relative
        && j >= 2
        && (tokens.lex(j - 2).tags.has(tag::PREP)
            || matches!(tokens.lower(j - 2), "de" | "d" | "des" | "du" | "et" | "ou" | "ni")
            || tokens.at(j - 1).gap.contains(','))
    {
        return None;
    }
    // Nothing but words between the noun and its verb (`comme la documentation, sont`).
    if !(j + 1..=i).all(|k| tokens.at(k).follows_closely(false) || tokens.at(k).joiner == Joiner::Apostrophe) {
        return None;
    }
    let (det_gender, det_number) = match determiner {
        "le" | "un" | "ce" | "cet" | "mon" | "ton" | "son" | "aucun" | "tout" => (tag::MASCULINE, tag::SINGULAR),
        "la" | "une" | "cette" | "ma" | "ta" | "sa" | "aucune" | "toute" => (tag::FEMININE, tag::SINGULAR),
        "l" | "notre" | "votre" | "leur" | "chaque" => (0, tag::SINGULAR),
        "certains" => (tag::MASCULINE, tag::PLURAL),
        "certaines" => (tag::FEMININE, tag::PLURAL),
        "les" | "ces" | "mes" | "tes" | "ses" | "nos" | "vos" | "leurs" | "plusieurs" | "quelques" => (0, tag::PLURAL),
        // Before `qui`, `des` is as often `de les`, whose noun is a complement (`le chef des
        // opérations qui est parti`).
        "des" if !relative => (0, tag::PLURAL),
        _ => return None,
    };
    let tags = noun.tags();
    // A plain common noun: not a name, which could head something else. A noun that is also
    // a verb after `le`, `la`, `les`, which are also pronouns (`la porte`), is the noun when
    // it opens its clause: an object pronoun and its verb need a subject before them.
    if !noun.lex.known
        || noun.is_capitalised()
        || !tags.has(tag::NOUN)
        || tags.has(tag::PROPER | tag::PRON | tag::ADV | tag::PREP)
        || !noun.follows_closely(false)
    {
        return None;
    }
    let only = |a: u64, b: u64| if tags.has(a) && !tags.has(b) { a } else { 0 };
    let noun_gender = if tags.has(tag::EPICENE) {
        0
    } else {
        only(tag::MASCULINE, tag::FEMININE) | only(tag::FEMININE, tag::MASCULINE)
    };
    let noun_number =
        if tags.has(tag::INVARIABLE) { 0 } else { only(tag::SINGULAR, tag::PLURAL) | only(tag::PLURAL, tag::SINGULAR) };
    // The determiner and the noun must tell the same story, or the reading is unsure. When
    // the determiner shows no gender, the noun's counts only if the noun has a form of each
    // gender (`les avocates sont partis`): the lexicon's gender of another noun, a borrowed
    // one above all, is not every writer's (`les sockets sont utilisées`), and some nouns
    // take either (`les météorites sont tombés`).
    let noun_with_both_genders = || {
        !lexicon
            .sibling_forms(
                noun.lower,
                |t| t.has(tag::NOUN),
                |t| t.has(tag::NOUN) && !t.has(noun_gender) && t.has(tag::MASCULINE | tag::FEMININE),
            )
            .is_empty()
    };
    let gender = match (noun_gender, det_gender) {
        (n, 0) if n != 0 && noun_with_both_genders() => n,
        (_, 0) => 0,
        (0, d) => d,
        (n, d) if n == d => n,
        _ => return None,
    };
    let number = if noun_number == 0 || noun_number == det_number { det_number } else { return None };
    // A verb of the other number has another subject, of which the noun is only a part (`Le
    // porteur pas plus que la créatrice ne sont revenus`).
    let verb_only = |a: u64, b: u64| if verb.has(a) && !verb.has(b) { a } else { 0 };
    let verb_number = verb_only(tag::P3SG, tag::P3PL) | verb_only(tag::P3PL, tag::P3SG);
    if (number == tag::SINGULAR && verb_number == tag::P3PL) || (number == tag::PLURAL && verb_number == tag::P3SG) {
        return None;
    }
    let start = tokens.at(j - 1).span.start;
    Some(Subject {
        pronoun: false,
        demonstrative: false,
        gender,
        number,
        span: Span::new(start, noun.span.end),
        text: noun.text,
    })
}
