//! A style-profile model: a logistic regression over a document's style profile (function-word
//! rates, sentence and word lengths, punctuation…) that gives the probability that the document
//! is a machine translation. Written by `mtaudit train`, read by the style-profile rule.
//!
//! The file is JSON and names everything needed to judge it: its language, each feature with
//! the mean and scale it is standardised by and its weight, and the labelled sets it was
//! trained on with their figures.

use serde::{Deserialize, Serialize};

/// The value of `format` in every model file this version writes: `/2` added `warn_from`,
/// which a reader of `/1` files would refuse.
pub const FORMAT: &str = "mtaudit-style-model/2";
/// The formats this version reads: `/1` files have no `warn_from`.
pub const READ_FORMATS: [&str; 2] = ["mtaudit-style-model/1", FORMAT];

/// Standardised feature values are clipped to this many scales from the training mean, so that
/// one freak statistic of an unusual document cannot decide alone.
pub const MAX_Z: f64 = 5.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleModel {
    pub format: String,
    /// ISO 639-3 code of the language whose documents the model judges.
    pub language: String,
    /// Documents shorter than this (in words) are not judged: their statistics are noise.
    pub min_words: usize,
    pub bias: f64,
    pub features: Vec<ModelFeature>,
    /// The probability from which the style-profile rule reports a warning rather than
    /// information: chosen by `train` from the out-of-fold probabilities, so that few of the
    /// human training texts reach it (`WARN_MAX_HUMAN_SHARE`). Absent in files written before
    /// it existed and when no out-of-fold figures could be made; the rule then uses its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warn_from: Option<f64>,
    pub training: Training,
}

/// The probability the style-profile rule warns from when a model names none.
pub const DEFAULT_WARN_FROM: f64 = 0.8;
/// The largest share of human training texts whose out-of-fold probability may reach a
/// model's `warn_from`.
pub const WARN_MAX_HUMAN_SHARE: f64 = 0.025;
/// The candidates for `warn_from`, lowest first: a warning is never given below 0.6 or above
/// 0.95.
pub const WARN_FROM_STEPS: [f64; 8] = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

/// The lowest candidate threshold that at most `WARN_MAX_HUMAN_SHARE` of the human texts'
/// held-out probabilities reach (the highest candidate when none does).
pub fn warn_from(human_probabilities: &[f64]) -> f64 {
    let allowed = (WARN_MAX_HUMAN_SHARE * human_probabilities.len() as f64).floor() as usize;
    let reaching = |t: f64| human_probabilities.iter().filter(|&&p| p >= t).count();
    WARN_FROM_STEPS.into_iter().find(|&t| reaching(t) <= allowed).unwrap_or(WARN_FROM_STEPS[WARN_FROM_STEPS.len() - 1])
}

/// One feature: `z = (value − mean) / scale`, clipped to ±`MAX_Z`, contributes `weight · z` to
/// the log-odds of machine translation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelFeature {
    pub name: String,
    pub mean: f64,
    pub scale: f64,
    pub weight: f64,
}

/// How the model was made and how well it did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Training {
    /// The labels files, as given to `train`.
    pub labels: Vec<String>,
    pub documents: usize,
    pub machine_translations: usize,
    pub human_texts: usize,
    /// Strength of the L2 penalty on the standardised weights.
    pub l2: f64,
    pub folds: usize,
    /// The label field that grouped documents into folds, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_field: Option<String>,
    /// ROC AUC of the probability on held-out folds.
    pub out_of_fold_roc_auc: Option<f64>,
    /// ROC AUC on the training documents (optimistic).
    pub in_sample_roc_auc: Option<f64>,
}

