//! MT609: a French auxiliary or modal verb followed by the wrong form (`il a donner`, `peut
//! signé`, `elle a été arrêté`).
//!
//! Over 500 lines (a quarter of them tests): each head (avoir, être, verbs of state, modals,
//! `pour`/`sans`) and each wrong second form is a short function of its own here, with the
//! explanation that documents them all; the subject an attribute agrees with is found in
//! `chain_subject`.

use super::air_attribute::{air_attribute, voila_attribute};
use super::chain_subject::{
    ATTRIBUTE_INFINITIVES, Subject, agrees_in, gender_and_number, is_chain_adverb, is_inverted_pronoun, lemma_is,
    pronoun_subject, raising_verb, reflexive_of_subject, subject_of, with_forms,
};
use super::object_agreement::participle_object;
use crate::document::Joiner;
use crate::finding::{Finding, Severity, Span};
use crate::lexicon::words::{Lexicon, Tags, tag};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::FastMap;
use crate::view::View;
use crate::view::french::{self, SentenceTokens, Token, WordLex, WordTable};
use std::sync::OnceLock;

pub struct VerbChain;

static META: RuleMeta = RuleMeta {
    id: "MT609",
    name: "verb-chain",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 9.0,
    fallback: false,
    summary: "An auxiliary or modal followed by the wrong verb form (`il a donner`, `peut signé`, `elle a été arrêté`).",
    explanation: "\
What it flags: in a French text, a verb chain whose second verb has the wrong form:
- an infinitive after a form of avoir (`il a donner`, `après avoir signer` for donné, signé,
  `Avez-vous signer` past an inverted pronoun), or after a form of être with a pronoun
  subject (`il est arriver`); a conjugated form after a form of avoir or être (`il a
  signez`, `il a reçut`, `l'homme était sortit`, `Ne pas être prit au sérieux`); a form of avoir after the reflexive `se` (`il s'y a trouvé`, `ils s'en ont
  servi`), where a reflexive verb takes être;
- a past participle after a modal (pouvoir, devoir, vouloir, falloir, oser, and the
  participles `pu`, `dû`) or after `pour` and `sans`, where the infinitive is required (`peut
  signé`, `doivent payé`, `elles ont pu mangé`, `pour mangé`);
- a participle or adjective after être (or `a été`), or after paraître, sembler, devenir,
  redevenir, demeurer and rester (not an impersonal `il reste`), or after se montrer, se
  révéler, se sentir, s'avérer, se croire, se savoir, se tenir, se trouver, se considérer,
  s'imaginer, se rendre, se juger, s'estimer, se penser, se dire, se déclarer,
  se faire, se voir (with their reflexive pronoun: `elle se sent fatigué`, `il se trouve
  laide`), that disagrees with its subject: a pronoun, inverted or not (`elle a été arrêté`,
  `Semblait-elle fatigué`, `Es-tu fatigués`, `elles sont
  parti`, `ils sont arrivée`, `je suis contents`: for `je` and `tu`, in number; `y` and
  `en` may stand between, as in `il n'en était pas satisfaits`), or a noun with its determiner
  that opens the sentence or a clause, or is followed by `qui` (`cette carte qui n'y sera
  jamais retrouvé`), or a neuter `ce`, `ça`, `cela`, `ceci` opening a clause before a
  singular verb, whose attribute is masculine singular (`c'est finis`, `cela paraît
  incroyables`), or `celui-ci`, `celle-là`, `ceux-ci`, `celles-là` opening a clause
  (`ceux-là semblent contrarié`), `celle qui` and the like, or `lequel`, `laquelle`,
  `lesquels`, `lesquelles` with no preposition before them (`laquelle n'était pas
  contrarié`; `dans laquelle est situé le musée` passes); after an infinitive `être` or `avoir été` (or devenir,
  rester…), the subject is that of
  the verb before it that lends it its subject: a modal, a verb of state, aller, a verb of
  opinion or hope, or a verb built with `de` or `à` (`il peut être observée`, `elles ne
  semblent pas être arrivé`, `tu vas être payées`, `je pense être démasqués`, `je risque de
  n'être pas reçus`, `il parvient à rester humbles`, `elle commence à y devenir connu`), or
  an adjective after être or a verb of state that lends it its subject (`il est susceptible
  d'être convoquée`: susceptible, capable, censé, prêt, fier, heureux…), except after falloir, whose `il` is
  impersonal (`il faut être prudents`), and after a verb of opinion that follows `que`, which
  lends the attribute its object (`ce que les journalistes estiment être normal`). After a
  subject pronoun, or before an inverted one, a form of être or avoir that is also a noun is
  the verb (`j'étais`, `tu as`, `Restes-tu`);
- an adjective after `avoir l'air` that agrees neither with the subject nor with `air`
  (`il a l'air fatiguée`, `elles n'ont pas l'air contente`; `elle a l'air fatigué` passes),
  and after `voilà` or `voici` one that disagrees with the object pronoun before them (`la
  voilà perdu`);
- a participle after avoir that ignores its direct object: plural after `me` or `te` (`Les
  élèves m'ont écoutés`), feminine or plural before the object it precedes (`Ils ont
  perdus leur sang-froid`, `Elle a prise la décision`), or not in the gender and number of
  the noun that the relative `que` before it stands for (`les fleurs que j'ai acheté`, `la
  lettre que sa mère lui a écrit`). Left alone: an infinitive after the participle (`je les
  ai vu partir`, `qu'il a fallu faire`), verbs of measure, time and opinion and modals (`les
  dix euros que ça m'a coûté`, `les heures qu'il a dormi`, `les livres qu'il a pu`), nouns
  that a clause completes or of time (`l'impression que j'ai échoué`, `la fois que j'ai
  chanté`), coordinated nouns (`la vision et la philosophie que j'ai élaborées`), a noun after
  `de`, a preposition or a verb (`le livre de la bibliothèque que j'ai emprunté`, `dis à ces
  femmes que tu m'as contacté`), clefts (`c'est dans cette ville que j'ai grandi`), a clause
  or an infinitive after the participle (`que j'ai pris soin de relire`), and sentences that
  open with their object (`Combien de fautes il a faites`, `Quelle décision a prise le
  gouvernement`). `est` after `l'` or a noun of place is the compass point (`à l'est
  commence`).

Why it matters: `-er`, `-é`, `-ez` sound alike, and a system that writes French from
another language's verb (English `signed`, `to sign`) mixes them up. The chain shows which
form was needed.

Example: `Il a donner son accord.` → flagged, suggestion `donné`.

How: the lexicon's readings of both verbs; adverbs of negation and degree (`pas`, `déjà`,
`bien`, `bien entendu`, `très`, `trop`) and adverbs in `-ment` that are nothing else
(`totalement`) may stand between them. The wrong form must have no reading that
fits: participles that are also prepositions (`passé minuit`) pass, and so do infinitives
that are also nouns (`le dîner`) after `a`, which may be `à` without its accent (`il a
dîner`), after `y` (`il y avait souper`) and for `avoir pouvoir de`, `avoir devoir de`,
`avoir souvenir de`; after any other form of avoir they are flagged (`j'ai manger`). A
conjugated form is not judged after a relative's `que`, `dont` or `quoi` in its clause or
`qui` right before avoir (`ce que j'ai suffit`, `ceux qui en ont savent`, where avoir is the
relative's verb), nor in a compound written without its hyphen (`j'avais rendez vous`, `il a peut être
raison`). `a` is taken for the verb only after a pronoun or `qui`, or before `-t-` and an
inverted pronoun. Agreement is never
judged after a reflexive être (`elle s'est rendu compte`: the participle agrees with its
object), nor after `me`, `te`, `nous`, `vous` before a verb of state unless they are
reflexive (`il me croyait morte`: an object), for `on`, `nous`, `vous` (whose number
is the writer's choice: `nous sommes convaincu` of one author), for the gender of `je` and `tu`,
for a word of a hyphenated compound (`mort-née`), nor where any reading of the word agrees;
the gender of a noun subject only when its determiner shows it too, and an adjective of both
genders (`incroyable`) in number only. After a neuter subject, a word followed by a noun, an
adjective or a determiner (`c'est toute la différence`) or by `que` or `qui` (a cleft: `c'est
seules qu'elles partent`) is not taken for the attribute.

Limits: aller and savoir also take an attribute (`j'irai armé`, `je le savais désiré`) and
are not judged as verbs of state (savoir only as `se savoir`, aller only before an infinitive
of state: `tu vas être payées`), nor is a modal with an object before it (`le texte se veut équilibré`); a
noun subject further back than its clause's first words, or after a coordination, is not
reached (`la fille qui dansait est tombé`).",
};

