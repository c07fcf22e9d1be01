//! MT603: an indicative or future verb where a French trigger requires the subjunctive.

use crate::finding::{Finding, Severity, Span};
use crate::lexicon::french_grammar::FrenchGrammar;
use crate::lexicon::words::{LemmaId, Lexicon, Tags, tag};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;
use crate::view::french::{self, Token, is_determiner};

pub struct SubjunctiveMood;

static META: RuleMeta = RuleMeta {
    id: "MT603",
    name: "mood-after-trigger",
    family: Family::Grammar,
    default_severity: Severity::Warning,
    default_weight: 19.2,
    fallback: false,
    summary: "A verb that cannot be subjunctive after a trigger such as `pour que`, `bien que` or `il faut que`.",
    explanation: "\
What it flags: in a French text, the first verb of a clause opened by a subjunctive trigger
when the lexicon says that form cannot be a subjunctive: `pour que tout le monde peut` (puisse),
`bien qu'il a` (ait), `il faut que nous allons` (allions), `souhaite que la Russie négociera`.

Why it matters: English, Indonesian and most source languages have no subjunctive to carry
over; a machine translation writes the indicative it would use in any other clause. Native
writers rarely miss it after these triggers.

Example: `Il faut que tout le monde sait la vérité.` → flagged, suggestion `sache`.

How: triggers are conjunctions (`pour que`, `avant que`, `bien que`, `à condition que` …),
verbs of will, wish, need, fear and doubt followed by `que` (any form of the lemma, from the
lexicon), and `il est/c'est + adjective + que` (`il est important que`); all listed in
data/grammar-fr.toml. After the trigger, subject pronouns, clitics and noun phrases are
skipped to the first finite verb of the clause; the clause ends at punctuation or a
subordinating word. Forms that are both indicative and subjunctive (`qu'il parle`) pass.

Limits: `douter que` is not judged when negated; the conditional is accepted after concessive
conjunctions (`bien que`, `quoique`); a verb separated from its trigger by a relative clause or
a comma is not reached.",
};

impl Detector for SubjunctiveMood {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !french::is_french(doc) {
            return;
        }
        let grammar = &res.french_grammar;
        let lex = doc.french_words(res);
        let is_que = |lower: &str| matches!(lower, "que" | "qu" | "quoique" | "quoiqu");
        for &s in doc.french_sentences(res) {
            let sentence = &doc.sentences[s];
            // Only a sentence with a `que` is laid out in tokens.
            if !sentence.words.clone().any(|i| is_que(doc.slice_lower(doc.words[i].span))) {
                continue;
            }
            let tokens: Vec<french::Token<'_>> =
                sentence.words.clone().map(|i| french::token(doc, lex, sentence, i)).collect();
            for i in 0..tokens.len() {
                if !is_que(tokens[i].lower) {
                    continue;
                }
                let Some((trigger_start, concessive)) = trigger(&tokens, i, grammar, res.french) else { continue };
                let Some(verb) = clause_verb(&tokens, i, grammar) else { continue };
                let subject = french::subject_person(tokens[..verb].last().map_or("", |t| t.lower));
                let verb = &tokens[verb];
                let tags = verb.tags();
                let allowed = tag::SUBJUNCTIVE | if concessive { tag::CONDITIONAL } else { 0 };
                if tags.has(allowed) || !tags.has(tag::FINITE) {
                    continue;
                }
                let trigger_span = Span::new(tokens[trigger_start].span.start, tokens[i].span.end);
                let trigger_text = &doc.text[trigger_span.start..trigger_span.end];
                let mut finding = Finding::new(
                    META.id,
                    Severity::Warning,
                    verb.span,
                    format!(
                        "`{}` ({}) after `{}`, which requires the subjunctive",
                        verb.text,
                        describe_finite(tags),
                        trigger_text
                    ),
                )
                .with_related(trigger_span, "the trigger");
                if let Some(subjunctive) = subjunctive_of(verb.lower, subject, res.french) {
                    finding = finding.with_suggestion(subjunctive);
                }
                out.push(finding);
            }
        }
    }
}

fn describe_finite(tags: Tags) -> String {
    let moods = Tags(tags.0 & (tag::FINITE | french::PERSONS));
    moods.describe()
}

/// `que` ≈ `qu`, `quoique` ≈ `quoiqu`.
fn same_word(listed: &str, written: &str) -> bool {
    listed == written || (listed.ends_with("que") && written.ends_with("qu") && &listed[..listed.len() - 1] == written)
}

