//! French noun-phrase agreement shared by MT604: gender and number as the lexicon gives them,
//! the determiners with their forms, and the checks that look past the determiner (an
//! adjective beside the noun, `tout` and `quel` before the determiner). Each check returns a
//! finding of the rule that calls it.

use crate::document::Joiner;
use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::{Tags, tag};
use crate::view::french::{SentenceTokens, Token, capitalise_like};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
    Either,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Number {
    Singular,
    Plural,
}

impl Gender {
    /// As a tag bit; 0 for either.
    pub fn tag(self) -> u64 {
        match self {
            Gender::Masculine => tag::MASCULINE,
            Gender::Feminine => tag::FEMININE,
            Gender::Either => 0,
        }
    }
}

impl Number {
    /// As a tag bit.
    pub fn tag(self) -> u64 {
        match self {
            Number::Singular => tag::SINGULAR,
            Number::Plural => tag::PLURAL,
        }
    }
}

/// Gender and number of a determiner, with the forms that would agree.
pub fn determiner(lower: &str) -> Option<(Gender, Number, &'static str, &'static str)> {
    // (gender, number, masculine singular form, feminine singular form); plural forms agree
    // with both genders.
    Some(match lower {
        "le" => (Gender::Masculine, Number::Singular, "le", "la"),
        "la" => (Gender::Feminine, Number::Singular, "le", "la"),
        "un" => (Gender::Masculine, Number::Singular, "un", "une"),
        "une" => (Gender::Feminine, Number::Singular, "un", "une"),
        "du" => (Gender::Masculine, Number::Singular, "du", "de la"),
        "au" => (Gender::Masculine, Number::Singular, "au", "à la"),
        "ce" => (Gender::Masculine, Number::Singular, "ce", "cette"),
        "cette" => (Gender::Feminine, Number::Singular, "ce", "cette"),
        "cet" => (Gender::Masculine, Number::Singular, "ce", "cette"),
        "ma" => (Gender::Feminine, Number::Singular, "mon", "ma"),
        "ta" => (Gender::Feminine, Number::Singular, "ton", "ta"),
        "sa" => (Gender::Feminine, Number::Singular, "son", "sa"),
        // One form for both genders. Not `mon`, `ton`, `son` (which also go before a feminine
        // word that opens with a vowel, and are nouns: `les systèmes de son modernes`), nor
        // `leur`, a pronoun too (`rendez leur …`).
        "notre" | "votre" | "chaque" => (Gender::Either, Number::Singular, "", ""),
        // The elided article: singular, either gender (`l’états` for l’état).
        "l" => (Gender::Either, Number::Singular, "", ""),
        // Plural quantifiers count as determiners (`quelques homme`); number words do not, as
        // they also stand alone (`cinq multiplié par trois`, `trois minimum`).
        "les" | "des" | "ces" | "aux" | "mes" | "tes" | "ses" | "nos" | "vos" | "leurs" | "quelques" | "plusieurs"
        | "maints" | "maintes" => (Gender::Either, Number::Plural, "", ""),
        _ => return None,
    })
}

pub fn genders(tags: Tags) -> Option<Gender> {
    if tags.has(tag::EPICENE) || tags.has_all(tag::MASCULINE | tag::FEMININE) {
        return Some(Gender::Either);
    }
    if tags.has(tag::MASCULINE) {
        Some(Gender::Masculine)
    } else if tags.has(tag::FEMININE) {
        Some(Gender::Feminine)
    } else {
        None
    }
}

/// Readings that make a word's nominal reading uncertain: a verb form, a function word, a
/// name. A noun or adjective with none of them is taken as one.
pub const NOT_NOMINAL: u64 = tag::FINITE
    | tag::INFINITIVE
    | tag::PRESENT_PARTICIPLE
    | tag::PRON
    | tag::DET
    | tag::PREP
    | tag::ADV
    | tag::CONJ
    | tag::NUMERAL
    | tag::PROPER
    | tag::INTERJ
    | tag::OTHER;

/// A single gender and a single number of a word's readings, where the lexicon is sure.
fn sure_gender(tags: Tags) -> Option<Gender> {
    genders(tags).filter(|g| *g != Gender::Either)
}

