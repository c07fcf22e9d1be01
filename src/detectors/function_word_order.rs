//! MT612: French function words put together the way another language puts its own (`en
//! l'archive`, `cet il`, `ne seulement`).

use super::chain_subject::lemma_is;
use super::subject_shapes::close;
use crate::document::Joiner;
use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::{Lexicon, tag};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;
use crate::view::french::{self, SentenceTokens, WordTable};
use std::sync::LazyLock;

pub struct FunctionWordOrder;

static META: RuleMeta = RuleMeta {
    id: "MT612",
    name: "function-word-order",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 9.0,
    fallback: false,
    summary: "French function words combined as another language combines its own (`en l'archive`, `cet il`, `ne seulement`).",
    explanation: "\
What it flags: in a French text, function words in a sequence French does not build:
- `en` before a definite article or `des` and a noun (`en l'archive`, `en le script`, `en
  les paquets`, `en des fichiers`): Spanish, Italian and Portuguese put their `en`/`in`/`em`
  before the article (`en el archivo`), French writes `dans le`;
- a determiner before a subject pronoun (`cet il`, `ces ils`), where a system rendered a word
  it took for a pronoun;
- `ne seulement` for `non seulement` (Spanish `no solo`, Italian `non solo`);
- the determiner `ces` where the pronoun `ceux` or `celles` goes, before a relative pronoun
  or `de` (`ces qui sont corrigés`, `ces où les gens discutent`, `ces de la version`):
  Spanish `los que`, English `those which`, Italian `quelli di`;
- the indefinite `des` before a plural adjective and its noun, where French writes `de`
  (`par des nombreux paquets`, `il y a des différentes possibilités`, `pour des autres
  raisons`), after a preposition other than `de` or a form of avoir, where `des` cannot be
  `de` + `les` (`la liste des nombreux paquets` passes); adjectives that are also nouns or
  make set phrases (`des nouvelles`, `des petits pois`, `des grandes écoles`) are left out;
- `autres` with no determiner before its plural noun, after a preposition, `que` or `si`
  (`avec autres distributeurs`, `si autres outils sont`), where French writes `d'autres`
  (Spanish `con otros`); `entre autres`, `sans autres`, `et autres` are French, and labels
  drop the determiner (`Pour autres demandes`, `Si autres symptômes, consultez`);
- `ne` with no verb after it: before an adjective, a participle or a noun (`des programmes ne
  sûrs`), or before an infinitive with no `pas`, `jamais`, `rien`… in the next words (`pour
  ne saturer votre disque`): Spanish `no` and Italian `non` rendered word for word; `ne`
  alone before a conjugated verb (`je ne sais`, `avant qu'il ne parte`) and before the
  literary `pouvoir`, `savoir`, `oser`, `cesser` (`pour ne pouvoir briser`) passes;
- a negative word with `ne … pas` in one clause (`Aucun problème n'est pas introduit`,
  `Personne ne sait pas`, `il ne voit pas aucun`): Spanish, Italian and Portuguese double
  their negations (`no … ningún`), French drops `pas` after `aucun`, `nul`, `personne`,
  `rien`.

Why it matters: a system that maps function words one by one keeps the source's order and
choices; a French writer does not write them, and a careful reader stops at each.

Example: `Le fichier se trouve en l'archive Debian.` → flagged, `dans l'archive` suggested.

How: the words themselves and the lexicon's reading of the word after them: after `en le`
and `en les` a present participle (`en le modifiant`) or an infinitive passes, and after
`en la`, `en l'` and `en des` a noun of the set phrases French keeps (`en la matière`, `en
l'occurrence`, `en l'absence de`, `en des termes`: a table below). Since classical and
literary French also write `en la`, `en l'` and `en des` (`en des liens si doux`), those are
reported only where a document has two phrases of `en` and an article; `en le` and `en les`
before a noun, which French never builds, are reported alone. A capitalised word after `en`
(`en La Rochelle`), the pronoun `en` of an imperative (`Parlez-en le matin`), `en` after
words built with it (`croire en la science`, `confiance en la justice`, `se traduire en des
actes`) and a hyphenated pronoun (`un on-dit`) pass.

A negative word counts where it opens its clause (first word, after a clause break or a
conjunction): as the subject right before `ne` (`Personne ne sait pas`), or as a determiner
a few nouns and adjectives before it (`aucun problème sévère n'est pas`); elsewhere it is a
noun, an adjective or another verb's object (`une seule personne ne peut pas`, `un match nul
ne suffit pas`, `celui qui ne fait rien ne se trompe pas`). After `pas`, `aucun`, `aucune`
and `personne` count (`ce n'est pas rien` is French). `CES` in capitals is an acronym.

Limits: other prepositions copied from another language (`sur` for `à` after `cliquer`) are
not judged, nor `en` before a possessive (`en son sein` is French).",
};