/// Where the trigger ending at token `i` (a `que`) starts, and whether it is concessive.
fn trigger(tokens: &[Token<'_>], i: usize, grammar: &FrenchGrammar, lexicon: &Lexicon) -> Option<(usize, bool)> {
    for words in &grammar.subjunctive_conjunctions {
        if words.len() > i + 1 {
            continue;
        }
        let start = i + 1 - words.len();
        if words.iter().zip(&tokens[start..=i]).all(|(w, t)| same_word(w, t.lower)) {
            // `je sais bien que`, `si bien que`: `bien` belongs to what comes before. The
            // concessive `bien que` opens its clause.
            // (`je veux bien que` is still judged below, as `vouloir que`.)
            if matches!(words[0].as_str(), "bien" | "encore") && start > 0 && !opens_clause(tokens, start) {
                break;
            }
            let concessive = matches!(words[0].as_str(), "bien" | "quoique" | "encore" | "quoi");
            return Some((start, concessive));
        }
    }
    // `il est juste, que …`: the que of another construction.
    if i == 0 || !matches!(tokens[i].lower, "que" | "qu") || tokens[i].gap.contains([',', ';', ':', '(', '—']) {
        return None;
    }
    // A verb of will, wish, need or doubt, possibly followed by one adverb (`vaut mieux que`).
    let mut v = i - 1;
    if tokens[v].tags().has(tag::ADV) && !tokens[v].tags().has(tag::VERB) && v >= 1 {
        v -= 1;
    }
    let verb = &tokens[v];
    let intensified = v >= 1 && matches!(tokens[v - 1].lower, "si" | "tellement" | "tant" | "aussi" | "trop" | "assez");
    let noun_context = v >= 1 && matches!(tokens[v - 1].lower, "nul" | "nulle" | "aucun" | "aucune" | "sans");
    if verb.tags().has(tag::VERB) && !follows_determiner(tokens, v) && !intensified && !noun_context {
        let lemma = lexicon
            .analyses(verb.lower)
            .filter(|a| a.tags.has(tag::VERB))
            .map(|a| lexicon.lemma(a.lemma))
            .find(|lemma| grammar.subjunctive_verbs.contains(*lemma));
        if let Some(lemma) = lemma {
            let ne = (v.saturating_sub(3)..v).any(|k| matches!(tokens[k].lower, "ne" | "n"));
            let negation = tokens[v + 1..i].iter().any(|t| matches!(t.lower, "pas" | "plus" | "jamais" | "point"));
            // `il n'attend que ça`: ne … que restricts, it does not subordinate.
            let restrictive = ne && !negation;
            let reflexive =
                v >= 1 && matches!(tokens[v - 1].lower, "me" | "m" | "te" | "t" | "se" | "s" | "nous" | "vous");
            let lifted = grammar.negation_lifts.contains(lemma) && ((ne && negation) || reflexive);
            if !restrictive && !lifted {
                return Some((v, false));
            }
        }
    }
    // `il est important que`, `c'est dommage que`: a predicate after a form of être.
    let predicate = &tokens[i - 1];
    // The union of the word's tags (a cached lookup) tells whether any analysis is an
    // adjective before the analyses are read one by one.
    let listed = grammar.subjunctive_predicates.contains(predicate.lower)
        || (lexicon.tags(predicate.lower).has(tag::ADJ)
            && lexicon
                .analyses(predicate.lower)
                .any(|a| a.tags.has(tag::ADJ) && grammar.subjunctive_predicates.contains(lexicon.lemma(a.lemma))));
    if listed && i >= 2 {
        let mut e = i - 2;
        // `si utile que`, `tellement important que`: a consequence, not a judgement.
        if matches!(tokens[e].lower, "si" | "tellement" | "tant" | "aussi" | "trop" | "assez" | "plus" | "moins") {
            return None;
        }
        if tokens[e].tags().has(tag::ADV) && e >= 1 && !french::is_etre_finite(&tokens[e], lexicon) {
            e -= 1;
        }
        if french::is_etre_finite(&tokens[e], lexicon) {
            return Some((e, false));
        }
    }
    None
}

/// The token starts its clause: first of the sentence, after punctuation, or after a
/// coordinating conjunction.
fn opens_clause(tokens: &[Token<'_>], start: usize) -> bool {
    start == 0
        || tokens[start].follows_clause_break()
        || matches!(tokens[start - 1].lower, "et" | "mais" | "or" | "car" | "donc")
}

fn follows_determiner(tokens: &[Token<'_>], i: usize) -> bool {
    i >= 1 && is_determiner(tokens[i - 1].lower)
}

const SUBJECTS_AND_CLITICS: &[&str] = &[
    "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ne", "n", "se", "s", "me", "m", "te", "t",
    "y", "en", "lui", "leur", "le", "la", "les", "l", "cela", "ça", "ceci", "tout", "personne", "rien", "chacun",
];

/// The position in `tokens` of the first finite verb of the clause after token `i`, if the
/// clause reaches one.
fn clause_verb(tokens: &[Token<'_>], i: usize, grammar: &FrenchGrammar) -> Option<usize> {
    let end = (i + 13).min(tokens.len());
    for j in i + 1..end {
        let token = &tokens[j];
        if token.gap.contains([',', ';', ':', '(', ')', '—', '–', '?', '!', '.']) {
            return None;
        }
        if grammar.clause_breakers.contains(token.lower) && j > i + 1 {
            return None;
        }
        let tags = token.tags();
        // `pour que cela`: a pronoun that is also a rare verb form (celer) is the subject.
        if !token.lex.known || !tags.has(tag::FINITE) || tags.has(tag::PRON | tag::DET | tag::CONJ) {
            continue;
        }
        let previous = &tokens[j - 1];
        let after_subject = j == i + 1
            || SUBJECTS_AND_CLITICS.contains(&previous.lower)
            || (previous.tags().has(tag::NOUN | tag::PROPER | tag::ADJ | tag::PAST_PARTICIPLE)
                && !is_determiner(previous.lower)
                && !previous.tags().has(tag::PREP));
        // `la porte`, `la petite souris`: a noun after its determiner or adjective.
        let adjective_after_determiner = previous.tags().has(tag::ADJ) && j >= 2 && is_determiner(tokens[j - 2].lower);
        let noun_phrase = is_determiner(previous.lower)
            || (previous.tags().has(tag::PREP) && !after_subject)
            || (tags.has(tag::NOUN)
                && previous.tags().has(tag::ADJ)
                && (!previous.tags().has(tag::NOUN) || adjective_after_determiner));
        if noun_phrase {
            continue;
        }
        if after_subject {
            return Some(j);
        }
    }
    None
}

/// The present subjunctive of the same lemma and person, for each indicative reading of the
/// form (`suis`: être and suivre), auxiliaries first; at most two.
fn subjunctive_of(lower: &str, subject: Option<u64>, lexicon: &Lexicon) -> Option<String> {
    let persons = subject.unwrap_or(french::PERSONS);
    let mut readings: Vec<(LemmaId, u64)> = lexicon
        .analyses(lower)
        // An imperative has no subject: after `que … je`, only the indicative readings count.
        .filter(|a| a.tags.has(tag::FINITE & !tag::IMPERATIVE) && !a.tags.has(tag::SUBJUNCTIVE))
        .map(|a| (a.lemma, a.tags.0 & persons))
        .collect();
    let auxiliary = |lemma: LemmaId| matches!(lexicon.lemma(lemma), "être" | "avoir");
    readings.sort_by_key(|&(lemma, _)| !auxiliary(lemma));
    let mut candidates: Vec<String> = Vec::new();
    for (lemma, person) in readings {
        let mut forms: Vec<String> = lexicon
            .forms_of(lemma)
            .map(|form| lexicon.form_text(form))
            .filter(|form| {
                lexicon.analyses(form).any(|a| {
                    a.lemma == lemma && a.tags.has(tag::SUBJ_PRESENT) && (person == 0 || a.tags.0 & person != 0)
                })
            })
            .collect();
        forms.sort();
        for form in forms {
            if !candidates.contains(&form) {
                candidates.push(form);
            }
        }
    }
    candidates.truncate(2);
    (!candidates.is_empty()).then(|| candidates.join(" / "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::flagged_in_french;

    fn flagged(sentence: &str) -> Vec<(String, String)> {
        flagged_in_french(&SubjunctiveMood, sentence)
    }

    #[test]
    fn an_indicative_after_a_trigger_is_flagged() {
        assert_eq!(flagged("Il faut que tout le monde sait la vérité."), [("sait".into(), "sache".into())]);
        assert_eq!(flagged("Bien qu’il a raison, il se tait."), [("a".into(), "ait".into())]);
        assert_eq!(
            flagged("Il souhaite que la Russie et l’Ukraine négocieront."),
            [("négocieront".into(), "négocient".into())]
        );
        assert_eq!(flagged("Il est important que vous êtes là."), [("êtes".into(), "soyez".into())]);
        assert_eq!(flagged("Ils partent avant que la nuit tombera."), [("tombera".into(), "tombe".into())]);
        assert_eq!(flagged("Il faut que je suis prêt."), [("suis".into(), "sois / suive".into())]);
        assert_eq!(flagged("Je veux bien que tu viens."), [("viens".into(), "viennes".into())]);
        assert_eq!(flagged("Quoiqu’il est tard, il reste."), [("est".into(), "soit".into())]);
    }

    #[test]
    fn subjunctives_and_ambiguous_forms_pass() {
        for sentence in [
            "Il faut que tout le monde sache la vérité.",
            "Il souhaite que la Russie et l’Ukraine négocient.",
            "Bien qu’il parle fort, personne ne l’écoute.",
            "Il pense que la guerre est finie.",
            "Après que le président est parti, la salle s’est vidée.",
            "Je ne doute pas que vous avez raison.",
            "La demande que nous avons faite est restée sans réponse.",
            "Il faut que la porte soit fermée.",
            "Je sais bien que tu reviendras.",
            "Il faut agir pour que cela change.",
            "Ce n’est encore qu’un début.",
            "Je me doute bien que vous avez trouvé la réponse.",
            "Celui qui n’attend que ça sait en profiter.",
            "Nul doute qu’elle nourrira la haine.",
            "Notre place est si utile que sans nous on prend la pile.",
            "Il arrache une dent pour que la petite souris lui donne de l’argent.",
            "Pour que les pays qui ont signé respectent leurs engagements, il faut des sanctions.",
        ] {
            assert_eq!(flagged(sentence), [], "{sentence}");
        }
    }
}