fn sure_number(tags: Tags) -> Option<Number> {
    if tags.has(tag::INVARIABLE) || tags.has_all(tag::SINGULAR | tag::PLURAL) {
        return None;
    }
    if tags.has(tag::SINGULAR) {
        Some(Number::Singular)
    } else if tags.has(tag::PLURAL) {
        Some(Number::Plural)
    } else {
        None
    }
}

/// Whether two sure values contradict.
fn clash<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a != b)
}

/// `le gigantesque explosion`, `l’excellente collier`, `le chien perdue`: a determiner, then
/// an adjective and a noun (either order) where the noun disagrees with the determiner across
/// the adjective, or the adjective with the noun. An adjective after the noun is judged only
/// where it cannot agree with another word: the phrase opens its sentence or is a verb's
/// object, is not the complement of another word (`la fille du voisin blessée`) nor
/// coordinated (`le chien et la chatte perdus`).
pub fn noun_phrase_with_adjective(rule: &'static str, tokens: &SentenceTokens<'_>, det_at: usize) -> Option<Finding> {
    // Every word comes here, and few are followed by two nominal words: the readings decide
    // before the determiner is looked at and the tokens are made.
    let (first_tags, second_tags) = (tokens.lex(det_at + 1).tags, tokens.lex(det_at + 2).tags);
    let pair = tag::NOUN | tag::ADJ | tag::PAST_PARTICIPLE;
    if !first_tags.has(pair) || !second_tags.has(pair) {
        return None;
    }
    let (det_gender, det_number, ..) = determiner(tokens.lower(det_at))?;
    let det_gender = Some(det_gender).filter(|g| *g != Gender::Either);
    let (first, second) = (tokens.at(det_at + 1), tokens.at(det_at + 2));
    let attached = first.follows_closely(false) || (tokens.lower(det_at) == "l" && first.joiner == Joiner::Apostrophe);
    if !attached || !second.follows_closely(false) || first.is_capitalised() || second.is_capitalised() {
        return None;
    }
    let known = |t: &Token<'_>| t.lex.known && t.text.chars().count() >= 2;
    // French lexicons read most adjectives as nouns too (`rapide`, `importante`); a word that
    // is only a noun is never taken for the adjective, as nouns stand in apposition (`le mot
    // clé`, `la question piège`).
    let adjective_like =
        |t: &Token<'_>| known(t) && t.tags().has(tag::ADJ | tag::PAST_PARTICIPLE) && !t.tags().has(NOT_NOMINAL);
    let noun_like = |t: &Token<'_>| {
        known(t)
            && t.tags().has(tag::NOUN)
            && !t.tags().has(tag::VERB | tag::PRON | tag::DET | tag::PREP | tag::ADV | tag::CONJ | tag::PROPER)
    };
    // Before the noun, only a word that is no noun (`gigantesque`): a noun there heads the
    // phrase (`le vecteur vitesse`, `une imprimante laser`); nor an ordinal, which a shared
    // plural follows (`de la première et de la deuxième générations`).
    let ordinal =
        |t: &Token<'_>| t.lower.ends_with("ième") || matches!(t.lower, "premier" | "première" | "dernier" | "dernière");
    let (adjective, noun, adjective_first) =
        if adjective_like(&first) && !first.tags().has(tag::NOUN) && !ordinal(&first) && noun_like(&second) {
            (first, second, true)
        } else if noun_like(&first) && adjective_like(&second) {
            // After the noun, the adjective may be the attribute of the subject (`passent leurs
            // journées enfermés`, `avoir l'air fatiguée`) or belong to a word before the phrase
            // (`un bogue critique pour la publication oublié`, `le chien et la chatte perdus`):
            // judged in a phrase that opens its sentence, or in the object of a verb when the
            // adjective cannot be the subject's either (`il voit cet outil terribles`).
            let opens =
                det_at == 0 || (object_of_verb(tokens, det_at) && !agrees_with_subject(tokens, det_at, &second));
            // The adjective may open the next noun phrase's (`le chien petit chat`): not when a noun
            // or adjective follows it.
            let continues = tokens
                .get(det_at + 3)
                .is_some_and(|next| next.tags().has(tag::NOUN | tag::ADJ) && next.follows_closely(false));
            // `Les gouvernements espagnol et mexicain`, `les couleurs rouge, jaune et verte`: each
            // adjective of a coordination agrees with one of the things named; `noir d'encre`,
            // `une fois terminé`, `les uns … les autres`: idioms.
            // `les meilleurs résultats possible`, `les enfants même`, `les taxes compris`:
            // words that stay invariable there.
            let coordinated_or_idiom = tokens.get(det_at + 3).is_some_and(|next| {
                matches!(next.lower, "et" | "ou" | "de" | "d") || next.gap.contains([',', '/', '('])
            }) || matches!(first.lower, "fois" | "uns" | "unes" | "autres" | "ayants")
                || matches!(second.lower, "possible" | "même" | "compris" | "excepté" | "passé" | "vu" | "inclus");
            if !opens || continues || coordinated_or_idiom || tokens.at(det_at).gap.contains(',') {
                return None;
            }
            (second, first, false)
        } else {
            return None;
        };
    if adjective.text.chars().count() < 3 || noun.text.chars().count() < 2 {
        return None;
    }
    let (noun_tags, adjective_tags) = (noun.tags(), adjective.tags());
    let (noun_gender, noun_number) = (sure_gender(noun_tags), sure_number(noun_tags));
    let (adjective_gender, adjective_number) = (sure_gender(adjective_tags), sure_number(adjective_tags));
    // Before the noun, the adjective must agree with the determiner (else the pair is MT604's
    // first check, or the adjective is no adjective here); after it, the noun must (else
    // MT604's first check reports `Le voitures` once, and the adjective is not to blame).
    let determiner_clash = if adjective_first {
        clash(det_gender, adjective_gender) || clash(Some(det_number), adjective_number)
    } else {
        clash(det_gender, noun_gender) || clash(Some(det_number), noun_number)
    };
    if determiner_clash {
        return None;
    }
    // With the adjective first, gender only: a singular noun after a plural adjective may be a
    // noun in apposition to it (`des manuels utilisateur`).
    let across = adjective_first && clash(det_gender, noun_gender);
    let with_adjective =
        clash(noun_gender, adjective_gender) || (!adjective_first && clash(noun_number, adjective_number));
    if !across && !with_adjective {
        return None;
    }
    let det = tokens.at(det_at);
    let span = Span::new(det.span.start, second.span.end);
    let what = |g: Option<Gender>, n: Option<Number>| {
        let gender = match g {
            Some(Gender::Masculine) => "masculine ",
            Some(Gender::Feminine) => "feminine ",
            _ => "",
        };
        let number = match n {
            Some(Number::Singular) => "singular",
            Some(Number::Plural) => "plural",
            None => "",
        };
        format!("{gender}{number}").trim().to_string()
    };
    let message = format!(
        "`{}`: the noun `{}` is {}, the adjective `{}` {}",
        tokens.phrase(det_at, det_at + 2),
        noun.text,
        what(noun_gender, noun_number),
        adjective.text,
        if across { format!("and the determiner `{}` are not", det.text) } else { "is not".into() }
    );
    Some(Finding::new(rule, Severity::Warning, span, message))
}