/// Nouns French keeps after `en la`, `en l'` and `en des`: set phrases and the formal style
/// of deeds and liturgy (`en l'église Saint-Pierre`, `en l'étude de Maître`).
const SET_PHRASE_NOUNS: &[&str] = &[
    "abbaye",
    "absence",
    "air",
    "an",
    "attente",
    "audience",
    "basilique",
    "cause",
    "cathédrale",
    "chapelle",
    "circonstance",
    "circonstances",
    "demeure",
    "église",
    "endroits",
    "espace",
    "espèce",
    "état",
    "étude",
    "faveur",
    "forme",
    "heures",
    "honneur",
    "hôtel",
    "instance",
    "lieux",
    "matière",
    "mémoire",
    "mots",
    "occurrence",
    "personne",
    "présence",
    "proportions",
    "temps",
    "termes",
];

impl Detector for FunctionWordOrder {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !french::is_french(doc) {
            return;
        }
        // `en la`, `en l'` and `en des` also occur in classical and literary French (`en des
        // liens si doux`): alone in a document, they are not reported.
        let mut after_en = Vec::new();
        let starts = &*STARTS;
        for tokens in doc.french_sentence_tokens(res) {
            for i in 0..tokens.len().saturating_sub(1) {
                // Every word comes here: its key tells the few that start a shape.
                let finding = match starts.get(&tokens.lex(i)) {
                    None => continue,
                    Some(Start::En) => {
                        after_en.extend(preposition_before_article(&tokens, i, res.french));
                        continue;
                    }
                    Some(Start::Ne) => ne_seulement(&tokens, i)
                        .or_else(|| doubled_negation(&tokens, i))
                        .or_else(|| ne_without_verb(&tokens, i)),
                    Some(Start::Ces) => ces_for_pronoun(&tokens, i).or_else(|| determiner_before_pronoun(&tokens, i)),
                    Some(Start::Des) => des_before_adjective(&tokens, i),
                    Some(Start::Autres) => bare_autres(&tokens, i),
                    Some(Start::Determiner) => determiner_before_pronoun(&tokens, i),
                };
                out.extend(finding);
            }
        }
        let several = after_en.len() >= MIN_EN_ARTICLE;
        out.extend(after_en.into_iter().filter(|(always, _)| *always || several).map(|(_, finding)| finding));
    }
}

/// The words a shape of MT612 starts from.
#[derive(Clone, Copy)]
enum Start {
    En,
    /// `ne`, `n'`.
    Ne,
    Ces,
    Des,
    Autres,
    /// A determiner that never stands before a pronoun (`cette`, `ses`, `chaque`).
    Determiner,
}

static STARTS: LazyLock<WordTable<Start>> = LazyLock::new(|| {
    let mut entries = vec![
        ("en", Start::En),
        ("ne", Start::Ne),
        ("n", Start::Ne),
        ("ces", Start::Ces),
        ("des", Start::Des),
        ("autres", Start::Autres),
    ];
    entries.extend(
        ["cet", "cette", "ma", "mes", "ta", "tes", "sa", "ses", "notre", "nos", "votre", "vos", "leurs", "chaque"]
            .map(|word| (word, Start::Determiner)),
    );
    WordTable::new(&entries)
});

