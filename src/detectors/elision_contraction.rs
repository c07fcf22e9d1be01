//! MT602: a missing elision, contraction or euphonic form in French (`ne en`, `de le`, `a-il`).

use crate::document::Joiner;
use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::{Lexicon, tag};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;
use crate::view::french::{self, Token, capitalise_like};

pub struct ElisionContraction;

static META: RuleMeta = RuleMeta {
    id: "MT602",
    name: "elision-contraction",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 49.9,
    fallback: false,
    summary: "French words left whole where French elides or contracts them (`ne en`, `de le`, `a-il`).",
    explanation: "\
What it flags: in a French text, a short word written in full before a word where French
always elides it (`ne en` for n'en, `que il` for qu'il, `le avion` for l'avion, `de « animaux`
for d'« animaux »), a preposition and article left apart where French contracts them (`de le
pays` for du, `à les` for aux, `de les` for des), a possessive or demonstrative that euphony
changes (`sa histoire` for son, `ce avion` for cet), and an inverted verb without its euphonic
t (`a-il` for a-t-il, `va t'il` for va-t-il).

Why it matters: no French writer leaves these whole; a machine that translates word by word,
or a pipeline that mangled apostrophes, does. They are among the most visible marks of
machine French.

Example: `ils ne en ont pas` → flagged, suggestion `n'en`.

How: the tokens of each sentence with their lexicon entries. The word after must be known to
the French lexicon and start with a vowel or a silent h (the aspirated-h list and the
exceptions such as `onze` and `oui` are in data/grammar-fr.toml). `de le` and `à les` are
flagged only before a noun or adjective, never before a verb (`de le faire` is correct).
Capitalised titles (`de Le Monde`) and ranges (`de un à trois`) are left alone.

Limits: words starting with `y` are not judged (`le yaourt` but `l'ypérite`). Reader comments
are not checked.",
};

impl Detector for ElisionContraction {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !french::is_french(doc) {
            return;
        }
        let lex = doc.french_words(res);
        for &s in doc.french_sentences(res) {
            let sentence = &doc.sentences[s];
            // A sentence's tokens are laid out only once one of its word pairs may be a case.
            let mut sentence_tokens: Option<Vec<Token<'_>>> = None;
            for index in sentence.words.start + 1..sentence.words.end {
                let screened_out = !may_be_a_case(doc, index, res);
                if screened_out && !cfg!(debug_assertions) {
                    continue;
                }
                let tokens = sentence_tokens.get_or_insert_with(|| {
                    sentence.words.clone().map(|i| french::token(doc, lex, sentence, i)).collect()
                });
                let i = index - sentence.words.start;
                let (before, word) = (&tokens[i - 1], &tokens[i]);
                let found = missing_elision(tokens, i, res)
                    .or_else(|| needless_elision(before, word, res))
                    .or_else(|| missing_contraction(tokens, i, res.french))
                    .or_else(|| missing_euphonic_t(before, word, tokens.get(i + 1)));
                debug_assert!(!(screened_out && found.is_some()), "the screen hid a case: {found:?}");
                if let Some((span, message, suggestion)) = found.filter(|_| !screened_out) {
                    out.push(Finding::new(META.id, Severity::Warning, span, message).with_suggestion(suggestion));
                }
            }
        }
    }
}

type Found = (Span, String, String);

/// From the start of `a` to the end of `b`.
fn pair_span(a: &Token<'_>, b: &Token<'_>) -> Span {
    Span::new(a.span.start, b.span.end)
}