/// `Le chien du voisin mourante`, `l'école de notre cité reconstruites`: a noun phrase that
/// opens its sentence, its noun followed by a complement with `de` (`du`, `des`, `de` and a
/// determiner), then an adjective that agrees with neither noun. The gender and number of
/// each noun are the lexicon's, or its determiner's where the lexicon allows both.
pub fn complement_phrase_adjective(rule: &'static str, tokens: &SentenceTokens<'_>) -> Option<Finding> {
    // Cheap tests on the readings first: most sentences do not open so.
    if tokens.len() < 5 || !tokens.lex(1).tags.has(tag::NOUN) {
        return None;
    }
    let (det_gender, det_number, ..) = determiner(tokens.lower(0))?;
    let (n2_at, det2) = match tokens.lower(2) {
        "du" => (3, (Gender::Masculine, Number::Singular)),
        "des" => (3, (Gender::Either, Number::Plural)),
        "de" | "d" => {
            let (gender, number, ..) = determiner(tokens.lower(3)).filter(|_| tokens.lower(3) != "du")?;
            (4, (gender, number))
        }
        _ => return None,
    };
    let adjective_at = n2_at + 1;
    let adjective = tokens.get(adjective_at)?;
    let noun_like = |t: &Token<'_>| {
        t.lex.known
            && !t.is_capitalised()
            && t.text.chars().count() >= 2
            && t.tags().has(tag::NOUN)
            && !t.tags().has(tag::VERB | tag::PRON | tag::DET | tag::PREP | tag::ADV | tag::CONJ | tag::PROPER)
    };
    let (first, second) = (tokens.at(1), tokens.at(n2_at));
    let adjective_like = adjective.lex.known
        && !adjective.is_capitalised()
        && adjective.text.chars().count() >= 3
        && adjective.tags().has(tag::ADJ | tag::PAST_PARTICIPLE)
        && !adjective.tags().has(NOT_NOMINAL);
    let attached = (1..=adjective_at).all(|k| {
        let t = tokens.at(k);
        t.follows_closely(false) || t.joiner == Joiner::Apostrophe
    });
    if !noun_like(&first) || !noun_like(&second) || !adjective_like || !attached {
        return None;
    }
    // The adjective opens another phrase (`… voisin petit chat`), is coordinated (`rouge et
    // verte`) or is an invariable idiom.
    // `a` and `est` read as nouns too (a letter, a compass point): here they are verbs.
    let goes_on = tokens.get(adjective_at + 1).is_some_and(|next| {
        (next.tags().has(tag::NOUN | tag::ADJ) && next.follows_closely(false) && !matches!(next.lower, "a" | "est"))
            || matches!(next.lower, "et" | "ou" | "de" | "d")
            || next.gap.contains([',', '/', '('])
    });
    if goes_on || matches!(adjective.lower, "possible" | "même" | "compris" | "excepté" | "passé" | "vu" | "inclus")
    {
        return None;
    }
    // Each noun's gender and number: the lexicon's where it is sure, else the determiner's.
    let of_noun = |noun: &Token<'_>, (gender, number): (Gender, Number)| {
        let tags = noun.tags();
        let gender = sure_gender(tags).or(Some(gender).filter(|g| *g != Gender::Either));
        (gender, sure_number(tags).or(Some(number)))
    };
    let (g1, n1) = of_noun(&first, (det_gender, det_number));
    let (g2, n2) = of_noun(&second, det2);
    // The nouns must agree with their determiners, else the determiner is to blame (`la
    // professeur`, `la chef`: MT604's first check or a usage it leaves alone).
    let det_clash = |noun: &Token<'_>, (gender, number): (Gender, Number)| {
        clash(Some(gender).filter(|g| *g != Gender::Either), sure_gender(noun.tags()))
            || clash(Some(number), sure_number(noun.tags()))
    };
    if det_clash(&first, (det_gender, det_number)) || det_clash(&second, det2) {
        return None;
    }
    let (ga, na) = (sure_gender(adjective.tags()), sure_number(adjective.tags()));
    let disagrees = |g: Option<Gender>, n: Option<Number>| clash(g, ga) || clash(n, na);
    if !disagrees(g1, n1) || !disagrees(g2, n2) {
        return None;
    }
    let message = format!(
        "`{}`: the adjective `{}` agrees with neither `{}` nor `{}`",
        tokens.phrase(0, adjective_at),
        adjective.text,
        first.text,
        second.text
    );
    Some(Finding::new(rule, Severity::Warning, Span::new(tokens.at(0).span.start, adjective.span.end), message))
}

