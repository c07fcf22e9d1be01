//! The style-profile models of a run: each model bound to its language's features (where each
//! of its features is in a profile), its verdict on a profile with the features that pushed
//! most, and the set of models a run applies (the user's files, then the embedded ones).

use crate::lexicon::LexiconError;
use crate::style_model::{self, StyleModel};
use crate::text::FastMap;
use crate::view::style::{FeatureSet, StyleProfile};
use std::path::PathBuf;
use std::sync::LazyLock;

/// A model bound to its language's features: where each of its features is in a profile.
#[derive(Debug, Clone)]
pub struct BoundModel {
    pub model: StyleModel,
    /// Where the model was read from (a path, or `embedded`).
    pub source: String,
    /// Each feature of the model, in its order, with where its value is in a profile.
    terms: Vec<Term>,
}

/// A model's feature as the sum reads it: its slot in a profile and its numbers, side by side.
#[derive(Debug, Clone, Copy)]
struct Term {
    slot: usize,
    mean: f64,
    scale: f64,
    weight: f64,
}

/// One feature's push on a document's log-odds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Push {
    /// Index in the model's features.
    pub feature: usize,
    /// The standardised value.
    pub z: f64,
    /// `weight · z`.
    pub contribution: f64,
}

/// What a model says of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub probability: f64,
    /// The features that pushed most towards machine translation, strongest first.
    pub pushes: Vec<Push>,
}

impl BoundModel {
    pub fn bind(model: StyleModel, source: &str) -> Result<BoundModel, LexiconError> {
        let err = |m: String| LexiconError::new(source, m);
        let set = FeatureSet::of(&model.language)
            .ok_or_else(|| err(format!("no style features for language `{}`", model.language)))?;
        let slot_of: FastMap<&str, usize> = set.names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
        let slots = model
            .features
            .iter()
            .map(|f| {
                slot_of
                    .get(f.name.as_str())
                    .copied()
                    .ok_or_else(|| err(format!("unknown feature `{}` for `{}`", f.name, model.language)))
            })
            .collect::<Result<Vec<usize>, LexiconError>>()?;
        let terms = slots
            .into_iter()
            .zip(&model.features)
            .map(|(slot, f)| Term { slot, mean: f.mean, scale: f.scale, weight: f.weight })
            .collect();
        Ok(BoundModel { model, source: source.to_string(), terms })
    }

    /// The model's verdict on a profile of its language, with the `top` features that pushed
    /// most.
    pub fn assess(&self, profile: &StyleProfile, top: usize) -> Assessment {
        self.assess_from(profile, 0.0, top).expect("every probability is at least 0")
    }

    /// The verdict when the probability is at least `from`.
    pub fn assess_from(&self, profile: &StyleProfile, from: f64, top: usize) -> Option<Assessment> {
        // One pass: the log-odds summed feature by feature, and the `top` features that pushed
        // most towards translation kept in order on the way (strongest first; a tie goes to the
        // earlier feature).
        let stronger = |a: &Push, b: &Push| b.contribution.total_cmp(&a.contribution).then(a.feature.cmp(&b.feature));
        let mut pushes: Vec<Push> = Vec::with_capacity(top.min(self.terms.len()) + 1);
        let mut logit = self.model.bias;
        for (k, term) in self.terms.iter().enumerate() {
            // `StyleModel::z`, from the term's copy of the feature's numbers.
            let z =
                ((profile.values[term.slot] - term.mean) / term.scale).clamp(-style_model::MAX_Z, style_model::MAX_Z);
            let contribution = term.weight * z;
            logit += contribution;
            if contribution > 0.0 && top > 0 {
                let push = Push { feature: k, z, contribution };
                if pushes.len() < top || pushes.last().is_some_and(|last| stronger(&push, last).is_lt()) {
                    let at = pushes.partition_point(|p| stronger(p, &push).is_lt());
                    pushes.insert(at, push);
                    pushes.truncate(top);
                }
            }
        }
        let probability = style_model::probability(logit);
        if probability < from {
            return None;
        }
        Some(Assessment { probability, pushes })
    }