/// `en la`, `en l'` or `en des` phrases a document needs before they are reported.
const MIN_EN_ARTICLE: usize = 2;

/// `en l'archive`, `en le script`, `en des fichiers`, with whether it is reported alone (`en
/// le`, `en les`, which French never builds before a noun).
fn preposition_before_article(tokens: &SentenceTokens<'_>, i: usize, lexicon: &Lexicon) -> Option<(bool, Finding)> {
    // `Parlez-en le matin`: the pronoun `en` of an imperative.
    if tokens.at(i).joiner == Joiner::Hyphen {
        return None;
    }
    let article = tokens.get(i + 1)?;
    if !matches!(article.lower, "le" | "la" | "l" | "les" | "des") || !close(&article) {
        return None;
    }
    let noun = tokens.get(i + 2)?;
    let tags = noun.tags();
    // A conjugated reading does not matter (`archive`): a pronoun before `en` would stand
    // after it (`il l'en a`), but a gerund or an infinitive may follow a pronoun `le`.
    let verb_form = tag::PRESENT_PARTICIPLE | tag::INFINITIVE;
    let function_word = tag::PREP | tag::DET | tag::PRON | tag::CONJ | tag::ADV | tag::NUMERAL;
    if !close(&noun)
        || !noun.lex.known
        || noun.is_capitalised()
        || !tags.has(tag::NOUN | tag::ADJ)
        || tags.has(verb_form | function_word | tag::PROPER)
    {
        return None;
    }
    // `le` and `les` after `en` are articles only (`en le modifiant` has a participle, and a
    // noun in `-ant` may be one misspelt: `en le fabricant`); `la`, `l'` and `des` open set
    // phrases.
    let always = matches!(article.lower, "le" | "les");
    if (!always && SET_PHRASE_NOUNS.contains(&noun.lower)) || (always && noun.lower.ends_with("ant")) {
        return None;
    }
    // `croire en la science`, `confiance en la justice`, `se traduire en des actes`: words
    // built with `en` before an article.
    let built_with_en = (i.saturating_sub(3)..i).any(|j| {
        matches!(tokens.lower(j), "confiance" | "foi" | "espoir" | "espérance" | "croyance")
            || lemma_is(
                lexicon,
                tokens.lower(j),
                |t| t.has(tag::VERB),
                &["croire", "traduire", "transformer", "convertir"],
            )
    });
    if built_with_en {
        return None;
    }
    let phrase = tokens.phrase(i, i + 2);
    let message = format!("`{phrase}`: `en` before an article, where French writes `dans` (Spanish `en el`)");
    let suggestion = format!("dans {}", tokens.phrase(i + 1, i + 2));
    let span = Span::new(tokens.at(i).span.start, noun.span.end);
    Some((always, Finding::new(META.id, Severity::Warning, span, message).with_suggestion(suggestion)))
}

/// `cet il`, `une elle`: a determiner that only determines, then a subject pronoun.
fn determiner_before_pronoun(tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    let determiner = tokens.lower(i);
    // Not `le`, `la`, `les`, `leur`, `un`, `une`, `plusieurs`, `quelques` (pronouns too: `j'en
    // ai pris un je crois`, `j'en ai une elle marche`), nor `son`, `mon`, `ton` (nouns too).
    if !matches!(
        determiner,
        "cet"
            | "cette"
            | "ces"
            | "ma"
            | "mes"
            | "ta"
            | "tes"
            | "sa"
            | "ses"
            | "notre"
            | "nos"
            | "votre"
            | "vos"
            | "leurs"
            | "chaque"
    ) {
        return None;
    }
    let pronoun = tokens.at(i + 1);
    let hyphenated = tokens.get(i + 2).is_some_and(|next| next.joiner == Joiner::Hyphen);
    if !matches!(pronoun.lower, "il" | "ils" | "elle" | "elles" | "je" | "tu" | "on")
        || !pronoun.follows_closely(false)
        || pronoun.is_all_caps()
        || hyphenated
    {
        return None;
    }
    let message = format!(
        "`{}`: the determiner `{}` before the subject pronoun `{}`",
        tokens.phrase(i, i + 1),
        tokens.text(i),
        pronoun.text
    );
    Some(Finding::new(META.id, Severity::Warning, Span::new(tokens.at(i).span.start, pronoun.span.end), message))
}