/// Whether the noun phrase at `det_at` is the direct object of a verb: right after a finite
/// verb, an infinitive or a past participle (`regarde la pluie`), or after a partitive `de`
/// that follows one (`voyais de la pluie`). Not after a noun (`le chef de la police`), whose
/// complement it would be.
fn object_of_verb(tokens: &SentenceTokens<'_>, det_at: usize) -> bool {
    let verb = |i: usize| {
        let tags = tokens.lex(i).tags;
        tokens.lex(i).known
            && tags.has(tag::FINITE | tag::INFINITIVE | tag::PAST_PARTICIPLE)
            && !tags.has(tag::NOUN | tag::ADJ | tag::PREP | tag::DET | tag::PRON)
    };
    // A participle after a form of avoir (`a vu`, `ont trouvé`), whatever else it can be.
    let participle = |i: usize| {
        i >= 1
            && tokens.lex(i).tags.has(tag::PAST_PARTICIPLE)
            && matches!(
                tokens.lower(i - 1),
                "ai" | "as"
                    | "a"
                    | "avons"
                    | "avez"
                    | "ont"
                    | "avait"
                    | "avaient"
                    | "aura"
                    | "auront"
                    | "aurait"
                    | "auraient"
            )
    };
    let object_of = |i: usize| verb(i) || participle(i);
    match det_at {
        0 => false,
        1 => verb(0),
        _ if matches!(tokens.lower(det_at - 1), "de" | "d") => object_of(det_at - 2),
        _ => object_of(det_at - 1),
    }
}