    /// “spread of sentence lengths lower than in human text”.
    pub fn explain_push(&self, push: &Push) -> String {
        let name = &self.model.features[push.feature].name;
        let direction = if push.z > 0.0 { "higher" } else { "lower" };
        let what = FeatureSet::describe(name);
        if name.starts_with("fw-") || name.starts_with("pos-") {
            format!("rate of {what} {direction} than in human text")
        } else {
            format!("{what} {direction} than in human text")
        }
    }
}

/// The models a run applies, one per language.
#[derive(Debug, Clone, Default)]
pub struct StyleModels {
    models: Vec<BoundModel>,
}

/// Reads model files, at most one per language.
fn read_models(paths: &[PathBuf]) -> Result<Vec<BoundModel>, LexiconError> {
    let mut models: Vec<BoundModel> = Vec::new();
    for path in paths {
        let source = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| LexiconError::new(&source, e.to_string()))?;
        let model = StyleModel::parse(&text).map_err(|e| LexiconError::new(&source, e))?;
        if let Some(other) = models.iter().find(|m| m.model.language == model.language) {
            return Err(LexiconError::new(
                &source,
                format!("a second model for `{}` (the first is {})", model.language, other.source),
            ));
        }
        models.push(BoundModel::bind(model, &source)?);
    }
    Ok(models)
}

// The embedded models are checked by the test suite; failing here is a build defect.
static EMBEDDED: LazyLock<StyleModels> =
    LazyLock::new(|| StyleModels::load(&[], &[], true).expect("embedded style models are valid"));

/// The default models, trained by `scripts/train_style_models.sh` on the sets each file names.
const EMBEDDED_MODELS: &[(&str, &str)] = &[
    ("embedded model (fra)", include_str!("../../data/style-models/fra.json")),
    ("embedded model (eng)", include_str!("../../data/style-models/eng.json")),
    ("embedded model (deu)", include_str!("../../data/style-models/deu.json")),
    ("embedded model (spa)", include_str!("../../data/style-models/spa.json")),
];

impl StyleModels {
    /// The configured model files, then the ones given on the command line (each replacing a
    /// configured model of its language), then the embedded models for the languages they do
    /// not cover when `embedded` is set. Two models for one language in one list are refused.
    pub fn load(configured: &[PathBuf], given: &[PathBuf], embedded: bool) -> Result<StyleModels, LexiconError> {
        let mut models = read_models(configured)?;
        for model in read_models(given)? {
            models.retain(|m| m.model.language != model.model.language);
            models.push(model);
        }
        if embedded {
            for (name, text) in EMBEDDED_MODELS {
                let model = StyleModel::parse(text).map_err(|e| LexiconError::new(name, e))?;
                if !models.iter().any(|m| m.model.language == model.language) {
                    models.push(BoundModel::bind(model, name)?);
                }
            }
        }
        Ok(StyleModels { models })
    }

    /// These models, for a test or a library user who built them.
    pub fn from_models(models: Vec<BoundModel>) -> StyleModels {
        StyleModels { models }
    }

    /// The embedded models alone, read once per process.
    pub fn embedded() -> StyleModels {
        EMBEDDED.clone()
    }

    pub fn for_lang(&self, code: &str) -> Option<&BoundModel> {
        self.models.iter().find(|m| m.model.language == code)
    }

    pub fn is_empty(&self) -> bool {
        self.models.is_empty()
    }

    /// Where each model was read from (a path, or the name of an embedded model), in language
    /// order.
    pub fn sources(&self) -> impl Iterator<Item = &str> {
        let mut models: Vec<&BoundModel> = self.models.iter().collect();
        models.sort_by(|a, b| a.model.language.cmp(&b.model.language));
        models.into_iter().map(|m| m.source.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_naming_a_feature_the_language_lacks_is_refused() {
        let json = format!(
            r#"{{"format":"{}","language":"fra","min_words":1,"bias":0.0,
            "features":[{{"name":"fw-the","mean":0.0,"scale":1.0,"weight":1.0}}],
            "training":{{"labels":[],"documents":0,"machine_translations":0,"human_texts":0,
            "l2":1.0,"folds":2,"out_of_fold_roc_auc":null,"in_sample_roc_auc":null}}}}"#,
            style_model::FORMAT
        );
        let err = BoundModel::bind(StyleModel::parse(&json).unwrap(), "m.json").unwrap_err();
        assert_eq!(err.message, "unknown feature `fw-the` for `fra`");
    }