/// The tests that each case below makes first, on the words' text alone: a pair that passes
/// none of them is no case, and most pairs pass none. (In debug builds, `check` runs every
/// case on the pairs this screens out too, and asserts that none is found.)
fn may_be_a_case(doc: &View, index: usize, res: &Resources) -> bool {
    let (before, word) = (&doc.words[index - 1], &doc.words[index]);
    let (before_lower, word_lower) = (doc.slice_lower(before.span), doc.slice_lower(word.span));
    // `missing_elision`.
    let vowel_like = word_lower.as_bytes().first().is_some_and(|&b| b >= 0x80 || b"aeiouhy".contains(&b));
    if vowel_like && elided_or_euphonic(before_lower) {
        return true;
    }
    // `needless_elision`.
    if word.joiner == Joiner::Apostrophe
        && matches!(before_lower, "l" | "d" | "j" | "qu" | "n" | "s" | "m" | "t")
        && (res.french_grammar.has_aspirated_h(word_lower) || res.french_grammar.refuses_elision(word_lower))
    {
        return true;
    }
    // `missing_contraction` (which compares the article as written).
    if matches!((before_lower, doc.slice(word.span)), ("de" | "à", "le" | "les")) {
        return true;
    }
    // `missing_euphonic_t`.
    word_lower == "t" || (word.joiner == Joiner::Hyphen && matches!(word_lower, "il" | "elle" | "on"))
}

/// The words `missing_elision` may find unelided, or in their non-euphonic form. (Sorted by
/// length first: this runs on every word, and most words have none of these lengths.)
fn elided_or_euphonic(word: &str) -> bool {
    match word.len() {
        2 => matches!(
            word,
            "ne" | "je" | "me" | "te" | "se" | "le" | "la" | "de" | "si" | "ce" | "du" | "au" | "ma" | "ta" | "sa"
        ),
        3 => matches!(word, "que" | "fou" | "mou"),
        4 => word == "beau",
        5 => word == "vieux",
        6 => word == "jusque",
        7 => matches!(word, "lorsque" | "puisque" | "quoique" | "nouveau"),
        _ => false,
    }
}