/// `ces qui`, `ces où`, `ces de`: the determiner where the pronoun `ceux` or `celles` goes.
fn ces_for_pronoun(tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    // `le CES de Las Vegas`: an acronym.
    if tokens.at(i).is_all_caps() {
        return None;
    }
    let next = tokens.at(i + 1);
    if !matches!(next.lower, "qui" | "que" | "qu" | "où" | "dont" | "de" | "d" | "du" | "des")
        || !next.follows_closely(false)
    {
        return None;
    }
    let message = format!(
        "`{}`: the determiner `{}` before `{}`, where French writes the pronoun `ceux` or `celles`",
        tokens.phrase(i, i + 1),
        tokens.text(i),
        next.text
    );
    Some(Finding::new(META.id, Severity::Warning, Span::new(tokens.at(i).span.start, next.span.end), message))
}

/// The words that complete `ne` into a negation, or follow it in one (`ne jamais`, `ne que`).
fn completes_negation(lower: &str) -> bool {
    matches!(
        lower,
        "pas"
            | "plus"
            | "jamais"
            | "rien"
            | "guère"
            | "point"
            | "que"
            | "qu"
            | "ni"
            | "nul"
            | "nulle"
            | "aucun"
            | "aucune"
            | "personne"
            | "nullement"
            | "aucunement"
    )
}

/// `ne` with no verb: before an adjective, a participle or a noun (`des programmes ne sûrs`,
/// `le paquet ne corrigé`), or before an infinitive with nothing to complete the negation
/// (`pour ne saturer votre disque`): Spanish and Italian `no`/`non` rendered word for word.
/// `ne` opens a negation on a verb, or stands alone before a conjugated verb (`je ne sais`,
/// `avant qu'il ne parte`), which is left alone.
fn ne_without_verb(tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    let ne = tokens.at(i);
    // `fish'n'chips`: a letter between apostrophes; `le ne explétif`: the word itself, named.
    if (ne.text != "ne" && ne.text != "n")
        || ne.joiner == Joiner::Apostrophe
        || (i > 0 && (french::is_determiner(tokens.lower(i - 1)) || matches!(tokens.lower(i - 1), "particule" | "mot")))
        || ne.gap.contains(['«', '“', '"'])
    {
        return None;
    }
    let next = tokens.get(i + 1)?;
    // `n'` joined to its word by the apostrophe (`n/b` and `n,` are letters), `ne` by a space.
    let joined = if ne.text == "n" { next.joiner == Joiner::Apostrophe } else { next.follows_closely(false) };
    if !joined
        || next.is_capitalised()
        || !next.lex.known
        || completes_negation(next.lower)
        || french::is_object_pronoun(next.lower)
    {
        return None;
    }
    let tags = next.tags();
    // Literary French negates `pouvoir`, `savoir`, `oser` and `cesser` with `ne` alone (`pour ne
    // pouvoir briser`, `de n'avoir pu venir`); an adverb may stand in the negation itself
    // (`pour ne trop en dire`).
    let literary =
        |lower: &str| matches!(lower, "pouvoir" | "savoir" | "oser" | "cesser" | "pu" | "su" | "osé" | "cessé");
    if tags.has(tag::FINITE | tag::PRESENT_PARTICIPLE | tag::PRON | tag::CONJ | tag::ADV)
        || literary(next.lower)
        || (matches!(next.lower, "avoir" | "être") && i + 2 < tokens.len() && literary(tokens.lower(i + 2)))
    {
        return None;
    }
    let infinitive = tags.has(tag::INFINITIVE);
    // The negation may close further on: past an adverb (`ne même pas`, `ne surtout rien`), or
    // anywhere after an infinitive and its complements (`ne garder de cette période que les
    // bons souvenirs`), or in a set phrase of the literary `ne` alone (`n'avoir cure`, `ne dire
    // mot`, `n'avoir de cesse`).
    let reach = if infinitive { tokens.len() } else { (i + 4).min(tokens.len()) };
    let closes =
        |lower: &str| completes_negation(lower) || matches!(lower, "mot" | "goutte" | "cure" | "garde" | "cesse");
    if (i + 2..reach).any(|k| closes(tokens.lower(k))) {
        return None;
    }
    let message = if infinitive {
        format!("`{}`: `ne` before an infinitive with no `pas` or `jamais`", tokens.phrase(i, i + 1))
    } else {
        format!("`{}`: `ne` before a word that is no verb", tokens.phrase(i, i + 1))
    };
    Some(Finding::new(META.id, Severity::Warning, Span::new(ne.span.start, next.span.end), message))
}