/// Whether `adjective` may agree with the sentence's subject, taken as any personal pronoun,
/// name or noun before `det_at` (`elle a quitté le bureau épuisée`, `après le match, elle a
/// quitté le stade épuisée`). Without one, it may.
fn agrees_with_subject(tokens: &SentenceTokens<'_>, det_at: usize, adjective: &Token<'_>) -> bool {
    let (gender, number) = (sure_gender(adjective.tags()), sure_number(adjective.tags()));
    let mut candidates = 0;
    for i in 0..det_at {
        let (subject_gender, subject_number) = match tokens.lower(i) {
            "il" => (Some(Gender::Masculine), Some(Number::Singular)),
            "elle" => (Some(Gender::Feminine), Some(Number::Singular)),
            "ils" => (Some(Gender::Masculine), Some(Number::Plural)),
            "elles" => (Some(Gender::Feminine), Some(Number::Plural)),
            "je" | "j" | "tu" => (None, Some(Number::Singular)),
            "on" | "nous" | "vous" => return true,
            _ => {
                let token = tokens.at(i);
                // A name: its gender is unknown.
                if i > 0 && token.is_capitalised() {
                    return true;
                }
                let tags = token.tags();
                if !tags.has(tag::NOUN) || tags.has(NOT_NOMINAL) {
                    continue;
                }
                (sure_gender(tags), sure_number(tags))
            }
        };
        candidates += 1;
        if !clash(subject_gender, gender) && !clash(subject_number, number) {
            return true;
        }
    }
    candidates == 0
}

/// The forms of `tout` and of `quel`: (masculine singular, feminine singular, masculine
/// plural, feminine plural).
fn predeterminer_forms(lower: &str) -> Option<[&'static str; 4]> {
    match lower {
        "tout" | "toute" | "tous" | "toutes" => Some(["tout", "toute", "tous", "toutes"]),
        "quel" | "quelle" | "quels" | "quelles" => Some(["quel", "quelle", "quels", "quelles"]),
        _ => None,
    }
}

/// The number a definite, demonstrative or possessive determiner gives its noun. Not `un`,
/// `une`: `tout une quinzaine` is a slip human writers make as often as systems do.
fn determiner_number(lower: &str) -> Option<Number> {
    match lower {
        "le" | "la" | "l" | "ce" | "cet" | "cette" | "mon" | "ma" | "ton" | "ta" | "son" | "sa" | "notre" | "votre"
        | "leur" => Some(Number::Singular),
        "les" | "ces" | "mes" | "tes" | "ses" | "nos" | "vos" | "leurs" => Some(Number::Plural),
        _ => None,
    }
}