fn missing_elision(tokens: &[Token<'_>], i: usize, res: &Resources) -> Option<Found> {
    let (before, word) = (&tokens[i - 1], &tokens[i]);
    let vowel_like = word.lower.as_bytes().first().is_some_and(|&b| b >= 0x80 || b"aeiouhy".contains(&b));
    if !elided_or_euphonic(before.lower)
        || !vowel_like
        || !word.follows_closely(true)
        || before.joiner == Joiner::Hyphen
    {
        return None;
    }
    // One-letter words: `ne y`, `que a`, `le a`, `que à` are elided; other letters (`de a à z`)
    // are cited, not read.
    if word.text.chars().count() < 2 {
        let elided = matches!(
            (before.lower, word.lower),
            ("ne" | "je" | "me" | "te" | "se" | "que", "y")
                | ("ne" | "que" | "le" | "la" | "me" | "te" | "se", "a")
                | ("que" | "jusque", "à")
        );
        if !elided {
            return None;
        }
        let short = &before.lower[..before.lower.len() - 1];
        let fixed = format!("{}’{}", capitalise_like(before.text, short), word.text);
        return Some((
            pair_span(before, word),
            format!("`{} {}`: French elides `{}` before a vowel", before.text, word.text, before.lower),
            fixed,
        ));
    }
    let grammar = &res.french_grammar;
    let next_lower = word.lower;
    // The word after must be a real French word, and start with a vowel or a silent h. A
    // capitalised word inside a sentence must be a common noun as written (a country such as
    // `Ukraine`), not a title (`Le Monde`) or a city (`Ouagadougou`, often left unelided).
    let tags = if word.is_capitalised() && !word.sentence_initial {
        let exact = res.french.tags(word.text);
        if !exact.has(tag::NOUN) || exact.has(tag::PROPER) || word.is_all_caps() {
            return None;
        }
        exact
    } else {
        word.tags()
    };
    if !word.lex.known || !grammar.elides_before(next_lower) || tags.has(tag::CONJ) {
        return None;
    }
    // A quoted word is elided before only when the quotation is a phrase, not a word cited
    // for itself (`ce que “être” signifie`).
    let quoted = word.gap.contains(['«', '“', '"', '„']);
    if quoted && (!tags.has(tag::NOUN | tag::ADJ) || tokens.get(i + 1).is_none_or(|t| !t.follows_closely(false))) {
        return None;
    }
    let short = match before.lower {
        // `le un`, `la une`: the numeral and the front page are not elided after; `la où` is
        // `là où` without its accent.
        "le" | "la"
            if !matches!(next_lower, "un" | "une") && tags.has(tag::NOUN | tag::ADJ | tag::VERB | tag::NUMERAL) =>
        {
            "l"
        }
        "de" => {
            // `de un à trois`: a range, not an article. `titre de une par excellence`, `de un
            // contre un`: the noun (the front page) or the numeral, before a preposition, a
            // conjunction or the end of the clause, which are never elided. The first part of
            // a hyphenated noun is no preposition there (`de un sans-abri`).
            let compound_at = |k: usize| {
                tokens.get(k).is_some_and(|t| t.lex.in_known_compound)
                    || tokens.get(k + 1).is_some_and(|t| t.joiner == Joiner::Hyphen)
            };
            // A preposition that is also a noun (`car`, `vers`, `contre`) counts as one only
            // before another numeral (`de un contre un`).
            let numeral_after =
                tokens.get(i + 2).is_some_and(|n| n.tags().has(tag::NUMERAL) || matches!(n.lower, "un" | "une"));
            let preposition = |t: &Token<'_>| {
                t.lower == "à"
                    || (t.tags().has(tag::PREP | tag::CONJ) && (!t.tags().has(tag::NOUN) || numeral_after))
            };
            let no_noun_after = |t: &Token<'_>| !t.follows_closely(true) || (preposition(t) && !compound_at(i + 1));
            let not_article = matches!(next_lower, "un" | "une") && tokens.get(i + 1).is_none_or(no_noun_after);
            if not_article {
                return None;
            }
            "d"
        }
        "ne" => "n",
        "que" => "qu",
        "je" if tags.has(tag::P1SG) => "j",
        "me" => "m",
        "te" => "t",
        "se" => "s",
        // `si il ou elle`: the pair is left whole on purpose.
        "si" if matches!(next_lower, "il" | "ils") && tokens.get(i + 1).is_none_or(|t| t.lower != "ou") => "s",
        "lorsque" | "puisque" | "quoique"
            if matches!(next_lower, "il" | "ils" | "elle" | "elles" | "on" | "un" | "une") =>
        {
            &before.lower[..before.lower.len() - 1]
        }
        "jusque" if next_lower.starts_with('à') || next_lower.starts_with("au") || next_lower == "ici" => "jusqu",
        "ce" if next_lower.starts_with(['e', 'é']) && french::is_etre_finite(word, res.french) => "c",
        // `du homme`, `au arbre`: the contracted article before a vowel is `de l'`, `à l'`.
        "du" | "au" if only_masculine_nominal(tags) && tags.has(tag::SINGULAR) && !tags.has(tag::PLURAL) => {
            let preposition = capitalise_like(before.text, if before.lower == "du" { "de" } else { "à" });
            let fixed = format!("{preposition} l’{}", word.text);
            return Some(euphony(before, word, fixed));
        }
        // Euphony rather than elision: `ce avion` → cet avion, `sa amie` → son amie,
        // `nouveau élément` → nouvel élément.
        "ce" | "nouveau" | "beau" | "vieux" | "fou" | "mou"
            // `de nouveau`, `à nouveau` are adverbs: `il se sentait de nouveau homme`.
            if !(i >= 2 && before.lower == "nouveau" && matches!(tokens[i - 2].lower, "de" | "à"))
                && only_masculine_nominal(tags)
                && tags.has(tag::NOUN)
                && tags.has(tag::SINGULAR)
                && !tags.has(tag::PLURAL | tag::INVARIABLE) =>
        {
            let form = match before.lower {
                "ce" => "cet",
                "nouveau" => "nouvel",
                "beau" => "bel",
                "vieux" => "vieil",
                "fou" => "fol",
                _ => "mol",
            };
            let fixed = format!("{} {}", capitalise_like(before.text, form), word.text);
            return Some(euphony(before, word, fixed));
        }
        "ma" | "ta" | "sa" if only_feminine_nominal(tags) => {
            let possessive = match before.lower {
                "ma" => "mon",
                "ta" => "ton",
                _ => "son",
            };
            let fixed = format!("{} {}", capitalise_like(before.text, possessive), word.text);
            return Some(euphony(before, word, fixed));
        }
        _ => return None,
    };
    // Keep an opening quotation mark: `de « animaux` → d’« animaux.
    let fixed = format!("{}’{}{}", capitalise_like(before.text, short), word.gap.trim_start(), word.text);
    Some((
        pair_span(before, word),
        format!(
            "`{}{}{}`: French elides `{}` before a vowel or silent h",
            before.text, word.gap, word.text, before.lower
        ),
        fixed,
    ))
}

