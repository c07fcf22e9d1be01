//! `mtaudit train`: a style-profile model fitted to labelled documents of one language, with
//! its out-of-fold figures, and the figures of a model on other labelled documents.

use super::folds;
use super::logistic;
use super::metrics;
use crate::style_model::{self, FORMAT, ModelFeature, StyleModel, Training};

/// One labelled document's profile.
#[derive(Debug, Clone)]
pub struct StyleSample {
    pub id: String,
    pub mt: bool,
    /// Documents of one group stay in one fold.
    pub group: Option<String>,
    /// The values of the language's features (`FeatureSet::names` order).
    pub values: Vec<f64>,
}

/// What `train` is asked for besides the documents.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub language: String,
    pub folds: usize,
    pub l2: f64,
    pub min_words: usize,
    pub labels: Vec<String>,
    pub group_field: Option<String>,
    /// Only the features whose names start with one of these (all when empty).
    pub feature_prefixes: Vec<String>,
}

/// A fitted model and the held-out probability of every sample (`None` for a sample whose
/// fold could not be fitted: its other folds lack one of the two kinds).
#[derive(Debug, Clone)]
pub struct Trained {
    pub model: StyleModel,
    pub out_of_fold: Vec<Option<f64>>,
}

/// Features whose values vary by less than this across the documents are left out: they carry
/// nothing and cannot be standardised (and their scale would not survive the file's rounding).
const MIN_SCALE: f64 = 1e-6;

/// Fits the standardised model on `samples`, measuring the same procedure on held-out folds.
/// `names` are the features the values follow.
pub fn train(samples: &[StyleSample], names: &[String], options: &TrainOptions) -> Trained {
    let mt: Vec<bool> = samples.iter().map(|s| s.mt).collect();
    let keys: Vec<String> = samples.iter().map(|s| s.group.clone().unwrap_or_else(|| s.id.clone())).collect();
    let fold = folds::of_keys(&keys, options.folds);
    let mut out_of_fold = vec![None; samples.len()];
    for f in 0..options.folds {
        let train: Vec<&StyleSample> = samples.iter().zip(&fold).filter(|(_, k)| **k != f).map(|(s, _)| s).collect();
        let both_kinds = train.iter().any(|s| s.mt) && train.iter().any(|s| !s.mt);
        if train.len() == samples.len() || !both_kinds {
            continue;
        }
        let model = fit(&train, names, options);
        for (i, sample) in samples.iter().enumerate().filter(|(i, _)| fold[*i] == f) {
            out_of_fold[i] = Some(probability(&model, names, &sample.values));
        }
    }
    let all: Vec<&StyleSample> = samples.iter().collect();
    let mut model = fit(&all, names, options);
    let in_sample: Vec<f64> = samples.iter().map(|s| probability(&model, names, &s.values)).collect();
    // Figures from the held-out documents only, and none unless every document was held out.
    // The warning threshold is read off the held-out probabilities of the human texts, like
    // the figures, and only when every document was held out.
    let held_out = out_of_fold.iter().copied().collect::<Option<Vec<f64>>>();
    model.training.out_of_fold_roc_auc = held_out.as_ref().and_then(|p| metrics::roc_auc(p, &mt)).map(round4);
    model.warn_from = held_out.map(|p| {
        let human: Vec<f64> = p.iter().zip(&mt).filter(|(_, mt)| !**mt).map(|(p, _)| *p).collect();
        style_model::warn_from(&human)
    });
    model.training.in_sample_roc_auc = metrics::roc_auc(&in_sample, &mt).map(round4);
    Trained { model, out_of_fold }
}

fn fit(samples: &[&StyleSample], names: &[String], options: &TrainOptions) -> StyleModel {
    let n = samples.len().max(1) as f64;
    let mut features = Vec::new();
    let chosen = |name: &str| {
        options.feature_prefixes.is_empty() || options.feature_prefixes.iter().any(|p| name.starts_with(p.as_str()))
    };
    for (k, name) in names.iter().enumerate().filter(|(_, n)| chosen(n)) {
        let mean = samples.iter().map(|s| s.values[k]).sum::<f64>() / n;
        let variance = samples.iter().map(|s| (s.values[k] - mean).powi(2)).sum::<f64>() / n;
        if variance.sqrt() > MIN_SCALE {
            features.push((k, ModelFeature { name: name.clone(), mean, scale: variance.sqrt(), weight: 0.0 }));
        }
    }
    let mut model = StyleModel {
        format: FORMAT.to_string(),
        language: options.language.clone(),
        min_words: options.min_words,
        bias: 0.0,
        features: features.iter().map(|(_, f)| f.clone()).collect(),
        warn_from: None,
        training: Training {
            labels: options.labels.clone(),
            documents: samples.len(),
            machine_translations: samples.iter().filter(|s| s.mt).count(),
            human_texts: samples.iter().filter(|s| !s.mt).count(),
            l2: options.l2,
            folds: options.folds,
            group_field: options.group_field.clone(),
            out_of_fold_roc_auc: None,
            in_sample_roc_auc: None,
        },
    };
    let x: Vec<Vec<f64>> = samples
        .iter()
        .map(|s| features.iter().enumerate().map(|(j, (k, _))| model.z(j, s.values[*k])).collect())
        .collect();
    let y: Vec<bool> = samples.iter().map(|s| s.mt).collect();
    let fitted = logistic::fit_signed(&x, &y, features.len(), options.l2);
    model.bias = round6(fitted.bias);
    for (feature, weight) in model.features.iter_mut().zip(&fitted.weights) {
        feature.weight = round6(*weight);
        feature.mean = significant6(feature.mean);
        feature.scale = significant6(feature.scale);
    }
    model
}