/// `tout les films`, `toutes les pays`, and `Quels sont les raisons`: `tout` before a
/// determiner, and `quel` opening a question before a form of être and a determiner, take the
/// gender of the noun and the number of its determiner.
pub fn predeterminer(rule: &'static str, tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    let lower = tokens.lower(i);
    // Every word comes here: one byte rules out all but `t…` and `q…`.
    if !lower.starts_with(['t', 'q']) {
        return None;
    }
    let forms = predeterminer_forms(lower)?;
    let is_quel = forms[0] == "quel";
    let det_at = if is_quel {
        // `Quels sont les raisons`: a question opening with quel, then être.
        let opens = i == 0 || tokens.at(i).follows_clause_break();
        let etre = matches!(
            tokens.lower(i + 1),
            "est" | "sont" | "était" | "étaient" | "sera" | "seront" | "serait" | "seraient" | "fut" | "furent"
        );
        if !opens || !etre || !tokens.at(i + 1).follows_closely(false) {
            return None;
        }
        i + 2
    } else {
        i + 1
    };
    let noun_at = det_at + 1;
    if noun_at >= tokens.len() {
        return None;
    }
    let number = determiner_number(tokens.lower(det_at))?;
    let (pre, det, noun) = (tokens.at(i), tokens.at(det_at), tokens.at(noun_at));
    if !is_quel {
        // `Malgré tout ces hommes`, `pas du tout l'intention`: `tout` ends an idiom there.
        if i > 0 && matches!(tokens.lower(i - 1), "malgré" | "du" | "après" | "en" | "avant" | "surtout") {
            return None;
        }
        // `tous` and `toutes` are also pronouns: after a verb or before a singular
        // determiner they float (`ils ont tous le même bagage`, `elles connaissent toutes ces
        // problèmes`).
        let floating = matches!(pre.lower, "tous" | "toutes")
            && (number == Number::Singular
                || (i > 0
                    && tokens.lex(i - 1).tags.has(
                        tag::FINITE | tag::PAST_PARTICIPLE | tag::INFINITIVE | tag::PRESENT_PARTICIPLE | tag::PRON,
                    )));
        if floating {
            return None;
        }
    }
    let tags = noun.tags();
    // The noun is a plain common noun, not a verb the determiner would be the object of (`tous
    // le savent`), nor a name.
    let plain_noun = noun.lex.known
        && tags.has(tag::NOUN)
        && !tags.has(tag::VERB | tag::PRON | tag::DET | tag::PREP | tag::ADV | tag::CONJ | tag::PROPER | tag::NUMERAL)
        && !noun.is_capitalised();
    let close = det.follows_closely(false) && (noun.follows_closely(false) || noun.joiner == Joiner::Apostrophe);
    // `tout ce putain de train`: an idiom whose noun takes another gender.
    let idiom = matches!(det.lower, "ce" | "cet" | "cette")
        && tokens.get(noun_at + 1).is_some_and(|next| matches!(next.lower, "de" | "d"));
    if !plain_noun || !close || pre.joiner == Joiner::Hyphen || idiom {
        return None;
    }
    // The noun's own number must allow the determiner's (`les avion` is MT604's other check).
    let noun_number_fits = match number {
        Number::Singular => !tags.has(tag::PLURAL) || tags.has(tag::SINGULAR | tag::INVARIABLE),
        Number::Plural => !tags.has(tag::SINGULAR) || tags.has(tag::PLURAL | tag::INVARIABLE),
    };
    if !noun_number_fits {
        return None;
    }
    let gender = match genders(tags) {
        Some(Gender::Masculine) => Some(0),
        Some(Gender::Feminine) => Some(1),
        _ => None,
    };
    let plural = usize::from(number == Number::Plural) * 2;
    let written = forms.iter().position(|&f| f == pre.lower)?;
    let right = match gender {
        Some(g) => forms[plural + g],
        // Gender unknown: only the number is judged.
        None if written / 2 * 2 != plural => forms[plural + written % 2],
        None => return None,
    };
    if right == pre.lower {
        return None;
    }
    let span = Span::new(pre.span.start, noun.span.end);
    let message = format!(
        "`{}`: `{}` agrees with `{}`, which takes `{}`",
        tokens.phrase(i, noun_at),
        pre.text,
        tokens.phrase(det_at, noun_at),
        right
    );
    Some(Finding::new(rule, Severity::Warning, span, message).with_suggestion(capitalise_like(pre.text, right)))
}