/// Verbs followed by an infinitive and never by a participle. `aller` (`j'irai armé`) and
/// `savoir` (`je le savais désiré`) also take an attribute, and are left out.
const MODALS: &[&str] = &["pouvoir", "devoir", "vouloir", "falloir", "oser"];

/// Verbs built with `pour` and an attribute (`tenir pour acquis`, `laisser pour mort`).
const POUR_ATTRIBUTE_VERBS: &[&str] =
    &["tenir", "prendre", "laisser", "passer", "donner", "compter", "considérer", "reconnaître", "avoir", "faire"];

impl Detector for VerbChain {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !french::is_french(doc) {
            return;
        }
        let lexicon = res.french;
        let fresh;
        let heads = match HEADS.get_or_init(|| (lexicon.id(), HeadTable::new(head_forms(lexicon)))) {
            (id, heads) if *id == lexicon.id() => heads,
            // Another French dictionary than the first one seen (a user's): its own table.
            _ => {
                fresh = HeadTable::new(head_forms(lexicon));
                &fresh
            }
        };
        for tokens in doc.french_sentence_tokens(res) {
            for i in 0..tokens.len() {
                // One probe by the word's key: most words head no chain.
                let lex = tokens.lex(i);
                let Some(head) = heads.get(&lex, || tokens.lower(i)) else {
                    // `voilà` and `voici` (prepositions to the lexicon) take an attribute.
                    if !lex.tags.has(tag::NOUN | tag::ADJ | tag::VERB) && matches!(tokens.lower(i), "voilà" | "voici")
                    {
                        out.extend(voila_attribute(META.id, &tokens, i, lexicon));
                    }
                    continue;
                };
                if !lex.tags.has(tag::VERB | tag::PREP) {
                    continue;
                }
                if head == Head::Avoir
                    && let Some(finding) = reflexive_with_avoir(&tokens, i)
                        .or_else(|| air_attribute(META.id, &tokens, i, lexicon))
                        .or_else(|| participle_object(META.id, &tokens, i, lexicon))
                {
                    out.push(finding);
                    continue;
                }
                let Some(k) = second_verb(&tokens, i, head != Head::Modal) else { continue };
                let (first, second) = (tokens.at(i), tokens.at(k));
                let attribute = || {
                    let subject = subject_of(&tokens, i, lexicon)?;
                    // `il reste des places`, `il va rester du temps`: impersonal.
                    let impersonal_raiser = raising_verb(&tokens, i, lexicon)
                        .is_none_or(|r| lemma_is(lexicon, tokens.lower(r), |t| t.has(tag::FINITE), IMPERSONAL_RAISERS));
                    if subject.text == "il"
                        && impersonal_raiser
                        && lemma_is(lexicon, first.lower, |t| t.has(tag::VERB), &["rester"])
                    {
                        return None;
                    }
                    attribute_agreement(&tokens, &second, &subject, head == Head::Avoir, lexicon)
                };
                let finding = match chain_head(&tokens, i, head, lexicon) {
                    // `elle a été`, `ils ont semblé`: the attribute follows the participle.
                    Some(Head::Avoir) if second.lower == "été" || passes_attribute_on(&second, lexicon, false) => {
                        attribute()
                    }
                    Some(Head::Avoir) => infinitive_for_participle(&first, &second, lexicon)
                        .or_else(|| noun_infinitive_for_participle(&tokens, i, &second, lexicon))
                        .or_else(|| finite_for_participle(&tokens, i, k, lexicon)),
                    // After a subject pronoun or as an infinitive (`il veut être aimé`), être
                    // takes no infinitive.
                    // After a subject pronoun, inverted or not, être takes no infinitive; nor
                    // does an infinitive `être` whose modal has one (`il ne veut pas être
                    // déranger`). A noun subject may have an infinitive for its predicate (`la
                    // seule solution pourrait être négocier`).
                    Some(Head::Etre)
                        if pronoun_subject(&tokens, i).is_some()
                            || raising_verb(&tokens, i, lexicon)
                                .is_some_and(|r| pronoun_subject(&tokens, r).is_some())
                            || tokens.get(i + 1).is_some_and(|t| t.joiner == Joiner::Hyphen) =>
                    {
                        infinitive_for_participle(&first, &second, lexicon)
                            .or_else(|| finite_for_participle(&tokens, i, k, lexicon))
                            .or_else(attribute)
                    }
                    // `l'homme était sortit`: a conjugated form where the participle goes.
                    Some(Head::Etre) => finite_for_participle(&tokens, i, k, lexicon).or_else(attribute),
                    // `chain_head` turns a pronominal copula into a copula.
                    Some(Head::Copula | Head::PronominalCopula) => attribute(),
                    // `le texte se veut équilibré`, `je le veux terminé`: with an object, a modal
                    // takes an attribute.
                    Some(Head::Modal) if i > 0 && is_object_clitic(tokens.lower(i - 1)) => None,
                    Some(Head::Modal) => participle_for_infinitive(&first, &second, lexicon),
                    Some(Head::BareEtre) => infinitive_for_participle(&first, &second, lexicon)
                        .or_else(|| finite_for_participle(&tokens, i, k, lexicon)),
                    None => None,
                };
                out.extend(finding);
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Head {
    Avoir,
    Etre,
    /// A verb of state, followed by an attribute (`paraître`, `devenir`).
    Copula,
    /// A verb of state with its reflexive pronoun (`se montrer`, `se sentir`); without it,
    /// no head (`il sent bon`, `elle montre`).
    PronominalCopula,
    Modal,
    /// The infinitive `être` after a negation or a clitic (`ne pas être`, `n'être`, `s'être`),
    /// with no verb before it whose subject it takes: only its participle is judged.
    BareEtre,
}

/// Verbs before an infinitive that keep an impersonal `il` (`il va rester des places`).
const IMPERSONAL_RAISERS: &[&str] =
    &["pouvoir", "devoir", "sembler", "paraître", "aller", "risquer", "commencer", "continuer", "cesser"];

/// Verbs of state: their attribute agrees with the subject as after être.
const COPULAS: &[&str] = &["paraître", "sembler", "devenir", "redevenir", "demeurer", "rester"];

/// Verbs of state only with their reflexive pronoun (`elle se sent seule`).
const PRONOMINAL_COPULAS: &[&str] = &[
    "montrer",
    "révéler",
    "sentir",
    "avérer",
    "croire",
    "savoir",
    "tenir",
    "trouver",
    "considérer",
    "imaginer",
    "rendre",
    "juger",
    "estimer",
    "penser",
    "dire",
    "déclarer",
    "faire",
    "voir",
];

/// The words that may head a chain, each with its head kind, from the forms of the
/// auxiliaries, copulas and modals: built once for the first French lexicon a run uses (the
/// embedded one, or the user's), and per document for any other.
static HEADS: OnceLock<(usize, HeadTable)> = OnceLock::new();

/// The table of heads, split by length: a word of up to eight bytes (the eighth ASCII) is
/// found by its key in one probe (most words, and most heads); a longer one by its text.
struct HeadTable {
    short: WordTable<Head>,
    long: FastMap<String, Head>,
}

impl HeadTable {
    fn new(heads: FastMap<String, Head>) -> Self {
        let (short, long): (Vec<_>, Vec<_>) =
            heads.into_iter().partition(|(form, _)| WordTable::<Head>::can_hold(form));
        let short: Vec<(&str, Head)> = short.iter().map(|(form, head)| (form.as_str(), *head)).collect();
        HeadTable { short: WordTable::new(&short), long: long.into_iter().collect() }
    }

    /// The head kind of the word read as `lex`, written `lower`.
    fn get<'w>(&self, lex: &WordLex, lower: impl FnOnce() -> &'w str) -> Option<Head> {
        if WordTable::<Head>::keyed_by_text(lex) { self.short.get(lex) } else { self.long.get(lower()).copied() }
    }
}

fn head_forms(lexicon: &Lexicon) -> FastMap<String, Head> {
    let mut heads: FastMap<String, Head> = FastMap::default();
    for (infinitive, kind) in [("avoir", Head::Avoir), ("être", Head::Etre)]
        .into_iter()
        .chain(COPULAS.iter().map(|&c| (c, Head::Copula)))
        .chain(MODALS.iter().map(|&m| (m, Head::Modal)))
        .chain(PRONOMINAL_COPULAS.iter().map(|&c| (c, Head::PronominalCopula)))
    {
        for form in lexicon.sibling_forms(infinitive, |t| t.has(tag::INFINITIVE), |t| t.has(tag::FINITE)) {
            heads.entry(form).or_insert(kind);
        }
    }
    // `elles ont pu mangé`: the participles of pouvoir and devoir take the infinitive too.
    for word in ["pour", "sans", "avoir", "pu", "dû"] {
        heads.insert(word.to_string(), Head::Modal);
    }
    // The infinitive heads a chain only after a modal or a verb of state (`chain_head`).
    heads.insert("être".to_string(), Head::Etre);
    for &infinitive in ATTRIBUTE_INFINITIVES.iter().filter(|&&i| i != "être") {
        heads.insert(infinitive.to_string(), Head::Copula);
    }
    heads
}

/// What the word at `i` heads, given its kind in the table of heads: `pour` and `sans` except
/// after a verb built with them, `a` only after a pronoun (it is also `à` without its
/// accent), and no word that is also a noun, an adverb, a conjunction or an adjective.
fn chain_head(tokens: &SentenceTokens<'_>, i: usize, head: Head, lexicon: &Lexicon) -> Option<Head> {
    let lower = tokens.lower(i);
    if matches!(lower, "pour" | "sans") {
        let attribute_verb = (i.saturating_sub(3)..i).any(|j| {
            tokens.lex(j).tags.has(tag::VERB)
                && lemma_is(lexicon, tokens.lower(j), |t| t.has(tag::VERB), POUR_ATTRIBUTE_VERBS)
        });
        return (!attribute_verb).then_some(Head::Modal);
    }
    if lower == "avoir" {
        let raised = raising_verb(tokens, i, lexicon).is_some();
        return ((i > 0 && tokens.lower(i - 1) == "après") || raised).then_some(Head::Avoir);
    }
    // `avions`, `puis`: a noun or an adverb as well; `a` and `est` are letters and a compass
    // point only in other contexts.
    // `être` is a noun too, but not after a modal or a verb of state (`il peut être`).
    if head == Head::PronominalCopula {
        // After its reflexive pronoun the word is the verb, whatever else it may be (`montre`).
        // `me`, `te`, `nous`, `vous` are reflexive only after their own subject pronoun (`il
        // me croyait morte`: an object).
        let reflexive = i > 0 && tokens.lex(i).tags.has(tag::FINITE) && reflexive_of_subject(tokens, i - 1);
        return reflexive.then_some(Head::Copula);
    }
    let infinitive = ATTRIBUTE_INFINITIVES.contains(&lower);
    let raised = infinitive && raising_verb(tokens, i, lexicon).is_some();
    if infinitive && !raised {
        // `ne pas être aller`, `n'être attacher à rien`, `s'être donner le mot`: after a
        // negation or a clitic, `être` is the verb, not the noun.
        let bare = lower == "être"
            && i > 0
            && matches!(tokens.lower(i - 1), "pas" | "plus" | "jamais" | "n" | "s" | "y" | "m" | "t");
        return bare.then_some(Head::BareEtre);
    }
    // `j'étais`, `tu as`: after a subject pronoun, a finite form is no noun (`étai`, `as`).
    // `nous` and `vous` are objects as often.
    let mut p = i;
    while p > 0 && matches!(tokens.lower(p - 1), "ne" | "n" | "y" | "en") {
        p -= 1;
    }
    let after_subject = p > 0
        && matches!(tokens.lower(p - 1), "je" | "j" | "tu" | "il" | "elle" | "on" | "ils" | "elles")
        && tokens.lex(i).tags.has(tag::FINITE);
    // `Es-tu`, `Restes-tu`: an inverted subject pronoun makes the word a verb.
    let before_inverted = tokens.lex(i).tags.has(tag::FINITE) && is_inverted_pronoun(tokens, i + 1);
    if tokens.lex(i).tags.has(tag::NOUN | tag::ADV | tag::CONJ | tag::ADJ)
        && !matches!(lower, "a" | "est")
        && !raised
        && !after_subject
        && !before_inverted
    {
        return None;
    }
    if lower == "a" {
        // `il y a prédire` is a riddle's `il y a`, not a chain.
        let after_pronoun = i > 0
            && tokens.lower(i - 1) != "y"
            && (french::subject_person(tokens.lower(i - 1)).is_some()
                || french::is_preverbal_clitic(tokens.lower(i - 1))
                || tokens.lower(i - 1) == "qui");
        // `a-t-il`: the inverted pronoun makes `a` the verb.
        let inverted = tokens.get(i + 2).is_some_and(|p| {
            p.joiner == Joiner::Hyphen && tokens.lower(i + 1) == "t" && french::subject_person(p.lower).is_some()
        });
        return (after_pronoun || inverted).then_some(Head::Avoir);
    }
    Some(head)
}

/// The position of the word after the head, past chain adverbs, if it follows closely. After
/// `pour` and `sans` no adverb is skipped (`pour toujours abandonnée`), nor `plus` after a
/// modal (`on ne peut plus ravi`).
fn second_verb(tokens: &SentenceTokens<'_>, i: usize, skip_plus: bool) -> Option<usize> {
    let head = tokens.lower(i);
    // After a modal `plus` is no adverb before the attribute: `on ne peut plus ravi` is one of
    // degree, `tu veux plus détaillé ?` a quantity.
    let skips =
        |lower: &str| is_chain_adverb(lower) && !matches!(head, "pour" | "sans") && (skip_plus || lower != "plus");
    let mut k = i + 1;
    // `Avez-vous signé`, `A-t-il signé`: the inverted subject joined to an auxiliary.
    let mut inverted = 0;
    if !matches!(head, "pour" | "sans" | "avoir" | "être") {
        while inverted < 2 && is_inverted_pronoun(tokens, k) {
            k += 1;
            inverted += 1;
        }
        // `a-t-il` ends with the pronoun; `-t-` alone is no inversion.
        if inverted > 0 && tokens.lower(k - 1) == "t" {
            return None;
        }
    }
    let first_after_subject = k;
    // An adverb in `-ment` and nothing else (`totalement`, `complètement`) stands where the
    // listed ones do, and so do adverbs of degree.
    let adverb = |k: usize| {
        let lower = tokens.lower(k);
        let tags = tokens.lex(k).tags;
        skips(lower)
            || (!matches!(head, "pour" | "sans")
                && (matches!(lower, "très" | "trop" | "assez" | "tellement" | "presque")
                    // Not after a negation: `on ne peut pas moins disposé`, `pas si grand`.
                    || (matches!(lower, "moins" | "si") && !matches!(tokens.lower(k - 1), "pas" | "ne" | "n" | "plus"))
                    || (lower.ends_with("ment")
                        && lower != "comment"
                        && tags.has(tag::ADV)
                        && !tags.has(tag::NOUN | tag::VERB | tag::ADJ | tag::PREP | tag::CONJ))))
    };
    while k < tokens.len() && k <= i + 3 + inverted && adverb(k) {
        // `bien entendu`, `bien sûr`: one adverb of two words.
        let locution =
            tokens.lower(k) == "bien" && k + 1 < tokens.len() && matches!(tokens.lower(k + 1), "entendu" | "sûr");
        k += 1 + usize::from(locution);
    }
    if k >= tokens.len() {
        return None;
    }
    let second = tokens.lex(k);
    let close = (first_after_subject..=k).all(|j| tokens.follows_closely(j));
    // `mort-née`: part of a compound, judged as a whole or not at all.
    let compound = second.in_known_compound
        || tokens.joiner(k) == Joiner::Hyphen
        || (k + 1 < tokens.len() && tokens.joiner(k + 1) == Joiner::Hyphen);
    let capitalised = tokens.text(k).chars().next().is_some_and(char::is_uppercase);
    (close && second.known && !capitalised && !compound).then_some(k)
}

fn is_object_clitic(lower: &str) -> bool {
    matches!(lower, "se" | "s" | "le" | "la" | "les" | "l" | "me" | "m" | "te" | "t" | "nous" | "vous" | "lui" | "leur")
}

/// `il a donner`: an infinitive (and nothing else) where the past participle goes.
fn infinitive_for_participle(head: &Token<'_>, second: &Token<'_>, lexicon: &Lexicon) -> Option<Finding> {
    let tags = second.tags();
    if !tags.has(tag::INFINITIVE) || tags.has(!(tag::INFINITIVE | tag::VERB) & ALL_CLASSES_AND_FORMS) {
        return None;
    }
    Some(infinitive_for_participle_finding(head, second, lexicon))
}

fn infinitive_for_participle_finding(head: &Token<'_>, second: &Token<'_>, lexicon: &Lexicon) -> Finding {
    let forms = lexicon.sibling_forms(
        second.lower,
        |t| t.has(tag::INFINITIVE),
        |t| t.has(tag::PAST_PARTICIPLE) && t.has(tag::MASCULINE) && t.has(tag::SINGULAR) && !t.has(tag::FEMININE),
    );
    let message =
        format!("`{} {}`: an infinitive after `{}`, where the past participle goes", head.text, second.text, head.text);
    with_forms(Finding::new(META.id, Severity::Warning, second.span, message), forms)
        .with_related(head.span, "the auxiliary")
}

/// `il s'y a trouvé`, `ils s'en ont servi`: a form of avoir after the reflexive `se` (past
/// `y` or `en`), where a reflexive verb takes être. `se` before a vowel is MT602's (`se a`).
/// Only `se`: `me`, `te`, `nous`, `vous` are objects as often (`il m'a vu`).
fn reflexive_with_avoir(tokens: &SentenceTokens<'_>, i: usize) -> Option<Finding> {
    let mut j = i.checked_sub(1)?;
    if matches!(tokens.lower(j), "y" | "en") {
        j = j.checked_sub(1)?;
    }
    // `s'` is `se` here: `si` is elided only before `il` and `ils`; an `s` joined to the
    // word before it is a possessive (`Moody's a abaissé`), one not elided a unit or a letter
    // (`30 s a été ajouté`).
    if tokens.lower(j) != "s"
        || tokens.at(j).joiner == Joiner::Apostrophe
        || tokens.at(j + 1).joiner != Joiner::Apostrophe
        || !tokens.lex(i).tags.has(tag::FINITE | tag::INFINITIVE | tag::PRESENT_PARTICIPLE)
    {
        return None;
    }
    let avoir = tokens.at(i);
    if !(j + 1..=i).all(|k| {
        let t = tokens.at(k);
        t.joiner == Joiner::Apostrophe || t.follows_closely(false)
    }) {
        return None;
    }
    let message = format!("`{}`: a reflexive verb with avoir, where French uses être", tokens.phrase(j, i));
    Some(Finding::new(META.id, Severity::Warning, Span::new(tokens.at(j).span.start, avoir.span.end), message))
}

/// `j'ai manger`: an infinitive that is also a noun (`le manger`, `le dîner`) after a form of
/// avoir that is nothing else (not `a`, which may be `à` without its accent: `un plat a
/// manger`), with no determiner between them to make it the noun. `avoir pouvoir de`, `avoir
/// devoir de`, `avoir souvenir de` are idioms; after `y` (`il y avait souper`) the noun may be meant.
fn noun_infinitive_for_participle(
    tokens: &SentenceTokens<'_>,
    i: usize,
    second: &Token<'_>,
    lexicon: &Lexicon,
) -> Option<Finding> {
    let head = tokens.at(i);
    let tags = second.tags();
    let noun_or_verb = tag::INFINITIVE | tag::VERB | tag::NOUN;
    if head.lower == "a"
        || (i > 0 && tokens.lower(i - 1) == "y")
        || !tags.has(tag::INFINITIVE)
        || !tags.has(tag::NOUN)
        || tags.has(!noun_or_verb & ALL_CLASSES_AND_FORMS)
        || matches!(second.lower, "pouvoir" | "devoir" | "souvenir")
    {
        return None;
    }
    let mut finding = infinitive_for_participle_finding(&head, second, lexicon);
    finding.message.push_str(" (it is a noun only after a determiner)");
    Some(finding)
}

/// `il a signez`, `il a reçut`: a conjugated form (and nothing else) right after a form of
/// avoir, where the past participle goes. Left alone after `que`, `dont` or `quoi` in its
/// clause, or `qui` right before it, where avoir is the verb of a relative whose clause the
/// next verb ends (`ce que j'ai suffit`, `ceux qui en ont savent`), and in a compound written without its hyphen (`j'avais rendez vous`, `il a
/// peut être raison`).
fn finite_for_participle(tokens: &SentenceTokens<'_>, i: usize, k: usize, lexicon: &Lexicon) -> Option<Finding> {
    let second = tokens.at(k);
    let tags = second.tags();
    if !tags.has(tag::FINITE) || tags.has(ALL_CLASSES_AND_FORMS & !(tag::FINITE | tag::VERB)) {
        return None;
    }
    // `de l'Est ont`: a capital inside the sentence makes the head a name; `à l'est commence`,
    // `le versant est descend`: `est` is the compass point after an article or a noun of place.
    let head = tokens.at(i);
    let east = head.lower == "est"
        && i > 0
        && (head.joiner == Joiner::Hyphen
            || matches!(
                tokens.lower(i - 1),
                "l" | "d"
                    | "nord"
                    | "sud"
                    | "côté"
                    | "versant"
                    | "rive"
                    | "flanc"
                    | "front"
                    | "secteur"
                    | "bloc"
                    | "quartier"
                    | "vent"
                    | "mur"
                    | "aile"
                    | "façade"
                    | "zone"
                    | "partie"
                    | "côte"
                    | "pignon"
            ));
    if (head.is_capitalised() && !head.sentence_initial) || east {
        return None;
    }
    // Back to the clause's start (a comma or the sentence's), for a relative pronoun; `qui`
    // counts only right before avoir and its pronouns (`ceux qui en ont savent`).
    let mut start = i;
    while start > 0 && !tokens.at(start).follows_clause_break() {
        start -= 1;
    }
    let mut p = i;
    while p > 0 && matches!(tokens.lower(p - 1), "en" | "y" | "l" | "le" | "la" | "les" | "ne" | "n" | "lui" | "leur") {
        p -= 1;
    }
    let relative = (start..i).any(|j| matches!(tokens.lower(j), "que" | "qu" | "dont" | "quoi"))
        || (p > 0 && tokens.lower(p - 1) == "qui");
    // `j'avais rendez vous`, `il a peut être raison`: a compound written without its hyphen.
    let compound = tokens
        .get(k + 1)
        .is_some_and(|next| matches!(next.lower, "vous" | "nous") || (second.lower == "peut" && next.lower == "être"));
    if relative || compound {
        return None;
    }
    let forms = lexicon.sibling_forms(
        second.lower,
        |t| t.has(tag::FINITE),
        |t| t.has(tag::PAST_PARTICIPLE) && t.has(tag::MASCULINE) && t.has(tag::SINGULAR) && !t.has(tag::FEMININE),
    );
    let message = format!(
        "`{} {}`: a conjugated verb after `{}`, where the past participle goes",
        head.text, second.text, head.text
    );
    Some(
        with_forms(Finding::new(META.id, Severity::Warning, second.span, message), forms)
            .with_related(head.span, "the auxiliary"),
    )
}

/// `peut signé`, `pour mangé`: a past participle (and no infinitive or word of another class)
/// where the infinitive goes.
fn participle_for_infinitive(head: &Token<'_>, second: &Token<'_>, lexicon: &Lexicon) -> Option<Finding> {
    let tags = second.tags();
    let other = tag::INFINITIVE | tag::FINITE | tag::ADV | tag::PREP | tag::CONJ | tag::PRON | tag::DET | tag::NUMERAL;
    let is_participle = lexicon.analyses(second.lower).any(|a| a.tags.has(tag::PAST_PARTICIPLE));
    if !is_participle || tags.has(other) {
        return None;
    }
    // After `pour` and `sans`, a participle used as a noun or adjective is common (`pour
    // tous`, `sans précédent`): only a word whose every reading is the participle counts.
    if matches!(head.lower, "pour" | "sans") && tags.has(tag::NOUN) {
        return None;
    }
    let forms = lexicon.sibling_forms(second.lower, |t| t.has(tag::PAST_PARTICIPLE), |t| t.has(tag::INFINITIVE));
    let message =
        format!("`{} {}`: a past participle after `{}`, where the infinitive goes", head.text, second.text, head.text);
    Some(
        with_forms(Finding::new(META.id, Severity::Warning, second.span, message), forms)
            .with_related(head.span, "what requires the infinitive"),
    )
}

/// The attribute after être, a verb of state, `avoir été` or `avoir semblé` (`second` is the
/// word after the head; `after_avoir` when the head is a form of avoir), judged against the
/// subject.
fn attribute_agreement(
    tokens: &SentenceTokens<'_>,
    second: &Token<'_>,
    subject: &Subject<'_>,
    after_avoir: bool,
    lexicon: &Lexicon,
) -> Option<Finding> {
    // `elle a été` + participle: the head may be `été` after a form of avoir.
    let mut attribute = *second;
    if second.lower == "été" {
        let k = second_verb(tokens, second.index - tokens.at(0).index, true)?;
        attribute = tokens.at(k);
    }
    // `elle semble devenue aigrie`, `ils ont semblé faibles`: the participle of a verb of
    // state passes the attribute on; after être it agrees itself (`elle est devenue`).
    let after_etre = !after_avoir || second.lower == "été";
    if passes_attribute_on(&attribute, lexicon, after_etre) {
        if after_etre && let Some(finding) = judge_attribute(tokens, &attribute, subject, lexicon) {
            return Some(finding);
        }
        let k = second_verb(tokens, attribute.index - tokens.at(0).index, true)?;
        attribute = tokens.at(k);
    }
    judge_attribute(tokens, &attribute, subject, lexicon)
}

/// Verbs of state whose participle takes être and agrees with the subject (`elle est devenue`).
const COPULAS_WITH_ETRE: &[&str] = &["devenir", "redevenir", "rester", "demeurer"];

/// Verbs of state whose participle takes avoir and stays invariable (`ils ont semblé`).
const COPULAS_WITH_AVOIR: &[&str] = &["sembler", "paraître"];

/// Whether `word` is the participle of a verb of state, after être (`devenue`, `resté`) or
/// after avoir (`semblé`, `paru`), that passes the attribute on to the word after it.
fn passes_attribute_on(word: &Token<'_>, lexicon: &Lexicon, after_etre: bool) -> bool {
    let verbs = if after_etre { COPULAS_WITH_ETRE } else { COPULAS_WITH_AVOIR };
    word.tags().has(tag::PAST_PARTICIPLE) && lemma_is(lexicon, word.lower, |t| t.has(tag::PAST_PARTICIPLE), verbs)
}

/// Whether the attribute at `attribute` agrees with `subject`; a finding with the agreeing
/// forms when it does not.
fn judge_attribute(
    tokens: &SentenceTokens<'_>,
    attribute: &Token<'_>,
    subject: &Subject<'_>,
    lexicon: &Lexicon,
) -> Option<Finding> {
    let attribute = *attribute;
    let at = attribute.index - tokens.at(0).index;
    let next = tokens.get(at + 1);
    let next_close = next.filter(|n| n.follows_closely(false));
    let (mut gender, number) = (subject.gender, subject.number);
    let tags = attribute.tags();
    // `ils étaient vôtre`: possessives (pronouns, determiners, and the attributes `nôtre`,
    // `vôtre` of a fixed style) are left alone, and so is the noun of `être forfait`.
    let possessive = matches!(attribute.lower.trim_end_matches('s'), "nôtre" | "vôtre" | "forfait");
    if !tags.has(tag::ADJ | tag::PAST_PARTICIPLE) || tags.has(tag::ADV | tag::PREP | tag::PRON | tag::DET) || possessive
    {
        return None;
    }
    // An adjective of both genders (`incroyable`) is judged in number only.
    if tags.has(tag::EPICENE) {
        gender = 0;
    }
    // `ils sont partie prenante`, `partie intégrante`: a participle that is also a noun,
    // followed by an adjective, may be that noun with its adjective.
    if tags.has(tag::NOUN)
        && tags.has(tag::PAST_PARTICIPLE)
        && next_close.is_some_and(|n| n.tags().has(tag::ADJ) && !n.tags().has(tag::VERB))
    {
        return None;
    }
    // `elles sont bleu saphir`, `il est torse nu`, `elle est chef`: an adjective that is also
    // a noun may be the noun, or part of an invariable compound, and a noun keeps its own
    // gender: only its number is judged (`je suis contents`). A participle is judged all the
    // same.
    if tags.has(tag::NOUN) && !lexicon.analyses(attribute.lower).any(|a| a.tags.has(tag::PAST_PARTICIPLE)) {
        // `bleu saphir`, `vert pomme`: followed by another noun or adjective, it may open an
        // invariable compound.
        if number == 0 || next_close.is_some_and(|n| n.tags().has(tag::NOUN | tag::ADJ)) {
            return None;
        }
        // An adjective with a form of each gender (`méfiant`, `méfiante`) agrees whether it
        // is read as the adjective or as the noun made of it (`ils restaient méfiantes`), but
        // only a feminine form for a masculine subject is judged: a woman's title in the
        // masculine is common usage (`elle est maître de conférences`, `elle est devenue
        // chercheur`), and a noun of one gender keeps it (`elle est chef`).
        let both_genders = gender == tag::MASCULINE
            && !lexicon
                .sibling_forms(
                    attribute.lower,
                    |t| t.has(tag::ADJ),
                    |t| t.has(tag::ADJ) && t.has(gender) && !t.has(tag::EPICENE),
                )
                .is_empty();
        if !both_genders {
            gender = 0;
        }
    }
    // `Le lendemain sont arrivés les renforts`: a determiner after the participle opens the
    // subject, placed after the verb; the noun before was a complement of time.
    if !subject.pronoun && next.is_some_and(|n| french::is_determiner(n.lower)) {
        return None;
    }
    // `c'est petite chose`: after a neuter subject, a word before a noun or an adjective may
    // be part of a noun phrase, not the attribute; before `que` or `qui` it is the focus of a
    // cleft sentence (`c'est seules qu'elles partent`).
    if subject.demonstrative
        && next.is_some_and(|n| {
            matches!(n.lower, "que" | "qu" | "qui")
                || (n.follows_closely(false) && n.tags().has(tag::NOUN | tag::ADJ | tag::DET))
        })
    {
        return None;
    }
    // `ils sont bien sûr ressortis`: the adverb `bien sûr`.
    if attribute.lower == "sûr" && at > 0 && tokens.lower(at - 1) == "bien" {
        return None;
    }
    let describable = |t: Tags| t.has(tag::ADJ | tag::PAST_PARTICIPLE);
    let agrees = |t: Tags| agrees_in(t, gender, number);
    let mut analyses = lexicon.analyses(attribute.lower).filter(|a| describable(a.tags)).peekable();
    analyses.peek()?;
    if analyses.any(|a| agrees(a.tags)) {
        return None;
    }
    let other_gender = match gender {
        tag::MASCULINE => tag::FEMININE,
        tag::FEMININE => tag::MASCULINE,
        _ => 0,
    };
    let forms = lexicon.sibling_forms(attribute.lower, describable, |t| {
        describable(t) && agrees(t) && (other_gender == 0 || !t.has(other_gender))
    });
    let message = format!(
        "`{}` ({}) does not agree with its subject `{}` ({})",
        attribute.text,
        gender_and_number(tags).describe(),
        subject.text,
        Tags(gender | number).describe()
    );
    Some(
        with_forms(Finding::new(META.id, Severity::Warning, attribute.span, message), forms)
            .with_related(subject.span, "the subject"),
    )
}

/// Every word-class and verb-form bit: a word with any bit outside what a rule expects has
/// another reading.
const ALL_CLASSES_AND_FORMS: u64 = tag::NOUN
    | tag::PROPER
    | tag::ADJ
    | tag::VERB
    | tag::ADV
    | tag::PREP
    | tag::DET
    | tag::PRON
    | tag::CONJ
    | tag::INTERJ
    | tag::NUMERAL
    | tag::OTHER
    | tag::INFINITIVE
    | tag::PRESENT_PARTICIPLE
    | tag::PAST_PARTICIPLE
    | tag::FINITE;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::flagged_in_french;

    fn flagged(sentence: &str) -> Vec<(String, String)> {
        flagged_in_french(&VerbChain, sentence)
    }

    #[test]
    fn an_infinitive_after_avoir_is_flagged() {
        assert_eq!(flagged("Il a donner son accord."), [("donner".into(), "donné".into())]);
        assert_eq!(flagged("Après avoir signer le texte, il est parti."), [("signer".into(), "signé".into())]);
        assert_eq!(flagged("Ils ont déjà commencer les travaux."), [("commencer".into(), "commencé".into())]);
    }

    #[test]
    fn a_noun_infinitive_after_a_form_of_avoir_that_is_nothing_else_is_flagged() {
        assert_eq!(flagged("J'ai manger de la soupe."), [("manger".into(), "mangé".into())]);
        assert_eq!(flagged("Avez-vous signer le contrat ?"), [("signer".into(), "signé".into())]);
        assert_eq!(flagged("A-t-il signer le contrat ?"), [("signer".into(), "signé".into())]);
        for sentence in ["Il a dîner chez lui.", "Ils ont pouvoir de décider.", "Il y avait souper."] {
            assert!(flagged(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn a_conjugated_form_after_avoir_is_flagged() {
        assert_eq!(flagged("Il a signez le contrat."), [("signez".into(), "signé".into())]);
        assert_eq!(flagged("Il a reçut ta lettre."), [("reçut".into(), "reçu".into())]);
        assert_eq!(flagged("Avez-vous déjà signez le contrat ?"), [("signez".into(), "signé".into())]);
        for sentence in ["Tout ce que j'ai est à toi.", "J'avais rendez vous avec lui.", "Il a dit qu'il a vu."] {
            assert!(flagged(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn an_attribute_after_a_verb_that_raises_its_subject_to_the_infinitive_is_judged() {
        assert_eq!(flagged("Tu vas être payées demain.")[0].0, "payées");
        assert_eq!(flagged("Je pense être démasqués.")[0].0, "démasqués");
        assert_eq!(flagged("Je risque de n'être pas reçus.")[0].0, "reçus");
        assert_eq!(flagged("Il parvient à rester humbles.")[0].0, "humbles");
        assert_eq!(flagged("Il veut devenir riches.")[0].0, "riches");
        assert_eq!(flagged("Elle reste ouvert le soir.")[0].0, "ouvert");
        for sentence in [
            "Ce que les journalistes estiment être normal.",
            "Il reste certaines questions, et il va rester certaines places.",
            "Les portes restent ouvertes.",
        ] {
            assert!(flagged(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn adverbs_in_ment_and_of_degree_avoir_ete_and_pointing_pronouns_are_read_through() {
        assert_eq!(flagged("Elle semble être totalement ruiné.")[0].0, "ruiné");
        assert_eq!(flagged("Elle est très fatigué.")[0].0, "fatigué");
        assert_eq!(flagged("Ils semblent avoir été attaqué par des soldats.")[0].0, "attaqué");
        assert_eq!(flagged("Celle-ci peut avoir été endommagé.")[0].0, "endommagé");
        assert_eq!(flagged("Ceux-là semblent contrarié.")[0].0, "contrarié");
        assert_eq!(flagged("Il doit avoir manger.")[0].0, "manger");
        for sentence in [
            "Elle est rapidement partie.",
            "Il pense avoir raison.",
            "Il a vu celle-ci est partie.",
            "Elle dit avoir été surprise.",
        ] {
            assert!(flagged(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn a_verb_of_state_with_its_reflexive_pronoun_takes_an_attribute() {
        assert_eq!(flagged("Elle se sent fatigué.")[0].0, "fatigué");
        assert_eq!(flagged("Tu te montres infaillibles.")[0].0, "infaillibles");
        assert_eq!(flagged("Elle s'efforçait d'être belles.")[0].0, "belles");
        for sentence in
            ["Elle se montre ravie.", "Il sent bon.", "Elle s'est rendu compte.", "Elle montre fatigué son chien."]
        {
            assert!(flagged(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn relative_and_demonstrative_pronouns_give_the_subject() {
        assert_eq!(flagged("Laquelle n'était pas contrarié.")[0].0, "contrarié");
        assert_eq!(flagged("Celles qui redeviennent méchante.")[0].0, "méchante");
        assert_eq!(flagged("Elles ne s'efforcent jamais de paraître humble.")[0].0, "humble");
        for sentence in ["La ville dans laquelle est situé le musée.", "Ceux qui sont venus."] {
            assert!(flagged(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn a_finite_form_after_a_subject_pronoun_is_no_noun() {
        // `étais` is also the plural of `étai`, `as` a noun.
        assert_eq!(flagged("Je n'étais pas perdus."), [("perdus".into(), "perdu / perdue".into())]);
        assert_eq!(flagged("Tu as manger."), [("manger".into(), "mangé".into())]);
    }

    #[test]
    fn review_cases_pass() {
        for sentence in [
            "Ceux qui en ont savent de quoi je parle.",
            "Celui qui n'en a veut en avoir.",
            "Les ressources que ces petites entreprises locales ont suffisent à peine.",
            "Un délai de 30 s a été ajouté avant la relance.",
            "Il me croyait morte depuis longtemps.",
            "Il nous sait occupés en ce moment.",
            "J'ai souvenir d'une époque plus calme.",
            "Ce semestre ont été recrutés vingt agents.",
        ] {
            assert!(flagged(sentence).is_empty(), "{sentence}");
        }
        assert_eq!(flagged("Elles ont pu mangé.")[0].0, "mangé");
    }

    #[test]
    fn a_reflexive_with_avoir_is_flagged() {
        assert_eq!(flagged("Il s'y a trouvé."), [("s'y a".into(), String::new())]);
        assert_eq!(flagged("Ils s'en ont servi."), [("s'en ont".into(), String::new())]);
        for sentence in ["S'il a faim, il mange.", "Il m'a vu et elle s'est lavée.", "Moody's a abaissé la note."] {
            assert!(flagged(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn a_participle_after_a_modal_or_pour_is_flagged() {
        assert_eq!(flagged("Le ministre peut signé le décret."), [("signé".into(), "signer".into())]);
        assert_eq!(flagged("Il est venu pour mangé avec nous."), [("mangé".into(), "manger".into())]);
        assert_eq!(flagged("Ils doivent payé la facture."), [("payé".into(), "payer".into())]);
    }

    #[test]
    fn an_attribute_plural_after_je_or_tu_is_flagged() {
        assert_eq!(flagged("Je suis contents de vous voir ici ce soir.")[0].0, "contents");
        assert_eq!(flagged("Tu es vraiment petites pour ton âge.")[0].0, "petites");
        for sentence in
            ["Je suis content de vous voir.", "Je suis les conseils de mon médecin.", "Tu es chef de projet."]
        {
            assert!(flagged(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn a_participle_that_ignores_its_pronoun_subject_is_flagged() {
        assert_eq!(flagged("Elle a été arrêté hier soir."), [("arrêté".into(), "arrêtée".into())]);
        assert_eq!(flagged("Elles sont parti très tôt."), [("parti".into(), "parties".into())]);
        assert_eq!(
            flagged("Cette carte qui n’y sera jamais retrouvé à temps."),
            [("retrouvé".into(), "retrouvée".into())]
        );
        assert_eq!(flagged("Elle semble fatigué ce soir."), [("fatigué".into(), "fatiguée".into())]);
        assert_eq!(flagged("Il n'en était pas satisfaits."), [("satisfaits".into(), "satisfait".into())]);
        assert_eq!(flagged("Le travail ? C'est finis."), [("finis".into(), "fini".into())]);
        assert_eq!(flagged("Et cela paraît incroyables."), [("incroyables".into(), "incroyable".into())]);
        assert_eq!(flagged("Il peut être observée de loin."), [("observée".into(), "observé".into())]);
        assert_eq!(flagged("Elles ne semblent pas être arrivé."), [("arrivé".into(), "arrivées".into())]);
    }

    #[test]
    fn more_subjects_give_the_attribute_its_gender_and_number() {
        assert_eq!(flagged("Tout est perdue.")[0].0, "perdue");
        assert_eq!(flagged("Personne n'est venus.")[0].0, "venus");
        assert_eq!(flagged("Un des nôtres était perdue.")[0].0, "perdue");
        assert_eq!(flagged("L'une d'elles risquait d'être attaqué.")[0].0, "attaqué");
        assert_eq!(flagged("Iels sont fatigué.")[0].0, "fatigué");
        assert_eq!(flagged("Certains hommes sont parties.")[0].0, "parties");
        assert_eq!(flagged("Des avocates sont partis.")[0].0, "partis");
        assert_eq!(flagged("Ils restaient méfiantes.")[0].0, "méfiantes");
        assert_eq!(flagged("Elle vient d'être fini.")[0].0, "fini");
        for sentence in [
            "Donne-lui tout, personne est là.",
            "Rien ne sera jamais parfait.",
            "Tout est prêt et lui est parti.",
            "Un des hommes était parti.",
            "Ceux et celles qui étaient présents.",
            "Ce qu'ils savent être efficace.",
            "Elle est chef et elles sont témoins.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn inverted_pronouns_antecedents_of_qui_and_reflexives_before_y_give_the_subject() {
        assert_eq!(flagged("Serais-je fâchés contre vous ?")[0].0, "fâchés");
        assert_eq!(flagged("Deviendras-tu riches ?")[0].0, "riches");
        assert_eq!(flagged("Seras-tu arriver à temps ?")[0].0, "arriver");
        assert_eq!(flagged("C'est ça qui paraît stupides.")[0].0, "stupides");
        assert_eq!(flagged("Lui qui affirmait être devenu éclairée.")[0].0, "éclairée");
        assert_eq!(flagged("Moi qui suis devenu riches.")[0].0, "riches");
        assert_eq!(flagged("Ça s'efforce d'être humbles.")[0].0, "humbles");
        assert_eq!(flagged("Lui s'y efforçait de paraître instruits.")[0].0, "instruits");
        assert_eq!(flagged("Ils sont moins perdu que nous.")[0].0, "perdu");
        for sentence in [
            "Que se sont-ils dit ?",
            "La puissance publique s'en est-elle rendu compte ?",
            "Pourquoi s'était-elle laissé emporter ?",
            "Je suis on ne peut pas moins disposée à partir.",
            "Il n'est pas si grand.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn objects_incises_complements_and_titles_are_not_subjects() {
        for sentence in [
            "Il y a des gens comme lui qui sont restés fidèles.",
            "Demande-lui qui est venue hier soir.",
            "Elle était paraît-il très fatiguée.",
            "Les négociations sont semble-t-il bloquées.",
            "Lui est apparue soudain une silhouette au bout du couloir.",
            "Le chef des opérations qui est parti hier sera remplacé.",
            "Une des femmes qui est restée fidèle au parti a témoigné.",
            "La seule solution pourrait être négocier.",
            "Elle est maître de conférences et elle est devenue chercheur.",
            "Les sockets sont fermées proprement.",
            "Ils sont partie prenante du projet.",
            "Personne n'était aussi belle qu'elle.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
        assert_eq!(flagged("Un d'entre nous est partis.")[0].0, "partis");
        assert_eq!(flagged("Lui ne semble pas perdue.")[0].0, "perdue");
        assert_eq!(flagged("Les avocates sont partis.")[0].0, "partis");
    }

    #[test]
    fn the_participle_of_a_verb_of_state_passes_the_attribute_on() {
        assert_eq!(flagged("Il est devenu folles.")[0].0, "folles");
        assert_eq!(flagged("Elle semble devenue aigries.")[0].0, "aigries");
        assert_eq!(flagged("Elle est restée fatigués.")[0].0, "fatigués");
        assert_eq!(flagged("Ils ont semblé faible.")[0].0, "faible");
        assert_eq!(flagged("Elle est devenu célèbre.")[0].0, "devenu");
        for sentence in [
            "Ils ont paru surpris.",
            "Elle a semblé ravie.",
            "Il est resté trois jours.",
            "Elle est devenue la présidente.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn an_infinitive_after_a_bare_etre_is_flagged() {
        assert_eq!(flagged("Pour ne pas être déranger.")[0].0, "déranger");
        assert_eq!(flagged("Il aime n'être attacher à rien.")[0].0, "attacher");
        for sentence in ["Être ou ne pas être, voilà la question.", "Un être aimé manque.", "Ne pas être à plaindre."]
        {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn a_conjugated_form_after_etre_is_flagged_but_not_after_the_compass_point() {
        assert_eq!(flagged("L'homme était sortit avec enthousiasme."), [("sortit".into(), "sorti".into())]);
        for sentence in [
            "À l'est commence la forêt.",
            "Le versant est descend en pente douce.",
            "Au nord-est vivent quelques familles.",
            "Ce qu'il est importe peu.",
            "Tu veux plus détaillé ?",
            "Elles se déclarent forfait.",
            "Il se rend compte de son erreur.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }

    #[test]
    fn well_formed_and_ambiguous_chains_pass() {
        for sentence in [
            "Il a donné son accord et elle a été arrêtée.",
            "Elle s'est rendu compte de son erreur.",
            "La machine a laver est en panne.",
            "Il va mieux et il peut aussi venir.",
            "Ils sont partis sans précédent pour tous.",
            "Elle est médecin et il est devenu ministre.",
            "Il a dîner chez lui.",
            "Ils tiennent pour acquis ce résultat, puis assigné à résidence, il part armé.",
            "Nous avions voler des avions et on ne peut plus ravi.",
            "Pierre et elle étaient fiancés et ils sont bien sûr ressortis.",
            "Elles sont bleu saphir et il est torse nu.",
            "La hausse des prix est importante et les enfants sont partis.",
            "Vous pouvez bien entendu modifier ce fichier, elle est bien entendu invitée.",
            "Le texte se veut équilibré et je le veux terminé avant midi.",
            "Le lendemain sont arrivés les renforts.",
            "J'ai vu la mère et la fille qui sont arrivées.",
            "Elle est mort-née.",
            "Il faut être prudents quand on part en montagne.",
            "Il peut être utile de relire, et elle en est ravie.",
            "Elles sont peut être parties, et il a peut être raison.",
            "Ce sont des amis, c'est des gens bien, et c'est fini.",
            "Malgré cela est arrivée une lettre. C'est toute la différence.",
            "C'est donc seules qu'elles partiront, et ils étaient vôtre.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }
}