/// Plural adjectives that stand before their noun and make the indefinite `des` into `de`
/// (`de nombreux paquets`, `d'autres raisons`). Left out: adjectives that are nouns too or
/// make compounds and set phrases (`des nouvelles`, `des anciens combattants`, `des futurs
/// mariés`, `des multiples communs`, `des petits pois`), and those that everyday writing keeps
/// with `des` (`des vrais amis`, `des meilleurs amis`, `des anciens élèves`).
const PRENOMINAL_ADJECTIVES: &[&str] = &[
    "nombreux",
    "nombreuses",
    "autres",
    "véritables",
    "importants",
    "importantes",
    "différents",
    "différentes",
    "diverses",
];

/// `par des nombreux paquets`, `il y a des différentes possibilités`: the indefinite `des`
/// before an adjective and its noun, where French writes `de`. Only after a preposition that
/// is not `de` or a form of avoir, where `des` cannot be `de` + `les` (`la liste des nombreux
/// paquets`, `parler des autres pays` pass).
fn des_before_adjective(tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    if i == 0 || i + 2 >= tokens.len() {
        return None;
    }
    let before = tokens.lower(i - 1);
    // `le pour et le contre des options`, `les vers des poètes`: a noun, not a preposition.
    if i >= 2 && french::is_determiner(tokens.lower(i - 2)) {
        return None;
    }
    let indefinite_place = matches!(
        before,
        "pour"
            | "à"
            | "avec"
            | "sur"
            | "dans"
            | "par"
            | "pendant"
            | "entre"
            | "contre"
            | "sans"
            | "vers"
            | "chez"
            | "selon"
            | "parmi"
            | "a"
            | "ont"
            | "avait"
            | "avaient"
    );
    let adjective = tokens.at(i + 1);
    if !indefinite_place || !PRENOMINAL_ADJECTIVES.contains(&adjective.lower) || !adjective.follows_closely(false) {
        return None;
    }
    let noun = tokens.at(i + 2);
    // A participle after the adjective makes a compound (`des nouveaux arrivants`).
    let participle = tag::PAST_PARTICIPLE | tag::PRESENT_PARTICIPLE;
    if !noun.tags().has(tag::NOUN)
        || noun.tags().has(participle)
        || !noun.follows_closely(false)
        || noun.is_capitalised()
    {
        return None;
    }
    let des = tokens.at(i);
    if !des.follows_closely(false) {
        return None;
    }
    let article = if adjective.lower.starts_with(['a', 'e', 'i', 'o', 'u', 'é']) { "d’" } else { "de " };
    let message = format!(
        "`{}`: `des` before an adjective and its noun, where French writes `de` (`de nombreux`, `d'autres`)",
        tokens.phrase(i, i + 2)
    );
    let suggestion = format!("{}{}", french::capitalise_like(des.text, article), adjective.text);
    Some(
        Finding::new(META.id, Severity::Warning, Span::new(des.span.start, adjective.span.end), message)
            .with_suggestion(suggestion),
    )
}