/// A model's probability for values in `names` order (names the model lacks count for
/// nothing).
pub fn probability(model: &StyleModel, names: &[String], values: &[f64]) -> f64 {
    let mut logit = model.bias;
    for (k, feature) in model.features.iter().enumerate() {
        if let Some(slot) = names.iter().position(|n| *n == feature.name) {
            logit += feature.weight * model.z(k, values[slot]);
        }
    }
    style_model::probability(logit)
}

/// The features with the largest weights, heaviest first.
pub fn heaviest(model: &StyleModel, count: usize) -> Vec<&ModelFeature> {
    let mut features: Vec<&ModelFeature> = model.features.iter().collect();
    features.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()).then_with(|| a.name.cmp(&b.name)));
    features.truncate(count);
    features
}

/// Six significant digits: a small scale keeps its precision.
fn significant6(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let digits = 5 - x.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits);
    (x * factor).round() / factor
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

/// Model files keep six decimals: enough for the figures, and the file stays small and stable.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> TrainOptions {
        TrainOptions {
            language: "fra".into(),
            folds: 5,
            l2: 1.0,
            min_words: 100,
            labels: vec!["labels.jsonl".into()],
            group_field: Some("story".into()),
            feature_prefixes: Vec::new(),
        }
    }

    #[test]
    fn small_scales_keep_their_digits() {
        assert_eq!(significant6(0.000_001_234_567_8), 0.000_001_234_57);
        assert_eq!(significant6(123.456_789), 123.457);
        assert_eq!(significant6(0.0), 0.0);
    }

    #[test]
    fn documents_of_one_group_have_no_out_of_fold_figures() {
        let names: Vec<String> = vec!["comma".into()];
        let samples: Vec<StyleSample> = (0..10)
            .map(|i| StyleSample {
                id: format!("d{i}"),
                mt: i % 2 == 0,
                group: Some("one".into()),
                values: vec![i as f64],
            })
            .collect();
        let options = options();
        let trained = train(&samples, &names, &options);
        assert!(trained.out_of_fold.iter().all(Option::is_none));
        assert_eq!(trained.model.training.out_of_fold_roc_auc, None);
        assert_eq!(trained.model.warn_from, None);
    }

    fn sample(i: usize, mt: bool, spread: f64, noise: f64) -> StyleSample {
        StyleSample { id: format!("d{i}"), mt, group: Some(format!("g{}", i / 2)), values: vec![spread, noise, 1.0] }
    }

    #[test]
    fn a_feature_that_separates_gets_the_weight_and_a_constant_one_is_left_out() {
        let names: Vec<String> = ["sentence-words-spread", "comma", "quote"].iter().map(|s| s.to_string()).collect();
        // Machine translations have flatter sentence lengths; commas are noise.
        let samples: Vec<StyleSample> = (0..60)
            .map(|i| {
                let mt = i % 2 == 0;
                let spread = if mt { 0.3 } else { 0.6 } + (i % 7) as f64 * 0.03;
                sample(i, mt, spread, ((i * 37) % 11) as f64)
            })
            .collect();
        let options = options();
        let trained = train(&samples, &names, &options);
        let model = &trained.model;
        assert_eq!(
            model.features.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
            ["sentence-words-spread", "comma"]
        );
        assert!(model.features[0].weight < -1.0, "flatter lengths speak for MT: {model:?}");
        assert_eq!(heaviest(model, 1)[0].name, "sentence-words-spread");
        assert!(model.training.out_of_fold_roc_auc.unwrap() > 0.9, "{:?}", model.training);
        assert!(trained.out_of_fold.iter().all(Option::is_some));
        assert!(trained.model.warn_from.is_some_and(|t| (0.6..=0.95).contains(&t)), "{:?}", trained.model.warn_from);
        assert_eq!((model.training.machine_translations, model.training.human_texts), (30, 30));
        let text = serde_json::to_string(model).unwrap();
        assert_eq!(&StyleModel::parse(&text).unwrap(), model);
        assert_eq!(train(&samples, &names, &options).model, *model, "deterministic");
    }
}