/// `l'haricot`, `j'hâble`: elision before an aspirated h.
fn needless_elision(before: &Token<'_>, word: &Token<'_>, res: &Resources) -> Option<Found> {
    if word.joiner != Joiner::Apostrophe || !matches!(before.lower, "l" | "d" | "j" | "qu" | "n" | "s" | "m" | "t") {
        return None;
    }
    let aspirated = res.french_grammar.has_aspirated_h(word.lower) && word.lex.known;
    let refuses = res.french_grammar.refuses_elision(word.lower) && word.lower != "ouate";
    if !aspirated && !refuses {
        return None;
    }
    let full = match before.lower {
        "l" => "le",
        "d" => "de",
        "j" => "je",
        "qu" => "que",
        "n" => "ne",
        "s" => "se",
        "m" => "me",
        _ => "te",
    };
    let fixed = format!("{} {}", capitalise_like(before.text, full), word.text);
    Some((
        pair_span(before, word),
        format!("`{}`: French does not elide before `{}`", &word_pair_text(before, word), word.text),
        fixed,
    ))
}

fn word_pair_text(before: &Token<'_>, word: &Token<'_>) -> String {
    format!("{}’{}", before.text, word.text)
}

fn euphony(before: &Token<'_>, word: &Token<'_>, fixed: String) -> Found {
    (
        pair_span(before, word),
        format!("`{} {}`: before a vowel, French writes `{}`", before.text, word.text, fixed),
        fixed,
    )
}

fn only_masculine_nominal(tags: crate::lexicon::words::Tags) -> bool {
    tags.has(tag::NOUN | tag::ADJ)
        && tags.has(tag::MASCULINE)
        && !tags.has(tag::FEMININE | tag::EPICENE | VERBAL | tag::PRON | tag::DET | tag::ADV | tag::PREP)
}

/// `ma`, `ta`, `sa` are only ever determiners, so a verb reading of the word after (`épouse`)
/// does not matter.
fn only_feminine_nominal(tags: crate::lexicon::words::Tags) -> bool {
    tags.has(tag::NOUN | tag::ADJ)
        && tags.has(tag::FEMININE)
        && !tags.has(tag::MASCULINE | tag::EPICENE | tag::PRON | tag::DET | tag::ADV | tag::PREP)
}

/// A verb form that can head a clause (a past participle alone reads as an adjective).
const VERBAL: u64 = tag::FINITE | tag::INFINITIVE | tag::PRESENT_PARTICIPLE;