/// `avec autres distributeurs`, `si autres outils sont`: `autres` with no determiner after a
/// preposition or a conjunction (not `pour`, as in labels: `Pour autres demandes`), before
/// its noun, where French writes `d'autres` (Spanish `con otros`, Italian `con altri`).
/// `entre autres`, `sans autres formalités`, `et autres` are French and not looked at.
fn bare_autres(tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    if i == 0 || i + 1 >= tokens.len() {
        return None;
    }
    let before = tokens.lower(i - 1);
    let opens_phrase = matches!(
        before,
        "avec" | "à" | "sur" | "dans" | "par" | "vers" | "chez" | "contre" | "selon" | "que" | "qu" | "si"
    );
    // `le pour et le contre`: a noun, not a preposition.
    if !opens_phrase || (i >= 2 && french::is_determiner(tokens.lower(i - 2))) {
        return None;
    }
    let (autres, noun) = (tokens.at(i), tokens.at(i + 1));
    let plural_noun = noun.tags().has(tag::NOUN) && noun.tags().has(tag::PLURAL);
    if !plural_noun
        || !noun.follows_closely(false)
        || !close(&autres)
        || noun.is_capitalised()
        || autres.is_capitalised()
    {
        return None;
    }
    // `Si autres symptômes, consultez`: a clipped label; after `si`, only a clause with its
    // verb (`si autres outils sont nécessaires`).
    if before == "si"
        && !tokens.get(i + 2).is_some_and(|verb| verb.tags().has(tag::FINITE) && verb.follows_closely(false))
    {
        return None;
    }
    let message = format!(
        "`{}`: `autres` with no determiner before its noun, where French writes `d'autres`",
        tokens.phrase(i - 1, i + 1)
    );
    Some(Finding::new(META.id, Severity::Warning, autres.span, message).with_suggestion(format!("d’{}", autres.text)))
}

/// Negative words that take `ne` without `pas` (`aucun problème n'est`, `personne ne sait`),
/// opening their clause: the first word, or after a clause break or a conjunction. Elsewhere
/// they are nouns or adjectives (`une seule personne ne peut pas`, `un match nul ne suffit
/// pas`) or the object of another verb (`celui qui ne fait rien ne se trompe pas`).
fn is_negative_subject(tokens: &SentenceTokens<'_>, at: usize) -> bool {
    if !matches!(tokens.lower(at), "aucun" | "aucune" | "nul" | "nulle" | "personne" | "rien") {
        return false;
    }
    at == 0
        || tokens.at(at).gap.contains([',', ';', ':', '(', '—', '–'])
        || matches!(
            tokens.lower(at - 1),
            "et" | "mais"
                | "ou"
                | "car"
                | "donc"
                | "que"
                | "qu"
                | "si"
                | "quand"
                | "lorsque"
                | "lorsqu"
                | "puisque"
                | "puisqu"
        )
}

/// `Aucun problème n'est pas introduit`, `Personne ne sait pas`, `il ne voit pas aucun`: a
/// negative word and `ne … pas` in one clause, the `ne` at `i`.
fn doubled_negation(tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    // The verb after `ne`, past object pronouns, then `pas` or `point`: read from the words'
    // text and readings first, as most negations have none of this.
    let mut v = i + 1;
    while v < tokens.len() && french::is_object_pronoun(tokens.lower(v)) {
        v += 1;
    }
    if v + 1 >= tokens.len() || !matches!(tokens.lower(v + 1), "pas" | "point") || !tokens.lex(v).tags.has(tag::FINITE)
    {
        return None;
    }
    let pas = tokens.at(v + 1);
    if !pas.follows_closely(false) {
        return None;
    }
    // Before `ne`: the negative word itself, or its noun phrase (`aucun problème sévère`).
    let mut negative = None;
    let mut b = i;
    while b > 0 && i - b < 4 && tokens.at(b).follows_closely(false) {
        b -= 1;
        if matches!(tokens.lower(b), "aucun" | "aucune" | "nul" | "nulle" | "personne" | "rien") {
            let pronoun = matches!(tokens.lower(b), "personne" | "rien");
            negative = (is_negative_subject(tokens, b) && (!pronoun || b + 1 == i)).then_some(b);
            break;
        }
        let tags = tokens.lex(b).tags;
        if !tags.has(tag::NOUN | tag::ADJ) || tags.has(tag::VERB | tag::PRON | tag::PREP | tag::CONJ) {
            break;
        }
    }
    // After `pas`: `il ne voit pas aucun`.
    let after = tokens
        .get(v + 2)
        .filter(|t| matches!(t.lower, "aucun" | "aucune" | "personne") && t.follows_closely(false))
        .map(|_| v + 2);
    let (from, to) = match (negative, after) {
        (Some(b), _) => (b, v + 1),
        (_, Some(a)) => (i, a),
        _ => return None,
    };
    let negative_word = if from == i { tokens.text(to) } else { tokens.text(from) };
    let message = format!(
        "`{}`: `{negative_word}` and `ne … {}` in one clause, where French drops `{}`",
        tokens.phrase(from, to),
        pas.lower,
        pas.lower
    );
    Some(Finding::new(
        META.id,
        Severity::Warning,
        Span::new(tokens.at(from).span.start, tokens.at(to).span.end),
        message,
    ))
}