impl StyleModel {
    /// Reads and checks a model file's text (`source` names it in errors).
    pub fn parse(text: &str) -> Result<StyleModel, String> {
        let model: StyleModel = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if !READ_FORMATS.contains(&model.format.as_str()) {
            return Err(format!("format `{}` is not `{FORMAT}` (nor `{}`)", model.format, READ_FORMATS[0]));
        }
        if model.format == READ_FORMATS[0] && model.warn_from.is_some() {
            return Err(format!("`warn_from` needs format `{FORMAT}`"));
        }
        if model.language.len() != 3 || !model.language.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(format!("language `{}` is not an ISO 639-3 code", model.language));
        }
        if !model.bias.is_finite() {
            return Err("bias is not a finite number".into());
        }
        if model.warn_from.is_some_and(|t| !(0.5..=1.0).contains(&t)) {
            return Err("warn_from must lie between 0.5 and 1".into());
        }
        let mut names = std::collections::BTreeSet::new();
        for f in &model.features {
            if !(f.mean.is_finite() && f.weight.is_finite() && f.scale.is_finite() && f.scale > 0.0) {
                return Err(format!("feature `{}`: mean and weight must be finite, scale positive", f.name));
            }
            if !names.insert(f.name.as_str()) {
                return Err(format!("feature `{}` is listed twice", f.name));
            }
        }
        Ok(model)
    }

    /// The standardised, clipped value of feature `k` for a raw value.
    pub fn z(&self, k: usize, value: f64) -> f64 {
        let f = &self.features[k];
        ((value - f.mean) / f.scale).clamp(-MAX_Z, MAX_Z)
    }
}

/// The logistic function: log-odds to probability.
pub fn probability(logit: f64) -> f64 {
    1.0 / (1.0 + (-logit).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model_json(scale: f64) -> String {
        format!(
            r#"{{"format":"{FORMAT}","language":"fra","min_words":100,"bias":-0.5,
            "features":[{{"name":"mtld","mean":80.0,"scale":{scale},"weight":-1.0}}],
            "training":{{"labels":["l.jsonl"],"documents":10,"machine_translations":5,"human_texts":5,
            "l2":1.0,"folds":5,"out_of_fold_roc_auc":0.7,"in_sample_roc_auc":0.8}}}}"#
        )
    }

    #[test]
    fn a_model_file_reads_back_and_standardises_with_clipping() {
        let model = StyleModel::parse(&model_json(10.0)).unwrap();
        assert_eq!(model.z(0, 60.0), -2.0);
        assert_eq!(model.z(0, 1000.0), MAX_Z);
        let again = StyleModel::parse(&serde_json::to_string(&model).unwrap()).unwrap();
        assert_eq!(again, model);
    }

    #[test]
    fn a_broken_model_file_is_refused_with_the_reason() {
        let err = StyleModel::parse(&model_json(0.0)).unwrap_err();
        assert!(err.contains("scale positive"), "{err}");
        let err = StyleModel::parse(&model_json(1.0).replace(FORMAT, "other/2")).unwrap_err();
        assert!(err.contains("format"), "{err}");
        assert!(StyleModel::parse("{").is_err());
    }

    #[test]
    fn the_warning_threshold_lets_through_at_most_one_human_text_in_forty() {
        // 40 human texts: one may reach the threshold.
        let mut human = vec![0.3; 38];
        human.extend([0.72, 0.66]);
        assert_eq!(warn_from(&human), 0.7);
        // 20 human texts: none may.
        let mut human = vec![0.3; 18];
        human.extend([0.72, 0.66]);
        assert_eq!(warn_from(&human), 0.75);
        assert_eq!(warn_from(&[0.99]), 0.95);
        assert_eq!(warn_from(&[0.1, 0.2]), 0.6);
    }

    #[test]
    fn a_warning_threshold_outside_the_reported_range_is_refused() {
        let text = model_json(1.0).replace(r#""bias":-0.5,"#, r#""bias":-0.5,"warn_from":0.3,"#);
        assert!(StyleModel::parse(&text).unwrap_err().contains("warn_from"));
        let text = model_json(1.0).replace(r#""bias":-0.5,"#, r#""bias":-0.5,"warn_from":0.7,"#);
        assert_eq!(StyleModel::parse(&text).unwrap().warn_from, Some(0.7));
    }

    #[test]
    fn files_of_the_first_format_are_read_without_a_warning_threshold() {
        let first = model_json(1.0).replace(FORMAT, READ_FORMATS[0]);
        assert_eq!(StyleModel::parse(&first).unwrap().warn_from, None);
        let with_threshold = first.replace(r#""bias":-0.5,"#, r#""bias":-0.5,"warn_from":0.7,"#);
        assert!(StyleModel::parse(&with_threshold).unwrap_err().contains("needs format"));
    }

    #[test]
    fn probability_is_the_logistic_function() {
        assert_eq!(probability(0.0), 0.5);
        assert!(probability(4.0) > 0.98 && probability(-4.0) < 0.02);
    }
}