/// `de le pays` → du pays; `à les` → aux. Only before a noun or adjective: `de le faire` is an
/// infinitive with its pronoun.
fn missing_contraction(tokens: &[Token<'_>], i: usize, lexicon: &Lexicon) -> Option<Found> {
    let (before, article) = (&tokens[i - 1], &tokens[i]);
    let next = tokens.get(i + 1)?;
    let contracted = match (before.lower, article.text) {
        ("de", "le") => "du",
        ("de", "les") => "des",
        ("à", "le") => "au",
        ("à", "les") => "aux",
        _ => return None,
    };
    if !article.follows_closely(false) || !next.follows_closely(true) || before.joiner == Joiner::Hyphen {
        return None;
    }
    let tags = if next.is_capitalised() && !next.sentence_initial { lexicon.tags(next.text) } else { next.tags() };
    let nominal = tags.has(tag::NOUN | tag::ADJ | tag::NUMERAL)
        && !tags.has(VERBAL | tag::PRON | tag::ADV | tag::PREP | tag::DET | tag::CONJ);
    // Before a vowel, `le` would have been elided: that is the other error.
    if !nominal || (article.text == "le" && next.lower.starts_with(['a', 'e', 'i', 'o', 'u', 'é', 'h'])) {
        return None;
    }
    let fixed = format!("{} {}", capitalise_like(before.text, contracted), next.text);
    Some((
        pair_span(before, article),
        format!(
            "`{} {} {}`: French contracts `{} {}` into `{}`",
            before.text, article.text, next.text, before.lower, article.text, contracted
        ),
        fixed,
    ))
}

/// `a-il` → a-t-il; `va t'il`, `A t-elle` → va-t-il, a-t-elle; `vient-t-il` → vient-il.
fn missing_euphonic_t(before: &Token<'_>, word: &Token<'_>, after: Option<&Token<'_>>) -> Option<Found> {
    // Both cases need a hyphenated pronoun or a `t`: most pairs stop here.
    if word.joiner != Joiner::Hyphen && word.lower != "t" {
        return None;
    }
    let verb = before.tags().has(tag::FINITE);
    let ends_in_vowel = before.lower.ends_with(['a', 'e', 'c']);
    // A verb ending in a vowel (or -c: `vainc`) directly hyphenated to the subject pronoun.
    if word.joiner == Joiner::Hyphen
        && matches!(word.lower, "il" | "elle" | "on")
        && verb
        && ends_in_vowel
        && before.tags().has(tag::P3SG)
    {
        let fixed = format!("{}-t-{}", before.text, word.text);
        return Some((
            pair_span(before, word),
            format!("`{}-{}`: the inverted verb takes a euphonic t", before.text, word.text),
            fixed,
        ));
    }
    // A `t` between the verb and its subject: it must stand between two hyphens, and only after
    // a vowel.
    let after = after?;
    let subject = matches!(after.lower, "il" | "elle" | "on" | "ils" | "elles" | "tu");
    if word.lower != "t" || !subject || !verb || (word.joiner == Joiner::Space && after.joiner == Joiner::Space) {
        return None;
    }
    let due = ends_in_vowel && matches!(after.lower, "il" | "elle" | "on");
    let written_well = word.joiner == Joiner::Hyphen && after.joiner == Joiner::Hyphen;
    if due && written_well {
        return None;
    }
    let (fixed, message) = if due {
        (format!("{}-t-{}", before.text, after.text), "the euphonic t is written between two hyphens")
    } else {
        (format!("{}-{}", before.text, after.text), "no euphonic t after a verb ending in a consonant")
    };
    Some((pair_span(before, after), message.to_string(), fixed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::flagged_in_french;

    fn flagged(sentence: &str) -> Vec<(String, String)> {
        flagged_in_french(&ElisionContraction, sentence)
    }

    #[test]
    fn missing_elisions_are_flagged_with_the_elided_form() {
        assert_eq!(flagged("Ils ne en ont jamais parlé."), [("ne en".into(), "n’en".into())]);
        assert_eq!(flagged("Il a dit que il viendra."), [("que il".into(), "qu’il".into())]);
        assert_eq!(flagged("Le avion a atterri."), [("Le avion".into(), "L’avion".into())]);
        assert_eq!(flagged("Il parle de « animaux sauvages »."), [("de « animaux".into(), "d’« animaux".into())]);
        assert_eq!(flagged("Elle se demande si il pleut."), [("si il".into(), "s’il".into())]);
        assert_eq!(flagged("Il parle de une voiture rouge."), [("de une".into(), "d’une".into())]);
        assert_eq!(flagged("Il parle de un sans-abri du quartier."), [("de un".into(), "d’un".into())]);
        assert_eq!(flagged("Il monte de un car scolaire."), [("de un".into(), "d’un".into())]);
        assert_eq!(flagged("Le prix de un billet augmente."), [("de un".into(), "d’un".into())]);
    }

    #[test]
    fn one_letter_words_are_elided_before_too() {
        assert_eq!(flagged("Il ne y a rien."), [("ne y".into(), "n’y".into())]);
        assert_eq!(flagged("Je le a vu hier."), [("le a".into(), "l’a".into())]);
        assert!(flagged("Il est resté la où il était.").is_empty(), "`la où` is `là où`");
    }

    #[test]
    fn contractions_are_flagged_before_nouns_only() {
        assert_eq!(flagged("Il revient de le marché."), [("de le".into(), "du marché".into())]);
        assert_eq!(flagged("Elle parle à les enfants."), [("à les".into(), "aux enfants".into())]);
        assert_eq!(flagged("Elle parle à les voisins."), [("à les".into(), "aux voisins".into())]);
        assert!(flagged("Il a essayé de le faire.").is_empty());
        assert!(flagged("Il commence à les comprendre.").is_empty());
    }

    #[test]
    fn the_euphonic_t_is_required_after_a_vowel() {
        assert_eq!(flagged("Va-il venir ?"), [("Va-il".into(), "Va-t-il".into())]);
        assert_eq!(flagged("Pourquoi a t-elle menti ?"), [("a t-elle".into(), "a-t-elle".into())]);
        assert!(flagged("A-t-il menti ?").is_empty());
        assert!(flagged("Pourquoi dit-il cela ?").is_empty());
    }

    #[test]
    fn a_superfluous_or_missing_t_is_flagged() {
        assert_eq!(flagged("Vient-t-il demain ?"), [("Vient-t-il".into(), "Vient-il".into())]);
        assert_eq!(flagged("Viendront t-ils demain ?"), [("Viendront t-ils".into(), "Viendront-ils".into())]);
        assert_eq!(flagged("Pourquoi a-t il menti ?"), [("a-t il".into(), "a-t-il".into())]);
    }

    #[test]
    fn elision_before_an_aspirated_h_is_flagged() {
        assert_eq!(flagged("Il mange l’haricot vert."), [("l’haricot".into(), "le haricot".into())]);
        assert!(flagged("Il mange l’homme vert.").is_empty());
    }

    #[test]
    fn euphony_of_possessives_and_demonstratives() {
        assert_eq!(flagged("Il voit un nouveau élément."), [("nouveau élément".into(), "nouvel élément".into())]);
        assert!(flagged("Ce sont de vieux amis.").is_empty(), "plural: no euphony");
        assert_eq!(flagged("Je parle du homme."), [("du homme".into(), "de l’homme".into())]);
        assert_eq!(flagged("Il a quitté sa épouse."), [("sa épouse".into(), "son épouse".into())]);
        assert_eq!(flagged("Ce avion est neuf."), [("Ce avion".into(), "Cet avion".into())]);
    }

    #[test]
    fn exceptions_stay_silent() {
        for sentence in [
            "Le héros est rentré.",
            "Le onze de départ est connu.",
            "Il compte de un à trois.",
            "Le titre de une par excellence du quotidien.",
            "Ils jouent de un contre un.",
            "Il en faut de un ou deux.",
            "Elle parlait de une, puis de deux.",
            "Un article de Le Monde le confirme.",
            "Le hasard fait bien les choses.",
            "Prends-le avec toi.",
            "Puis-je entrer ?",
            "Le ou les patrons.",
            "Il a fait la une des journaux.",
            "La femme avec le hijab vert.",
            "Je est un autre.",
            "Il compte de a à z.",
            "Il dit ce que “être” signifie.",
            "Les habitants de Ouagadougou.",
            "Il se demande si il ou elle viendra.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }
}