/// `ne seulement` for `non seulement`.
fn ne_seulement(tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    let next = tokens.at(i + 1);
    if next.lower != "seulement" || !next.follows_closely(false) {
        return None;
    }
    let message = "`ne seulement`: French writes `non seulement`".to_string();
    Some(
        Finding::new(META.id, Severity::Warning, Span::new(tokens.at(i).span.start, next.span.end), message)
            .with_suggestion(french::capitalise_like(tokens.text(i), "non seulement")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::flagged_in_french;

    fn flagged(sentence: &str) -> Vec<(String, String)> {
        flagged_in_french(&FunctionWordOrder, sentence)
    }

    #[test]
    fn en_before_an_article_and_a_noun_is_flagged() {
        assert_eq!(
            flagged("Il faut corriger les erreurs en le script."),
            [("en le script".into(), "dans le script".into())]
        );
        assert_eq!(
            flagged("Le fichier se trouve en l'archive Debian et les bogues en des fichiers séparés."),
            [("en l'archive".into(), "dans l'archive".into()), ("en des fichiers".into(), "dans des fichiers".into())]
        );
        // Alone, `en l'`, `en la` and `en des` may be literary.
        assert_eq!(flagged("Ne veux nulle place en des cœurs corrompus."), []);
    }

    #[test]
    fn gerunds_and_set_phrases_after_en_pass() {
        for sentence in [
            "Il corrige le texte en le modifiant et en les regroupant.",
            "En la matière, il parle en l'absence du ministre et en des termes clairs.",
            "Il est en l'occurrence en l'air, en l'état.",
            "Il vit en La Rochelle depuis longtemps.",
            "En le fabricant, il a réussi.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_determiner_before_a_subject_pronoun_is_flagged() {
        assert_eq!(flagged("Le paquet est installé et cet il fonctionne."), [("cet il".into(), String::new())]);
        for sentence in [
            "Il écoute un on-dit et ces gens partent.",
            "Chaque élève sait ce qu'il fait.",
            "J'en ai pris un il y a deux jours.",
            "J'en veux une elle aussi.",
            "J'en ai acheté une elle marche très bien.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn review_cases_pass() {
        for sentence in [
            "J'en ai pris un je crois.",
            "J'ai confiance en la justice et je crois en la science.",
            "La requête est recevable en la forme et rejetée en la forme.",
            "Ces mesures doivent se traduire en des actions concrètes et en des résultats.",
            "Parlez-en le matin au médecin.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn ces_before_a_relative_or_de_is_flagged() {
        assert_eq!(flagged("Les seuls bogues fermés sont ces qui sont corrigés."), [("ces qui".into(), String::new())]);
        assert_eq!(flagged("Ce sont ces où les gens ont discuté."), [("ces où".into(), String::new())]);
        assert_eq!(flagged("Ces deux fichiers et ces derniers sont là."), []);
        assert_eq!(flagged("Lors du CES de Las Vegas, il a présenté un écran."), []);
    }

    #[test]
    fn ne_with_no_verb_is_flagged() {
        assert_eq!(flagged("Il exécute des programmes ne sûrs."), [("ne sûrs".into(), String::new())]);
        assert_eq!(flagged("Pour ne saturer votre partition, nettoyez-la."), [("ne saturer".into(), String::new())]);
        for sentence in [
            "Pour ne pas saturer votre partition, nettoyez-la.",
            "Il a peur de ne même pas savoir.",
            "Pour ne justement pas donner cette impression, il part.",
            "Pour ne pouvoir briser la chaîne, il pleure.",
            "Je ne sais que faire.",
            "Avant qu'il ne parte, il mange.",
            "Il préfère ne savoir que cela.",
            "Ne sachant quoi faire, il attend.",
            "Pour ne trop en dire, il se tait.",
            "Il note n/b et n, puis passe.",
            "Il regrette de n'avoir pu venir et de n'avoir osé parler.",
            "Il semblait n'avoir cure des critiques.",
            "Mieux vaut ne souffler mot de cette affaire.",
            "Il a choisi de ne garder de cette période difficile de sa vie que les bons souvenirs.",
            "Il a commandé un fish'n'chips.",
            "Le ne explétif est facultatif.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn des_before_an_adjective_and_its_noun_is_flagged() {
        assert_eq!(
            flagged("Ils travaillent avec des nombreux responsables."),
            [("des nombreux".into(), "de nombreux".into())]
        );
        assert_eq!(flagged("Il y a des autres possibilités."), [("des autres".into(), "d’autres".into())]);
        for sentence in [
            "Voici la liste des nombreux paquets.",
            "Il parle des autres pays.",
            "Il a des nouvelles de sa sœur.",
            "Pour des autres, la vie est simple.",
            "Il faut peser le pour et le contre des différentes options.",
            "Il dîne avec des anciens combattants et des nouveaux mariés.",
            "Ce sont des vrais amis.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn autres_with_no_determiner_after_a_preposition_is_flagged() {
        assert_eq!(
            flagged("Partagez cette information avec autres distributeurs."),
            [("autres".into(), "d’autres".into())]
        );
        assert_eq!(flagged("Si autres outils sont nécessaires, ajoutez-les."), [("autres".into(), "d’autres".into())]);
        assert_eq!(flagged("Il tourne sur autres architectures."), [("autres".into(), "d’autres".into())]);
        for sentence in [
            "Il a vu, entre autres choses, la mer.",
            "Il est parti sans autres formalités.",
            "Les chats et autres félins dorment.",
            "Il parle avec d'autres personnes.",
            "Il compte sur les autres membres.",
            "Pour autres demandes, contactez-nous.",
            "Si autres symptômes, consultez.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_negative_word_with_ne_pas_is_flagged() {
        let flagged_phrases = |s: &str| flagged(s).into_iter().map(|(p, _)| p).collect::<Vec<_>>();
        assert_eq!(
            flagged_phrases("Aucun problème sévère n'est pas introduit dans la distribution."),
            ["Aucun problème sévère n'est pas"]
        );
        assert_eq!(flagged_phrases("Personne ne sait pas pourquoi."), ["Personne ne sait pas"]);
        assert_eq!(flagged_phrases("Il ne voit pas aucun problème."), ["ne voit pas aucun"]);
        for sentence in [
            "Aucun problème n'est introduit.",
            "Une personne ne sait pas tout.",
            "Ce n'est pas rien.",
            "Aucun doute qu'il ne viendra pas.",
            "Aucun de ses amis ne viendra.",
            "Il ne sait pas que personne ne viendra.",
            "Une seule personne ne peut pas tout faire.",
            "Un match nul ne suffit pas.",
            "Celui qui ne fait rien ne se trompe pas.",
            "Ce qui n'intéresse personne n'est pas publié.",
            "Qui n'a aucun ami n'est pas heureux.",
            "Un petit rien ne fait pas de mal.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn ne_seulement_is_flagged() {
        assert_eq!(flagged("Il ne seulement parle, il agit."), [("ne seulement".into(), "non seulement".into())]);
        assert_eq!(flagged("Il ne parle pas seulement, il agit."), []);
    }
}