    #[test]
    fn the_strongest_pushes_come_first_and_ties_go_to_the_earlier_feature() {
        // Five features, each value 1 from a mean of 0: contributions are the weights.
        let names = ["comma", "semicolon", "colon", "question", "exclamation"];
        let weights = [0.5, 2.0, -1.0, 2.0, 0.5];
        let features: Vec<String> = names
            .iter()
            .zip(weights)
            .map(|(n, w)| format!(r#"{{"name":"{n}","mean":0.0,"scale":1.0,"weight":{w}}}"#))
            .collect();
        let json = format!(
            r#"{{"format":"{}","language":"fra","min_words":1,"bias":0.0,"features":[{}],
            "training":{{"labels":[],"documents":0,"machine_translations":0,"human_texts":0,
            "l2":1.0,"folds":2,"out_of_fold_roc_auc":null,"in_sample_roc_auc":null}}}}"#,
            style_model::FORMAT,
            features.join(",")
        );
        let model = BoundModel::bind(StyleModel::parse(&json).unwrap(), "m.json").unwrap();
        let set = FeatureSet::of("fra").unwrap();
        let mut values = vec![0.0; set.names.len()];
        for name in names {
            values[set.names.iter().position(|n| n == name).unwrap()] = 1.0;
        }
        let profile = StyleProfile { lang: "fra", words: 100, values };
        let order =
            |top: usize| -> Vec<usize> { model.assess(&profile, top).pushes.iter().map(|p| p.feature).collect() };
        // semicolon and question tie at 2.0, comma and exclamation at 0.5; colon pushes the
        // other way and is never named.
        assert_eq!(order(0), Vec::<usize>::new());
        assert_eq!(order(1), [1]);
        assert_eq!(order(3), [1, 3, 0]);
        assert_eq!(order(10), [1, 3, 0, 4]);
        assert_eq!(order(usize::MAX), [1, 3, 0, 4]);
    }

    #[test]
    fn the_embedded_models_are_valid_and_cover_french_english_german_and_spanish() {
        let models = StyleModels::embedded();
        for code in ["fra", "eng", "deu", "spa"] {
            let model = models.for_lang(code).unwrap_or_else(|| panic!("no model for {code}"));
            assert!(model.model.training.out_of_fold_roc_auc.is_some_and(|a| a > 0.7), "{code}");
        }
        assert!(models.for_lang("ita").is_none());
    }

    #[test]
    fn a_user_model_replaces_the_embedded_one_and_a_command_line_model_the_configured_one() {
        let dir = std::env::temp_dir().join(format!("mtaudit-style-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("fra.json");
        let mut model = StyleModels::embedded().for_lang("fra").unwrap().model.clone();
        model.min_words = 7;
        std::fs::write(&path, serde_json::to_string(&model).unwrap()).unwrap();
        let models = StyleModels::load(std::slice::from_ref(&path), &[], true).unwrap();
        assert_eq!(models.for_lang("fra").unwrap().model.min_words, 7);
        assert!(models.for_lang("eng").is_some(), "the other embedded models stay");
        let err = StyleModels::load(&[path.clone(), path.clone()], &[], true).unwrap_err();
        assert!(err.message.starts_with("a second model for `fra`"), "{}", err.message);
        // A model on the command line replaces the configured one of its language.
        let given = dir.join("given.json");
        model.min_words = 9;
        std::fs::write(&given, serde_json::to_string(&model).unwrap()).unwrap();
        let models = StyleModels::load(std::slice::from_ref(&path), std::slice::from_ref(&given), true).unwrap();
        assert_eq!(models.for_lang("fra").unwrap().model.min_words, 9);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
