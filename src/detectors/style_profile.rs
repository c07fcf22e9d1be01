//! MT801: a document whose style profile reads like machine translation to the model of its
//! language.

use crate::detectors::duplicate_document::first_line;
use crate::finding::{Finding, Severity};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::style_model::DEFAULT_WARN_FROM;
use crate::view::View;

pub struct StyleProfileRule;

/// The model's probability from which a document is reported (as a warning from the model's
/// `warn_from`, set by `train`, or `DEFAULT_WARN_FROM`).
const REPORT_FROM: f64 = 0.5;
/// Features named in the message.
const NAMED_FEATURES: usize = 3;

static META: RuleMeta = RuleMeta {
    id: "MT801",
    name: "style-profile",
    family: Family::Style,
    default_severity: Severity::Warning,
    default_weight: 4.0,
    fallback: false,
    summary: "The text's statistics (function words, sentence lengths, punctuation) read like machine translation.",
    explanation: "\
What it flags: a document whose style profile a model of its language judges more likely
machine-translated than written in the language (probability 0.5 or more; a warning from the
probability the model file names, which `train` sets to the lowest of 0.60, 0.65, … 0.95
that at most 2.5% of the human training texts reached when held out; from 0.8 for a model
file that does not name one). The profile is computed once per document: the rate of each function word, sentence
length and its spread, word length, lexical variety (MTLD), punctuation per 1,000 words,
capitals, numbers, the share of words the lexicon lacks and, where the lexicon has tags, the
parts of speech and their pairs. The message names the features that pushed most.

Why it matters: modern systems translating edited text leave few errors to count, but the
text keeps a measurable profile: function words used as the source language uses them,
flatter sentence lengths, less varied vocabulary. This is the one signal here that does not
need an error.

Example: a 600-word French article whose sentences are all 18 to 24 words long, with `de` and
`que` at the rates of German-source MT → `reads like machine translation by its style
(p = 0.83): spread of sentence lengths lower than in human text; …`.

How: `mtaudit train --labels FILE INPUT… -o model.json` fits a model on the user's labelled
documents (L2 logistic regression over the standardised profile, with grouped
cross-validation); `check --model model.json` (or `[style] models` in mtaudit.toml) applies
it. Models embedded in the binary (French, English, German, Spanish) apply where no user
model names the language; the README's section on the style profile says what each was
trained on and how well it did on sites it had not seen.

Limits: a statistic of the whole text, not a fault one can point at; the finding marks the
first line. Documents shorter than the model's `min_words` are not judged. A model learns its
training sets: news MT against news originals transfers poorly to other genres and sites, so
the default weight is low, and a model trained on one's own corpus does better than the
embedded one.",
};

impl Detector for StyleProfileRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        let Some(model) = res.style_models.for_lang(doc.lang.code) else { return };
        // The profile counts fewer words than the document (not the comments): a short
        // document is left before anything is computed.
        if doc.word_count() < model.model.min_words {
            return;
        }
        let Some(profile) = doc.style_profile(res).filter(|p| p.words >= model.model.min_words) else { return };
        let Some(assessment) = model.assess_from(profile, REPORT_FROM, NAMED_FEATURES) else { return };
        let reasons: Vec<String> = assessment.pushes.iter().map(|push| model.explain_push(push)).collect();
        let warn_from = model.model.warn_from.unwrap_or(DEFAULT_WARN_FROM);
        let severity = if assessment.probability >= warn_from { Severity::Warning } else { Severity::Info };
        let mut message = format!("reads like machine translation by its style (p = {:.2})", assessment.probability);
        if !reasons.is_empty() {
            message.push_str(": ");
            message.push_str(&reasons.join("; "));
        }
        out.push(Finding::new(META.id, severity, first_line(doc), message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::set::Lexicons;
    use crate::style_model::{FORMAT, StyleModel};
    use crate::view::style_models::{BoundModel, StyleModels};

    /// A French model that reads many commas as machine translation.
    fn comma_model(weight: f64) -> StyleModels {
        comma_model_warning_from(weight, None)
    }

    fn comma_model_warning_from(weight: f64, warn_from: Option<f64>) -> StyleModels {
        let warn_from = warn_from.map_or(String::new(), |t| format!(r#""warn_from":{t},"#));
        let json = format!(
            r#"{{"format":"{FORMAT}","language":"fra","min_words":20,"bias":0.0,{warn_from}
            "features":[{{"name":"comma","mean":50.0,"scale":25.0,"weight":{weight}}}],
            "training":{{"labels":["test"],"documents":2,"machine_translations":1,"human_texts":1,
            "l2":1.0,"folds":2,"out_of_fold_roc_auc":null,"in_sample_roc_auc":null}}}}"#
        );
        let model = BoundModel::bind(StyleModel::parse(&json).unwrap(), "test").unwrap();
        StyleModels::from_models(vec![model])
    }

    fn findings(text: &str, models: StyleModels) -> Vec<Finding> {
        let mut res = Resources::new(Lexicons::embedded());
        res.style_models = models;
        let doc = View::build("t", text.to_string(), &res);
        let mut out = Vec::new();
        StyleProfileRule.check(&doc, &res, &mut out);
        out
    }

    const COMMAS: &str = "Le ministre, qui est arrivé hier, a dit que le pays, selon lui, doit changer. \
        Les habitants de la ville, eux, ne sont pas de cet avis, et ils le disent, souvent, dans la rue. \
        Le maire, pour sa part, se tait.";

    #[test]
    fn a_text_whose_profile_the_model_reads_as_translation_is_flagged_with_the_reason() {
        let found = findings(COMMAS, comma_model(1.0));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(
            found[0].message.starts_with(
                "reads like machine translation by its style (p = 0.99): commas higher than in human text"
            ),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn the_model_names_the_probability_it_warns_from() {
        let found = findings(COMMAS, comma_model_warning_from(1.0, Some(0.995)));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Info, "p = 0.99 is under the model's 0.995");
        let found = findings(COMMAS, comma_model_warning_from(1.0, Some(0.6)));
        assert_eq!(found[0].severity, Severity::Warning);
    }

    #[test]
    fn the_same_text_passes_a_model_that_reads_commas_the_other_way() {
        assert!(findings(COMMAS, comma_model(-1.0)).is_empty());
    }

    #[test]
    fn short_texts_and_languages_without_a_model_are_not_judged() {
        assert!(findings("Le ministre, hier, a parlé.", comma_model(1.0)).is_empty());
        let english = "The minister, who arrived yesterday, said that the country, in his view, must change. \
            The people of the city, for their part, do not agree, and they say so, often, in the street.";
        assert!(findings(english, comma_model(1.0)).is_empty());
    }
}
